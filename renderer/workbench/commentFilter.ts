/**
 * The workspace's review threads as the Comments page lists them (`#/comments`): filtered by document
 * and by author, resolved ones only on request, the filter kept in the URL so it survives a reload
 * and can be shared. Pure, so it is unit-tested.
 */
import type { ReviewEntry, ReviewThread } from '../../shared/review/reviewFile.js';

export interface CommentFilter {
  /** A document key: only the threads shown on it. */
  document?: string;
  /** A name: only the threads this person wrote in (a comment, a reply, a resolve). */
  author?: string;
  /** Resolved threads listed too. */
  resolved?: boolean;
}

export interface DocumentThreads {
  document: string;
  threads: readonly ReviewThread[];
}

export interface CommentRow {
  thread: ReviewThread;
  /** The comment that opened the thread. */
  first: ReviewEntry | undefined;
  replies: number;
  /** The latest entry's date: a thread answered yesterday is not three weeks old. */
  lastAt: string;
}

export function parseCommentFilter(query: string): CommentFilter {
  const params = new URLSearchParams(query);
  const filter: CommentFilter = {};
  const document = params.get('document');
  const author = params.get('author');
  if (document) filter.document = document;
  if (author) filter.author = author;
  if (params.get('resolved') === '1') filter.resolved = true;
  return filter;
}

export function commentsHash(filter: CommentFilter = {}): string {
  const params = new URLSearchParams();
  if (filter.document) params.set('document', filter.document);
  if (filter.author) params.set('author', filter.author);
  if (filter.resolved) params.set('resolved', '1');
  const query = params.toString();
  return query ? `#/comments?${query}` : '#/comments';
}

/** The documents with threads the filter keeps, in the order given, each with its rows oldest first. */
export function filterComments(
  documents: readonly DocumentThreads[],
  filter: CommentFilter,
): { document: string; rows: CommentRow[] }[] {
  return documents
    .filter(({ document }) => filter.document === undefined || document === filter.document)
    .map(({ document, threads }) => ({
      document,
      rows: threads
        .filter((thread) => filter.resolved || !thread.resolved)
        .filter(
          (thread) =>
            filter.author === undefined || thread.entries.some((entry) => entry.name === filter.author),
        )
        .map(commentRow),
    }))
    .filter(({ rows }) => rows.length > 0);
}

function commentRow(thread: ReviewThread): CommentRow {
  const comments = thread.entries.filter((entry) => entry.action === 'comment');
  const lastAt = thread.entries.reduce((latest, entry) => (entry.at > latest ? entry.at : latest), '');
  return { thread, first: comments[0], replies: Math.max(0, comments.length - 1), lastAt };
}

/** Everyone who wrote in any thread, by name, sorted. */
export function commentAuthors(documents: readonly DocumentThreads[]): string[] {
  const names = new Set(
    documents.flatMap(({ threads }) => threads.flatMap((t) => t.entries.map((e) => e.name))),
  );
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** How many threads are open and resolved, over the whole workspace. */
/**
 * The Comments page's heading, saying what the filter keeps: "Open comments by Dana in Guest
 * checkout"; "Comments" unfiltered. `titleOf` names a document key by its title where it has one.
 */
export function commentsTitle(filter: CommentFilter, titleOf: (key: string) => string | undefined): string {
  if (!filter.document && !filter.author) return filter.resolved ? 'All comments' : 'Comments';
  const by = filter.author ? ` by ${filter.author}` : '';
  const within = filter.document ? ` in ${titleOf(filter.document) || filter.document}` : '';
  return `${filter.resolved ? 'All comments' : 'Open comments'}${by}${within}`;
}

export function threadCounts(documents: readonly DocumentThreads[]): { open: number; resolved: number } {
  const threads = documents.flatMap((entry) => entry.threads);
  const resolved = threads.filter((thread) => thread.resolved).length;
  return { open: threads.length - resolved, resolved };
}

/**
 * A comment's first words as plain text, for a list: Markdown's marks dropped (`**bold**` → bold, a
 * link → its text, `> `, `- `, `#` at a line's start), spaces folded, cut at `length` characters.
 */
export function plainExcerpt(markdown: string, length = 220): string {
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/(\*\*|__|~~|`+)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](\S(?:.*?\S)?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** "just now", "5 min ago", "3 h ago", "2 days ago", "7 weeks ago": no clock or time zone in the words. */
export function age(at: string, now: number): string {
  const elapsed = now - Date.parse(at);
  if (!Number.isFinite(elapsed)) return at;
  if (elapsed < minute) return 'just now';
  if (elapsed < hour) return `${Math.floor(elapsed / minute)} min ago`;
  if (elapsed < day) return `${Math.floor(elapsed / hour)} h ago`;
  const days = Math.floor(elapsed / day);
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 61) return `${Math.floor(days / 7)} weeks ago`;
  return `${Math.floor(days / 30)} months ago`;
}
