/** The keys of one document that something else uses too (as after merging two branches), and where. */
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { splitKey } from '../../../shared/grammar/linkGrammar.js';
import { nextKey } from '../../../shared/model/keys.js';
import type { RoadmapItem } from '../../../shared/model/roadmapModel.js';

export interface DuplicateKey {
  key: string;
  /** What the key names in this document. */
  kind: 'document' | 'requirement';
  /** The other places that use it: workspace paths, `roadmap.json`, or this document again (its own path). */
  elsewhere: string[];
}

export function duplicateKeysOf(
  path: string,
  documents: readonly DocumentSummary[],
  roadmap: readonly RoadmapItem[],
): DuplicateKey[] {
  const own = documents.find((document) => document.path === path);
  if (!own) return [];
  const mine: { key: string; kind: DuplicateKey['kind'] }[] = [
    ...(own.key ? [{ key: own.key, kind: 'document' as const }] : []),
    ...own.requirements.map((requirement) => ({ key: requirement.key, kind: 'requirement' as const })),
  ];
  const wanted = new Set(mine.map((use) => use.key));
  const uses = new Map<string, string[]>();
  const add = (key: string | undefined, place: string) => {
    if (key !== undefined && wanted.has(key)) uses.set(key, [...(uses.get(key) ?? []), place]);
  };
  for (const document of documents) {
    add(document.key, document.path);
    for (const requirement of document.requirements) add(requirement.key, document.path);
  }
  for (const item of roadmap) add(item.key, 'roadmap.json');
  const seen = new Set<string>();
  return mine.flatMap(({ key, kind }) => {
    const places = uses.get(key) ?? [];
    if (places.length < 2 || seen.has(key)) return [];
    seen.add(key);
    // One use is this one; the rest (this path again for a second use in the same file) are elsewhere.
    const elsewhere = [...places];
    elsewhere.splice(elsewhere.indexOf(path), 1);
    return [{ key, kind, elsewhere }];
  });
}

/** A key no document, requirement or roadmap item uses, with the duplicate's prefix. */
export function freshKey(duplicate: string, inUse: Iterable<string>): string {
  return nextKey(splitKey(duplicate)?.prefix ?? 'KEY', inUse);
}
