/** Hash routes for the places these features link to (see app-common: `#/doc/<path>?line=N`). */

/** Each path segment is URI-encoded so spaces and `#` survive the hash; the router decodes them. */
export function documentHash(path: string, line?: number): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return line !== undefined && line > 0 ? `#/doc/${encoded}?line=${line}` : `#/doc/${encoded}`;
}

export function roadmapItemHash(key: string): string {
  return `#/roadmap/${encodeURIComponent(key)}`;
}

export function searchHash(query: string): string {
  return `#/search/${encodeURIComponent(query)}`;
}
