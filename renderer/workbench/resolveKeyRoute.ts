/**
 * Where a key link (`#/STORY-4`, `#/REQ-4`, `#/SPEC-1#REQ-4`) leads now: the key is looked up in the
 * workspace as it is, so the link survives the file's rename and the server's restart.
 */
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import { isKey } from '../../shared/grammar/linkGrammar.js';
import type { RoadmapItem } from '../../shared/model/roadmapModel.js';
import { keyHash, type Route } from './route.js';
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

/**
 * The key link the address bar should show for a route reached by path (`#/doc/…`, `#/stories/…`)
 * or by a key whose requirement moved to another spec: `#/STORY-4`, `#/SPEC-2#REQ-9`. Undefined when
 * the address is right as it is, or the document has no key, or a line number has no key form.
 */
export function keyAddress(
  route: Route,
  lookups: KeyLookups,
  storyView: StoryViewChoice,
): string | undefined {
  const byPath = (path: string) => [...lookups.byKey.values()].find((entry) => entry.path === path);
  if (route.name === 'doc' && route.line === undefined) {
    const key = byPath(route.path)?.key;
    if (!key) return undefined;
    if (route.requirement) return keyHash(key, route.requirement);
    // A story's key opens its engineer view where that is the default: the editor keeps its path.
    if (byPath(route.path)?.type === 'story' && storyView === 'engineer' && !route.anchor) return undefined;
    return keyHash(key, route.anchor);
  }
  if (route.name === 'story' && storyView === 'engineer') {
    const key = byPath(route.path)?.key;
    return key ? keyHash(key) : undefined;
  }
  if (route.name === 'key' && route.anchor && isKey(route.anchor)) {
    const owner = lookups.requirementOwner.get(route.anchor)?.key;
    return owner && owner !== route.key ? keyHash(owner, route.anchor) : undefined;
  }
  return undefined;
}
