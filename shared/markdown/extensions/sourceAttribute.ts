/** The `source` attribute raw nodes carry: their Markdown, verbatim, kept in `data-source`. */
export const sourceAttribute = {
  default: '',
  parseHTML: (element: { getAttribute(name: string): string | null }) =>
    element.getAttribute('data-source') ?? '',
  renderHTML: (attributes: Record<string, unknown>) => ({ 'data-source': attributes.source }),
};

/** A nullable text attribute kept in `data-<name>`. */
export function dataAttribute(name: string) {
  return {
    default: null,
    parseHTML: (element: { getAttribute(name: string): string | null }) =>
      element.getAttribute(`data-${name}`),
    renderHTML: (attributes: Record<string, unknown>) =>
      attributes[name] === null || attributes[name] === undefined
        ? {}
        : { [`data-${name}`]: attributes[name] },
  };
}
