/** The trace matrix's rows, computed where the document summaries already are (the app, tests). */
import type { RoadmapItem } from '../model/roadmapModel.js';
import type { TraceRowView } from './apiContract.js';
import type { DocumentSummary } from './documentSummary.js';

/**
 * Roadmap items → the requirements whose `roadmap` names them → the documents that implement those,
 * from the summaries the app already holds: what the `trace` method answers, without the round trip
 * (about a second on the reference workspace) on every visit and every change.
 */
export function traceRows(
  documents: readonly DocumentSummary[],
  roadmap: readonly RoadmapItem[],
): TraceRowView[] {
  const implementers = new Map<string, string[]>();
  for (const document of documents) {
    for (const key of document.implements) {
      const from = document.key ?? document.path;
      const list = implementers.get(key);
      if (!list) implementers.set(key, [from]);
      else if (!list.includes(from)) list.push(from);
    }
  }
  const delivering = new Map<string, TraceRowView['requirements']>();
  const seen = new Set<string>();
  for (const document of documents) {
    for (const requirement of document.requirements) {
      // A duplicated requirement key counts once, as its first holder, like the index's lookup.
      if (seen.has(requirement.key)) continue;
      seen.add(requirement.key);
      const items = requirement.roadmap.length > 1 ? new Set(requirement.roadmap) : requirement.roadmap;
      for (const itemKey of items) {
        const row = delivering.get(itemKey) ?? [];
        row.push({ key: requirement.key, stories: implementers.get(requirement.key) ?? [] });
        delivering.set(itemKey, row);
      }
    }
  }
  return roadmap.map((item) => ({ item: item.key, requirements: delivering.get(item.key) ?? [] }));
}
