/** A comment or reply box: the text, who writes it (asked once, then remembered), submit and cancel. */
import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { CommentAuthor } from '../../../shared/review/reviewFile.js';

interface CommentFormProps {
  /** The text box's accessible name ("Reply to REQ-4"). */
  label: string;
  submitLabel: string;
  /** Who is writing; undefined until a name is typed or git knows one. */
  author: CommentAuthor | undefined;
  autoFocus?: boolean;
  /** Answers a message when the comment was not saved. */
  onSubmit: (body: string, author: CommentAuthor) => Promise<string | undefined>;
  onCancel?: () => void;
  /** Told the name as it is typed (a thread's Resolve uses it before any reply is sent). */
  onNameChange?: (name: string) => void;
  /** Told the text as it is typed (a thread's Resolve sends a reply typed but not sent yet). */
  onBodyChange?: (body: string) => void;
}

export function CommentForm({
  label,
  submitLabel,
  author,
  autoFocus,
  onSubmit,
  onCancel,
  onNameChange,
  onBodyChange,
}: CommentFormProps) {
  const [body, setBody] = useState('');
  const [asking, setAsking] = useState(author === undefined);
  const [name, setName] = useState(author?.name ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const needsName = asking || author === undefined;
  const nameField = useRef<HTMLInputElement>(null);
  const textField = useRef<HTMLTextAreaElement>(null);
  // Opened for writing: the cursor goes where the first words belong (the name, the first time), as
  // the form mounts (keys queued behind the click that opened it land there), and again after the
  // frame, since the shortcut that opened it (Ctrl+Alt+M in the editor) is still being handled there
  // and would keep the focus in the document, where typing went nowhere.
  useLayoutEffect(() => {
    if (!autoFocus) return;
    const field = () => (author === undefined ? nameField.current : textField.current);
    field()?.focus();
    const frame = requestAnimationFrame(() => field()?.focus());
    return () => cancelAnimationFrame(frame);
    // Only when the form opens: later renders must not pull the cursor back.
  }, [autoFocus]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen: CommentAuthor | undefined = needsName
      ? name.trim() === ''
        ? undefined
        : {
            name: name.trim(),
            ...(author?.email && author.name === name.trim() ? { email: author.email } : {}),
          }
      : author;
    if (!chosen) return setError('Type your name first: each comment says who wrote it.');
    if (body.trim() === '') return setError('Type a comment first.');
    setBusy(true);
    const problem = await onSubmit(body, chosen);
    setBusy(false);
    setError(problem);
    if (problem === undefined) {
      setBody('');
      onBodyChange?.('');
      setAsking(false);
    }
  }

  return (
    <form className="comment-form" onSubmit={(event) => void submit(event)}>
      {needsName ? (
        <label className="comment-author-field">
          Your name
          <input
            ref={nameField}
            value={name}
            autoComplete="name"
            maxLength={200}
            onChange={(event) => {
              setName(event.target.value);
              onNameChange?.(event.target.value);
            }}
          />
        </label>
      ) : (
        <p className="comment-author">
          As <strong>{author!.name}</strong>{' '}
          <button type="button" className="link-button" onClick={() => setAsking(true)}>
            Change
          </button>
        </p>
      )}
      <textarea
        ref={textField}
        aria-label={label}
        value={body}
        rows={3}
        aria-invalid={error !== undefined || undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setBody(event.target.value);
          onBodyChange?.(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void submit(event);
          // Escape cancels the reply first; pressed again, it closes the drawer the form is in.
          if (event.key === 'Escape' && onCancel) {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      {error && (
        <p id={errorId} className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="comment-actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
