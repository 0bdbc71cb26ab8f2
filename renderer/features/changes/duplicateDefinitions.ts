/**
 * Keys defined more than once, workspace-wide: in two files (both branches of a merge created
 * REQ-13) or twice in one (both sides added REQ-13 to the same spec).
 */
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';

export interface DuplicateDefinition {
  key: string;
  /** The files that define it, in path order; each once. */
  paths: string[];
  /** The files that define it more than once, with the lines (1 for a document's own key). */
  within: { path: string; lines: number[] }[];
  /** Every definition as `path:line`, in path then line order. */
  places: string[];
}

export function duplicateDefinitions(documents: readonly DocumentSummary[]): DuplicateDefinition[] {
  const places = new Map<string, Map<string, number[]>>();
  const add = (key: string | undefined, path: string, line: number) => {
    if (key === undefined) return;
    const files = places.get(key) ?? new Map<string, number[]>();
    files.set(path, [...(files.get(path) ?? []), line]);
    places.set(key, files);
  };
  for (const document of documents) {
    add(document.key, document.path, 1);
    for (const requirement of document.requirements) add(requirement.key, document.path, requirement.line);
  }
  return [...places]
    .filter(([, files]) => files.size > 1 || [...files.values()].some((lines) => lines.length > 1))
    .map(([key, files]) => ({
      key,
      paths: [...files.keys()].sort(),
      within: [...files]
        .filter(([, lines]) => lines.length > 1)
        .map(([path, lines]) => ({ path, lines: [...lines].sort((a, b) => a - b) }))
        .sort((left, right) => left.path.localeCompare(right.path)),
      places: [...files]
        .sort(([left], [right]) => left.localeCompare(right))
        .flatMap(([path, lines]) => [...lines].sort((a, b) => a - b).map((line) => `${path}:${line}`)),
    }))
    .sort((left, right) => left.key.localeCompare(right.key, 'en', { numeric: true }));
}

/** Before a push: which keys teammates would pull twice, and where each is defined. */
export function duplicatesBeforePush(duplicates: readonly DuplicateDefinition[]): string {
  const named = duplicates
    .slice(0, 3)
    .map((duplicate) => `${duplicate.key} is defined twice (${duplicate.places.join(', ')})`);
  const more = duplicates.length > 3 ? `; and ${duplicates.length - 3} more` : '';
  return `${named.join('; ')}${more}; teammates will pull both, and a link to ${duplicates.length === 1 ? 'it' : 'one'} can reach either copy.`;
}
