/**
 * The one place that decides which session an open document belongs to. The route names a path; a
 * session is an identity: a title rename re-points the current session to its new path (the route
 * follows, the editor stays), while any other arrival at a path, even one a renamed document used to
 * have, opens a new session that reads the file, after the session being left has saved what it had.
 */
import { createContext } from 'react';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import { joinDocument, setFrontMatterFields, splitDocument } from '../../shared/frontMatter/frontMatter.js';
import type { NamesakeView } from '../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import type { NamesakeAnswer } from './documentLifecycle.js';
import { doneMove, moveKind, type DoneMove } from './doneMove.js';
import { DocumentSession, type SessionHost } from './documentSession.js';
import { documentHash, keyHash, sectionHash } from './route.js';
import { changesWhatViewsShow } from './summaryChange.js';
import type { WorkspaceUpdate } from './workspaceState.js';

/** What the sessions need of the app around them. */
export interface SessionsHost {
  update: (change: WorkspaceUpdate) => Promise<void>;
  /** What the views show of a document now. */
  shown: (path: string) => DocumentSummary | undefined;
  navigate: (hash: string) => void;
  /** A document was moved to the trash (from its editor or elsewhere). */
  trashed: (path: string, trashedTo: string) => void;
  /** A document was archived; `previous` is the status Undo puts back. */
  archived: (path: string, previous: string | undefined) => void;
  /** A document was renamed or moved, so links to its old path can still find it. */
  moved?: (from: string, to: string) => void;
  /** A move finished (from the Document actions menu or elsewhere): its notice, with Undo. */
  relocated?: (move: DoneMove) => void;
  /** A document was saved: told at once, not once per pause in typing. */
  saved?: (path: string) => void;
}

/** A save that only changed text being typed reaches the views once per pause in typing. */
const refreshDelayMs = 1200;

export class DocumentSessions implements SessionHost {
  private current: DocumentSession | undefined;
  private nextId = 1;
  /** Resolves once every session left so far has saved and closed. */
  private settledPrevious: Promise<void> = Promise.resolve();
  /** The old path of a rename whose route change React has not rendered yet. */
  private followingFrom: string | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly refreshPaths = new Set<string>();
  private readonly refreshSummaries = new Map<string, DocumentSummary>();
  private host: SessionsHost | undefined;
  /** Every session not yet closed: the open one, and any left while its edits wait for the server. */
  private readonly live = new Set<DocumentSession>();

  constructor(private readonly api: SpecbenchApi) {}

  connect(host: SessionsHost): void {
    this.host = host;
  }

  /** The session for the routed document (undefined: no document is open); idempotent per path. */
  sessionFor(path: string | undefined): DocumentSession | undefined {
    const current = this.current;
    if (current && !current.isClosed) {
      if (path === current.path) {
        this.followingFrom = undefined;
        return current;
      }
      // A render from before the route followed a rename: the location already names the new path.
      if (path === this.followingFrom && locationNames(current.path, keyOf(current))) return current;
    }
    this.followingFrom = undefined;
    if (current) {
      current.leave();
      this.settledPrevious = Promise.all([this.settledPrevious, current.closed]).then(() => undefined);
    }
    this.current =
      path === undefined
        ? undefined
        : new DocumentSession(this.api, this.nextId++, path, this, this.settledPrevious);
    const opened = this.current;
    if (opened) {
      this.live.add(opened);
      void opened.closed.then(() => this.live.delete(opened));
    }
    return this.current;
  }

  /** The key and path of the document open now, once its text is read (key links lead back to it). */
  get openKey(): { key: string; path: string; moving: boolean } | undefined {
    const open = this.open;
    const key = open && keyOf(open);
    if (!open || !key) return undefined;
    const { busy, request } = open.lifecycle;
    const moving =
      busy === 'rename' || busy === 'move' || (request !== undefined && request.kind !== 'trash');
    return { key, path: open.path, moving };
  }

  /** The session now open, if any (for commands that act on "this document"). */
  get open(): DocumentSession | undefined {
    return this.current && !this.current.isClosed ? this.current : undefined;
  }

  /**
   * Delete, archive and move go through the open document's session when it is the one meant (its
   * pending edits are saved first, then the file changes); any other document is changed directly.
   * Each answers why not in one sentence, or undefined.
   */
  async trash(path: string): Promise<string | undefined> {
    const open = this.open;
    if (open?.path === path) {
      open.request({ kind: 'trash' });
      return undefined;
    }
    const trashed = await this.api.trashDocument({ path });
    if (!trashed.ok) return trashed.message;
    await this.host?.update({ paths: [path] });
    this.host?.trashed(path, trashed.trashedTo);
    return undefined;
  }

  async move(
    path: string,
    folder: string,
    namesake?: NamesakeAnswer,
    name?: string,
  ): Promise<string | undefined> {
    const open = this.open;
    if (open?.path === path) return open.move(folder, namesake, name);
    const moved = await this.api.moveDocument({
      path,
      folder,
      ...(namesake ? { namesake } : {}),
      ...(name ? { name } : {}),
    });
    if (!moved.ok) return moved.message;
    await this.host?.update({ paths: [path, moved.path, ...(moved.updatedFiles ?? [])] });
    this.relocated(doneMove(path, moved));
    return undefined;
  }

  relocated(move: DoneMove): void {
    this.host?.relocated?.(move);
  }

  /**
   * Undo of a move: every file it wrote back as it was and the note at its old path (the server refuses
   * when any changed since); the note, if open, opens there. Answers why not in one sentence.
   */
  async undoMove(move: DoneMove): Promise<string | undefined> {
    const action = moveKind(move);
    if (move.undo === undefined) return `This ${action} cannot be undone.`;
    const open = this.open;
    if (open?.path === move.to) {
      await open.saveNow();
      // Typing the note could not save (a conflict it is asking about) would be left behind at the
      // path the note leaves; the server cannot see it, so this refuses here, as it refuses for a saved edit.
      if (open.unsaved || open.lifecycle.theirs !== undefined)
        return `${move.to} has edits not saved yet, so the ${action} was not undone.`;
    }
    const undone = await this.api.undoMove({ undo: move.undo });
    if (!undone.ok) return undone.message;
    this.host?.moved?.(move.to, move.from);
    await this.host?.update({ paths: [move.to, move.from, ...undone.changedFiles] });
    if (this.open?.path === move.to) this.host?.navigate(documentHash(move.from));
    return undefined;
  }

  /** The `[[Name]]` links moving `path` into `folder` would take from a namesake (asked before the move). */
  async namesakeOfMove(path: string, folder: string): Promise<NamesakeView | undefined> {
    const preview = await this.api.namesakePreview({ path, folder }).catch(() => undefined);
    return preview?.namesake;
  }

  /** How many links in how many notes moving `path` into `folder` would rewrite (the picker says it). */
  async linksOfMove(path: string, folder: string): Promise<{ links: number; notes: number } | undefined> {
    const preview = await this.api.namesakePreview({ path, folder }).catch(() => undefined);
    return preview?.updates;
  }

  /** Sets `status: archived` (archived documents leave the lists, and stay openable by key). */
  async archive(path: string, archived = true): Promise<string | undefined> {
    const result = await this.setStatus(path, archived ? 'archived' : 'draft');
    if (typeof result === 'string') return result;
    if (archived && result.previous !== 'archived') this.host?.archived(path, result.previous);
    return undefined;
  }

  /** Undo of an archive: the status it had before (draft when it had none). */
  async unarchive(path: string, previous: string | undefined): Promise<string | undefined> {
    const result = await this.setStatus(path, previous ?? 'draft');
    return typeof result === 'string' ? result : undefined;
  }

  /** Sets a document's status; answers the status it had, or why not in one sentence. */
  private async setStatus(path: string, status: string): Promise<string | { previous: string | undefined }> {
    const open = this.open;
    if (open?.path === path) {
      const previous = statusOf(open.getView().fields);
      open.setFields({ status });
      await open.saveNow();
      return open.lifecycle.status === 'saved' ? { previous } : (open.getView().message ?? 'Not saved.');
    }
    const read = await this.api.readDocument({ path });
    if (!read.ok) return read.message;
    const split = splitDocument(read.text);
    const eol = read.text.includes('\r\n') ? '\r\n' : '\n';
    const raw = setFrontMatterFields(split.frontMatter?.raw, { status }, eol);
    const text = joinDocument({
      ...split,
      frontMatter: { ...(split.frontMatter ?? { yaml: '', data: {} }), raw },
    });
    const saved = await this.api.saveDocument({ path, text, expected: read.version });
    if (!saved.ok) return saved.message;
    await this.host?.update({ paths: [path] });
    return { previous: statusOf(split.frontMatter?.data ?? {}) };
  }

  /** The Undo was not taken: on the desktop the file moves on to the system trash. */
  async release(trashedTo: string): Promise<void> {
    await this.api.releaseTrashed({ trashedTo });
  }

  /** Undo of a trash: the document goes back (beside a file that took its name meanwhile) and opens. */
  async restore(trashedTo: string, path: string): Promise<string | undefined> {
    const restored = await this.api.restoreDocument({ trashedTo, path });
    if (!restored.ok) return restored.message;
    await this.host?.update({ paths: [restored.path] });
    this.host?.navigate(documentHash(restored.path));
    return undefined;
  }

  /** The server is back after a disconnect: every session's edits that waited for it are saved. */
  reconnected(): void {
    for (const session of [...this.live]) session.reconnected();
  }

  /** Whether any document, open or left, holds edits not yet on disk (closing the window asks first). */
  get unsaved(): boolean {
    return [...this.live].some((session) => session.unsaved);
  }

  /** Resolves when every document left so far has saved what it had. */
  settled(): Promise<void> {
    return this.settledPrevious;
  }

  /**
   * A refresh waiting for a pause in typing must not bring back a path the document has left: its
   * summary still names the old file, and the update for the move has already read the new one.
   */
  private forgetRefresh(path: string): void {
    this.refreshPaths.delete(path);
    this.refreshSummaries.delete(path);
  }

  wrote(path: string, summary?: DocumentSummary): void {
    this.host?.saved?.(path);
    // A status, owner, link or requirement attribute reaches the navigator, board and Links panel at once.
    if (summary && changesWhatViewsShow(this.host?.shown(summary.path), summary)) {
      this.refreshSummaries.delete(summary.path);
      void this.host?.update({ summaries: [summary] });
      return;
    }
    if (summary) this.refreshSummaries.set(summary.path, summary);
    else this.refreshPaths.add(path);
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      const paths = [...this.refreshPaths];
      const summaries = [...this.refreshSummaries.values()];
      this.refreshPaths.clear();
      this.refreshSummaries.clear();
      if (paths.length) void this.host?.update({ paths });
      if (summaries.length) void this.host?.update({ summaries });
    }, refreshDelayMs);
  }

  renamed(session: DocumentSession, from: string, to: string, updatedFiles: string[]): void {
    this.forgetRefresh(from);
    this.host?.moved?.(from, to);
    if (session === this.current) {
      const here = documentHash(from);
      const hash = window.location.hash;
      // The user may have gone elsewhere meanwhile; only a route still on this document follows it.
      if (hash === here || hash.startsWith(`${here}?`)) {
        this.followingFrom = from;
        window.location.replace(documentHash(to) + hash.slice(here.length));
      } else if (locationNames(to, keyOf(session))) {
        // A key link stays as it is and leads to the new path once the index has it; until then, this session.
        this.followingFrom = from;
      }
    }
    void this.host?.update({ paths: [from, to, ...updatedFiles] });
  }

  missing(path: string): void {
    // The summary of the last save would bring the deleted file back into the lists.
    this.forgetRefresh(path);
  }

  gone(session: DocumentSession, path: string, trashedTo: string): void {
    this.forgetRefresh(path);
    // The list the document was in, not the home page (whose navigator shows Specs).
    const shown = this.host?.shown(path);
    const type = shown?.type;
    void this.host?.update({ paths: [path] });
    this.host?.trashed(path, trashedTo);
    if (session === this.current && locationNames(path, shown?.key ?? keyOf(session)))
      this.host?.navigate(type ? sectionHash(type) : '#/');
  }
}

function statusOf(fields: Record<string, unknown>): string | undefined {
  return typeof fields.status === 'string' ? fields.status : undefined;
}

/** Whether the address names this document: by its path, or by its key (`#/SPEC-1`, `#/SPEC-1#Problem`). */
function locationNames(path: string, key?: string): boolean {
  const here = documentHash(path);
  const hash = window.location.hash;
  if (hash === here || hash.startsWith(`${here}?`)) return true;
  return (
    key !== undefined &&
    (hash === keyHash(key) || hash.startsWith(`${keyHash(key)}#`) || hash.startsWith(`${keyHash(key)}?`))
  );
}

function keyOf(session: DocumentSession): string | undefined {
  const key = session.getView().fields.key;
  return typeof key === 'string' ? key : undefined;
}

/** The app's one registry of open documents, for views that act on documents (menus, palette). */
export const DocumentSessionsContext = createContext<DocumentSessions | undefined>(undefined);
