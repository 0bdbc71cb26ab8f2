/**
 * The trace matrix, defined once: roadmap items → the requirements whose `roadmap=` names them → the
 * documents whose `implements` names those. The engine (`trace`, the CLI) and the app (from the
 * summaries it holds, without a round trip on every visit) both compute it here.
 */
import type { RoadmapItem } from '../model/roadmapModel.js';
import type { DocumentSummary, RequirementSummary } from './documentSummary.js';

/** What tracing reads of a document: a DocumentSummary or the engine's DocumentEntry. */
export interface TracedDocument extends Pick<DocumentSummary, 'path' | 'key' | 'implements' | 'status'> {
  requirements: readonly Pick<RequirementSummary, 'key' | 'roadmap' | 'priority' | 'status'>[];
}

export interface TracedRequirement {
  key: string;
  /** The spec holding it. */
  path: string;
  priority?: string;
  status?: string;
  /** Keys (a path for a document without one) of what implements it, in path order. */
  stories: string[];
  /** Each of `stories` that has a status, with it: "3/3 covered" must not hide a story that is an idea. */
  storyStatus: Record<string, string>;
}

export interface TraceRowDetail {
  item: string;
  requirements: TracedRequirement[];
}

/** A row with its roadmap item in full and how many of its requirements have a story (the engine's `trace`). */
export interface TraceRow {
  item: RoadmapItem;
  requirements: TracedRequirement[];
  covered: number;
}

export interface TraceCoverage {
  /** Distinct requirements delivering some roadmap item: one delivering two items counts once. */
  requirements: number;
  withStories: number;
}

/**
 * One row per roadmap item, in the roadmap's order; its requirements in document order (pass the
 * documents sorted by path, as the engine and the app hold them). A duplicated requirement key counts
 * once, as its first holder; a requirement naming an item twice delivers it once.
 */
export function traceRows(
  documents: readonly TracedDocument[],
  roadmap: readonly Pick<RoadmapItem, 'key'>[],
): TraceRowDetail[] {
  const implementers = implementersOf(documents);
  const statuses = new Map<string, string>();
  for (const document of documents) {
    const from = document.key ?? document.path;
    if (document.status !== undefined && !statuses.has(from)) statuses.set(from, document.status);
  }
  const delivering = new Map<string, TracedRequirement[]>();
  const seen = new Set<string>();
  for (const document of documents) {
    for (const requirement of document.requirements) {
      if (seen.has(requirement.key)) continue;
      seen.add(requirement.key);
      for (const itemKey of new Set(requirement.roadmap)) {
        const stories = implementers.get(requirement.key) ?? [];
        const storyStatus: Record<string, string> = {};
        for (const story of stories) {
          const status = statuses.get(story);
          if (status !== undefined) storyStatus[story] = status;
        }
        const row: TracedRequirement = { key: requirement.key, path: document.path, stories, storyStatus };
        if (requirement.priority !== undefined) row.priority = requirement.priority;
        if (requirement.status !== undefined) row.status = requirement.status;
        const rows = delivering.get(itemKey);
        if (rows) rows.push(row);
        else delivering.set(itemKey, [row]);
      }
    }
  }
  return roadmap.map((item) => ({ item: item.key, requirements: delivering.get(item.key) ?? [] }));
}

/** Requirement key → what implements it (each once, in document order). */
export function implementersOf(documents: readonly TracedDocument[]): Map<string, string[]> {
  const implementers = new Map<string, string[]>();
  for (const document of documents) {
    const from = document.key ?? document.path;
    for (const key of document.implements) {
      const list = implementers.get(key);
      if (!list) implementers.set(key, [from]);
      else if (!list.includes(from)) list.push(from);
    }
  }
  return implementers;
}

/** The share of requirements with a story, each requirement counted once however many items it delivers. */
export function traceCoverage(
  rows: readonly { requirements: readonly Pick<TracedRequirement, 'key' | 'stories'>[] }[],
): TraceCoverage {
  const covered = new Map<string, boolean>();
  for (const row of rows) {
    for (const requirement of row.requirements) {
      covered.set(requirement.key, covered.get(requirement.key) === true || requirement.stories.length > 0);
    }
  }
  return { requirements: covered.size, withStories: [...covered.values()].filter(Boolean).length };
}
