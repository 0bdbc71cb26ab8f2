/** Turns a request path into a file path strictly inside one folder, refusing every traversal trick. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export type StaticPathResult =
  { ok: true; absolute: string } | { ok: false; error: 'invalid-path' | 'not-found'; message: string };

/** Splits and decodes `/a/b.js` into segments; `..`, `.`, NUL, backslashes and encoded slashes are refused. */
export function decodeRequestPath(requestPath: string): string[] | undefined {
  if (!requestPath.startsWith('/')) return undefined;
  const segments: string[] = [];
  for (const raw of requestPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '..' || segment === '.' || /[\\/\0:]/.test(segment)) return undefined;
    segments.push(segment);
  }
  if (segments.slice(0, -1).some((segment) => segment === '')) return undefined;
  return segments;
}

/** The real file (symlinks resolved) must still sit inside the real root. */
export async function resolveStaticPath(root: string, segments: string[]): Promise<StaticPathResult> {
  const relative = segments.filter((segment) => segment !== '');
  let realRoot: string;
  let real: string;
  try {
    realRoot = await fs.realpath(root);
    real = await fs.realpath(path.join(realRoot, ...relative));
  } catch {
    return { ok: false, error: 'not-found', message: 'No such file.' };
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    return { ok: false, error: 'not-found', message: 'No such file.' };
  }
  return { ok: true, absolute: real };
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string | undefined {
  return contentTypes[path.extname(file).toLowerCase()];
}

/** Only these may be served out of a workspace. */
export const imageExtensions = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg']);
