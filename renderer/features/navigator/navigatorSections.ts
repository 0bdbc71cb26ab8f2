/** Which documents each navigator section lists, filtered and sorted; pure so it is unit-tested. */
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import type { DocumentType } from '../../../shared/model/documentModel.js';

// The palette orders its New commands by the same rule: they live below the features.
export {
  countByType,
  isFolderOfNotes,
  plannedCount,
  type SectionCounts,
} from '../../workbench/folderOfNotes.js';

/**
 * Documents of one type, optionally one status, ordered by key number then title. Archived ones show
 * only under their own filter (they stay openable by key, link and search).
 */
export function sectionDocuments(
  documents: readonly DocumentSummary[],
  type: DocumentType,
  status: string | undefined,
  /** Every type, as a folder of notes lists its few specs and stories in their folders. */
  allTypes = false,
): DocumentSummary[] {
  // Each key's number is read once, not in every comparison: 8,000 stories sort in a few milliseconds.
  const numbers = new Map<DocumentSummary, number>();
  const shown = documents.filter(
    (entry) =>
      (allTypes || entry.type === type) &&
      (status === undefined ? entry.status !== 'archived' : entry.status === status),
  );
  for (const entry of shown) numbers.set(entry, keyNumber(entry.key));
  return shown.sort((left, right) => compareNumbered(left, right, numbers.get(left)!, numbers.get(right)!));
}

function keyNumber(key: string | undefined): number {
  const match = key ? /-(\d+)$/.exec(key) : null;
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

export function compareDocuments(left: DocumentSummary, right: DocumentSummary): number {
  return compareNumbered(left, right, keyNumber(left.key), keyNumber(right.key));
}

function compareNumbered(
  left: DocumentSummary,
  right: DocumentSummary,
  leftNumber: number,
  rightNumber: number,
): number {
  const byKey = leftNumber - rightNumber;
  if (byKey !== 0 && Number.isFinite(byKey)) return byKey;
  if (Number.isFinite(leftNumber) !== Number.isFinite(rightNumber))
    return Number.isFinite(leftNumber) ? -1 : 1;
  return left.title.localeCompare(right.title) || left.path.localeCompare(right.path);
}

/** Statuses present in a section with their counts, in the model's order, then any others. */
export function statusCounts(
  documents: readonly DocumentSummary[],
  type: DocumentType,
  known: readonly string[],
): [string, number][] {
  const counts = new Map<string, number>();
  for (const entry of documents) {
    if (entry.type === type && entry.status) counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
  }
  const ordered = known.filter((status) => counts.has(status));
  const others = [...counts.keys()].filter((status) => !known.includes(status)).sort();
  return [...ordered, ...others].map((status) => [status, counts.get(status)!]);
}
