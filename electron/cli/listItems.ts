/**
 * The rows `specbench list` prints: documents, requirements and roadmap items, filtered by type and
 * status and by where they lead (a lane, a release, a spec). Filters combine: stories `ready` for
 * `now` are the ready stories implementing a requirement that delivers an item in the Now lane.
 */
import { splitKey } from '../../shared/grammar/linkGrammar.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import type { Release, RoadmapItem } from '../../shared/model/roadmapModel.js';

export const listTypes = ['spec', 'requirement', 'story', 'faq', 'feedback', 'roadmap', 'doc'] as const;
export type ListType = (typeof listTypes)[number];

export interface ListFilters {
  types?: ListType[];
  statuses?: string[];
  lanes?: string[];
  release?: Release;
  /** Specs whose requirements, stories, FAQs and roadmap items are kept. */
  specs?: DocumentEntry[];
}

export interface ListRow {
  key?: string;
  type: ListType;
  title: string;
  status?: string;
  owner?: string;
  /** Where it lives; absent for a roadmap item (roadmap.json). */
  path?: string;
  line?: number;
  lane?: string;
  quarter?: string;
  /** A story's estimate as written. */
  estimate?: unknown;
  /** Keys it links to: a story's requirements, a requirement's roadmap items, a FAQ's specs. */
  links?: string[];
  /** The spec holding a requirement. */
  spec?: string;
}

export function listItems(
  documents: readonly DocumentEntry[],
  roadmap: readonly RoadmapItem[],
  filters: ListFilters,
): ListRow[] {
  // The roadmap items in scope: those in the lanes and the release asked for (all when neither is).
  let items: Set<string> | undefined;
  if (filters.lanes)
    items = new Set(roadmap.filter((item) => filters.lanes!.includes(item.lane)).map((item) => item.key));
  if (filters.release) {
    const shipped = new Set(filters.release.items);
    items = new Set([...(items ?? shipped)].filter((key) => shipped.has(key)));
  }
  const requirementsInScope = new Set<string>();
  for (const document of documents) {
    if (filters.specs && !filters.specs.includes(document)) continue;
    for (const requirement of document.requirements) {
      if (!items || requirement.roadmap.some((key) => items.has(key)))
        requirementsInScope.add(requirement.key);
    }
  }
  const scoped = items !== undefined || filters.specs !== undefined;
  const specsInScope = new Set(
    documents
      .filter((document) =>
        document.requirements.some((requirement) => requirementsInScope.has(requirement.key)),
      )
      .map((document) => document.key),
  );
  if (!items) for (const spec of filters.specs ?? []) if (spec.key) specsInScope.add(spec.key);

  const rows: ListRow[] = [];
  for (const document of documents) {
    const type = document.type as ListType;
    if (document.key !== undefined || type === 'doc') {
      const inScope =
        !scoped ||
        (type === 'spec' && specsInScope.has(document.key)) ||
        (type === 'story' && document.implements.some((key) => requirementsInScope.has(key))) ||
        (type === 'faq' && document.answers.some((key) => specsInScope.has(key))) ||
        (type === 'feedback' &&
          document.about.some((key) => requirementsInScope.has(key) || (items?.has(key) ?? false)));
      if (inScope) rows.push(documentRow(document));
    }
    for (const requirement of document.requirements) {
      if (scoped && !requirementsInScope.has(requirement.key)) continue;
      rows.push({
        key: requirement.key,
        type: 'requirement',
        title: requirement.summary,
        ...(requirement.status === undefined ? {} : { status: requirement.status }),
        path: document.path,
        line: requirement.line,
        links: requirement.roadmap,
        ...(document.key === undefined ? {} : { spec: document.key }),
      });
    }
  }
  const delivered = new Set(
    documents.flatMap((document) =>
      document.requirements
        .filter((requirement) => requirementsInScope.has(requirement.key))
        .flatMap((requirement) => requirement.roadmap),
    ),
  );
  for (const item of roadmap) {
    if (items && !items.has(item.key)) continue;
    if (filters.specs && !delivered.has(item.key)) continue;
    rows.push({
      key: item.key,
      type: 'roadmap',
      title: item.title,
      status: item.status,
      lane: item.lane,
      ...(item.quarter === undefined ? {} : { quarter: item.quarter }),
      ...(item.owner === undefined ? {} : { owner: item.owner }),
    });
  }
  return rows
    .filter((row) => (filters.types ? filters.types.includes(row.type) : row.type !== 'doc'))
    .filter((row) => !filters.statuses || (row.status !== undefined && filters.statuses.includes(row.status)))
    .sort(compareRows);
}

function documentRow(document: DocumentEntry): ListRow {
  const links =
    document.type === 'faq'
      ? document.answers
      : document.type === 'feedback'
        ? document.about
        : document.implements;
  return {
    ...(document.key === undefined ? {} : { key: document.key }),
    type: document.type as ListType,
    title: document.title,
    ...(document.status === undefined ? {} : { status: document.status }),
    ...(document.owner === undefined ? {} : { owner: document.owner }),
    path: document.path,
    line: 1,
    ...(document.type === 'story' && document.fields.estimate !== undefined
      ? { estimate: document.fields.estimate }
      : {}),
    ...(links.length > 0 ? { links } : {}),
  };
}

/** By type in listTypes order, then key (SPEC-2 before SPEC-10), then path. */
function compareRows(a: ListRow, b: ListRow): number {
  const byType = listTypes.indexOf(a.type) - listTypes.indexOf(b.type);
  if (byType !== 0) return byType;
  const left = a.key === undefined ? undefined : splitKey(a.key);
  const right = b.key === undefined ? undefined : splitKey(b.key);
  if (left && right && left.prefix === right.prefix && left.number !== right.number)
    return left.number - right.number;
  const first = a.key ?? a.path ?? '';
  const second = b.key ?? b.path ?? '';
  return first < second ? -1 : first > second ? 1 : 0;
}
