/**
 * A folder of notes as the navigator lists it (a vault's own layout): each folder a row that folds,
 * its notes under it by title, sub-folders first; notes at the top level after the folders. Pure, so
 * it is unit-tested; the list stays one virtualized column of rows.
 */
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';

export type NavigatorRow =
  | { kind: 'folder'; path: string; name: string; depth: number; count: number; collapsed: boolean }
  | { kind: 'document'; entry: DocumentSummary; depth: number };

interface Folder {
  folders: Map<string, Folder>;
  documents: DocumentSummary[];
  count: number;
}

function emptyFolder(): Folder {
  return { folders: new Map(), documents: [], count: 0 };
}

export function folderRows(
  documents: readonly DocumentSummary[],
  collapsed: ReadonlySet<string>,
): NavigatorRow[] {
  const root = emptyFolder();
  for (const entry of documents) {
    const parts = entry.path.split('/');
    let folder = root;
    folder.count++;
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.get(part);
      if (!next) folder.folders.set(part, (next = emptyFolder()));
      folder = next;
      folder.count++;
    }
    folder.documents.push(entry);
  }
  const rows: NavigatorRow[] = [];
  const visit = (folder: Folder, path: string, depth: number) => {
    const names = [...folder.folders.keys()].sort((a, b) => a.localeCompare(b));
    for (const name of names) {
      const child = folder.folders.get(name)!;
      const childPath = path === '' ? name : `${path}/${name}`;
      const folded = collapsed.has(childPath);
      rows.push({ kind: 'folder', path: childPath, name, depth, count: child.count, collapsed: folded });
      if (!folded) visit(child, childPath, depth + 1);
    }
    const notes = [...folder.documents].sort(
      (a, b) => a.title.localeCompare(b.title) || a.path.localeCompare(b.path),
    );
    for (const entry of notes) rows.push({ kind: 'document', entry, depth });
  };
  visit(root, '', 0);
  return rows;
}

/** Tags of a section's documents with their counts, most used first. */
export function tagCounts(documents: readonly DocumentSummary[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const entry of documents)
    for (const tag of entry.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
