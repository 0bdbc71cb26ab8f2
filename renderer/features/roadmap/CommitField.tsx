/**
 * A text field that keeps the user's draft and commits it on blur or Enter, never per keystroke; a
 * multi-line draft (a description, a release note: no Enter to commit) also commits a moment after the
 * typing stops and when the page is hidden, so a reload or a closed tab does not lose it.
 */
import { useEffect, useRef, useState } from 'react';

/** How long a multi-line draft waits after the last key before it is saved. */
const idleCommitMs = 800;

interface CommitFieldProps {
  id?: string;
  label: string;
  value: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
  readOnly?: boolean;
  className?: string;
  placeholder?: string;
  maxLength?: number;
  list?: string;
  /** Rejects a draft with a message instead of committing it. */
  validate?: (value: string) => string | undefined;
}

export function CommitField({
  label,
  value,
  onCommit,
  multiline,
  validate,
  className,
  ...rest
}: CommitFieldProps) {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const focused = useRef(false);
  // Outside changes (a refresh, an edit elsewhere) replace the draft only while the user is not typing here.
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);

  function commit() {
    const message = validate?.(draft);
    setProblem(message);
    if (message === undefined && draft !== value) onCommit(draft);
  }
  const pending = useRef(commit);
  pending.current = commit;

  useEffect(() => {
    if (!multiline || draft === value) return;
    const timer = window.setTimeout(() => pending.current(), idleCommitMs);
    const hide = () => pending.current();
    window.addEventListener('pagehide', hide);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pagehide', hide);
    };
  }, [multiline, draft, value]);

  const common = {
    'aria-label': label,
    'aria-invalid': problem ? true : undefined,
    className: className ?? (multiline ? 'textarea' : 'input'),
    value: draft,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      commit();
    },
    ...rest,
  };
  return (
    <>
      {multiline ? (
        <textarea {...common} rows={6} onChange={(event) => setDraft(event.target.value)} />
      ) : (
        <input
          {...common}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
            if (event.key === 'Escape') setDraft(value);
          }}
        />
      )}
      {problem && (
        <span className="form-error" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
