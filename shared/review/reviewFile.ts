/**
 * `reviews/<KEY>.md`: a document's review comments as plain Markdown. One `##` section per thread,
 * each comment a bold author line with a machine marker at its end; a reply, a resolve or a reopen is
 * a new entry appended to its thread, so the file only ever grows by whole blocks (git merges two
 * people's replies, and `reviews/.gitattributes` asks for `merge=union` where both reply to one thread).
 * Reading never rewrites: writes splice new lines into the original text, so nothing a person or a
 * merge put in the file is lost; lines the grammar does not know are kept and ignored.
 */

/** What a thread is about: a key (a requirement, or the document itself), a heading, or quoted text under a heading. */
export type CommentAnchor =
  | { kind: 'key'; key: string }
  | { kind: 'heading'; slug: string }
  | { kind: 'text'; quote: string; slug?: string };

export type EntryAction = 'comment' | 'resolved' | 'reopened';

export interface CommentAuthor {
  name: string;
  email?: string;
}

export interface ReviewEntry extends CommentAuthor {
  id: string;
  /** ISO 8601 UTC, as written (`2026-12-06T11:20:05Z`). */
  at: string;
  action: EntryAction;
  /** The text as typed (unescaped); may be empty for a resolve or reopen. */
  body: string;
  /** 1-based line of the entry's author line. */
  line: number;
}

export interface ReviewThread {
  id: string;
  anchor: CommentAnchor;
  /** The words of its `##` line for people (`REQ-12`, `“Problem”`), without the leading "On". */
  label: string;
  /** 1-based line of the thread's `##` line. */
  line: number;
  entries: ReviewEntry[];
  /** The latest resolve or reopen (by date, then file order) decides. */
  resolved: boolean;
}

export interface ReviewFile {
  threads: ReviewThread[];
}

/** A workspace's review file as the rules and the API read it. */
export interface ReviewDocument extends ReviewFile {
  /** The document key the file is named after. */
  document: string;
  path: string;
}

const threadPattern = /^##\s.*<!--\s*thread\s+(t-[a-z0-9]+)\s+on="([^"]*)"(\s+quote)?\s*-->\s*$/;
const entryPattern =
  /^\*\*(.+?)\*\*(?:\s+<([^<>\s]+)>)?\s+·\s+(\d{4}-\d\d-\d\dT[\d:.]+Z)(?:\s+·\s+(resolved|reopened))?\s*<!--\s*comment\s+(c-[a-z0-9]+)\s*-->\s*$/;
/** A line the parser would take for a thread or entry line: in a body it is escaped with a backslash. */
const markerPattern = /<!--\s*(?:thread|comment)\b.*-->\s*$/;

export const maxCommentBytes = 20_000;
export const maxQuoteLength = 300;

export function parseReviewFile(text: string): ReviewFile {
  const lines = splitLines(text);
  const threads: ReviewThread[] = [];
  const byId = new Map<string, ReviewThread>();
  const seenEntries = new Set<string>();
  let thread: ReviewThread | undefined;
  let entry: ReviewEntry | undefined;
  let body: string[] = [];
  let quoteLines: string[] | undefined;
  const finishEntry = () => {
    if (entry) entry.body = unescapeBody(trimBlankLines(body).join('\n'));
    entry = undefined;
    body = [];
  };
  const finishQuote = () => {
    if (thread?.anchor.kind === 'text' && quoteLines) thread.anchor.quote = quoteLines.join(' ').trim();
    quoteLines = undefined;
  };
  lines.forEach((line, index) => {
    const threadMatch = threadPattern.exec(line);
    if (threadMatch) {
      finishEntry();
      finishQuote();
      const id = threadMatch[1]!;
      const anchor = parseAnchor(threadMatch[2]!, threadMatch[3] !== undefined);
      const known = byId.get(id);
      if (known) thread = known;
      else if (anchor) {
        const label = /^##\s+(?:On\s+)?(.*?)\s*<!--/.exec(line)?.[1] ?? '';
        thread = { id, anchor, label, line: index + 1, entries: [], resolved: false };
        byId.set(id, thread);
        threads.push(thread);
      } else thread = undefined;
      quoteLines = anchor?.kind === 'text' && !known ? [] : undefined;
      return;
    }
    const entryMatch = thread ? entryPattern.exec(line) : null;
    if (entryMatch && thread) {
      finishEntry();
      finishQuote();
      const id = entryMatch[5]!;
      // A block duplicated by a merge is read once; the file keeps both copies.
      if (seenEntries.has(id)) return;
      seenEntries.add(id);
      entry = {
        id,
        name: entryMatch[1]!.trim(),
        ...(entryMatch[2] ? { email: entryMatch[2] } : {}),
        at: entryMatch[3]!,
        action: (entryMatch[4] as EntryAction | undefined) ?? 'comment',
        body: '',
        line: index + 1,
      };
      thread.entries.push(entry);
      return;
    }
    if (quoteLines) {
      const quoted = /^>\s?(.*)$/.exec(line);
      if (quoted) quoteLines.push(unescapeBody(quoted[1]!));
      else if (line.trim() !== '') finishQuote();
      return;
    }
    if (entry) body.push(line);
  });
  finishEntry();
  finishQuote();
  for (const each of threads) each.resolved = isResolved(each.entries);
  return { threads };
}

function isResolved(entries: readonly ReviewEntry[]): boolean {
  const states = entries
    .map((entry, order) => ({ entry, order }))
    .filter(({ entry }) => entry.action !== 'comment')
    .sort((a, b) => (a.entry.at < b.entry.at ? -1 : a.entry.at > b.entry.at ? 1 : a.order - b.order));
  return states.at(-1)?.entry.action === 'resolved';
}

function parseAnchor(value: string, quote: boolean): CommentAnchor | undefined {
  const slug = value.startsWith('#') ? value.slice(1) : undefined;
  if (quote) return { kind: 'text', quote: '', ...(slug ? { slug } : {}) };
  if (slug) return { kind: 'heading', slug };
  return /^[A-Z][A-Z0-9]*-[0-9]+$/.test(value) ? { kind: 'key', key: value } : undefined;
}

/** The new text of a review file with a thread added at its end (the file created when `text` is undefined). */
export function appendThread(
  text: string | undefined,
  documentKey: string,
  thread: { id: string; anchor: CommentAnchor; label: string },
  first: NewEntry,
): string {
  const eol = text === undefined ? '\n' : lineEnding(text);
  const start =
    text === undefined
      ? `# Review comments on ${documentKey}${eol}${eol}One section per thread; Specbench appends each reply, resolve and reopen to its thread.${eol}`
      : text;
  const { anchor } = thread;
  const on = anchor.kind === 'key' ? anchor.key : anchor.slug ? `#${anchor.slug}` : '';
  const header = `## On ${oneLine(thread.label)} <!-- thread ${thread.id} on="${on}"${anchor.kind === 'text' ? ' quote' : ''} -->`;
  const quote = anchor.kind === 'text' ? [`> ${escapeBody(oneLine(anchor.quote))}`] : [];
  const lines = ['', header, ...(quote.length ? ['', ...quote] : []), ...entryLines(first)];
  return withFinalNewline(start, eol) + lines.join(eol) + eol;
}

export interface NewEntry extends CommentAuthor {
  id: string;
  at: string;
  action: EntryAction;
  body: string;
}

/** The new text with an entry appended to the end of thread `threadId`; undefined when there is no such thread. */
export function appendEntry(text: string, threadId: string, entry: NewEntry): string | undefined {
  const eol = lineEnding(text);
  const lines = splitLines(text);
  const start = lines.findIndex((line) => threadPattern.exec(line)?.[1] === threadId);
  if (start === -1) return undefined;
  let end = lines.findIndex((line, index) => index > start && threadPattern.test(line));
  if (end === -1) end = lines.length;
  let last = end - 1;
  while (last > start && lines[last]!.trim() === '') last--;
  // Spliced into the original string after the thread's last non-blank line: every other byte stays.
  const offset = lineEndOffset(text, last);
  const inserted = entryLines(entry).join(eol);
  if (offset === text.length) return withFinalNewline(text, eol) + inserted + eol;
  return text.slice(0, offset) + eol + inserted + text.slice(offset);
}

/** The offset just past line `index`'s text (before its line ending). */
function lineEndOffset(text: string, index: number): number {
  let offset = 0;
  for (let line = 0; line < index; line++) offset = text.indexOf('\n', offset) + 1;
  const next = text.indexOf('\n', offset);
  if (next === -1) return text.length;
  return text[next - 1] === '\r' ? next - 1 : next;
}

function entryLines(entry: NewEntry): string[] {
  const email = entry.email ? ` <${oneLine(entry.email).replace(/[<>\s]/g, '')}>` : '';
  const action = entry.action === 'comment' ? '' : ` · ${entry.action}`;
  const header = `**${authorName(entry.name)}**${email} · ${entry.at}${action} <!-- comment ${entry.id} -->`;
  const body = entry.body.trim() === '' ? [] : ['', ...escapeBody(normalizeBody(entry.body)).split('\n')];
  return ['', header, ...body];
}

/** A name fit for the `**name**` line: one line, no asterisks or angle brackets. */
export function authorName(name: string): string {
  return oneLine(name).replace(/[*<>]/g, '').trim() || 'Someone';
}

function normalizeBody(body: string): string {
  return trimBlankLines(body.replace(/\r\n?/g, '\n').split('\n')).join('\n');
}

/** Bijective: a line that looks like a marker line gets one more leading backslash; reading takes one away. */
export function escapeBody(body: string): string {
  return body
    .split('\n')
    .map((line) => (markerPattern.test(line.replace(/^\\+/, '')) ? `\\${line}` : line))
    .join('\n');
}

export function unescapeBody(body: string): string {
  return body
    .split('\n')
    .map((line) =>
      line.startsWith('\\') && markerPattern.test(line.replace(/^\\+/, '')) ? line.slice(1) : line,
    )
    .join('\n');
}

function trimBlankLines(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

function oneLine(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Lines without their endings; a final newline gives no extra empty line. */
function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function lineEnding(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

function withFinalNewline(text: string, eol: string): string {
  return text === '' || text.endsWith('\n') ? text : text + eol;
}

/** The review file of a document key. */
export function reviewPath(documentKey: string): string {
  return `reviews/${documentKey}.md`;
}

/** The document key of a review file path (`reviews/SPEC-3.md`), or undefined. */
export function reviewKeyOf(path: string): string | undefined {
  return /^reviews\/([A-Z][A-Z0-9]*-[0-9]+)\.md$/.exec(path)?.[1];
}
