/** Images a bundle may embed or copy: files inside the workspace only; remote images are never fetched. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { resolveInside } from '../engine/workspacePaths.js';
import { escapeHtml } from './htmlSanitizer.js';

const mimeTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};
const imageLimit = 20 * 1024 * 1024;

export type ResolvedImage =
  | { ok: true; absolute: string; workspacePath: string; mimeType: string }
  | { ok: false; reason: 'remote' | 'outside' | 'missing' | 'not-an-image' };

/** Resolves an image reference of the document at `documentPath` (workspace-relative). */
export function resolveImage(root: string, documentPath: string, href: string): ResolvedImage {
  const trimmed = href.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//'))
    return { ok: false, reason: 'remote' };
  let decoded: string;
  try {
    decoded = decodeURI(trimmed.split(/[?#]/)[0]!);
  } catch {
    return { ok: false, reason: 'missing' };
  }
  const joined = decoded.startsWith('/')
    ? path.posix.normalize(decoded.slice(1))
    : path.posix.normalize(path.posix.join(path.posix.dirname(documentPath), decoded));
  if (joined === '..' || joined.startsWith('../')) return { ok: false, reason: 'outside' };
  const mimeType = mimeTypes[path.posix.extname(joined).toLowerCase()];
  if (mimeType === undefined) return { ok: false, reason: 'not-an-image' };
  const resolved = resolveInside(root, joined);
  if (!resolved.ok) return { ok: false, reason: 'outside' };
  try {
    const stats = statSync(resolved.absolute);
    if (!stats.isFile() || stats.size > imageLimit) return { ok: false, reason: 'missing' };
  } catch {
    return { ok: false, reason: 'missing' };
  }
  return { ok: true, absolute: resolved.absolute, workspacePath: joined, mimeType };
}

/** A data: URI of an image inside the workspace, or undefined when it may not or cannot be embedded. */
export function imageDataUri(root: string, documentPath: string, href: string): string | undefined {
  const image = resolveImage(root, documentPath, href);
  if (!image.ok) return undefined;
  try {
    return `data:${image.mimeType};base64,${readFileSync(image.absolute).toString('base64')}`;
  } catch {
    return undefined;
  }
}

/** In print, an image that could not be embedded says which, and why: nothing is silently lost. */
export function missingImage(root: string, documentPath: string, href: string, alt: string): string {
  return `<span class="image-alt">${escapeHtml(missingImageText(root, documentPath, href, alt))}</span>`;
}

export function missingImageText(root: string, documentPath: string, href: string, alt: string): string {
  const image = resolveImage(root, documentPath, href);
  const why = image.ok
    ? 'Image could not be read'
    : image.reason === 'remote'
      ? 'Remote image not fetched'
      : image.reason === 'outside'
        ? 'Image outside the workspace'
        : image.reason === 'not-an-image'
          ? 'Not an image'
          : 'Image not found';
  return `${why}: ${href}${alt.trim() === '' ? '' : ` (${alt})`}`;
}
