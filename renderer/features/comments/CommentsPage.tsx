/**
 * Every review thread of the workspace (`#/comments`), grouped by document: what each is on, the text
 * it quotes, who opened it, how long ago, how many replies. Filtered by document and author, resolved
 * ones behind a toggle, the filter in the URL. A thread opens its document there, with its Comments.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { plural } from '../../../shared/model/plural.js';
import { HashLink } from '../../ui/HashLink.js';
import { CopyLinkButton } from '../../ui/CopyLinkButton.js';
import { useCommentChanges } from '../../workbench/comments.js';
import {
  age,
  commentAuthors,
  commentsTitle,
  commentsHash,
  filterComments,
  plainExcerpt,
  threadCounts,
  type CommentFilter,
  type DocumentThreads,
} from '../../workbench/commentFilter.js';
import { documentLink, keyHash, threadHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { useRetryOnReconnect } from '../../workbench/reconnects.js';
import './commentsPage.css';

interface CommentsPageProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  filter: CommentFilter;
}

export function CommentsPage({ api, workspace, navigate, filter }: CommentsPageProps) {
  const [documents, setDocuments] = useState<readonly DocumentThreads[] | undefined>(undefined);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const load = useCallback(() => {
    api
      .listAllComments({})
      .then((listed) => {
        setDocuments(listed.documents);
        setFailed(undefined);
      })
      .catch((error: unknown) => setFailed(error instanceof Error ? error.message : String(error)));
  }, [api]);
  useCommentChanges(api, load);
  const retry = useRetryOnReconnect(failed !== undefined);
  useEffect(() => {
    if (retry > 0) load();
  }, [retry, load]);
  const groups = useMemo(() => filterComments(documents ?? [], filter), [documents, filter]);
  const authors = useMemo(() => commentAuthors(documents ?? []), [documents]);
  const counts = useMemo(() => threadCounts(documents ?? []), [documents]);
  const now = Date.now();
  const title = (key: string) => workspace.byKey.get(key)?.title;
  const setFilter = (change: Partial<CommentFilter>) => navigate(commentsHash({ ...filter, ...change }));
  const shownThreads = groups.reduce((sum, group) => sum + group.rows.length, 0);
  // Filtered, the count is of what is shown, as the heading says.
  const filtered = Boolean(filter.document || filter.author);
  const shownDocuments = groups.map(({ document, rows }) => ({
    document,
    threads: rows.map((row) => row.thread),
  }));

  return (
    <div className="view comments-page">
      <header className="view__header">
        <div>
          <h1 className="view__title">{commentsTitle(filter, title)}</h1>
          <p className="view__subtitle" role="status" aria-label="Comment count">
            {documents === undefined
              ? 'Reading review threads…'
              : filtered
                ? shownThreads === 0
                  ? 'No thread matches this filter'
                  : summary(shownDocuments, threadCounts(shownDocuments))
                : summary(documents, counts)}
          </p>
        </div>
      </header>
      {failed && (
        <p className="inline-error" role="alert">
          The review threads could not be read: {failed}
        </p>
      )}
      {documents !== undefined && documents.length > 0 && (
        <div className="comments-page__filters" role="group" aria-label="Filter comments">
          <label>
            Document
            <select
              value={filter.document ?? ''}
              onChange={(event) => setFilter({ document: event.target.value || undefined })}
            >
              <option value="">All documents</option>
              {documents.map(({ document }) => (
                <option key={document} value={document}>
                  {document} {title(document) ?? ''}
                </option>
              ))}
            </select>
          </label>
          <label>
            Author
            <select
              value={filter.author ?? ''}
              onChange={(event) => setFilter({ author: event.target.value || undefined })}
            >
              <option value="">Anyone</option>
              {authors.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label className="comments-page__toggle">
            <input
              type="checkbox"
              checked={filter.resolved ?? false}
              onChange={(event) => setFilter({ resolved: event.target.checked || undefined })}
            />
            Show resolved ({counts.resolved})
          </label>
        </div>
      )}
      {documents !== undefined && shownThreads === 0 && (
        <p className="view-empty">{emptyText(documents, filter, counts)}</p>
      )}
      {groups.map(({ document, rows }) => {
        const entry = workspace.byKey.get(document);
        return (
          <section
            key={document}
            className="panel comments-page__document"
            aria-labelledby={`comments-${document}`}
          >
            <h2 id={`comments-${document}`} className="comments-page__title">
              <HashLink hash={entry ? documentLink(entry) : keyHash(document)} navigate={navigate}>
                <span className="key">{document}</span> {entry?.title ?? 'Not in this workspace'}
              </HashLink>
              <span className="panel__count">{plural(rows.length, 'thread')}</span>
            </h2>
            <ol className="comments-page__threads">
              {rows.map(({ thread, first, replies, lastAt }) => (
                <li
                  key={thread.id}
                  className={thread.resolved ? 'comments-page__thread resolved' : 'comments-page__thread'}
                >
                  <HashLink
                    className="comments-page__anchor"
                    hash={threadHash(document, thread)}
                    navigate={navigate}
                  >
                    On {thread.label}
                  </HashLink>
                  <CopyLinkButton
                    hash={threadHash(document, thread)}
                    subject={`the thread on ${thread.label}`}
                  />
                  {thread.resolved && <span className="badge">Resolved</span>}
                  {thread.anchor.kind === 'text' && <blockquote dir="auto">{thread.anchor.quote}</blockquote>}
                  {first && (
                    <p className="comments-page__excerpt" dir="auto">
                      {plainExcerpt(first.body)}
                    </p>
                  )}
                  <p className="comments-page__meta">
                    <span>{first?.name ?? 'Unknown'}</span>
                    <time dateTime={first?.at} title={first?.at}>
                      {first ? age(first.at, now) : ''}
                    </time>
                    <span>{plural(replies, 'reply', 'replies')}</span>
                    {replies > 0 && <span>last {age(lastAt, now)}</span>}
                  </p>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

/** Where a thread is: its requirement, its heading (a quote's section), or the document. */

function summary(documents: readonly DocumentThreads[], counts: { open: number; resolved: number }): string {
  if (counts.open + counts.resolved === 0) return 'No review threads yet';
  const open = documents.filter(({ threads }) => threads.some((thread) => !thread.resolved)).length;
  const resolved = counts.resolved > 0 ? ` · ${counts.resolved} resolved` : '';
  return `${plural(counts.open, 'open thread')} in ${plural(open, 'document')}${resolved}`;
}

function emptyText(
  documents: readonly DocumentThreads[],
  filter: CommentFilter,
  counts: { open: number; resolved: number },
): string {
  if (documents.length === 0)
    return 'No one has commented yet. Select text, a heading or a requirement in a document to start a thread.';
  if (!filter.resolved && !filter.document && !filter.author && counts.open === 0)
    return `Every thread is resolved. Show resolved to read the ${plural(counts.resolved, 'thread')}.`;
  return 'No thread matches this filter.';
}
