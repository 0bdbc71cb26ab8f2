/** Images pasted or dropped into a document: checked, named from a slug, written under `assets/` without clobbering. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Failure } from '../../shared/contract/apiContract.js';
import { writeFileAtomic } from '../engine/atomicFile.js';
import { resolveInside, slugify } from '../engine/workspacePaths.js';

export const assetFolder = 'assets';
export const maxAssetBytes = 10 * 1024 * 1024;

/** The first bytes each accepted image format starts with; anything else is refused. */
const signatures: Record<string, (bytes: Buffer) => boolean> = {
  png: (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
  gif: (bytes) => bytes.subarray(0, 4).toString('latin1') === 'GIF8',
  webp: (bytes) =>
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP',
  avif: (bytes) => bytes.subarray(4, 12).toString('latin1') === 'ftypavif',
  svg: (bytes) =>
    /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(bytes.subarray(0, 4096).toString('utf8')),
};

export type SaveAssetResult = { ok: true; path: string } | Failure<'invalid-image' | 'too-large' | 'io'>;

export async function saveAsset(root: string, name: string, base64: string): Promise<SaveAssetResult> {
  const extension = path.extname(name).slice(1).toLowerCase().replace('jpeg', 'jpg');
  const matches = signatures[extension];
  if (!matches) {
    return {
      ok: false,
      error: 'invalid-image',
      message: `"${name.slice(0, 80)}" is not a PNG, JPEG, GIF, WebP, AVIF or SVG image.`,
    };
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    return { ok: false, error: 'invalid-image', message: 'The image data is not valid base64.' };
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > maxAssetBytes) {
    return {
      ok: false,
      error: 'too-large',
      message: `Images are limited to ${maxAssetBytes / 1024 / 1024} MB.`,
    };
  }
  if (!matches(bytes)) {
    return {
      ok: false,
      error: 'invalid-image',
      message: `The data is not a ${extension.toUpperCase()} image.`,
    };
  }
  const stem = slugify(path.basename(name, path.extname(name)));
  try {
    for (let attempt = 1; attempt < 1000; attempt++) {
      const relative = `${assetFolder}/${stem}${attempt === 1 ? '' : `-${attempt}`}.${extension}`;
      const resolved = resolveInside(root, relative);
      if (!resolved.ok) return { ok: false, error: 'io', message: resolved.message };
      if (await exists(resolved.absolute)) continue;
      await fs.mkdir(path.dirname(resolved.absolute), { recursive: true });
      await writeFileAtomic(resolved.absolute, bytes);
      return { ok: true, path: relative };
    }
  } catch (error) {
    return { ok: false, error: 'io', message: `The image could not be saved: ${(error as Error).message}` };
  }
  return { ok: false, error: 'io', message: 'Too many images with this name.' };
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}
