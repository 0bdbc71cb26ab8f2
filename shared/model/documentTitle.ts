/**
 * The one title of a document, as the navigator, the Title field, the Links panel, the quick
 * switcher, search and exports show it: front matter `title`, else the file name without `.md`
 * (what Obsidian and GitHub show), never the first heading.
 */

/** `notes/Configuration folder.md` → `Configuration folder`. */
export function fileTitle(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

/** Front matter `title` when it holds text (a number counts), else undefined. */
export function ownTitle(fields: Record<string, unknown>): string | undefined {
  const value = fields.title;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function documentTitle(fields: Record<string, unknown>, path: string): string {
  return ownTitle(fields) ?? fileTitle(path);
}
