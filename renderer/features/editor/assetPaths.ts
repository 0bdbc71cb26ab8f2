/** Image paths: relative links written into documents, and the URLs the app shows them from. */

function normalizeSegments(segments: string[]): string[] | undefined {
  const result: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (result.length === 0) return undefined;
      result.pop();
    } else result.push(segment);
  }
  return result;
}

function folderOf(path: string): string[] {
  return path.split('/').slice(0, -1);
}

/** The link to write into `documentPath` for a workspace-relative asset, e.g. `../assets/x.png`. */
export function relativeAssetLink(documentPath: string, assetPath: string): string {
  const from = folderOf(documentPath);
  const to = assetPath.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...to.slice(common)]
    .map((segment) => (segment === '..' ? segment : encodeURI(segment)))
    .join('/');
}

/**
 * Where the app loads an image from: workspace images through the server's `workspace-assets/`
 * route; anything outside the workspace or remote is not loaded at all (remote images are off).
 */
export function displaySource(source: string, documentPath: string): string {
  if (source.startsWith('data:image/') && !source.startsWith('data:image/svg')) return source;
  if (/^[a-z][a-z0-9+.-]*:/i.test(source) || source.startsWith('//')) return '';
  let decoded: string;
  try {
    decoded = decodeURI(source.split(/[?#]/)[0]!);
  } catch {
    return '';
  }
  const base = decoded.startsWith('/') ? [] : folderOf(documentPath);
  const segments = normalizeSegments([...base, ...decoded.split('/')]);
  if (!segments || segments.length === 0) return '';
  return `workspace-assets/${segments.map(encodeURIComponent).join('/')}`;
}

/** The URL of an image by its workspace path (`images/Chart 1.png`). */
export function workspaceAssetUrl(path: string): string {
  return `workspace-assets/${path.split('/').map(encodeURIComponent).join('/')}`;
}
