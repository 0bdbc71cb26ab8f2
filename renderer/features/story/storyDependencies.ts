/**
 * A story's `depends` as the engineer view shows them: what each key names now and its status, a
 * dependency not done marked as waiting. Pure, so it is unit-tested.
 */
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import type { RoadmapItem } from '../../../shared/model/roadmapModel.js';

export interface Dependency {
  key: string;
  /** What the key names now: a story or other document, a requirement, a roadmap item; absent when nothing. */
  title?: string;
  kind?: 'document' | 'requirement' | 'roadmap';
  /** The document to open (a requirement's spec); a roadmap item has none. */
  path?: string;
  status?: string;
  /** Not finished yet: the story waits for it. An unknown key waits too. */
  waiting: boolean;
  /**
   * A requirement not marked implemented whose stories are all done: the work it names is finished,
   * though its spec does not say so yet (so it is not waited for, and the view says why).
   */
  storiesDone?: boolean;
}

/** Each kind's finished statuses: a story done, a spec shipped, a requirement implemented, an item done. */
const finished = new Set(['done', 'shipped', 'implemented', 'released']);

export interface DependencyLookups {
  byKey: ReadonlyMap<string, DocumentSummary>;
  requirementOwner: ReadonlyMap<string, DocumentSummary>;
  roadmapByKey: ReadonlyMap<string, Pick<RoadmapItem, 'title' | 'status'>>;
  /** Every document: the stories implementing a requirement. */
  documents?: readonly DocumentSummary[];
}

export function storyDependencies(keys: readonly string[], lookups: DependencyLookups): Dependency[] {
  return [...new Set(keys)].map((key): Dependency => {
    const document = lookups.byKey.get(key);
    if (document) return known(key, 'document', document.title, document.status, document.path);
    const owner = lookups.requirementOwner.get(key);
    const requirement = owner?.requirements.find((entry) => entry.key === key);
    if (owner && requirement) {
      const dependency = known(key, 'requirement', requirement.summary, requirement.status, owner.path);
      if (!dependency.waiting || !storiesAllDone(key, lookups.documents)) return dependency;
      return { ...dependency, waiting: false, storiesDone: true };
    }
    const item = lookups.roadmapByKey.get(key);
    if (item) return known(key, 'roadmap', item.title, item.status, undefined);
    return { key, waiting: true };
  });
}

function known(
  key: string,
  kind: NonNullable<Dependency['kind']>,
  title: string | undefined,
  status: string | undefined,
  path: string | undefined,
): Dependency {
  return {
    key,
    kind,
    ...(title ? { title } : {}),
    ...(path ? { path } : {}),
    ...(status ? { status } : {}),
    waiting: status === undefined || !finished.has(status),
  };
}

function storiesAllDone(requirement: string, documents: readonly DocumentSummary[] = []): boolean {
  const stories = documents.filter(
    (document) => document.type === 'story' && document.implements.includes(requirement),
  );
  return stories.length > 0 && stories.every((story) => story.status === 'done');
}
