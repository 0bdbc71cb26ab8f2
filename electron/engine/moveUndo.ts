/**
 * Undo of a move: the server keeps what each file held before the move and what the move wrote, and
 * gives back every byte (the note at its old path, each linking file as it was), all or none, only
 * while every file still holds what the move wrote. Kept in memory for the last few moves.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { DocumentIndexes } from './documentIndexes.js';
import type { DocumentStore } from './documentStore.js';
import { savedThen, type LinkChange } from './renameSteps.js';

/** A move Undo can give back: the note's two paths and each file it wrote (the note itself at `from`). */
export interface DoneMove {
  from: string;
  to: string;
  files: { path: string; before: string; after: string }[];
}

export type UndoMoveResult =
  | { ok: true; path: string; changedFiles: string[] }
  | { ok: false; error: 'gone' | 'conflict' | string; message: string };

/** How many moves stay undoable. */
const kept = 20;

export class MoveUndos {
  private readonly done = new Map<string, DoneMove>();

  constructor(
    private readonly store: DocumentStore,
    private readonly indexes: DocumentIndexes,
  ) {}

  /** Keeps a finished move; answers the id its Undo names. */
  remember(move: DoneMove): string {
    const id = randomUUID();
    this.done.set(id, move);
    if (this.done.size > kept) this.done.delete(this.done.keys().next().value!);
    return id;
  }

  /**
   * Puts each file back as it was, then `moveBack` takes the note from its new path to its old one; a
   * file changed since the move, or a move back that fails, leaves everything as it is.
   */
  async undo(
    id: string,
    moveBack: (
      from: string,
      to: string,
    ) => Promise<{ ok: true } | { ok: false; error: string; message: string }>,
  ): Promise<UndoMoveResult> {
    const move = this.done.get(id);
    if (!move) return { ok: false, error: 'gone', message: 'This can no longer be undone.' };
    const action = kindOf(move);
    const changes: LinkChange[] = [];
    for (const file of move.files) {
      const now = file.path === move.from ? move.to : file.path;
      const read = await this.store.read(now);
      if (!read.ok) return { ok: false, error: read.error, message: `${read.message} Nothing was undone.` };
      if (read.file.text !== file.after) {
        return {
          ok: false,
          error: 'conflict',
          message: `${now} changed since the ${action}, so the ${action} was not undone.`,
        };
      }
      changes.push({ path: now, text: file.before, expected: read.file, original: file.after, spans: [] });
    }
    const back = await savedThen(this.store, this.indexes, changes, () => moveBack(move.to, move.from));
    if (!back.ok) return { ok: false, error: back.error, message: `${back.message} Nothing was undone.` };
    this.done.delete(id);
    const others = changes.map((change) => change.path).filter((file) => file !== move.to);
    for (const file of others) await this.indexes.refresh(file);
    return { ok: true, path: move.from, changedFiles: others };
  }
}

/** A move within its folder is the user's rename, and its Undo says so. */
function kindOf(move: DoneMove): 'move' | 'rename' {
  return path.posix.dirname(move.from) === path.posix.dirname(move.to) ? 'rename' : 'move';
}
