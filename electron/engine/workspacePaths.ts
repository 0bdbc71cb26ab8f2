/**
 * The containment check every workspace path goes through: a workspace-relative path from the
 * renderer, a CLI argument or a link in a document is untrusted until it resolves inside the root.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { isReservedName } from '../../shared/model/slug.js';

export { isReservedName, slugify } from '../../shared/model/slug.js';

export type ResolveResult =
  | { ok: true; absolute: string }
  | { ok: false; error: 'outside-workspace' | 'invalid-path'; message: string };

// eslint-disable-next-line no-control-regex
const controlCharacterPattern = /[\u0000-\u001f]/;
const markdownPattern = /\.md$/i;

/** Folders never scanned or watched: version control, dependencies and Specbench's own cache. */
export const skippedFolderNames: ReadonlySet<string> = new Set(['.git', 'node_modules', '.specbench']);

export function isMarkdownPath(name: string): boolean {
  return markdownPattern.test(name);
}

export function resolveInside(root: string, relativePath: string): ResolveResult {
  const segments = checkSegments(relativePath);
  if (!Array.isArray(segments)) return segments;
  const absolute = path.join(root, ...segments);
  let realRoot: string;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    return { ok: false, error: 'invalid-path', message: `The workspace folder ${root} cannot be opened.` };
  }
  const real = realpathOfExistingPart(absolute);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    return {
      ok: false,
      error: 'outside-workspace',
      message: `${relativePath} leads outside the workspace through a symbolic link.`,
    };
  }
  return { ok: true, absolute };
}

/** Checks a relative path word by word, before touching the disk; returns its segments. */
function checkSegments(relativePath: string): string[] | Extract<ResolveResult, { ok: false }> {
  const invalid = (reason: string): Extract<ResolveResult, { ok: false }> => ({
    ok: false,
    error: 'invalid-path',
    message: `${JSON.stringify(relativePath)} is not a valid workspace path: ${reason}.`,
  });
  if (relativePath.includes('\0')) return invalid('it contains a NUL character');
  if (controlCharacterPattern.test(relativePath)) return invalid('it contains a control character');
  if (relativePath.includes('\\')) return invalid('use forward slashes, not backslashes');
  if (relativePath.startsWith('/') || /^[A-Za-z]:/.test(relativePath)) {
    return {
      ok: false,
      error: 'outside-workspace',
      message: `${relativePath} is an absolute path; workspace paths are relative to the workspace folder.`,
    };
  }
  const segments = relativePath.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0) return invalid('it names no file');
  for (const segment of segments) {
    if (segment === '..') {
      return {
        ok: false,
        error: 'outside-workspace',
        message: `${relativePath} contains "..", which could lead outside the workspace.`,
      };
    }
    if (/[. ]$/.test(segment)) return invalid(`"${segment}" ends with a dot or a space`);
    if (isReservedName(segment)) return invalid(`"${segment}" is a reserved name on Windows`);
  }
  return segments;
}

/** The real path of the longest existing prefix, with the missing rest appended unchanged. */
function realpathOfExistingPart(absolute: string): string {
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(realpathSync.native(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/** A workspace-relative path with forward slashes, as the renderer and the index see it. */
export function toWorkspacePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** The index's form of a path the store accepted: forward slashes, no `./` or `a/../`. */
export function normalizeWorkspacePath(documentPath: string): string {
  return path.posix.normalize(documentPath.replace(/\\/g, '/')).replace(/^\.\//, '');
}
