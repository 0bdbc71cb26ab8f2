/** The `source` attribute raw nodes carry: their Markdown, verbatim, kept in `data-source`. */
export const sourceAttribute = {
  default: '',
  parseHTML: (element: { getAttribute(name: string): string | null }) =>
    element.getAttribute('data-source') ?? '',
  renderHTML: (attributes: Record<string, unknown>) => ({ 'data-source': attributes.source }),
};
