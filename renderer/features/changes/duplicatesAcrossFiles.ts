/** Keys defined in more than one file (both branches of a merge created REQ-13), workspace-wide. */
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';

export interface CrossFileDuplicate {
  key: string;
  /** The files that define it, in path order; each once. */
  paths: string[];
}

export function duplicatesAcrossFiles(documents: readonly DocumentSummary[]): CrossFileDuplicate[] {
  const places = new Map<string, Set<string>>();
  const add = (key: string | undefined, path: string) => {
    if (key === undefined) return;
    const set = places.get(key) ?? new Set<string>();
    set.add(path);
    places.set(key, set);
  };
  for (const document of documents) {
    add(document.key, document.path);
    for (const requirement of document.requirements) add(requirement.key, document.path);
  }
  return [...places]
    .filter(([, paths]) => paths.size > 1)
    .map(([key, paths]) => ({ key, paths: [...paths].sort() }))
    .sort((left, right) => left.key.localeCompare(right.key, 'en', { numeric: true }));
}
