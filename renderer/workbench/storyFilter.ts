/**
 * The stories' one filter: lane, release, roadmap item, spec, status and owner, combined. It lives in
 * the URL (`#/stories?lane=now&status=ready`), so it survives a reload and can be shared; the Stories
 * table, its saved views and the navigator's status chips all read and write this one. Pure, so it is
 * unit-tested.
 */
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import type { Release, RoadmapItem } from '../../shared/model/roadmapModel.js';

/** The filter's fields, in the order they appear in the URL. */
export const storyFilterFields = ['lane', 'release', 'roadmap', 'spec', 'status', 'owner'] as const;
export type StoryFilterField = (typeof storyFilterFields)[number];
export type StoryFilter = Partial<Record<StoryFilterField, string>>;

export interface StoryRow {
  story: DocumentSummary;
  specs: string[];
  roadmap: string[];
}

/** What the lane and release filters look up. */
export interface StoryFilterContext {
  roadmapByKey: ReadonlyMap<string, Pick<RoadmapItem, 'lane'>>;
  releases: readonly Pick<Release, 'key' | 'items'>[];
}

/** A saved view: a name for a filter, offered above the table. */
export interface StoryView {
  name: string;
  filter: StoryFilter;
}

export const builtInStoryViews: readonly StoryView[] = [
  { name: 'Ready for Now', filter: { lane: 'now', status: 'ready' } },
  { name: 'In progress', filter: { status: 'in-progress' } },
  { name: 'Ready for Next', filter: { lane: 'next', status: 'ready' } },
];

export function parseStoryFilter(query: string): StoryFilter {
  const params = new URLSearchParams(query);
  const filter: StoryFilter = {};
  for (const field of storyFilterFields) {
    const value = params.get(field)?.trim();
    if (value) filter[field] = value;
  }
  return filter;
}

/** The query of a filter (`lane=now&status=ready`), fields in a fixed order; empty for no filter. */
export function storyFilterQuery(filter: StoryFilter): string {
  const params = new URLSearchParams();
  for (const field of storyFilterFields) {
    const value = filter[field];
    if (value) params.set(field, value);
  }
  return params.toString();
}

export function storiesHash(filter: StoryFilter = {}): string {
  const query = storyFilterQuery(filter);
  return query ? `#/stories?${query}` : '#/stories';
}

export function sameFilter(left: StoryFilter, right: StoryFilter): boolean {
  return storyFilterQuery(left) === storyFilterQuery(right);
}

export function storyRows(
  documents: readonly DocumentSummary[],
  requirementOwner: ReadonlyMap<string, DocumentSummary>,
): StoryRow[] {
  return documents
    .filter((entry) => entry.type === 'story')
    .map((story) => {
      const specs = new Set<string>();
      const roadmap = new Set<string>();
      for (const key of story.implements) {
        const owner = requirementOwner.get(key);
        if (!owner) continue;
        if (owner.key) specs.add(owner.key);
        for (const item of owner.requirements.find((entry) => entry.key === key)?.roadmap ?? [])
          roadmap.add(item);
      }
      return { story, specs: [...specs], roadmap: [...roadmap] };
    });
}

export function filterStories(
  rows: readonly StoryRow[],
  filter: StoryFilter,
  context: StoryFilterContext,
): StoryRow[] {
  const release = filter.release
    ? new Set(context.releases.find((entry) => entry.key === filter.release)?.items ?? [])
    : undefined;
  return rows.filter(
    (row) =>
      (!filter.lane || row.roadmap.some((key) => context.roadmapByKey.get(key)?.lane === filter.lane)) &&
      (!release || row.roadmap.some((key) => release.has(key))) &&
      (!filter.roadmap || row.roadmap.includes(filter.roadmap)) &&
      (!filter.spec || row.specs.includes(filter.spec)) &&
      (!filter.status || row.story.status === filter.status) &&
      (!filter.owner || row.story.owner === filter.owner),
  );
}
