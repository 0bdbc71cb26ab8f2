/** How a key's target is named beside the key in reference chips and exports: `SPEC-2 Saved payment methods`. */

/** The title cut at a word boundary near `limit` characters, with an ellipsis; a requirement's first line can be long. */
export function shortTitle(title: string, limit = 60): string {
  const text = title.replace(/\s+/g, ' ').trim();
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : text.slice(0, limit)).replace(/[\s,;:.–—-]+$/, '')}…`;
}
