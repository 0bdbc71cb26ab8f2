/** Builds the key maps every rule looks things up in; the first use of a duplicated key wins. */
import { NameResolver } from '../model/nameResolver.js';
import type { KeyIndex, RuleInput } from './finding.js';

export function buildKeyIndex(input: RuleInput): KeyIndex {
  const index: KeyIndex = {
    documents: new Map(),
    requirements: new Map(),
    roadmap: new Map(),
    releases: new Map(),
    implementedBy: new Map(),
    deliveredBy: new Map(),
    duplicated: new Set(),
    roadmapPath: input.roadmapPath ?? 'roadmap.json',
    byPath: new Map(input.documents.map((document) => [document.path, document])),
    names: new NameResolver(
      input.documents,
      input.otherFiles ?? [],
      input.repositoryFolder,
      input.folderName,
    ),
    roadmapLine: (key, occurrence = 0) => input.roadmapLines?.get(key)?.[occurrence] ?? 1,
  };
  const seen = new Set<string>();
  const see = (key: string): void => {
    if (seen.has(key)) index.duplicated.add(key);
    else seen.add(key);
  };
  for (const document of input.documents) {
    if (document.key !== undefined) {
      see(document.key);
      if (!index.documents.has(document.key)) index.documents.set(document.key, document);
    }
    for (const requirement of document.requirements) {
      see(requirement.key);
      if (!index.requirements.has(requirement.key)) {
        index.requirements.set(requirement.key, { requirement, document });
      }
      for (const item of requirement.roadmap) append(index.deliveredBy, item, requirement.key);
    }
    if (document.type === 'story') {
      for (const requirement of document.implements) {
        append(index.implementedBy, requirement, document.key ?? document.path);
      }
    }
  }
  for (const item of input.roadmap) {
    see(item.key);
    if (!index.roadmap.has(item.key)) index.roadmap.set(item.key, item);
  }
  for (const release of input.releases ?? []) {
    see(release.key);
    if (!index.releases.has(release.key)) index.releases.set(release.key, release);
  }
  return index;
}

function append(map: Map<string, string[]>, key: string, value: string): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}
