/**
 * What a user does to documents, apart from renaming and moving them (DocumentMoves): read, save,
 * create from a template or as a note, trash, rekey, import feedback, and back up unsaved edits. Each write goes through the document store and leaves the
 * indexes current; a read-only workspace refuses every write with a value, not an exception.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FeedbackSource } from '../../shared/model/documentModel.js';
import type { Settings } from '../../shared/model/settingsModel.js';
import type { TemplateType } from '../../shared/templates/template.js';
import type { FeedbackRow } from '../import/feedbackRows.js';
import { pruneAbandonedBackups } from './backupPruning.js';
import { BackupStore, backupFolderFor } from './backupStore.js';
import { roadmapFile } from './documentIndexes.js';
import {
  namesakeField,
  readOnlyResult,
  type DocumentMovesOptions,
  type Namesake,
  type ReadOnlyResult,
  type RenameDocumentResult,
} from './documentMoves.js';
import type { FileVersion, ReadResult, SaveResult, TrashResult } from './documentStore.js';
import { planFeedbackImport, writeFeedbackNotes, type FeedbackImportPlan } from './feedbackImporter.js';
import { createNote } from './noteCreation.js';
import { rekey, type RekeyResult } from './rekey.js';
import { repoint, type ReferencePlace, type RepointResult } from './repoint.js';
import type { RoadmapStore } from './roadmapStore.js';
import { keysInTrash } from './trashedKeys.js';
import { unsavedEditsRefusal } from './unsavedEdits.js';
import { normalizeWorkspacePath } from './workspacePaths.js';
import { createFromTemplate, type WorkspaceTemplates } from './workspaceTemplates.js';

export type CreateDocumentResult =
  | ({ ok: true; path: string; key: string } & Namesake)
  | { ok: false; error: 'read-only' | 'invalid-title' | 'exists' | 'io' | string; message: string };

export type RecoverBackupResult =
  | { ok: true; path: string }
  | { ok: false; error: 'read-only' | 'not-found' | 'exists' | string; message: string };

export type FeedbackImportResult =
  { ok: true; plan: FeedbackImportPlan; written: boolean } | { ok: false; error: string; message: string };

export interface DocumentOperationsOptions extends DocumentMovesOptions {
  root: string;
  roadmapStore: RoadmapStore;
  templates: WorkspaceTemplates;
  settings: () => Settings;
  /** Whether `save` may write one existing file while another Specbench holds the workspace. */
  oneFileWritable: () => boolean;
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
    const before = this.options.indexes.names();
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
    return {
      ok: true,
      path: created.path,
      key: created.key,
      ...(await namesakeField(this.options, created.path, before)),
    };
  }

  /** A new empty note named `<title>.md` in `folder` ('' is the root), with no front matter. */
  async createNote(folder: string, title: string): Promise<RenameDocumentResult> {
    if (!this.options.writable()) return this.readOnly();
    const before = this.options.indexes.names();
    const created = await createNote(this.options.store, folder, title);
    if (!created.ok) return created;
    this.options.indexes.reindex(created.path, created.text, created.version);
    return { ok: true, path: created.path, ...(await namesakeField(this.options, created.path, before)) };
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
    return readOnlyResult(this.options.readOnlyMessage());
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
