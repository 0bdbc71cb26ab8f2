/**
 * "Is this release ready?": each item's requirements (from the specs' `roadmap=`) and the stories
 * implementing them, with their statuses. A requirement is done when it is `implemented` or every one
 * of its stories is done; an item is ready when it is done on the roadmap or all of its (not
 * deferred) requirements are; the release when all of its items are.
 */
import type { DocumentSummary } from '../contract/documentSummary.js';
import { implementersOf, traceRows } from '../contract/traceRows.js';
import type { Release, RoadmapItem } from '../model/roadmapModel.js';

export interface StoryReadiness {
  key: string;
  title: string;
  status?: string;
  done: boolean;
}

export interface RequirementReadiness {
  key: string;
  summary: string;
  priority?: string;
  status?: string;
  /** The spec holding it. */
  specKey?: string;
  specPath: string;
  stories: StoryReadiness[];
  done: boolean;
}

export interface ItemReadiness {
  item: RoadmapItem;
  requirements: RequirementReadiness[];
  storiesDone: number;
  storiesTotal: number;
  ready: boolean;
}

export interface ReleaseReadiness {
  release: Release;
  items: ItemReadiness[];
  /** Item keys the release names that are not on the roadmap. */
  missing: string[];
  ready: boolean;
}

export function releaseReadiness(
  release: Release,
  roadmap: readonly RoadmapItem[],
  documents: readonly DocumentSummary[],
): ReleaseReadiness {
  const byKey = new Map(roadmap.map((item) => [item.key, item]));
  const items = release.items.flatMap((key) => byKey.get(key) ?? []);
  const rows = traceRows(documents, items);
  const documentsByKey = new Map(
    documents.flatMap((document) => (document.key ? [[document.key, document]] : [])),
  );
  const specs = new Map(documents.map((document) => [document.path, document]));
  const implementers = implementersOf(documents);
  const readiness = items.map((item, index): ItemReadiness => {
    const requirements = rows[index]!.requirements.map((traced): RequirementReadiness => {
      const spec = specs.get(traced.path);
      const stories = (implementers.get(traced.key) ?? []).map((storyKey): StoryReadiness => {
        const story = documentsByKey.get(storyKey);
        const found: StoryReadiness = {
          key: storyKey,
          title: story?.title ?? storyKey,
          done: story?.status === 'done',
        };
        if (story?.status !== undefined) found.status = story.status;
        return found;
      });
      const requirement: RequirementReadiness = {
        key: traced.key,
        summary: spec?.requirements.find((candidate) => candidate.key === traced.key)?.summary ?? '',
        specPath: traced.path,
        stories,
        done: traced.status === 'implemented' || (stories.length > 0 && stories.every((story) => story.done)),
      };
      if (traced.priority !== undefined) requirement.priority = traced.priority;
      if (traced.status !== undefined) requirement.status = traced.status;
      if (spec?.key !== undefined) requirement.specKey = spec.key;
      return requirement;
    });
    const counted = requirements.filter((requirement) => requirement.status !== 'deferred');
    const stories = new Map(
      requirements.flatMap((requirement) => requirement.stories.map((story) => [story.key, story])),
    );
    return {
      item,
      requirements,
      storiesDone: [...stories.values()].filter((story) => story.done).length,
      storiesTotal: stories.size,
      ready:
        item.status === 'done' || (counted.length > 0 && counted.every((requirement) => requirement.done)),
    };
  });
  return {
    release,
    items: readiness,
    missing: release.items.filter((key) => !byKey.has(key)),
    ready:
      readiness.length > 0 &&
      readiness.every((item) => item.ready) &&
      release.items.every((key) => byKey.has(key)),
  };
}
