/**
 * What a create, rename or move that made a file name shared does about the `[[Name]]` links it took
 * over (namesakeLinks.ts): names them in a notice the app shows, and writes them in path form when the
 * user keeps them pointing where they did (and back, for Undo), all files or none.
 */
import path from 'node:path';
import type { NameResolver } from '../../shared/model/nameResolver.js';
import type { DocumentIndexes } from './documentIndexes.js';
import type { DocumentStore, FileVersion } from './documentStore.js';
import {
  editRewrites,
  namesakeNotice,
  takenOverLinks,
  type NameLinkEdit,
  type NamesakeNotice,
} from './namesakeLinks.js';
import { namesAfterMove } from './moveLinks.js';
import { applyEdits, lineStarts } from './renameLinks.js';
import { normalizeWorkspacePath } from './workspacePaths.js';

export type RewriteNameLinksResult =
  | { ok: true; changedFiles: string[]; undo: NameLinkEdit[] }
  | { ok: false; error: 'read-only' | 'conflict' | string; message: string };

/** A file a rename just wrote: its new text and where each new name starts in it. */
export interface RewrittenFile {
  path: string;
  text: string;
  spans: number[];
}

/**
 * The `[[Name]]` links that the note now at `named` took from a namesake (read afresh, so each edit
 * names the link as it stands), as the notice the app shows; undefined when it took none. A link to
 * `movedFrom` (the note's old path) that follows it was not taken; nor were those in `rewritten`, the
 * files a rename just wrote, at the offsets where it wrote the new name.
 */
export async function namesakeAfter(
  store: DocumentStore,
  indexes: DocumentIndexes,
  change: { named: string; before: NameResolver; movedFrom?: string; rewritten: readonly RewrittenFile[] },
): Promise<NamesakeNotice | undefined> {
  const { named, before, movedFrom, rewritten } = change;
  const after = indexes.names();
  if (after === before) return undefined;
  const lower = path.posix.basename(named).toLowerCase();
  const documents = [...indexes.index.documents()];
  const taken = takenOverLinks(documents, before, after).filter((link) => {
    if (link.was === movedFrom && link.now === named) return false;
    const written = rewritten.find((file) => file.path === link.path);
    if (!written) return true;
    const offset = (lineStarts(written.text)[link.link.line - 1] ?? 0) + link.link.column - 1;
    return !written.spans.some((span) => span >= offset && span <= offset + 3 + link.link.target.length);
  });
  if (taken.length === 0) return undefined;
  const texts = await readTexts(store, taken);
  const notes = documents
    .map((entry) => entry.path)
    .filter((file) => path.posix.basename(file).toLowerCase() === lower)
    .sort();
  return namesakeNotice(taken, (file) => texts.get(file), notes);
}

/**
 * The `[[Name]]` links that renaming or moving the note at `from` to `to` would take from a namesake,
 * as the prompt before it shows them (nothing is written); undefined when it would take none. The
 * links to the note itself follow it (or are the update-links prompt's to rewrite), so none of them
 * counts; each edit names its file as it is now (the note itself at `from`).
 */
export async function namesakeBefore(
  store: DocumentStore,
  indexes: DocumentIndexes,
  change: { from: string; to: string },
): Promise<NamesakeNotice | undefined> {
  const { from, to } = change;
  const documents = [...indexes.index.documents()];
  const before = indexes.names();
  const after = namesAfterMove(indexes, from, to);
  const taken = takenOverLinks(documents, before, after, change).filter((link) => link.was !== from);
  if (taken.length === 0) return undefined;
  const texts = await readTexts(store, taken);
  const lower = path.posix.basename(to).toLowerCase();
  const notes = documents
    .map((entry) => (entry.path === from ? to : entry.path))
    .filter((file) => path.posix.basename(file).toLowerCase() === lower)
    .sort();
  return namesakeNotice(taken, (file) => texts.get(file), notes);
}

async function readTexts(
  store: DocumentStore,
  taken: readonly { path: string }[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of new Set(taken.map((link) => link.path))) {
    const read = await store.read(file);
    if (read.ok) texts.set(file, read.file.text);
  }
  return texts;
}

/**
 * Writes each link's target as `to` where it reads `from`, all files or none; a link that no longer
 * reads `from` stops the whole change. Answers the edits that Undo it.
 */
export async function rewriteNameLinks(
  store: DocumentStore,
  indexes: DocumentIndexes,
  edits: readonly NameLinkEdit[],
): Promise<RewriteNameLinksResult> {
  const normalized = edits.map((edit) => ({ ...edit, path: normalizeWorkspacePath(edit.path) }));
  const fresh = new Map<string, { text: string; version: FileVersion }>();
  for (const file of new Set(normalized.map((edit) => edit.path))) {
    const read = await store.read(file);
    if (!read.ok) return { ok: false, error: read.error, message: `${read.message} No file was changed.` };
    fresh.set(file, { text: read.file.text, version: read.file });
  }
  const planned = editRewrites(normalized, (file) => fresh.get(file)?.text);
  if (!planned.ok) {
    const { path: file, line, from } = planned.edit;
    return {
      ok: false,
      error: 'conflict',
      message: `${file} no longer links to [[${from}]] on line ${line}. No file was changed.`,
    };
  }
  const saved = await store.saveAll(
    planned.rewrites.map((rewrite) => {
      const { text, version } = fresh.get(rewrite.path)!;
      return { path: rewrite.path, text: applyEdits(text, rewrite.edits), expected: version };
    }),
  );
  if (!saved.ok) return { ok: false, error: saved.error, message: `${saved.message} No file was changed.` };
  for (const rewrite of planned.rewrites) await indexes.refresh(rewrite.path);
  return {
    ok: true,
    changedFiles: planned.rewrites.map((rewrite) => rewrite.path),
    // A link after another on its line moved by what the one before it gained.
    undo: normalized.map((edit) => ({
      ...edit,
      column:
        edit.column +
        normalized
          .filter(
            (other) => other.path === edit.path && other.line === edit.line && other.column < edit.column,
          )
          .reduce((shift, other) => shift + other.to.length - other.from.length, 0),
      from: edit.to,
      to: edit.from,
    })),
  };
}

/** Where each edit's new text starts once all are applied (offsets into the new text). */
export function editedOffsets(edits: readonly { start: number; end: number; text: string }[]): number[] {
  let shift = 0;
  return [...edits]
    .sort((a, b) => a.start - b.start)
    .map((edit) => {
      const at = edit.start + shift;
      shift += edit.text.length - (edit.end - edit.start);
      return at;
    });
}
