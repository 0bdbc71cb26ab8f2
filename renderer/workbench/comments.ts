/**
 * Review comments as every view shares them: a request to comment on something (a requirement card,
 * a heading, selected text) that the Comments panel answers, the unresolved counts per document, and
 * the name a person comments under.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import type { CommentAnchor, CommentAuthor } from '../../shared/review/reviewFile.js';

export interface CommentTarget {
  /** The document's key: its review file is `reviews/<KEY>.md`. */
  document: string;
  anchor: CommentAnchor;
  /** How the thread is named, in the panel and in the file (`REQ-4`, `“Problem”`). */
  label: string;
}

/** Requests to start a thread, from the editor to the panel (they never import each other). */
export class CommentRequests {
  private readonly listeners = new Set<(target: CommentTarget) => void>();

  request(target: CommentTarget): void {
    for (const listener of [...this.listeners]) listener(target);
  }

  onDidRequest(listener: (target: CommentTarget) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** A request for a document not shown: kept while the page goes there (its panel mounts anew). */
  private waiting: CommentTarget | undefined;

  defer(target: CommentTarget): void {
    this.waiting = target;
  }

  /** The request kept for `documentKey`, taken once; any other is dropped (the user went elsewhere). */
  takeWaiting(documentKey: string | undefined): CommentTarget | undefined {
    const waiting = this.waiting;
    this.waiting = undefined;
    return waiting && waiting.document === documentKey ? waiting : undefined;
  }
}

/**
 * Ctrl+Alt+M (⌘⌥M) comments, as in Google Docs and Word. Heard on the whole page: in a read-only
 * page (a reviewer's) the text is selected but the focus is not in an editor.
 */
export function useCommentShortcut(enabled: boolean, comment: () => void): void {
  const latest = useRef(comment);
  latest.current = comment;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && (event.ctrlKey || event.metaKey) && event.code === 'KeyM') {
        event.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

export const CommentRequestsContext = createContext<CommentRequests | undefined>(undefined);

export function useCommentRequests(): CommentRequests | undefined {
  return useContext(CommentRequestsContext);
}

/**
 * Calls `load` now and whenever the workspace reports changed comments (ours or from outside), or
 * changed documents (a requirement moved to another spec takes its threads along).
 */
export function useCommentChanges(
  api: SpecbenchApi,
  load: (changed: readonly string[] | undefined) => void,
): void {
  useEffect(() => {
    load(undefined);
    return api.onDidChangeWorkspace((event) => {
      if (event.paths.length > 0) load(undefined);
      else if (event.comments && event.comments.length > 0) load(event.comments);
    });
  }, [api, load]);
}

/** Unresolved threads per document key; refreshed when comments change. */
export function useCommentCounts(api: SpecbenchApi): Readonly<Record<string, number>> {
  const [counts, setCounts] = useState<Readonly<Record<string, number>>>({});
  useEffect(() => {
    let live = true;
    const load = () =>
      void api
        .commentCounts({})
        .then((next) => live && setCounts(next))
        .catch(() => undefined);
    load();
    const unsubscribe = api.onDidChangeWorkspace((event) => {
      if (event.paths.length > 0 || (event.comments && event.comments.length > 0)) load();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);
  return counts;
}

/** The texts a document's unresolved threads quote, to mark them in the document; kept up to date. */
export function useQuotedTexts(api: SpecbenchApi, documentKey: string | undefined): readonly string[] {
  const [quotes, setQuotes] = useState<readonly string[]>([]);
  const load = useCallback(
    (changed: readonly string[] | undefined) => {
      if (documentKey === undefined) return setQuotes([]);
      if (changed && !changed.includes(documentKey)) return;
      void api
        .listComments({ document: documentKey })
        .then((listed) =>
          setQuotes(
            listed.threads.flatMap((thread) =>
              !thread.resolved && thread.anchor.kind === 'text' ? [thread.anchor.quote] : [],
            ),
          ),
        )
        .catch(() => setQuotes([]));
    },
    [api, documentKey],
  );
  useCommentChanges(api, load);
  return quotes;
}

const authorKey = 'specbench.commentAuthor';

/** The name typed once in this browser (or desktop profile), if any. */
export function storedCommentAuthor(): CommentAuthor | undefined {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(authorKey) ?? 'null') as unknown;
    if (parsed && typeof parsed === 'object' && typeof (parsed as CommentAuthor).name === 'string') {
      const { name, email } = parsed as CommentAuthor;
      if (name.trim() === '') return undefined;
      return typeof email === 'string' && email.trim() !== '' ? { name, email } : { name };
    }
  } catch {
    // A value someone else stored there: ask again.
  }
  return undefined;
}

export function storeCommentAuthor(author: CommentAuthor): void {
  try {
    window.localStorage.setItem(authorKey, JSON.stringify(author));
  } catch {
    // Storage refused (private mode): the name is asked again next time.
  }
}
