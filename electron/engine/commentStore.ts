/**
 * Review comments on disk (`reviews/<KEY>.md`, see shared/review/reviewFile.ts): read once on open,
 * kept parsed per document key, written through the document store's safe path (atomic, and only
 * over the version just read: a file changed meanwhile is read again and the entry spliced again).
 * A thread anchored to a requirement is shown on the document that defines the requirement now,
 * whichever file it was written to: it follows a requirement moved to another spec.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  appendEntry,
  appendThread,
  authorName,
  maxCommentBytes,
  parseReviewFile,
  reviewKeyOf,
  reviewPath,
  type CommentAnchor,
  type CommentAuthor,
  type EntryAction,
  type ReviewDocument,
  type ReviewThread,
} from '../../shared/review/reviewFile.js';
import type { DocumentStore } from './documentStore.js';

export type CommentWriteResult =
  | { ok: true; thread: ReviewThread }
  | { ok: false; error: 'invalid' | 'not-found' | 'conflict' | 'io'; message: string };

const attempts = 3;
/** Asks git to keep both sides' lines where two people replied to one thread at once. */
const attributesFile = 'reviews/.gitattributes';
const attributesText =
  '# Review comments only ever grow: keep both sides of concurrent replies.\n*.md merge=union\n';

export class CommentStore {
  private readonly files = new Map<string, ReviewDocument>();
  private readonly listeners = new Set<(documentKeys: string[]) => void>();

  /** `definedIn`: the key of the document that defines a requirement key now, if any. */
  constructor(
    private readonly store: DocumentStore,
    private readonly definedIn: (requirementKey: string) => string | undefined = () => undefined,
  ) {}

  /** Reads every `reviews/<KEY>.md`; a folder that is not there means no comments. */
  async load(): Promise<void> {
    const names = await fs.readdir(path.join(this.store.root, 'reviews')).catch(() => [] as string[]);
    await Promise.all(names.map((name) => this.refresh(`reviews/${name}`)));
  }

  /**
   * Re-reads one review file after a change outside; answers the document keys its threads are shown
   * on (before and after), or undefined for other paths.
   */
  async refresh(file: string): Promise<string[] | undefined> {
    const key = reviewKeyOf(file);
    if (key === undefined) return undefined;
    const before = this.shownKeys(key);
    const read = await this.store.read(file);
    if (!read.ok) this.files.delete(key);
    else this.files.set(key, { document: key, path: file, threads: parseReviewFile(read.file.text).threads });
    return [...new Set([...before, ...this.shownKeys(key)])];
  }

  /** The threads shown on a document: its own file's, and those on requirements it defines now. */
  threads(documentKey: string): ReviewThread[] {
    const shown: ReviewThread[] = [];
    for (const file of this.all()) {
      for (const thread of file.threads)
        if (this.shownOn(thread, file.document) === documentKey) shown.push(thread);
    }
    return shown;
  }

  /** Where a thread written to `fileKey`'s review file is shown: on a requirement's current document. */
  private shownOn(thread: ReviewThread, fileKey: string): string {
    if (thread.anchor.kind !== 'key' || thread.anchor.key === fileKey) return fileKey;
    return this.definedIn(thread.anchor.key) ?? fileKey;
  }

  /** The document keys a review file's threads are shown on. */
  private shownKeys(fileKey: string): string[] {
    const threads = this.files.get(fileKey)?.threads ?? [];
    return [...new Set([fileKey, ...threads.map((thread) => this.shownOn(thread, fileKey))])];
  }

  /** The review file (its document key) that holds a thread. */
  private fileOf(threadId: string): string | undefined {
    return this.all().find((file) => file.threads.some((thread) => thread.id === threadId))?.document;
  }

  /** Every review file read, by document key order. */
  all(): ReviewDocument[] {
    return [...this.files.values()].sort((a, b) => (a.document < b.document ? -1 : 1));
  }

  /** Every thread of the workspace, grouped by the document it is shown on (by key), each oldest first. */
  threadsByDocument(): { document: string; threads: ReviewThread[] }[] {
    const shown = new Map<string, ReviewThread[]>();
    for (const file of this.all()) {
      for (const thread of file.threads) {
        const key = this.shownOn(thread, file.document);
        shown.set(key, [...(shown.get(key) ?? []), thread]);
      }
    }
    return [...shown.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([document, threads]) => ({ document, threads }));
  }

  /** Unresolved threads per document key (documents with none left out). */
  unresolvedCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const file of this.files.values()) {
      for (const thread of file.threads) {
        if (thread.resolved) continue;
        const shown = this.shownOn(thread, file.document);
        counts[shown] = (counts[shown] ?? 0) + 1;
      }
    }
    return counts;
  }

  /** Called after each of our own writes, with the document keys whose threads changed. */
  onDidChange(listener: (documentKeys: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  addThread(
    documentKey: string,
    anchor: CommentAnchor,
    label: string,
    body: string,
    author: CommentAuthor,
  ): Promise<CommentWriteResult> {
    const problem = checkBody(body, 'comment');
    if (problem) return Promise.resolve(problem);
    const threadId = newReviewId('t');
    const entry = { ...entryFields(author, 'comment'), body };
    return this.write(documentKey, threadId, (text) =>
      appendThread(text, documentKey, { id: threadId, anchor, label }, entry),
    );
  }

  /** A reply, or with `action` a resolve or reopen (its body optional). */
  addEntry(
    documentKey: string,
    threadId: string,
    body: string,
    author: CommentAuthor,
    action: EntryAction = 'comment',
  ): Promise<CommentWriteResult> {
    const problem = checkBody(body, action);
    if (problem) return Promise.resolve(problem);
    const fileKey = this.fileOf(threadId);
    if (fileKey === undefined || !this.threads(documentKey).some((thread) => thread.id === threadId)) {
      return Promise.resolve({
        ok: false,
        error: 'not-found',
        message: `There is no thread ${threadId} on ${documentKey}.`,
      });
    }
    const entry = { ...entryFields(author, action), body };
    return this.write(fileKey, threadId, (text) =>
      text === undefined ? undefined : appendEntry(text, threadId, entry),
    );
  }

  private async write(
    documentKey: string,
    threadId: string,
    change: (text: string | undefined) => string | undefined,
  ): Promise<CommentWriteResult> {
    const file = reviewPath(documentKey);
    for (let attempt = 0; attempt < attempts; attempt++) {
      const read = await this.store.read(file);
      if (!read.ok && read.error !== 'not-found') return { ok: false, error: 'io', message: read.message };
      const next = change(read.ok ? read.file.text : undefined);
      if (next === undefined)
        return {
          ok: false,
          error: 'not-found',
          message: `There is no thread ${threadId} on ${documentKey}.`,
        };
      const saved = read.ok
        ? await this.store.save(file, next, read.file)
        : await this.store.create(file, next);
      if (!saved.ok) {
        // Someone else wrote the file between our read and our write: read it again and append again.
        if (saved.error === 'conflict' || saved.error === 'exists') continue;
        return { ok: false, error: 'io', message: saved.message };
      }
      if (!read.ok) await this.store.create(attributesFile, attributesText);
      const threads = parseReviewFile(next).threads;
      this.files.set(documentKey, { document: documentKey, path: file, threads });
      const shown = this.shownKeys(documentKey);
      for (const listener of [...this.listeners]) listener(shown);
      return { ok: true, thread: threads.find((thread) => thread.id === threadId)! };
    }
    return {
      ok: false,
      error: 'conflict',
      message: `${file} kept changing while the comment was being saved; try again.`,
    };
  }
}

function entryFields(author: CommentAuthor, action: EntryAction) {
  return {
    id: newReviewId('c'),
    name: authorName(author.name),
    ...(author.email ? { email: author.email } : {}),
    at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    action,
  };
}

function checkBody(
  body: string,
  action: EntryAction,
): Extract<CommentWriteResult, { ok: false }> | undefined {
  if (action === 'comment' && body.trim() === '')
    return { ok: false, error: 'invalid', message: 'A comment needs some text.' };
  if (new TextEncoder().encode(body).length > maxCommentBytes)
    return { ok: false, error: 'invalid', message: `A comment is limited to ${maxCommentBytes} bytes.` };
  return undefined;
}

/** `t-` or `c-` and ten base-36 characters from a strong random source: two people never pick the same. */
function newReviewId(prefix: 't' | 'c'): string {
  return `${prefix}-${[...randomBytes(10)].map((byte) => (byte % 36).toString(36)).join('')}`;
}
