/** One review thread: where it is anchored, its comments in order, a reply box, resolve and reopen. */
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { CommentAuthor, ReviewEntry, ReviewThread } from '../../../shared/review/reviewFile.js';
import { threadAnchorHash, threadHash } from '../../workbench/route.js';
import { CopyLinkButton } from '../../ui/CopyLinkButton.js';
import { flashAnchorTarget, ReadOnlyMarkdown } from '../editor/index.js';
import { CommentForm } from './CommentForm.js';

interface ThreadViewProps {
  api: SpecbenchApi;
  documentKey: string;
  thread: ReviewThread;
  canComment: boolean;
  author: CommentAuthor | undefined;
  onAuthor: (author: CommentAuthor) => void;
  navigate: (hash: string) => void;
  onChanged: () => void;
  /** Opened from the Comments page: scrolled to and marked a moment (a jump-to highlight). */
  jump?: boolean;
}

export function ThreadView({
  api,
  documentKey,
  thread,
  canComment,
  author,
  onAuthor,
  navigate,
  onChanged,
  jump = false,
}: ThreadViewProps) {
  const articleRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const article = articleRef.current;
    if (!jump || !article) return;
    article.scrollIntoView({ block: 'nearest' });
    return flashAnchorTarget(article);
  }, [jump]);
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [typedName, setTypedName] = useState('');
  // A reply typed but not sent: Resolve (or Reopen) sends it first, as its label then says.
  const [draft, setDraft] = useState('');
  const pendingReply = replying && draft.trim() !== '';
  const label = thread.label || anchorText(thread);
  const comments = thread.entries.filter((entry) => entry.action === 'comment');
  const lastState = thread.entries.filter((entry) => entry.action !== 'comment').at(-1);
  const anchorHash = threadAnchorHash(documentKey, thread.anchor);

  const add = async (action: 'comment' | 'resolved' | 'reopened', body: string, chosen: CommentAuthor) => {
    const added = await api.addCommentEntry({
      document: documentKey,
      thread: thread.id,
      action,
      body,
      author: chosen,
    });
    if (!added.ok) return added.message;
    onAuthor(chosen);
    onChanged();
    return undefined;
  };
  const setState = async (action: 'resolved' | 'reopened') => {
    // Who resolves: the known author, else the name typed in the reply box that asked for it.
    const who = author ?? (typedName.trim() === '' ? undefined : { name: typedName.trim() });
    if (!who) {
      setReplying(true);
      return setError(
        `Type your name in the box below, then ${action === 'resolved' ? 'resolve' : 'reopen'}.`,
      );
    }
    if (pendingReply) {
      const problem = await add('comment', draft, who);
      if (problem !== undefined) return setError(problem);
      setReplying(false);
      setDraft('');
    }
    setError(await add(action, '', who));
  };

  return (
    <article
      ref={articleRef}
      className={thread.resolved ? 'thread resolved' : 'thread'}
      aria-label={`Thread on ${label}`}
    >
      <header className="thread-header">
        <a
          className="thread-anchor"
          href={anchorHash}
          onClick={(event) => {
            event.preventDefault();
            navigate(anchorHash);
          }}
        >
          On {label}
        </a>
        <CopyLinkButton hash={threadHash(documentKey, thread)} subject={`the thread on ${label}`} />
        {thread.resolved && <span className="badge">Resolved</span>}
      </header>
      {thread.anchor.kind === 'text' && <blockquote>{thread.anchor.quote}</blockquote>}
      <ol className="thread-entries">
        {comments.map((entry) => (
          <li key={entry.id}>
            <EntryView entry={entry} documentKey={documentKey} navigate={navigate} />
          </li>
        ))}
      </ol>
      {lastState && (
        <p className="thread-state">
          {lastState.action === 'resolved' ? 'Resolved' : 'Reopened'} by {lastState.name},{' '}
          <time dateTime={lastState.at}>{formatDate(lastState.at)}</time>
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {canComment && (
        <div className="thread-actions">
          {!replying && (
            <button
              type="button"
              // The box mounts and takes the focus before the click returns: keys typed right after
              // it went to the vanished button (the page) and the reply lost its first words.
              onClick={() => flushSync(() => setReplying(true))}
            >
              Reply
            </button>
          )}
          <button type="button" onClick={() => void setState(thread.resolved ? 'reopened' : 'resolved')}>
            {pendingReply
              ? thread.resolved
                ? 'Reply and reopen'
                : 'Reply and resolve'
              : thread.resolved
                ? 'Reopen'
                : 'Resolve'}
          </button>
        </div>
      )}
      {canComment && replying && (
        <CommentForm
          label={`Reply to ${label}`}
          submitLabel="Reply"
          author={author}
          autoFocus
          onSubmit={async (body, chosen) => {
            const problem = await add('comment', body, chosen);
            if (problem === undefined) {
              setReplying(false);
              setError(undefined);
            }
            return problem;
          }}
          onCancel={() => {
            setReplying(false);
            setDraft('');
          }}
          onNameChange={setTypedName}
          onBodyChange={setDraft}
        />
      )}
    </article>
  );
}

/** A comment longer than this (characters or lines) is shown folded, with Show more. */
const foldedLength = 600;
const foldedLines = 8;

function EntryView({
  entry,
  documentKey,
  navigate,
}: {
  entry: ReviewEntry;
  documentKey: string;
  navigate: (hash: string) => void;
}) {
  const long = entry.body.length > foldedLength || entry.body.split('\n').length > foldedLines;
  const [expanded, setExpanded] = useState(false);
  const folded = long && !expanded;
  return (
    <div className="comment">
      <p className="comment-meta">
        <strong>{entry.name}</strong> <time dateTime={entry.at}>{formatDate(entry.at)}</time>
      </p>
      {/* Untrusted Markdown: rendered as the editor renders a document (its link and HTML policy), never as raw HTML. */}
      <div className={folded ? 'comment-body folded' : 'comment-body'}>
        <ReadOnlyMarkdown
          markdown={entry.body}
          path={`reviews/${documentKey}.md`}
          label={`Comment by ${entry.name}`}
          navigate={navigate}
        />
      </div>
      {long && (
        <button
          type="button"
          className="link-button"
          aria-expanded={expanded}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? 'Show less' : 'Show more'}
        </button>
      )}
    </div>
  );
}

function anchorText(thread: ReviewThread): string {
  const { anchor } = thread;
  return anchor.kind === 'key' ? anchor.key : anchor.slug ? `#${anchor.slug}` : 'the document';
}

function formatDate(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime())
    ? at
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
