/**
 * Inline HTML the editor shows as what it means while every byte stays as written: an element's
 * opening and closing tags (each its own raw inline atom) paired within one paragraph, the text
 * between them shown as that element (`<kbd>Ctrl</kbd>`), and a line break tag (`<br>`, `<p/>`) as a break.
 */

/** Elements shown as themselves between their tags: formatting only, no attributes carried over. */
const shownElements = new Set([
  'kbd',
  'sub',
  'sup',
  'span',
  'u',
  's',
  'i',
  'b',
  'em',
  'strong',
  'mark',
  'small',
  'ins',
  'del',
  'abbr',
  'cite',
  'q',
  'var',
  'samp',
  'code',
]);

export interface InlineHtmlTag {
  /** Lower-case element name. */
  name: string;
  closing: boolean;
  /** `<br>`, `<wbr>` and `<p/>`: a tag with no closing one. */
  empty: boolean;
}

/** The tag a raw inline atom's source is, when it is one the editor shows as what it means. */
export function inlineHtmlTag(source: string): InlineHtmlTag | undefined {
  const match = /^<(\/?)([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?\/?>$/.exec(source);
  if (!match) return undefined;
  const name = match[2]!.toLowerCase();
  if (name === 'br' || name === 'wbr') return match[1] ? undefined : { name, closing: false, empty: true };
  // `<p/>` in a table cell (Obsidian's help writes it so) starts a new line where it stands.
  if (name === 'p' && !match[1] && source.endsWith('/>')) return { name, closing: false, empty: true };
  return shownElements.has(name) ? { name, closing: match[1] === '/', empty: false } : undefined;
}

/**
 * The pairs among one paragraph's children (the source of each raw inline atom, undefined for
 * anything else): for each opening tag, the index of the closing tag that ends it.
 */
export function pairInlineHtml(sources: readonly (string | undefined)[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: { name: string; index: number }[] = [];
  sources.forEach((source, index) => {
    const tag = source === undefined ? undefined : inlineHtmlTag(source);
    if (!tag || tag.empty) return;
    if (!tag.closing) {
      open.push({ name: tag.name, index });
      return;
    }
    const opener = open.findLastIndex((each) => each.name === tag.name);
    if (opener === -1) return;
    pairs.set(open[opener]!.index, index);
    open.length = opener;
  });
  return pairs;
}

/** The indexes among `sources` the editor shows as what they mean: paired tags and line breaks. */
export function renderedInlineHtml(sources: readonly (string | undefined)[]): Set<number> {
  const shown = new Set<number>();
  for (const [open, close] of pairInlineHtml(sources)) shown.add(open).add(close);
  sources.forEach((source, index) => {
    if (source !== undefined && inlineHtmlTag(source)?.empty) shown.add(index);
  });
  return shown;
}
