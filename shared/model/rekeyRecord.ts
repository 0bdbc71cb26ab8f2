/**
 * A copy of a duplicated key renamed after a merge (REQ-14 → REQ-21), recorded in the workspace's
 * local state with the links git blame said were written for that copy. Until each is pointed to the
 * new key or the user keeps the old one, the link still means the other requirement by accident:
 * Changes lists them again on every visit and `check` reports them (`rekeyed-reference`).
 */
import type { DocumentEntry } from './documentModel.js';

export interface RekeyedReference {
  path: string;
  /** The line when recorded; the link's current line is found again on reading. */
  line: number;
  /** implements, answers, evidence (a feedback note's about) or mentions. */
  kind: string;
  /** The linking document's key or title. */
  from: string;
  /** The commit that wrote the link, shortened, and its author. */
  commit: string;
  author: string;
}

export interface RekeyRecord {
  key: string;
  newKey: string;
  /** The file of the copy that got the new key. */
  path: string;
  /** When it was renamed (ISO time). */
  at: string;
  references: RekeyedReference[];
}

type LinkField = 'implements' | 'answers' | 'about';
const fieldOf: Record<string, LinkField> = {
  implements: 'implements',
  answers: 'answers',
  evidence: 'about',
};

/**
 * The recorded references that still link to the old key, each at its line now. `fieldLine` finds a
 * front-matter link's line (line 1 without it).
 */
export function standingReferences(
  record: RekeyRecord,
  documents: readonly DocumentEntry[],
  fieldLine: (document: DocumentEntry, field: LinkField, key: string) => number = () => 1,
): RekeyedReference[] {
  const byPath = new Map(documents.map((document) => [document.path, document]));
  const taken = new Set<string>();
  const standing: RekeyedReference[] = [];
  for (const reference of record.references) {
    const document = byPath.get(reference.path);
    if (!document) continue;
    const field = fieldOf[reference.kind];
    if (field) {
      if (document[field].includes(record.key))
        standing.push({ ...reference, line: fieldLine(document, field, record.key) });
      continue;
    }
    // A mention: the nearest [[KEY]] in that file not matched to another recorded mention.
    const lines = document.references
      .filter(
        (mention) =>
          (mention.target === record.key || mention.anchor === record.key) &&
          !taken.has(`${reference.path}:${mention.line}`),
      )
      .map((mention) => mention.line)
      .sort((a, b) => Math.abs(a - reference.line) - Math.abs(b - reference.line));
    const line = lines[0];
    if (line === undefined) continue;
    taken.add(`${reference.path}:${line}`);
    standing.push({ ...reference, line });
  }
  return standing;
}
