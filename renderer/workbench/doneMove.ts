import { plural } from '../../shared/model/plural.js';

/** A finished move as its notice shows it: where the note went, how many links it rewrote, and its Undo. */
export interface DoneMove {
  from: string;
  to: string;
  updatedLinks: number;
  /** The server's name for the move's Undo (moveDocument's `undo`); none, no Undo. */
  undo?: string;
}

/** The notice's view of moveDocument's answer. */
export function doneMove(
  from: string,
  result: { path: string; updatedLinks?: number; undo?: string },
): DoneMove {
  return {
    from,
    to: result.path,
    updatedLinks: result.updatedLinks ?? 0,
    ...(result.undo === undefined ? {} : { undo: result.undo }),
  };
}

/** "Moved to Obsidian Sync/ · 2 links updated". */
export function moveNotice({ to, updatedLinks }: DoneMove): string {
  const folder = to.includes('/') ? `${to.slice(0, to.lastIndexOf('/'))}/` : 'the top folder';
  const links = updatedLinks === 0 ? '' : ` · ${plural(updatedLinks, 'link')} updated`;
  return `Moved to ${folder}${links}`;
}
