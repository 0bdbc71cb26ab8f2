/** The hash router's routes and the hashes that lead to them: parsing is pure so every route is unit-tested. */
import { isKey } from '../../shared/grammar/linkGrammar.js';
import type { DocumentType } from '../../shared/model/documentModel.js';
import type { CommentAnchor } from '../../shared/review/reviewFile.js';
import { parseStoryFilter, type StoryFilter } from './storyFilter.js';
import { parseCommentFilter, type CommentFilter } from './commentFilter.js';

/** A story's two pages: what to build, and the editor. */
export type StoryView = 'engineer' | 'editor';

export type Route =
  | { name: 'home' }
  | { name: 'doc'; path: string; line?: number; anchor?: string; requirement?: string; thread?: string }
  /** A link that lasts: `#/STORY-4`, `#/REQ-4`, `#/SPEC-1#REQ-4`, resolved to wherever the key lives now. */
  /** `?thread=<id>` opens the side panel's Comments on that review thread (a shared thread link). */
  | { name: 'key'; key: string; anchor?: string; view?: StoryView; thread?: string }
  /** A key link whose key no document, requirement or roadmap item holds. */
  | { name: 'unknownKey'; key: string; within?: string }
  | { name: 'roadmap'; release?: string }
  | { name: 'roadmapItem'; key: string }
  | { name: 'timeline' }
  | { name: 'stories'; filter: StoryFilter }
  | { name: 'story'; path: string; thread?: string }
  | { name: 'trace' }
  /** Findings, filtered by one rule (`#/problems?rule=broken-link`). */
  | { name: 'problems'; rule?: string }
  /** Every review thread of the workspace (`#/comments?document=SPEC-1&author=Dana&resolved=1`). */
  | { name: 'comments'; filter: CommentFilter }
  | { name: 'changes' }
  | { name: 'history'; subject: string }
  | { name: 'recovered' }
  | { name: 'feedback' }
  | { name: 'releases' }
  | { name: 'release'; key: string }
  | { name: 'metrics' }
  | { name: 'search'; query: string }
  | { name: 'list'; type: 'spec' | 'faq' | 'doc' }
  | { name: 'notFound'; hash: string };

function decodeSegments(value: string): string | undefined {
  try {
    return value.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
}

// `#/other` is what the notes list was called before: links to it still open it.
const listNames: Record<string, 'spec' | 'faq' | 'doc'> = {
  specs: 'spec',
  faqs: 'faq',
  notes: 'doc',
  other: 'doc',
};

export function parseRoute(hash: string): Route {
  const trimmed = hash.replace(/^#/, '');
  if (trimmed === '' || trimmed === '/') return { name: 'home' };
  const [pathPart, queryPart] = splitOnce(trimmed, '?');
  const [, head = '', ...rest] = pathPart.split('/');
  const tail = rest.join('/');
  const decoded = decodeSegments(tail);
  const notFound: Route = { name: 'notFound', hash };
  const keyRoute = parseKeyRoute(pathPart.slice(1), queryPart);
  if (keyRoute) return keyRoute;
  switch (head) {
    case 'doc': {
      if (!decoded) return notFound;
      const query = new URLSearchParams(queryPart);
      const line = Number(query.get('line'));
      const anchor = query.get('anchor');
      const route: Route = { name: 'doc', path: decoded };
      if (Number.isInteger(line) && line > 0) route.line = line;
      if (anchor) route.anchor = anchor;
      return route;
    }
    case 'roadmap': {
      if (decoded) return { name: 'roadmapItem', key: decoded };
      const release = new URLSearchParams(queryPart).get('release');
      return release ? { name: 'roadmap', release } : { name: 'roadmap' };
    }
    case 'timeline':
      return { name: 'timeline' };
    case 'stories':
      return decoded
        ? { name: 'story', path: decoded }
        : { name: 'stories', filter: parseStoryFilter(queryPart) };
    case 'trace':
      return { name: 'trace' };
    case 'problems': {
      const rule = new URLSearchParams(queryPart).get('rule');
      return rule ? { name: 'problems', rule } : { name: 'problems' };
    }
    case 'comments':
      return decoded ? notFound : { name: 'comments', filter: parseCommentFilter(queryPart) };
    case 'changes':
      return { name: 'changes' };
    case 'history':
      return decoded ? { name: 'history', subject: decoded } : notFound;
    case 'recovered':
      return { name: 'recovered' };
    case 'feedback':
      return { name: 'feedback' };
    case 'releases':
      return decoded ? { name: 'release', key: decoded } : { name: 'releases' };
    case 'metrics':
      return { name: 'metrics' };
    case 'search':
      return { name: 'search', query: decoded ?? '' };
    case 'specs':
    case 'faqs':
    case 'notes':
    case 'other':
      return { name: 'list', type: listNames[head]! };
    default:
      return notFound;
  }
}

/**
 * `KEY` or `KEY#anchor` (a requirement key or a heading), the whole path after `#/`; a story's key may
 * name the view it opens in (`#/STORY-4?view=engineer`) where that is not the browser's default.
 */
function parseKeyRoute(path: string, query: string): Route | undefined {
  const [key, anchorPart] = splitOnce(path, '#');
  if (!isKey(key)) return undefined;
  const anchor = anchorPart ? decodeSegments(anchorPart) : undefined;
  const params = new URLSearchParams(query);
  const view = params.get('view');
  const thread = params.get('thread');
  const route: Route = anchor ? { name: 'key', key, anchor } : { name: 'key', key };
  if (!anchor && (view === 'engineer' || view === 'editor')) route.view = view;
  if (thread) route.thread = thread;
  return route;
}

function splitOnce(value: string, separator: string): [string, string] {
  const index = value.indexOf(separator);
  return index === -1 ? [value, ''] : [value.slice(0, index), value.slice(index + 1)];
}

export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * Each path segment is URI-encoded so spaces and `#` survive the hash; the router decodes them.
 * `anchor` opens the document at a heading (its text or GitHub id) or a `^block` id.
 */
export function documentHash(path: string, line?: number, anchor?: string): string {
  const encoded = encodePath(path);
  if (line !== undefined && line > 0) return `#/doc/${encoded}?line=${line}`;
  if (anchor) return `#/doc/${encoded}?anchor=${encodeURIComponent(anchor)}`;
  return `#/doc/${encoded}`;
}

/**
 * The link to a document that lasts where it can: its key (`#/SPEC-1`, `#/SPEC-1#Problem`, `#/REQ-4`
 * for a requirement in it), its path where it has no key, the place is a line (no key form), or the
 * key leads to another document (a duplicate key, when `byKey` is given to tell).
 */
export function documentLink(
  document: { path: string; key?: string | undefined },
  place: { line?: number | undefined; anchor?: string | undefined; requirement?: string | undefined } = {},
  byKey?: ReadonlyMap<string, { path: string }>,
): string {
  if (place.requirement) return keyHash(place.requirement);
  const keyLeadsHere = document.key && (!byKey || byKey.get(document.key)?.path === document.path);
  if (keyLeadsHere && place.line === undefined) return keyHash(document.key!, place.anchor);
  return documentHash(document.path, place.line, place.anchor);
}

/** The board, showing only the items of one release (`none`: the items in no release). */
export function roadmapHash(release?: string): string {
  return release ? `#/roadmap?${new URLSearchParams({ release }).toString()}` : '#/roadmap';
}

/** The link that survives renames and restarts: `#/SPEC-1`, `#/REQ-4`, `#/SPEC-1#REQ-4`. */
export function keyHash(key: string, anchor?: string): string {
  return anchor ? `#/${key}#${encodeURIComponent(anchor)}` : `#/${key}`;
}

/**
 * A review thread's link to share: its document (at its requirement or heading) with the side panel's
 * Comments on the thread, for anyone who opens it, after a reload too.
 */
export function threadLink(documentKey: string, anchor: string | undefined, thread: string): string {
  return `${keyHash(documentKey, anchor)}?thread=${encodeURIComponent(thread)}`;
}

/** Where a thread is anchored, as a key link: `#/SPEC-1#REQ-4`, `#/SPEC-1#problem`, `#/SPEC-1`. */
export function threadAnchorHash(documentKey: string, anchor: CommentAnchor): string {
  if (anchor.kind === 'key') return keyHash(documentKey, anchor.key === documentKey ? undefined : anchor.key);
  return keyHash(documentKey, anchor.slug);
}

/** A thread's link to share: the place it is anchored, with the thread shown in the Comments panel. */
export function threadHash(documentKey: string, thread: { id: string; anchor: CommentAnchor }): string {
  return `${threadAnchorHash(documentKey, thread.anchor)}?thread=${encodeURIComponent(thread.id)}`;
}

/**
 * A story's link to share (Copy link): it names its view, as the receiver's browser may default to
 * the other one; `?view=editor` opens the editor only where the receiver may edit.
 */
export function sharedStoryHash(key: string, view: StoryView): string {
  return `${keyHash(key)}?view=${view}`;
}

/** A story's key link in one view: bare where the key opens that view anyway, else `?view=…`. */
export function storyKeyHash(key: string, view: StoryView, defaultView: StoryView): string {
  return view === defaultView ? keyHash(key) : `${keyHash(key)}?view=${view}`;
}

const sectionHashes: Record<DocumentType, string> = {
  spec: '#/specs',
  story: '#/stories',
  faq: '#/faqs',
  feedback: '#/feedback',
  doc: '#/notes',
};

/** The list of one kind of document: the navigator's section for it. */
export function sectionHash(type: DocumentType): string {
  return sectionHashes[type];
}

/** The Problems page, showing only one rule's findings when `rule` is given. */
export function problemsHash(rule?: string): string {
  return rule ? `#/problems?rule=${encodeURIComponent(rule)}` : '#/problems';
}

export function roadmapItemHash(key: string): string {
  return `#/roadmap/${encodeURIComponent(key)}`;
}

export function releaseHash(key: string): string {
  return `#/releases/${encodeURIComponent(key)}`;
}

export function searchHash(query: string): string {
  return `#/search/${encodeURIComponent(query)}`;
}

export function storyHash(path: string): string {
  return `#/stories/${encodePath(path)}`;
}

/** The history of a requirement or roadmap item (by key) or of a document (by path). */
export function historyHash(subject: string): string {
  return `#/history/${encodePath(subject)}`;
}
