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
  /** implements, answers, evidence (a feedback note's about), delivers (a requirement's roadmap=) or mentions. */
  kind: string;
  /** The linking document's key or title (for delivers, the requirement's key). */
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

/** How each kind of recorded link reads in a sentence: "STORY-2 implements REQ-16". */
export const linkVerbs: Record<string, string> = {
  implements: 'implements',
  answers: 'answers',
  evidence: 'is evidence for',
  delivers: 'delivers',
  mentions: 'mentions',
};

/**
 * Push's warning, one phrase a link: "STORY-11 implements REQ-16, meant for REQ-17". A mention names
 * its line, so two in one document never read the same. `other` is what the links reach meanwhile.
 */
export function unpointedLinks(records: readonly RekeyRecord[]): {
  links: string[];
  other: 'requirement' | 'roadmap item' | 'copy';
} {
  const links = records.flatMap((record) =>
    record.references.map((reference) => {
      const where = reference.kind === 'mentions' ? ` on line ${reference.line}` : '';
      const verb = linkVerbs[reference.kind] ?? reference.kind;
      return `${reference.from} ${verb} ${record.key}${where}, meant for ${record.newKey}`;
    }),
  );
  const roadmap = records.filter((record) => record.path === 'roadmap.json').length;
  const other = roadmap === 0 ? 'requirement' : roadmap === records.length ? 'roadmap item' : 'copy';
  return { links: [...new Set(links)], other };
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
    if (reference.kind === 'delivers') {
      // A requirement's `roadmap=` link to a renumbered roadmap item: found again by the requirement's key.
      const requirement = document.requirements.find(
        (each) => each.key === reference.from && each.roadmap.includes(record.key),
      );
      if (requirement) standing.push({ ...reference, line: requirement.line });
      continue;
    }
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
