import { fileTitle } from '../../shared/model/documentTitle.js';
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

/** "Moved to Obsidian Sync/ · 2 links updated", or for a move within its folder "Renamed to “Plan” · 1 link updated". */
export function moveNotice({ from, to, updatedLinks }: DoneMove): string {
  const links = updatedLinks === 0 ? '' : ` · ${plural(updatedLinks, 'link')} updated`;
  if (moveKind({ from, to }) === 'rename') return `Renamed to “${fileTitle(to)}”${links}`;
  return `Moved to ${folder(to) === '' ? 'the top folder' : `${folder(to)}/`}${links}`;
}

/** A move within its folder is a rename, and says so. */
export function moveKind({ from, to }: Pick<DoneMove, 'from' | 'to'>): 'move' | 'rename' {
  return folder(from) === folder(to) ? 'rename' : 'move';
}

function folder(file: string): string {
  return file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
}
