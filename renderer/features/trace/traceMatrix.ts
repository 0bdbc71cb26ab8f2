/** Flattens trace rows (computed from the summaries by `traceRows`) into table rows: one per requirement, with the gaps named. */
import type { TraceRowView } from '../../../shared/contract/apiContract.js';
import { traceCoverage } from '../../../shared/contract/traceRows.js';
import type { RoadmapItem } from '../../../shared/model/roadmapModel.js';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';

export type TraceGap = 'no-requirement' | 'no-story';

export interface MatrixRow {
  itemKey?: string;
  itemTitle?: string;
  /** The item's lane (now, next, later), shown beside it. */
  itemLane?: string;
  /** How many table rows the item cell spans; 0 on the rows it already covers. */
  itemSpan: number;
  requirement?: {
    key: string;
    path: string;
    line?: number;
    priority?: string;
    status?: string;
    summary?: string;
  };
  stories: { key: string; path?: string; title?: string; status?: string }[];
  gap?: TraceGap;
}

export interface TraceSummary {
  items: number;
  requirements: number;
  covered: number;
  gaps: number;
}

/**
 * The trace answer carries keys only: items, requirements and stories are looked up in what the app
 * already holds (titles, paths, lines, priorities); missing ones still show by key.
 */
export function traceMatrix(
  rows: readonly TraceRowView[],
  documents: readonly DocumentSummary[],
  roadmapByKey: ReadonlyMap<string, RoadmapItem>,
): MatrixRow[] {
  // Each requirement with its spec, without copying 50,000 requirement objects.
  const requirements = new Map<
    string,
    { requirement: DocumentSummary['requirements'][number]; path: string }
  >();
  const documentsByKey = new Map<string, DocumentSummary>();
  for (const document of documents) {
    if (document.key) documentsByKey.set(document.key, document);
    for (const requirement of document.requirements) {
      requirements.set(requirement.key, { requirement, path: document.path });
    }
  }
  const matrix: MatrixRow[] = [];
  for (const { item: itemKey, requirements: delivering } of rows) {
    const known = roadmapByKey.get(itemKey);
    const item = { key: itemKey, title: known?.title, lane: known?.lane };
    if (delivering.length === 0) {
      matrix.push({
        itemKey: item.key,
        itemTitle: item.title,
        itemLane: item.lane,
        itemSpan: 1,
        stories: [],
        gap: 'no-requirement',
      });
      continue;
    }
    delivering.forEach((requirement, index) => {
      const known = requirements.get(requirement.key);
      matrix.push({
        itemKey: item.key,
        itemTitle: item.title,
        itemLane: item.lane,
        itemSpan: index === 0 ? delivering.length : 0,
        requirement: {
          key: requirement.key,
          path: known?.path ?? '',
          line: known?.requirement.line,
          priority: known?.requirement.priority,
          status: known?.requirement.status,
          summary: known?.requirement.summary,
        },
        stories: requirement.stories.map((key) => {
          const story = documentsByKey.get(key);
          return { key, path: story?.path, title: story?.title, status: story?.status };
        }),
        gap: requirement.stories.length === 0 ? 'no-story' : undefined,
      });
    });
  }
  return matrix;
}

/** Requirements that name no roadmap item: shown below the matrix so nothing is silently left out. */
export function unplannedRequirements(documents: readonly DocumentSummary[]): MatrixRow[] {
  const storiesByRequirement = new Map<
    string,
    { key: string; path: string; title: string; status?: string }[]
  >();
  for (const document of documents) {
    if (document.type !== 'story' || !document.key) continue;
    for (const key of document.implements) {
      const stories = storiesByRequirement.get(key) ?? [];
      stories.push({
        key: document.key,
        path: document.path,
        title: document.title,
        status: document.status,
      });
      storiesByRequirement.set(key, stories);
    }
  }
  return documents.flatMap((document) =>
    document.requirements
      .filter((requirement) => requirement.roadmap.length === 0)
      .map((requirement) => {
        const stories = storiesByRequirement.get(requirement.key) ?? [];
        return {
          itemSpan: 1,
          requirement: {
            key: requirement.key,
            path: document.path,
            line: requirement.line,
            priority: requirement.priority,
            status: requirement.status,
            summary: requirement.summary,
          },
          stories,
          gap: stories.length === 0 ? ('no-story' as const) : undefined,
        };
      }),
  );
}

/** Requirements and coverage as the CLI counts them (`traceCoverage`: a requirement delivering two items once); gaps per row. */
export function traceSummary(rows: readonly TraceRowView[]): TraceSummary {
  let gaps = 0;
  for (const row of rows) {
    gaps += row.requirements.length === 0 ? 1 : row.requirements.filter((r) => r.stories.length === 0).length;
  }
  const { requirements, withStories } = traceCoverage(rows);
  return { items: rows.length, requirements, covered: withStories, gaps };
}
