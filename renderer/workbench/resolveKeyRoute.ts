/**
 * Where a key link (`#/STORY-4`, `#/REQ-4`, `#/SPEC-1#REQ-4`) leads now: the key is looked up in the
 * workspace as it is, so the link survives the file's rename and the server's restart.
 */
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import { isKey } from '../../shared/grammar/linkGrammar.js';
import type { RoadmapItem } from '../../shared/model/roadmapModel.js';
import { keyHash, storyKeyHash, type Route } from './route.js';
import type { StoryViewChoice } from './storyView.js';

export interface KeyLookups {
  byKey: ReadonlyMap<string, DocumentSummary>;
  requirementOwner: ReadonlyMap<string, DocumentSummary>;
  roadmapByKey: ReadonlyMap<string, RoadmapItem>;
  /** Renames known here (this browser's, and git's uncommitted ones): old path → new path. */
  renames?: ReadonlyMap<string, string>;
  /**
   * The document open in the editor, by its key: once its file is deleted on disk the index forgets
   * the key, while the editor still holds the text, so the link keeps leading to that editor.
   * `moving`: its own rename or move is on its way; until the editor has the new path, the link
   * stays on the editor even where the index already names the new file (or both).
   */
  open?: { key: string; path: string; moving?: boolean } | undefined;
}

/**
 * Any other route is returned as it is; pure, so every case is unit-tested. A link naming the editor
 * opens a story's engineer view where this window may not edit (`canEdit` false).
 */
export function resolveKeyRoute(
  route: Route,
  lookups: KeyLookups,
  storyView: StoryViewChoice,
  canEdit = true,
): Route {
  if (route.name !== 'key') return route;
  const resolved = resolveKey(route, lookups, storyView, canEdit);
  // A thread link opens the page it leads to with the thread shown in its side panel.
  return route.thread && (resolved.name === 'doc' || resolved.name === 'story')
    ? { ...resolved, thread: route.thread }
    : resolved;
}

function resolveKey(
  route: Extract<Route, { name: 'key' }>,
  lookups: KeyLookups,
  storyView: StoryViewChoice,
  canEdit: boolean,
): Route {
  const { key, anchor } = route;
  // A requirement named after its spec is found wherever it lives now, even if it moved to another spec.
  const requirementKey = anchor && isKey(anchor) && lookups.requirementOwner.has(anchor) ? anchor : undefined;
  if (requirementKey) return requirementRoute(lookups, requirementKey);
  const open = lookups.open;
  const indexed = lookups.byKey.get(key);
  const document =
    indexed && open?.moving && open.key === key && indexed.path !== open.path
      ? { ...indexed, path: open.path }
      : indexed;
  if (document && anchor && isKey(anchor)) return { name: 'unknownKey', key: anchor, within: key };
  if (document) {
    const view = route.view === 'editor' && !canEdit ? 'engineer' : (route.view ?? storyView);
    if (document.type === 'story' && view === 'engineer' && !anchor) {
      return { name: 'story', path: document.path };
    }
    return anchor ? { name: 'doc', path: document.path, anchor } : { name: 'doc', path: document.path };
  }
  if (lookups.requirementOwner.has(key)) return requirementRoute(lookups, key);
  if (lookups.roadmapByKey.has(key)) return { name: 'roadmapItem', key };
  if (open?.key === key)
    return anchor ? { name: 'doc', path: open.path, anchor } : { name: 'doc', path: open.path };
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
  const byPath = (path: string) => documentAt(lookups, path);
  if (route.name === 'doc' && route.line === undefined) {
    const document = byPath(route.path);
    const key = document?.key;
    if (!key) return undefined;
    if (route.requirement) return keyHash(key, route.requirement);
    if (document.type === 'story' && !route.anchor) return storyKeyHash(key, 'editor', storyView);
    return keyHash(key, route.anchor);
  }
  if (route.name === 'story') {
    const key = byPath(route.path)?.key;
    return key ? storyKeyHash(key, 'engineer', storyView) : undefined;
  }
  if (route.name === 'key' && route.anchor && isKey(route.anchor)) {
    const owner = lookups.requirementOwner.get(route.anchor)?.key;
    return owner && owner !== route.key ? keyHash(owner, route.anchor) : undefined;
  }
  return undefined;
}

/** The keyed document at a path, or at the path a known rename took it to (an old link's path). */
function documentAt(lookups: KeyLookups, path: string): DocumentSummary | undefined {
  const seen = new Set<string>();
  let current: string | undefined = path;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const here: string = current;
    const document = [...lookups.byKey.values()].find((entry) => entry.path === here);
    if (document) return document;
    current = lookups.renames?.get(here);
  }
  return undefined;
}
