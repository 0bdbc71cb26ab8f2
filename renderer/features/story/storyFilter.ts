/** The story list's filters: by roadmap item, by spec and by status; pure so it is unit-tested. */
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';

export interface StoryFilter {
  roadmap?: string;
  spec?: string;
  status?: string;
}

export interface StoryRow {
  story: DocumentSummary;
  specs: string[];
  roadmap: string[];
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

export function filterStories(rows: readonly StoryRow[], filter: StoryFilter): StoryRow[] {
  return rows.filter(
    (row) =>
      (!filter.roadmap || row.roadmap.includes(filter.roadmap)) &&
      (!filter.spec || row.specs.includes(filter.spec)) &&
      (!filter.status || row.story.status === filter.status),
  );
}
