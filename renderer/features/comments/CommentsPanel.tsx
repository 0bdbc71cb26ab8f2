/** Region "Comments": a document's review threads, a new thread for what the editor asked to comment on, replies, resolve and reopen. */
import { useCallback, useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { CommentAuthor, ReviewThread } from '../../../shared/review/reviewFile.js';
import {
  storeCommentAuthor,
  storedCommentAuthor,
  useCommentChanges,
  useCommentRequests,
  type CommentTarget,
} from '../../workbench/comments.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { plural } from '../../../shared/model/plural.js';
import { CommentForm } from './CommentForm.js';
import { ThreadView } from './ThreadView.js';
import './comments.css';

interface CommentsPanelProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  /** The document's key: its threads live in `reviews/<KEY>.md`. */
  documentKey: string;
  /** A thread to start, asked for before the panel was shown. */
  initialTarget?: CommentTarget;
  /** A thread link's thread: scrolled to and marked a moment once shown. */
  jumpThread?: string;
}

export function CommentsPanel({
  api,
  workspace,
  navigate,
  documentKey,
  initialTarget,
  jumpThread,
}: CommentsPanelProps) {
  const [threads, setThreads] = useState<readonly ReviewThread[] | undefined>(undefined);
  const [target, setTarget] = useState<CommentTarget | undefined>(
    initialTarget?.document === documentKey ? initialTarget : undefined,
  );
  const [showResolved, setShowResolved] = useState(false);
  const [author, setAuthor] = useState<CommentAuthor | undefined>(storedCommentAuthor);
  const [gitAuthor, setGitAuthor] = useState<CommentAuthor | undefined>(undefined);
  const canComment = workspace.info?.canComment ?? workspace.info?.writable ?? false;
  const requests = useCommentRequests();

  const load = useCallback(
    (changed: readonly string[] | undefined) => {
      if (changed && !changed.includes(documentKey)) return;
      void api
        .listComments({ document: documentKey })
        .then((listed) => setThreads(listed.threads))
        .catch(() => setThreads([]));
    },
    [api, documentKey],
  );
  useCommentChanges(api, load);
  useEffect(() => {
    setTarget((current) => (current?.document === documentKey ? current : undefined));
  }, [documentKey]);
  useEffect(
    () =>
      requests?.onDidRequest((next) => {
        if (next.document === documentKey) setTarget(next);
      }),
    [requests, documentKey],
  );
  useEffect(() => {
    if (author) return;
    let live = true;
    void api
      .commentAuthor({})
      .then(
        (found) =>
          live &&
          found.name &&
          setGitAuthor({ name: found.name, ...(found.email ? { email: found.email } : {}) }),
      )
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, author]);

  const who = author ?? gitAuthor;
  const remember = (chosen: CommentAuthor) => {
    storeCommentAuthor(chosen);
    setAuthor(chosen);
  };
  const open = (threads ?? []).filter((thread) => !thread.resolved);
  const resolved = (threads ?? []).filter((thread) => thread.resolved);
  // A link to a resolved thread shows it, resolved, even while the others stay folded away.
  const linked = resolved.filter((thread) => thread.id === jumpThread);
  const folded = showResolved ? [] : resolved.filter((thread) => thread.id !== jumpThread);
  const shown = showResolved ? [...open, ...resolved] : [...open, ...linked];

  const startThread = async (body: string, chosen: CommentAuthor) => {
    if (!target) return 'Nothing to comment on.';
    const added = await api.addComment({
      document: documentKey,
      anchor: target.anchor,
      label: target.label,
      body,
      author: chosen,
    });
    if (!added.ok) return added.message;
    remember(chosen);
    setTarget(undefined);
    load(undefined);
    return undefined;
  };

  return (
    <section className="comments-panel" aria-label="Comments">
      <header>
        <h2>Comments</h2>
        <p className="comments-subject">
          {documentKey} · {threads === undefined ? '…' : `${plural(open.length, 'open thread')}`}
        </p>
      </header>
      {!canComment && (
        <p className="comments-note">Read-only: start the server with --comments to comment here.</p>
      )}
      {target && canComment && (
        <div className="new-thread" role="group" aria-label={`New comment on ${target.label}`}>
          <p className="thread-anchor">On {target.label}</p>
          {target.anchor.kind === 'text' && <blockquote>{target.anchor.quote}</blockquote>}
          <CommentForm
            // A new target (Ctrl+Alt+M on other text) opens the form afresh, with the cursor in it.
            key={`${target.label}\n${target.anchor.kind === 'text' ? target.anchor.quote : ''}`}
            label={`Comment on ${target.label}`}
            submitLabel="Comment"
            author={who}
            autoFocus
            onSubmit={startThread}
            onCancel={() => setTarget(undefined)}
          />
        </div>
      )}
      {threads !== undefined && threads.length === 0 && !target && (
        <p className="comments-empty">
          No comments yet.{' '}
          {canComment &&
            'Use Comment on a requirement card, or select text and choose Comment in the document’s header.'}
        </p>
      )}
      <ol className="threads">
        {shown.map((thread) => (
          <li key={thread.id}>
            <ThreadView
              api={api}
              documentKey={documentKey}
              thread={thread}
              canComment={canComment}
              author={who}
              onAuthor={remember}
              navigate={navigate}
              onChanged={() => load(undefined)}
              jump={thread.id === jumpThread}
            />
          </li>
        ))}
      </ol>
      {(showResolved ? resolved.length > 0 : folded.length > 0) && (
        <button type="button" className="link-button" onClick={() => setShowResolved((value) => !value)}>
          {showResolved
            ? 'Hide resolved'
            : `Show ${plural(folded.length, linked.length > 0 ? 'other resolved thread' : 'resolved thread')}`}
        </button>
      )}
    </section>
  );
}
