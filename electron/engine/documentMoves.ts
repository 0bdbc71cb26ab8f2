/**
 * Where a document's file goes: renamed to its title's slug or to a name, moved to another folder,
 * put back from the trash; and the `[[Name]]` links that follow it, or that a namesake would take.
 * Each write leaves the indexes current; a read-only workspace refuses with a value.
 */
import path from 'node:path';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import type { NameResolver } from '../../shared/model/nameResolver.js';
import type { DocumentIndexes } from './documentIndexes.js';
import type { DocumentStore } from './documentStore.js';
import { MoveUndos, type DoneMove, type UndoMoveResult } from './moveUndo.js';
import type { NameLinkEdit, NamesakeNotice } from './namesakeLinks.js';
import {
  namesakeAfter,
  namesakeBefore,
  rewriteNameLinks,
  type RewriteNameLinksResult,
  type RewrittenFile,
} from './namesakeOperations.js';
import {
  fileNameProblem,
  linkRewrites,
  movedPath,
  renamedPath,
  savedThen,
  workspaceFolder,
  type LinkChange,
} from './renameSteps.js';
import { normalizeWorkspacePath, slugify } from './workspacePaths.js';

/** A create, rename or move that made a file name shared says which `[[Name]]` links it took over. */
export type Namesake = { namesake?: NamesakeNotice };

/**
 * The user's answer, before a rename or move, about the `[[Name]]` links it takes from a namesake:
 * `keep` them pointing where they did (written in path form), or let them `move` to the renamed note.
 */
export type NamesakeChoice = 'keep' | 'move';

/** How many links a move rewrote (the moved note's own included), and in how many files. */
export type LinksUpdated = { updatedLinks?: number; updatedFiles?: string[] };

/** The id of a move's Undo (undoMove). */
export type Undoable = { undo?: string };

export type RenameDocumentResult =
  | ({ ok: true; path: string } & Namesake & LinksUpdated & Undoable)
  | { ok: false; error: 'read-only' | 'not-found' | string; message: string };

export type RenameToResult =
  | ({ ok: true; path: string; updatedFiles: string[]; updatedLinks?: number } & Namesake & Undoable)
  | { ok: false; error: 'read-only' | 'not-found' | 'invalid-name' | 'exists' | string; message: string };

export type ReadOnlyResult = { ok: false; error: 'read-only'; message: string };

export function readOnlyResult(message: string): ReadOnlyResult {
  return { ok: false, error: 'read-only', message };
}

export interface DocumentMovesOptions {
  store: DocumentStore;
  indexes: DocumentIndexes;
  writable: () => boolean;
  /** What a write refused for that says. */
  readOnlyMessage: () => string;
  /** Told the old name of each rename, whose deletion the watcher will report. */
  renamedAway: (oldPath: string) => void;
}

/** The notice of the `[[Name]]` links the note now at `named` took from a namesake (see namesakeOperations). */
export async function namesakeField(
  { store, indexes }: Pick<DocumentMovesOptions, 'store' | 'indexes'>,
  named: string,
  /** The resolver of names before the change that may have given the note a shared name. */
  before: NameResolver,
  movedFrom?: string,
  rewritten: readonly RewrittenFile[] = [],
): Promise<Namesake> {
  const notice = await namesakeAfter(store, indexes, {
    named,
    before,
    ...(movedFrom === undefined ? {} : { movedFrom }),
    rewritten,
  });
  return notice ? { namesake: notice } : {};
}

export class DocumentMoves {
  private readonly undos: MoveUndos;

  constructor(private readonly options: DocumentMovesOptions) {
    this.undos = new MoveUndos(options.store, options.indexes);
  }

  /**
   * Renames a spec, story or FAQ to the slug of its title (`-2`, `-3`… when taken) in its folder; its
   * key, and so every link to it, stays. A file already named after its title keeps its name.
   */
  async rename(documentPath: string): Promise<RenameDocumentResult> {
    if (!this.options.writable()) return this.readOnly();
    const { indexes, store } = this.options;
    documentPath = normalizeWorkspacePath(documentPath);
    const entry = this.documentAt(documentPath);
    if (!entry.ok) return entry;
    const folder = path.posix.dirname(documentPath);
    const slug = slugify(entry.title);
    const extension = path.posix.extname(documentPath);
    const name = path.posix.basename(documentPath, extension);
    const suffix = name.startsWith(`${slug}-`) ? name.slice(slug.length + 1) : undefined;
    if (entry.type === 'doc' || name === slug || (suffix !== undefined && /^[0-9]+$/.test(suffix))) {
      return { ok: true, path: documentPath };
    }
    const before = this.options.indexes.names();
    for (let attempt = 1; attempt < 1000; attempt++) {
      const candidate = path.posix.join(folder, `${attempt === 1 ? slug : `${slug}-${attempt}`}${extension}`);
      const renamed = await store.rename(documentPath, candidate);
      if (renamed.ok) {
        this.options.renamedAway(documentPath);
        indexes.drop(documentPath);
        await indexes.refresh(candidate);
        return {
          ok: true,
          path: candidate,
          ...(await namesakeField(this.options, candidate, before, documentPath)),
        };
      }
      if (renamed.error !== 'exists') return { ok: false, error: renamed.error, message: renamed.message };
    }
    return { ok: false, error: 'exists', message: `Too many documents are named ${slug}.` };
  }

  /**
   * Renames a document to `name` (its title, for a document titled by its file name) in its folder and,
   * with `updateLinks`, rewrites every link to it by file name in the same step: the linking files are
   * saved all or none first, the rename follows, and if the rename fails they are put back. `namesake`
   * is the user's answer to the prompt before it (namesakePreview) about the `[[Name]]` links the new
   * name takes from another note: `keep` writes them in path form in that same save, `move` lets them
   * go; either way no notice follows.
   */
  async renameTo(
    documentPath: string,
    name: string,
    updateLinks: boolean,
    namesake?: NamesakeChoice,
  ): Promise<RenameToResult> {
    if (!this.options.writable()) return this.readOnly();
    const { indexes, store } = this.options;
    documentPath = normalizeWorkspacePath(documentPath);
    const entry = this.documentAt(documentPath);
    if (!entry.ok) return entry;
    const problem = fileNameProblem(name);
    if (problem) return { ok: false, error: 'invalid-name', message: problem };
    const target = renamedPath(documentPath, name);
    if (target === documentPath) return { ok: true, path: documentPath, updatedFiles: [] };
    const before = this.options.indexes.names();
    const pins = await this.pins(namesake, documentPath, target);
    const changes = await linkRewrites(store, indexes, documentPath, target, updateLinks, pins);
    if (!Array.isArray(changes)) return changes;
    const renamed = await savedThen(store, indexes, changes, () => store.rename(documentPath, target));
    if (!renamed.ok) return renamed;
    this.options.renamedAway(documentPath);
    indexes.drop(documentPath);
    await indexes.refresh(target);
    for (const change of changes) if (change.path !== documentPath) await indexes.refresh(change.path);
    // The links this rename wrote to its new name mean it: they were not taken from anyone.
    const rewritten = changes.map(({ path: file, text, spans }) => ({
      path: file === documentPath ? target : file,
      text,
      spans,
    }));
    return {
      ok: true,
      path: target,
      updatedFiles: changes.map((change) => change.path),
      ...(changes.length === 0 ? {} : { updatedLinks: linksUpdated(changes).updatedLinks }),
      // A rename that rewrote files is a move within its folder: the same Undo gives back every byte.
      ...(changes.length === 0 ? {} : { undo: this.undos.remember(doneMove(documentPath, target, changes)) }),
      ...(namesake ? {} : await namesakeField(this.options, target, before, documentPath, rewritten)),
    };
  }

  /**
   * What renaming or moving a document would do to `[[Name]]` links that lead to a namesake, before
   * anything is written: undefined when nothing changes meaning (or the name is not allowed, which
   * the rename itself then says).
   */
  async namesakePreview(
    documentPath: string,
    change: { name: string } | { folder: string },
  ): Promise<NamesakeNotice | undefined> {
    documentPath = normalizeWorkspacePath(documentPath);
    if (!this.documentAt(documentPath).ok) return undefined;
    let target: string | undefined;
    if ('name' in change) {
      if (fileNameProblem(change.name)) return undefined;
      target = renamedPath(documentPath, change.name);
    } else target = movedPath(this.options.indexes.index, documentPath, change.folder);
    if (target === undefined || target === documentPath) return undefined;
    return namesakeBefore(this.options.store, this.options.indexes, { from: documentPath, to: target });
  }

  /**
   * Moves a document into another folder of the workspace under the same name (`-2`, `-3`… when
   * taken). A document already there stays where it is. With `newName` (the app asked for one) it takes
   * exactly that name, and a note of that name there stops it. The links that would stop leading to it
   * (path and relative links, bare names a namesake would answer) and its own relative links are
   * rewritten first, all files or none (moveLinks); `namesake` is the answer to namesakePreview.
   */
  async move(
    documentPath: string,
    folder: string,
    namesake?: NamesakeChoice,
    newName?: string,
  ): Promise<RenameDocumentResult> {
    if (!this.options.writable()) return this.readOnly();
    documentPath = normalizeWorkspacePath(documentPath);
    const target = workspaceFolder(folder);
    if (target === undefined) {
      return { ok: false, error: 'invalid-path', message: `"${folder}" is not a folder of the workspace.` };
    }
    if (!this.options.indexes.index.document(documentPath)) {
      return { ok: false, error: 'not-found', message: `${documentPath} is not in the workspace.` };
    }
    const extension = path.posix.extname(documentPath);
    const name = newName?.trim() ?? path.posix.basename(documentPath, extension);
    if (path.posix.dirname(documentPath).replace(/^\.$/, '') === target && newName === undefined)
      return { ok: true, path: documentPath };
    const problem = newName === undefined ? undefined : fileNameProblem(name);
    if (problem) return { ok: false, error: 'invalid-name', message: problem };
    const { store, indexes } = this.options;
    const destination =
      newName === undefined
        ? movedPath(indexes.index, documentPath, target)
        : path.posix.join(target, `${name}${extension}`);
    if (destination === undefined)
      return { ok: false, error: 'exists', message: `Too many documents are named ${name} in ${target}.` };
    const pins = await this.pins(namesake, documentPath, destination);
    const changes = await linkRewrites(store, indexes, documentPath, destination, true, pins);
    if (!Array.isArray(changes)) return changes;
    const base = path.posix.basename(destination, extension);
    const rewritten = changes.map(({ path: file, text, spans }) => ({
      path: file === documentPath ? destination : file,
      text,
      spans,
    }));
    const moved = await savedThen(store, indexes, changes, () =>
      this.moveTo(documentPath, target, base, extension, namesake === undefined, false, rewritten),
    );
    if (!moved.ok) return moved;
    for (const change of changes) if (change.path !== documentPath) await indexes.refresh(change.path);
    const undo = this.undos.remember(doneMove(documentPath, moved.path, changes));
    return { ...moved, ...linksUpdated(changes), undo };
  }

  /** How many links in how many notes moving the document into `folder` would rewrite; nothing is written. */
  async movePreview(documentPath: string, folder: string): Promise<{ links: number; notes: number }> {
    const none = { links: 0, notes: 0 };
    documentPath = normalizeWorkspacePath(documentPath);
    const { store, indexes } = this.options;
    if (!indexes.index.document(documentPath)) return none;
    const destination = movedPath(indexes.index, documentPath, folder);
    if (destination === undefined || destination === documentPath) return none;
    const changes = await linkRewrites(store, indexes, documentPath, destination, true, []);
    if (!Array.isArray(changes)) return none;
    return { links: linksUpdated(changes).updatedLinks ?? 0, notes: changes.length };
  }

  /** Gives back every byte a move wrote and the note's old path, all or none (see MoveUndos). */
  async undoMove(id: string): Promise<UndoMoveResult> {
    if (!this.options.writable()) return this.readOnly();
    return this.undos.undo(id, (from, to) => {
      const extension = path.posix.extname(to);
      return this.moveTo(
        from,
        path.posix.dirname(to).replace(/^\.$/, ''),
        path.posix.basename(to, extension),
        extension,
        false,
        false,
      );
    });
  }

  /** With `keep`, the edits that pin the `[[Name]]` links moving `from` to `to` would take from a namesake. */
  private async pins(
    namesake: NamesakeChoice | undefined,
    from: string,
    to: string | undefined,
  ): Promise<NameLinkEdit[]> {
    if (namesake !== 'keep' || to === undefined) return [];
    return (await namesakeBefore(this.options.store, this.options.indexes, { from, to }))?.links ?? [];
  }

  /** Puts a trashed document back where it was (`-2`… when the name was taken meanwhile). */
  async restore(trashedTo: string, originalPath: string): Promise<RenameDocumentResult> {
    if (!this.options.writable()) return this.readOnly();
    trashedTo = normalizeWorkspacePath(trashedTo);
    originalPath = normalizeWorkspacePath(originalPath);
    if (!trashedTo.startsWith('.specbench/trash/') || !trashedTo.endsWith(`/${originalPath}`)) {
      return {
        ok: false,
        error: 'invalid-path',
        message: `${trashedTo} is not ${originalPath} in the trash.`,
      };
    }
    const extension = path.posix.extname(originalPath);
    const name = path.posix.basename(originalPath, extension);
    return this.moveTo(trashedTo, path.posix.dirname(originalPath), name, extension);
  }

  private async moveTo(
    from: string,
    folder: string,
    name: string,
    extension: string,
    notice = true,
    numbered = true,
    rewritten: readonly RewrittenFile[] = [],
  ): Promise<RenameDocumentResult> {
    const { indexes, store } = this.options;
    const before = this.options.indexes.names();
    for (let attempt = 1; attempt < (numbered ? 1000 : 2); attempt++) {
      const candidate = path.posix.join(folder, `${attempt === 1 ? name : `${name}-${attempt}`}${extension}`);
      const moved = await store.rename(from, candidate);
      if (moved.ok) {
        this.options.renamedAway(from);
        indexes.drop(from);
        await indexes.refresh(candidate);
        return {
          ok: true,
          path: candidate,
          ...(notice ? await namesakeField(this.options, candidate, before, from, rewritten) : {}),
        };
      }
      if (moved.error !== 'exists') return { ok: false, error: moved.error, message: moved.message };
    }
    const where = folder === '' ? 'The top folder' : `${folder}/`;
    const message = numbered
      ? `Too many documents are named ${name} in ${folder}.`
      : `${where} already has a note named “${name}”. Choose another name.`;
    return { ok: false, error: 'exists', message };
  }

  /**
   * Writes each link's target as `to` where it reads `from` (pinning `[[Name]]` links in path form, or
   * Undoing that), all files or none; a link that no longer reads `from` stops the whole change.
   */
  async rewriteNameLinks(edits: readonly NameLinkEdit[]): Promise<RewriteNameLinksResult> {
    if (!this.options.writable()) return this.readOnly();
    return rewriteNameLinks(this.options.store, this.options.indexes, edits);
  }

  /** The indexed document at exactly this path, or why not. */
  private documentAt(
    documentPath: string,
  ): ({ ok: true } & DocumentEntry) | { ok: false; error: 'not-found'; message: string } {
    const entry = this.options.indexes.index.document(documentPath);
    if (!entry || entry.path !== documentPath) {
      return { ok: false, error: 'not-found', message: `${documentPath} is not in the workspace.` };
    }
    return { ok: true, ...entry };
  }

  private readOnly(): ReadOnlyResult {
    return readOnlyResult(this.options.readOnlyMessage());
  }
}

/** The count a move's notice shows: the edits written, in the files that held them. */
/** What Undo of a move (or of a rename that rewrote links) needs: each file before and after. */
function doneMove(from: string, to: string, changes: readonly LinkChange[]): DoneMove {
  const files = changes.map((change) => ({ path: change.path, before: change.original, after: change.text }));
  return { from, to, files };
}

function linksUpdated(changes: readonly LinkChange[]): LinksUpdated {
  if (changes.length === 0) return {};
  return {
    updatedLinks: changes.reduce((sum, change) => sum + change.spans.length, 0),
    // The note itself too, under its old path, when its own links changed: an open editor reads it again.
    updatedFiles: changes.map((change) => change.path),
  };
}
