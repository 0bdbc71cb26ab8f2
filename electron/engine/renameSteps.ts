/**
 * The steps a rename or move shares: where the file would go, the linking files' new texts (links
 * updated to the new name, `[[Name]]` links pinned in path form), and saving those all or none before
 * the file is renamed, put back when the rename fails.
 */
import path from 'node:path';
import type { DocumentIndexes } from './documentIndexes.js';
import type { DocumentStore, FileVersion } from './documentStore.js';
import { indexDocument } from './indexDocument.js';
import { moveRewrites, namesAfterMove } from './moveLinks.js';
import { editRewrites, type NameLinkEdit } from './namesakeLinks.js';
import { editedOffsets } from './namesakeOperations.js';
import { applyEdits, renameRewrites, type LinkRewrite } from './renameLinks.js';
import { normalizeWorkspacePath } from './workspacePaths.js';

/** A linking file's new text, the text it replaces and where each new link target starts. */
export interface LinkChange {
  path: string;
  text: string;
  expected: FileVersion;
  original: string;
  spans: number[];
}

/**
 * The new texts of the files linking to `from` by name (with `updateLinks`; for a move into another
 * folder, the moved note's own relative links too, see moveLinks) and of those holding the `pins`, read afresh (a rewrite never works on a stale text); a pin that no longer reads as it did
 * stops the whole change.
 */
export async function linkRewrites(
  store: DocumentStore,
  indexes: DocumentIndexes,
  from: string,
  to: string,
  updateLinks: boolean,
  pins: readonly NameLinkEdit[],
): Promise<LinkChange[] | { ok: false; error: string; message: string }> {
  const fresh = new Map<string, { text: string; version: FileVersion }>();
  const moving = updateLinks && path.posix.dirname(from) !== path.posix.dirname(to);
  const linking = updateLinks ? indexes.linksToName(from).map((candidate) => candidate.path) : [];
  if (moving && !linking.includes(from)) linking.push(from);
  for (const file of new Set([...linking, ...pins.map((pin) => pin.path)])) {
    const read = await store.read(file);
    if (!read.ok) return { ok: false, error: read.error, message: `${read.message} No file was changed.` };
    fresh.set(file, { text: read.file.text, version: read.file });
  }
  const texts = (file: string) => fresh.get(file)?.text;
  const entries = linking.map((file) => indexDocument(file, fresh.get(file)!.text, fresh.get(file)!.version));
  const pinned = editRewrites(pins, texts);
  if (!pinned.ok) {
    const { path: file, line, from: name } = pinned.edit;
    return {
      ok: false,
      error: 'conflict',
      message: `${file} no longer links to [[${name}]] on line ${line}. No file was changed.`,
    };
  }
  const edits = new Map<string, LinkRewrite['edits']>();
  for (const rewrite of [
    ...(moving
      ? moveRewrites(
          entries,
          texts,
          { before: indexes.names(), after: namesAfterMove(indexes, from, to) },
          from,
          to,
        )
      : renameRewrites(entries, texts, indexes.index.names(), from, to)),
    ...pinned.rewrites,
  ]) {
    const known = edits.get(rewrite.path) ?? [];
    // A pin and a moved link may name the same link: it is written once.
    const added = rewrite.edits.filter((edit) => !known.some((other) => other.start === edit.start));
    edits.set(rewrite.path, [...known, ...added]);
  }
  return [...edits].map(([file, list]) => {
    const { text, version } = fresh.get(file)!;
    return {
      path: file,
      text: applyEdits(text, list),
      expected: version,
      original: text,
      spans: editedOffsets(list),
    };
  });
}

/**
 * Saves the linking files' new texts (all or none), then runs the rename; when the rename fails, the
 * files are put back as they were.
 */
export async function savedThen<T extends { ok: true } | { ok: false; error: string; message: string }>(
  store: DocumentStore,
  indexes: DocumentIndexes,
  changes: readonly LinkChange[],
  rename: () => Promise<T>,
): Promise<T | { ok: false; error: string; message: string }> {
  let saved: Map<string, FileVersion> | undefined;
  if (changes.length > 0) {
    const result = await store.saveAll(
      changes.map(({ path: file, text, expected }) => ({ path: file, text, expected })),
    );
    if (!result.ok) return { ok: false, error: result.error, message: result.message };
    saved = result.versions;
  }
  const renamed = await rename();
  if (renamed.ok || !saved) return renamed;
  const undo = await store.saveAll(
    changes.map(({ path: file, original }) => ({ path: file, text: original, expected: saved.get(file)! })),
  );
  for (const change of changes) await indexes.refresh(change.path);
  if (!undo.ok) {
    return {
      ok: false,
      error: renamed.error,
      message: `${renamed.message} The links already updated could not be put back: ${undo.message}`,
    };
  }
  return renamed;
}

/** Where renameTo would put the document: `name` plus its extension, in its folder. */
export function renamedPath(documentPath: string, name: string): string {
  const folder = path.posix.dirname(documentPath);
  return path.posix.join(folder, `${name.trim()}${path.posix.extname(documentPath) || '.md'}`);
}

/** A folder of the workspace as a move names it (`''` for the root), or undefined when it is outside or hidden. */
export function workspaceFolder(folder: string): string | undefined {
  const target = normalizeWorkspacePath(folder.replace(/^\/+|\/+$/g, '') || '.');
  if (target === '.') return '';
  return target.split('/').some((part) => part === '..' || part.startsWith('.')) ? undefined : target;
}

/** Where move would put the document: the first name free in `folder`; undefined for a folder it refuses. */
export function movedPath(
  index: { document(path: string): unknown },
  documentPath: string,
  folder: string,
): string | undefined {
  const target = workspaceFolder(folder);
  if (target === undefined) return undefined;
  const extension = path.posix.extname(documentPath);
  const name = path.posix.basename(documentPath, extension);
  for (let attempt = 1; attempt < 1000; attempt++) {
    const candidate = path.posix.join(target, `${attempt === 1 ? name : `${name}-${attempt}`}${extension}`);
    if (candidate === documentPath || !index.document(candidate)) return candidate;
  }
  return undefined;
}

/** Why a name cannot be a file name on every system, or undefined when it can. */
export function fileNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'A document needs a name.';
  if (trimmed.length > 200) return 'That name is longer than 200 characters.';
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\\/:*?"<>|\u0000-\u001f]/.test(trimmed)) return 'A file name cannot contain / \\ : * ? " < > or |.';
  if (/^\.|[. ]$/.test(trimmed)) return 'A file name cannot start with a dot or end with a dot or a space.';
  if (/^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i.test(trimmed))
    return `${trimmed} is a reserved name on Windows.`;
  return undefined;
}
