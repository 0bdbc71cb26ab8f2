/**
 * "Is this release ready?": each item's requirements (from the specs' `roadmap=`) and the stories
 * implementing them, with their statuses. A requirement is done when it is `implemented` or every one
 * of its stories is done. One definition for the verdict, the tiles and the notes: a requirement
 * counts unless it is a `could` or `wont` or is `deferred`; an item is ready when all its counted
 * requirements are done (with none counted, when it is done on the roadmap); the release when all of
 * its items are. Each item not ready says why.
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
  /** Why it does not count towards readiness ("could-have", "won't-have", "deferred"); absent when it counts. */
  notCounted?: string;
}

export interface ItemReadiness {
  item: RoadmapItem;
  requirements: RequirementReadiness[];
  storiesDone: number;
  storiesTotal: number;
  ready: boolean;
  /** Why it is not ready, as a sentence; absent when it is. */
  why?: string;
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
      const notCounted = notCountedBecause(requirement);
      if (notCounted !== undefined) requirement.notCounted = notCounted;
      return requirement;
    });
    const counted = requirements.filter((requirement) => requirement.notCounted === undefined);
    const stories = new Map(
      counted.flatMap((requirement) => requirement.stories.map((story) => [story.key, story])),
    );
    const open = counted.filter((requirement) => !requirement.done).map((requirement) => requirement.key);
    const ready = counted.length > 0 ? open.length === 0 : item.status === 'done';
    const found: ItemReadiness = {
      item,
      requirements,
      storiesDone: [...stories.values()].filter((story) => story.done).length,
      storiesTotal: stories.size,
      ready,
    };
    if (!ready) {
      found.why =
        counted.length === 0
          ? requirements.length === 0
            ? 'No requirement delivers it yet.'
            : "None of its requirements counts (could-have, won't-have or deferred)."
          : `${open.join(', ')} not done.`;
    }
    return found;
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

/** Requirements a release can ship without: nice-to-haves, won't-haves and those put off. */
function notCountedBecause(requirement: RequirementReadiness): string | undefined {
  if (requirement.status === 'deferred') return 'deferred';
  if (requirement.priority === 'could') return 'could-have';
  if (requirement.priority === 'wont') return "won't-have";
  return undefined;
}

/** The requirements of a release's items that do not count, each with why: "REQ-4 (could-have)". */
export function notCountedRequirements(readiness: ReleaseReadiness): string[] {
  const seen = new Set<string>();
  return readiness.items.flatMap((item) =>
    item.requirements.flatMap((requirement) => {
      if (requirement.notCounted === undefined || seen.has(requirement.key)) return [];
      seen.add(requirement.key);
      return [`${requirement.key} (${requirement.notCounted})`];
    }),
  );
}
