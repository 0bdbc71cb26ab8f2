/**
 * The lifecycle of one open document as a pure state machine: every event in, the next state and
 * the effects to run out. One operation against the disk at a time (read, save, rename, move,
 * trash, check), so a rename never races an autosave; every result carries the generation it was
 * issued for and is dropped when it does not match. A session's identity is its object, never its
 * path: a rename re-points `path`, a new file at an old path is a new session.
 */
import type { FileVersion } from '../../shared/contract/apiContract.js';

/** `offline`: the server could not be reached; the edits wait in the buffer and are saved when it is back. */
export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'failed' | 'deleted' | 'offline';

export interface Theirs {
  text: string;
  version: FileVersion;
}

/** A rename by name (a document titled by its file name): the new name, and whether links to it follow. */
export interface RenameByName {
  name: string;
  updateLinks: boolean;
  /** Asked first when the name would take `[[Name]]` links from another note: pin them there, or let them move. */
  namesake?: NamesakeAnswer;
}

/** Keep `[[Name]]` links a new name would take from a namesake pointing where they did, or let them move. */
export type NamesakeAnswer = 'keep' | 'move';

/** What the user asked of the file itself; it waits until pending edits are saved. */
export type FileRequest =
  | { kind: 'rename'; byName?: RenameByName }
  | { kind: 'move'; folder: string; namesake?: NamesakeAnswer; name?: string }
  | { kind: 'trash' };

export type Operation = 'read' | 'save' | 'check' | FileRequest['kind'];

export interface LifecycleState {
  path: string;
  phase: 'loading' | 'ready' | 'missing' | 'closed';
  /** Increments with every operation issued; only a result of the current one is taken. */
  generation: number;
  busy?: Operation;
  /** The version on disk the buffer is based on (the expected version of the next save). */
  base?: FileVersion;
  /** The buffer holds edits not yet handed to a save. */
  dirty: boolean;
  /** Edits the user made that have not reached the buffer yet (a pasted image being written to assets/). */
  pending: number;
  /** A save is wanted (autosave fired, a flush, Keep mine) once nothing else runs. */
  saveDue: boolean;
  /** The disk changed under us: read it and compare, once nothing else runs. */
  checkDue: boolean;
  request?: FileRequest;
  theirs?: Theirs;
  status: SaveStatus;
  message?: string;
  /** The user left this document: save what is pending, then close. */
  left: boolean;
}

export type LifecycleEvent =
  | { type: 'loaded'; generation: number; version: FileVersion }
  | { type: 'loadFailed'; generation: number; message: string }
  | { type: 'edited' }
  /** An edit began that reaches the buffer later (`editArrived` when it has, or failed). */
  | { type: 'editStarted' }
  | { type: 'editArrived' }
  | { type: 'saveDue' }
  | { type: 'saved'; generation: number; version: FileVersion }
  | { type: 'saveConflict'; generation: number; theirs: Theirs }
  | { type: 'saveDeleted'; generation: number }
  /** `offline`: the server was not reached (not a refusal): the save is retried once it is back. */
  | { type: 'saveFailed'; generation: number; message: string; offline?: boolean }
  /** The server is reachable again: a save that waited for it goes now. */
  | { type: 'reconnected' }
  | { type: 'changedOnDisk' }
  | { type: 'diskRead'; generation: number; theirs: Theirs }
  /** The buffer took the disk's change merged into typing not saved yet: it is based on `version` now. */
  | { type: 'merged'; generation: number; version: FileVersion }
  | { type: 'diskMissing'; generation: number }
  | { type: 'request'; request: FileRequest }
  | { type: 'moved'; generation: number; path: string; updatedFiles?: string[] }
  | { type: 'trashed'; generation: number }
  | { type: 'requestFailed'; generation: number; message: string }
  | { type: 'keepMine' }
  | { type: 'takeTheirs' }
  /** A backup's text replaced the buffer; it is saved against the version it started from. */
  | { type: 'restored'; base: FileVersion }
  | { type: 'leave' };

export type LifecycleEffect =
  | { type: 'read'; generation: number; path: string }
  | { type: 'save'; generation: number; path: string; expected: FileVersion }
  | { type: 'check'; generation: number; path: string }
  | { type: 'file'; generation: number; path: string; request: FileRequest }
  /** Replace the buffer with the file's text. */
  | { type: 'adopt'; theirs: Theirs }
  | { type: 'scheduleSave' }
  | { type: 'cancelSave' }
  | { type: 'discardBackup' }
  | { type: 'wrote' }
  | { type: 'renamed'; from: string; to: string; updatedFiles: string[] }
  | { type: 'gone'; path: string }
  | { type: 'closed' };

export const deletedMessage = 'This file was deleted or moved on disk. Your text is kept here.';

export function openLifecycle(path: string): [LifecycleState, LifecycleEffect[]] {
  const state: LifecycleState = {
    path,
    phase: 'loading',
    generation: 1,
    busy: 'read',
    dirty: false,
    pending: 0,
    saveDue: false,
    checkDue: false,
    status: 'saved',
    left: false,
  };
  return [state, [{ type: 'read', generation: 1, path }]];
}

/** Results are taken only for the operation in flight; anything else is stale. */
function isCurrent(state: LifecycleState, event: LifecycleEvent): boolean {
  return !('generation' in event) || (state.busy !== undefined && event.generation === state.generation);
}

export function transition(
  state: LifecycleState,
  event: LifecycleEvent,
): [LifecycleState, LifecycleEffect[]] {
  if (state.phase === 'closed' || !isCurrent(state, event)) return [state, []];
  const effects: LifecycleEffect[] = [];
  let next: LifecycleState = 'generation' in event ? { ...state, busy: undefined } : { ...state };
  switch (event.type) {
    case 'loaded':
      next = { ...next, phase: 'ready', base: event.version, status: 'saved' };
      break;
    case 'loadFailed':
      next = { ...next, phase: 'missing', message: event.message };
      break;
    case 'edited':
      if (next.phase !== 'ready') break;
      next.dirty = true;
      // Offline, typing on adds to what waits for the server instead of trying it at every pause.
      if (!next.theirs && next.status !== 'offline') {
        if (next.status !== 'saving' && next.status !== 'deleted') next.status = 'unsaved';
        effects.push({ type: 'scheduleSave' });
      }
      break;
    case 'editStarted':
      if (next.phase !== 'ready') break;
      next.pending += 1;
      if (next.status === 'saved') next.status = 'unsaved';
      break;
    case 'editArrived':
      next.pending = Math.max(0, next.pending - 1);
      if (next.status === 'unsaved' && !next.dirty && !next.pending && !next.saveDue) next.status = 'saved';
      break;
    case 'saveDue':
      next.saveDue = true;
      break;
    case 'saved': {
      const unsaved = next.dirty || next.pending > 0;
      next = { ...next, base: event.version, status: unsaved ? 'unsaved' : 'saved', message: undefined };
      effects.push({ type: 'wrote' });
      if (next.dirty) effects.push({ type: 'scheduleSave' });
      else effects.push({ type: 'discardBackup' });
      break;
    }
    case 'saveConflict':
      next = { ...next, dirty: true, theirs: event.theirs, status: 'conflict', saveDue: false };
      effects.push({ type: 'cancelSave' });
      break;
    case 'saveDeleted':
      next = { ...next, dirty: true, status: 'deleted', message: deletedMessage, saveDue: false };
      break;
    case 'saveFailed':
      next = {
        ...next,
        dirty: true,
        status: event.offline ? 'offline' : 'failed',
        message: event.message,
        saveDue: false,
      };
      break;
    case 'reconnected':
      if (next.status === 'offline') next = { ...next, status: 'unsaved', message: undefined, saveDue: true };
      break;
    case 'changedOnDisk':
      if (next.phase === 'ready') next.checkDue = true;
      break;
    case 'diskRead':
      if (event.theirs.version.hash === next.base?.hash) {
        if (next.status === 'deleted') {
          next = { ...next, status: next.dirty || next.pending > 0 ? 'unsaved' : 'saved' };
        }
        break;
      }
      if (!next.dirty && !next.theirs) {
        const status = next.pending > 0 ? 'unsaved' : 'saved';
        next = { ...next, base: event.theirs.version, status, message: undefined };
        effects.push({ type: 'adopt', theirs: event.theirs });
      } else {
        next = { ...next, theirs: event.theirs, status: 'conflict', saveDue: false };
        effects.push({ type: 'cancelSave' });
      }
      break;
    case 'merged':
      next = { ...next, base: event.version, dirty: true, status: 'unsaved', message: undefined };
      effects.push({ type: 'scheduleSave' });
      break;
    case 'diskMissing':
      next = { ...next, status: 'deleted', message: deletedMessage };
      break;
    case 'request':
      if (next.phase === 'ready' && !next.request) next.request = event.request;
      break;
    case 'moved':
      effects.push({
        type: 'renamed',
        from: next.path,
        to: event.path,
        updatedFiles: event.updatedFiles ?? [],
      });
      // A rename or move that rewrote this document's own links changed the file under the buffer:
      // read it again (a clean buffer takes it), or the next save finds it changed and shows Conflict.
      next = {
        ...next,
        path: event.path,
        request: undefined,
        checkDue: next.checkDue || (event.updatedFiles ?? []).includes(next.path),
      };
      break;
    case 'trashed':
      // What was still on its way into a deleted document has nowhere to go.
      next = { ...next, request: undefined, dirty: false, pending: 0, saveDue: false, left: true };
      effects.push({ type: 'gone', path: next.path });
      break;
    case 'requestFailed':
      next = { ...next, request: undefined, status: 'failed', message: event.message };
      break;
    case 'keepMine':
      if (!next.theirs) break;
      next = { ...next, base: next.theirs.version, theirs: undefined, dirty: true, saveDue: true };
      next.status = 'unsaved';
      break;
    case 'takeTheirs':
      if (!next.theirs) break;
      effects.push({ type: 'adopt', theirs: next.theirs }, { type: 'discardBackup' });
      next = { ...next, base: next.theirs.version, theirs: undefined, dirty: false, saveDue: false };
      next = { ...next, status: next.pending > 0 ? 'unsaved' : 'saved', message: undefined };
      break;
    case 'restored':
      if (next.phase !== 'ready') break;
      next = { ...next, base: event.base, dirty: true, status: 'unsaved', theirs: undefined };
      effects.push({ type: 'scheduleSave' });
      break;
    case 'leave':
      next = { ...next, left: true, saveDue: true };
      effects.push({ type: 'cancelSave' });
      break;
  }
  return pump(next, effects);
}

/** Starts the next operation when nothing runs: a check first, then pending edits, then the file request. */
function pump(state: LifecycleState, effects: LifecycleEffect[]): [LifecycleState, LifecycleEffect[]] {
  if (state.busy || state.phase === 'loading') return [state, effects];
  if (state.phase !== 'ready') return close(state, effects);
  const issue = (busy: Operation): number => {
    state = { ...state, busy, generation: state.generation + 1 };
    return state.generation;
  };
  const canSave = state.dirty && !state.theirs && state.base !== undefined;
  // A save that just failed is not retried for a request or a leave (the text stays in the backup).
  const failing = state.status === 'failed' || state.status === 'deleted' || state.status === 'offline';
  if (state.checkDue) {
    state = { ...state, checkDue: false };
    effects.push({ type: 'check', generation: issue('check'), path: state.path });
  } else if (canSave && (state.saveDue || (!failing && (state.request || state.left)))) {
    const expected = state.base!;
    state = { ...state, saveDue: false, dirty: false, status: 'saving' };
    effects.push(
      { type: 'cancelSave' },
      { type: 'save', generation: issue('save'), path: state.path, expected },
    );
  } else if (state.request && !state.theirs && state.pending > 0) {
    // A paste still on its way goes into the file first (a move would also break its relative link).
  } else if (state.request && !state.theirs && (!state.dirty || state.request.kind === 'trash')) {
    const request = state.request;
    effects.push({ type: 'file', generation: issue(request.kind), path: state.path, request });
  } else {
    state = { ...state, saveDue: false, request: undefined };
    // Left while the server was away: the session stays until it is back and the edits are saved.
    if (state.left && !(state.status === 'offline' && state.dirty)) return close(state, effects);
  }
  return [state, effects];
}

/** A document left closes once nothing the user did is still on its way into it. */
function close(state: LifecycleState, effects: LifecycleEffect[]): [LifecycleState, LifecycleEffect[]] {
  if (!state.left || state.pending > 0) return [state, effects];
  return [
    { ...state, phase: 'closed', saveDue: false, request: undefined },
    [...effects, { type: 'closed' }],
  ];
}
