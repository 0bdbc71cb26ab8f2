/**
 * What a user does to documents: read, save, create from a template, rename to the title's slug,
 * trash, rekey, and back up unsaved edits. Each write goes through the document store and leaves the
 * indexes current; a read-only workspace refuses every write with a value, not an exception.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import type { Settings } from '../../shared/model/settingsModel.js';
import type { FeedbackSource } from '../../shared/model/documentModel.js';
import type { TemplateType } from '../../shared/templates/template.js';
import { pruneAbandonedBackups } from './backupPruning.js';
import { BackupStore, backupFolderFor } from './backupStore.js';
import { unsavedEditsRefusal } from './unsavedEdits.js';
import type { DocumentStore, FileVersion, ReadResult, SaveResult, TrashResult } from './documentStore.js';
import { roadmapFile, type DocumentIndexes } from './documentIndexes.js';
import { planFeedbackImport, writeFeedbackNotes, type FeedbackImportPlan } from './feedbackImporter.js';
import type { FeedbackRow } from '../import/feedbackRows.js';
import { rekey, type RekeyResult } from './rekey.js';
import { repoint, type ReferencePlace, type RepointResult } from './repoint.js';
import type { NameLinkEdit, NamesakeNotice } from './namesakeLinks.js';
import {
  fileNameProblem,
  linkRewrites,
  movedPath,
  renamedPath,
  savedThen,
  workspaceFolder,
} from './renameSteps.js';
import {
  namesakeAfter,
  namesakeBefore,
  rewriteNameLinks,
  type RewriteNameLinksResult,
  type RewrittenFile,
} from './namesakeOperations.js';
import type { NameResolver } from '../../shared/model/nameResolver.js';
import type { RoadmapStore } from './roadmapStore.js';
import { normalizeWorkspacePath, slugify } from './workspacePaths.js';
import { keysInTrash } from './trashedKeys.js';
import { createFromTemplate, type WorkspaceTemplates } from './workspaceTemplates.js';
import { createNote } from './noteCreation.js';

/** A create, rename or move that made a file name shared says which `[[Name]]` links it took over. */
type Namesake = { namesake?: NamesakeNotice };

/**
 * The user's answer, before a rename or move, about the `[[Name]]` links it takes from a namesake:
 * `keep` them pointing where they did (written in path form), or let them `move` to the renamed note.
 */
export type NamesakeChoice = 'keep' | 'move';

export type RenameDocumentResult =
  | ({ ok: true; path: string } & Namesake)
  | { ok: false; error: 'read-only' | 'not-found' | string; message: string };

export type RenameToResult =
  | ({ ok: true; path: string; updatedFiles: string[] } & Namesake)
  | { ok: false; error: 'read-only' | 'not-found' | 'invalid-name' | 'exists' | string; message: string };

export type CreateDocumentResult =
  | ({ ok: true; path: string; key: string } & Namesake)
  | { ok: false; error: 'read-only' | 'invalid-title' | 'exists' | 'io' | string; message: string };

export type { RewriteNameLinksResult };

export type ReadOnlyResult = { ok: false; error: 'read-only'; message: string };

export type RecoverBackupResult =
  | { ok: true; path: string }
  | { ok: false; error: 'read-only' | 'not-found' | 'exists' | string; message: string };

export type FeedbackImportResult =
  { ok: true; plan: FeedbackImportPlan; written: boolean } | { ok: false; error: string; message: string };

export interface DocumentOperationsOptions {
  root: string;
  store: DocumentStore;
  indexes: DocumentIndexes;
  roadmapStore: RoadmapStore;
  templates: WorkspaceTemplates;
  settings: () => Settings;
  writable: () => boolean;
  /** Whether `save` may write one existing file while another Specbench holds the workspace. */
  oneFileWritable: () => boolean;
  /** What a write refused for that says. */
  readOnlyMessage: () => string;
  /** Told the old name of each rename, whose deletion the watcher will report. */
  renamedAway: (oldPath: string) => void;
  /** The backup folder; by default under the user's state folder (`backupFolderFor`). */
  backupFolder?: string;
}

export class DocumentOperations {
  /** Unsaved edits, kept outside the workspace; created on first use. */
  private backupStore: BackupStore | undefined;
  /**
   * Keys of deleted documents, which no new document takes (see trashedKeys.ts): read from the trash
   * at the first create, and added to at each delete (on the desktop the file moves on to the system
   * trash, out of sight, while the app runs).
   */
  private retiredKeys: Promise<Set<string>> | undefined;

  constructor(private readonly options: DocumentOperationsOptions) {}

  read(documentPath: string): Promise<ReadResult> {
    return this.options.store.read(documentPath);
  }

  /** Saves unless the file changed on disk since `expected`; re-indexes what was written. */
  async save(documentPath: string, text: string, expected: FileVersion): Promise<SaveResult> {
    if (!this.options.writable()) {
      if (!this.options.oneFileWritable()) return this.readOnly();
      const editing = await unsavedEditsRefusal(await this.backups(), documentPath);
      if (editing) return editing;
    }
    const saved = await this.options.store.save(documentPath, text, expected);
    if (saved.ok) this.options.indexes.reindex(documentPath, text, saved.version);
    return saved;
  }

  /** A new document from its template, under the next free key, at a slug path that clobbers nothing. */
  async create(
    type: TemplateType,
    title: string,
    fields: { owner?: string; source?: FeedbackSource; customer?: string },
  ): Promise<CreateDocumentResult> {
    if (!this.options.writable()) return this.readOnly();
    const { indexes } = this.options;
    const before = this.namesBefore();
    const created = await createFromTemplate(this.options.store, {
      type,
      title,
      ...fields,
      templates: this.options.templates,
      prefixes: this.options.settings().prefixes,
      // A key some link still names (its document deleted long ago) is not given again either.
      keys: [...indexes.index.keys(), ...indexes.index.linkedKeys(), ...(await this.retired())],
    });
    if (!created.ok) return created;
    indexes.reindex(created.path, created.text, created.version);
    return { ok: true, path: created.path, key: created.key, ...(await this.namesake(created.path, before)) };
  }

  /** A new empty note named `<title>.md` in `folder` ('' is the root), with no front matter. */
  async createNote(folder: string, title: string): Promise<RenameDocumentResult> {
    if (!this.options.writable()) return this.readOnly();
    const before = this.namesBefore();
    const created = await createNote(this.options.store, folder, title);
    if (!created.ok) return created;
    this.options.indexes.reindex(created.path, created.text, created.version);
    return { ok: true, path: created.path, ...(await this.namesake(created.path, before)) };
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
    const before = this.namesBefore();
    for (let attempt = 1; attempt < 1000; attempt++) {
      const candidate = path.posix.join(folder, `${attempt === 1 ? slug : `${slug}-${attempt}`}${extension}`);
      const renamed = await store.rename(documentPath, candidate);
      if (renamed.ok) {
        this.options.renamedAway(documentPath);
        indexes.drop(documentPath);
        await indexes.refresh(candidate);
        return { ok: true, path: candidate, ...(await this.namesake(candidate, before, documentPath)) };
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
    const before = this.namesBefore();
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
      ...(namesake ? {} : await this.namesake(target, before, documentPath, rewritten)),
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
   * taken); its key, and so every link to it, stays. A document already there stays where it is. With
   * `newName` (the app asked for one) it takes exactly that name, and a note of that name there stops it.
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
    if (namesake === undefined)
      return this.moveTo(documentPath, target, name, extension, true, newName === undefined);
    const { store, indexes } = this.options;
    const pins = await this.pins(namesake, documentPath, movedPath(indexes.index, documentPath, folder));
    const changes = await linkRewrites(store, indexes, documentPath, documentPath, false, pins);
    if (!Array.isArray(changes)) return changes;
    const moved = await savedThen(store, indexes, changes, () =>
      this.moveTo(documentPath, target, name, extension, false, newName === undefined),
    );
    if (moved.ok)
      for (const change of changes) if (change.path !== documentPath) await indexes.refresh(change.path);
    return moved;
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
  ): Promise<RenameDocumentResult> {
    const { indexes, store } = this.options;
    const before = this.namesBefore();
    for (let attempt = 1; attempt < (numbered ? 1000 : 2); attempt++) {
      const candidate = path.posix.join(folder, `${attempt === 1 ? name : `${name}-${attempt}`}${extension}`);
      const moved = await store.rename(from, candidate);
      if (moved.ok) {
        this.options.renamedAway(from);
        indexes.drop(from);
        await indexes.refresh(candidate);
        return { ok: true, path: candidate, ...(notice ? await this.namesake(candidate, before, from) : {}) };
      }
      if (moved.error !== 'exists') return { ok: false, error: moved.error, message: moved.message };
    }
    const where = folder === '' ? 'The top folder' : `${folder}/`;
    const message = numbered
      ? `Too many documents are named ${name} in ${folder}.`
      : `${where} already has a note named “${name}”. Choose another name.`;
    return { ok: false, error: 'exists', message };
  }

  /** The resolver of names before a change that may give a note a shared name. */
  private namesBefore(): NameResolver {
    return this.options.indexes.names();
  }

  /** The notice of the `[[Name]]` links the note now at `named` took from a namesake (see namesakeOperations). */
  private async namesake(
    named: string,
    before: NameResolver,
    movedFrom?: string,
    rewritten: readonly RewrittenFile[] = [],
  ): Promise<Namesake> {
    const notice = await namesakeAfter(this.options.store, this.options.indexes, {
      named,
      before,
      ...(movedFrom === undefined ? {} : { movedFrom }),
      rewritten,
    });
    return notice ? { namesake: notice } : {};
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

  /** Moves a document to `.specbench/trash/` and drops it from the index. */
  async trash(documentPath: string): Promise<TrashResult> {
    if (!this.options.writable()) return this.readOnly();
    const key = this.options.indexes.index.document(normalizeWorkspacePath(documentPath))?.key;
    const trashed = await this.options.store.trash(documentPath);
    if (trashed.ok) {
      this.options.indexes.drop(normalizeWorkspacePath(documentPath));
      if (key) (await this.retired()).add(key);
    }
    return trashed;
  }

  private retired(): Promise<Set<string>> {
    this.retiredKeys ??= keysInTrash(this.options.root).then((keys) => new Set(keys));
    return this.retiredKeys;
  }

  /** Points the links to `oldKey` on the given lines to `newKey`, all or none, then re-indexes. */
  async repoint(
    oldKey: string,
    newKey: string,
    places: readonly ReferencePlace[],
  ): Promise<RepointResult | ReadOnlyResult> {
    if (!this.options.writable()) return this.readOnly();
    const normalized = places.map((place) => ({ ...place, path: normalizeWorkspacePath(place.path) }));
    const result = await repoint(this.options.store, oldKey, newKey, normalized);
    if (result.ok) for (const changed of result.changedFiles) await this.options.indexes.refresh(changed);
    return result;
  }

  /**
   * Renames a key in every file (and the roadmap) or in none, then re-indexes the files that changed;
   * with `file`, only that file's definition of a key others define too (with `line`, the one at
   * that line, when the file defines it twice).
   */
  async rekey(
    oldKey: string,
    newKey: string,
    file?: string,
    line?: number,
  ): Promise<RekeyResult | ReadOnlyResult> {
    if (!this.options.writable()) return this.readOnly();
    const result = await rekey(this.options.store, oldKey, newKey, {
      extraFiles: [roadmapFile],
      ...(file === undefined ? {} : { file: normalizeWorkspacePath(file) }),
      ...(line === undefined ? {} : { line }),
    });
    if (result.ok) {
      for (const changed of result.changedFiles) {
        if (changed === roadmapFile) await this.options.roadmapStore.reload();
        else await this.options.indexes.refresh(changed);
      }
    }
    return result;
  }

  /**
   * Feedback rows as new notes in `feedback/`, leaving out rows already imported: all written in one
   * commit, or none. A dry run (allowed read-only) only says what would be written.
   */
  async importFeedback(
    rows: readonly FeedbackRow[],
    options: { dryRun: boolean },
  ): Promise<FeedbackImportResult | ReadOnlyResult> {
    const { indexes } = this.options;
    const plan = planFeedbackImport(
      rows,
      indexes.index.documents(),
      indexes.index.keys(),
      this.options.settings().prefixes.feedback,
    );
    if (options.dryRun || plan.notes.length === 0) return { ok: true, plan, written: false };
    if (!this.options.writable()) return this.readOnly();
    const saved = await writeFeedbackNotes(this.options.store, plan);
    if (!saved.ok) return { ok: false, error: saved.error, message: saved.message };
    for (const note of plan.notes) {
      const version = saved.versions.get(note.path);
      if (version) indexes.reindex(note.path, note.text, version);
    }
    return { ok: true, plan, written: true };
  }

  private readOnly(): ReadOnlyResult {
    return { ok: false, error: 'read-only', message: this.options.readOnlyMessage() };
  }

  /** Backups of unsaved edits; written even when the workspace is read-only, never inside it. */
  async backups(): Promise<BackupStore> {
    if (!this.backupStore) {
      const { root, store } = this.options;
      const folder = this.options.backupFolder ?? backupFolderFor(await fs.realpath(root).catch(() => root));
      this.backupStore ??= new BackupStore({ root, folder, documents: store });
      // Backups of workspaces that were deleted or moved are kept a while, then go.
      void pruneAbandonedBackups(path.dirname(folder), { keep: folder }).catch(() => undefined);
    }
    return this.backupStore;
  }

  /**
   * Puts back a document deleted or renamed outside Specbench from its backup of unsaved edits: a new
   * file at its old path with the backed-up text. A document at that path is left alone.
   */
  async recoverBackup(documentPath: string): Promise<RecoverBackupResult> {
    if (!this.options.writable()) return this.readOnly();
    const backups = await this.backups();
    const listed = await backups.list(documentPath);
    if (!listed.ok) return listed;
    const backup = listed.backups[0];
    if (!backup) {
      return { ok: false, error: 'not-found', message: `No unsaved edits of ${documentPath} are kept.` };
    }
    if (backup.disk !== 'missing') {
      return {
        ok: false,
        error: 'exists',
        message: `${backup.path} is in the workspace again: open it to compare and restore its unsaved edits.`,
      };
    }
    const created = await this.options.store.create(backup.path, backup.text);
    if (!created.ok) return { ok: false, error: created.error, message: created.message };
    this.options.indexes.reindex(backup.path, backup.text, created.version);
    await backups.discard(backup.path);
    return { ok: true, path: backup.path };
  }
}
