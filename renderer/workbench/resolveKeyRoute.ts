/**
 * Where a key link (`#/STORY-4`, `#/REQ-4`, `#/SPEC-1#REQ-4`) leads now: the key is looked up in the
 * workspace as it is, so the link survives the file's rename and the server's restart.
 */
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import { isKey } from '../../shared/grammar/linkGrammar.js';
import type { RoadmapItem } from '../../shared/model/roadmapModel.js';
import type { Route } from './route.js';
import type { StoryViewChoice } from './storyView.js';

export interface KeyLookups {
  byKey: ReadonlyMap<string, DocumentSummary>;
  requirementOwner: ReadonlyMap<string, DocumentSummary>;
  roadmapByKey: ReadonlyMap<string, RoadmapItem>;
}

/** Any other route is returned as it is; pure, so every case is unit-tested. */
export function resolveKeyRoute(route: Route, lookups: KeyLookups, storyView: StoryViewChoice): Route {
  if (route.name !== 'key') return route;
  const { key, anchor } = route;
  // A requirement named after its spec is found wherever it lives now, even if it moved to another spec.
  const requirementKey = anchor && isKey(anchor) && lookups.requirementOwner.has(anchor) ? anchor : undefined;
  if (requirementKey) return requirementRoute(lookups, requirementKey);
  const document = lookups.byKey.get(key);
  if (document && anchor && isKey(anchor)) return { name: 'unknownKey', key: anchor, within: key };
  if (document) {
    if (document.type === 'story' && storyView === 'engineer' && !anchor) {
      return { name: 'story', path: document.path };
    }
    return anchor ? { name: 'doc', path: document.path, anchor } : { name: 'doc', path: document.path };
  }
  if (lookups.requirementOwner.has(key)) return requirementRoute(lookups, key);
  if (lookups.roadmapByKey.has(key)) return { name: 'roadmapItem', key };
  return { name: 'unknownKey', key };
}

function requirementRoute(lookups: KeyLookups, key: string): Route {
  const owner = lookups.requirementOwner.get(key)!;
  return { name: 'doc', path: owner.path, requirement: key };
}
