/** A merge or rebase that stopped: the conflicted files ticked off as they are resolved, then Finish or Abort. */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { GitOperation, GitStatusView, KeptBoth } from '../../../shared/contract/gitViews.js';
import { withChoiceLines } from '../../../shared/merge/choiceLines.js';
import { useModalDialog } from '../../ui/useModalDialog.js';
import { ConflictResolver } from './ConflictResolver.js';

interface ConflictListProps {
  api: SpecbenchApi;
  status: GitStatusView;
  writable: boolean;
  /** After Finish or Abort, with what happened in words. */
  onChanged: (message?: string) => Promise<void>;
  /** After one file is resolved, with the requirements Keep both gave a new key. */
  onResolved: (keptBoth: KeptBoth[]) => void;
  navigate: (hash: string) => void;
}

const operationNames: Record<GitOperation, string> = {
  merge: 'merge',
  rebase: 'rebase',
  'cherry-pick': 'cherry-pick',
  revert: 'revert',
};

/** The merge message as the user edited it, by the first line of git's: kept while the panel is away. */
let editedMessage: { subject: string; text: string } | undefined;

export function ConflictList({ api, status, writable, onChanged, onResolved, navigate }: ConflictListProps) {
  // A file saved here is resolved at once (git already has it), before the status refresh confirms it.
  const [resolved, setResolved] = useState<string[]>([]);
  const conflicted = status.files
    .filter((file) => file.change === 'conflicted' && !resolved.includes(file.path))
    .map((file) => file.path);
  // Until the user opens or closes one, the first file still conflicted is open.
  const [chosen, setOpen] = useState<string | undefined | null>(null);
  const open = chosen === null ? conflicted[0] : chosen;
  const [error, setError] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // A merge is committed with the message shown here, git's own without its comment lines to start with;
  // one the user edited is kept while they visit other sections, until the merge is finished or aborted.
  const subject = status.mergeMessage?.split('\n')[0];
  const [message, setShownMessage] = useState<string | undefined>(() =>
    editedMessage?.subject === subject ? editedMessage?.text : undefined,
  );
  const setMessage = (text: string | undefined) => {
    editedMessage = text === undefined || subject === undefined ? undefined : { subject, text };
    setShownMessage(text);
  };
  const commitMessage = message ?? status.mergeMessage;
  // Lines naming keys the merge changed (Keep both, a renumbered roadmap item) join a message already
  // edited here as they become known, as Finish commits them: the box shows what will be committed.
  const mergeLines = status.mergeLines ?? [];
  const linesKey = mergeLines.join('\n');
  useEffect(() => {
    if (message === undefined || linesKey === '') return;
    const next = withChoiceLines(message, linesKey.split('\n'), { comments: false }).trimEnd();
    if (next !== message) setMessage(next);
    // Only when the lines change: one the user is editing is not put back on each keystroke.
  }, [linesKey]);
  // A line taken out of the box is committed all the same: said, so the box still tells what Finish commits.
  const dropped = mergeLines.filter((line) => !(commitMessage ?? '').split('\n').includes(line));
  const operation = operationNames[status.operation ?? 'merge'];
  const shown = [...resolved.filter((path) => !conflicted.includes(path)), ...conflicted];

  // Workspace files changed but not in the merge (links pointed meanwhile, an edit): listed before Finish commits.
  const [leftOver, setLeftOver] = useState<{ files: string[]; message: string } | undefined>();
  const finish = async (include?: string[]) => {
    setBusy(true);
    const result = await api.gitFinish({
      ...(include === undefined ? {} : { include }),
      ...(status.operation === 'merge' && commitMessage !== undefined ? { message: commitMessage } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    if (result.leftOver) return setLeftOver({ files: result.leftOver, message: result.message });
    setLeftOver(undefined);
    setResolved([]);
    if (result.done) setMessage(undefined);
    await onChanged(result.message);
  };
  const abort = async () => {
    setConfirming(false);
    setBusy(true);
    const result = await api.gitAbort({});
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setResolved([]);
    setMessage(undefined);
    await onChanged(result.message);
  };

  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title" className="conflicts__title">
        {conflicted.length > 0
          ? `The ${operation} stopped: ${conflicted.length} ${conflicted.length === 1 ? 'file needs' : 'files need'} your choice`
          : `Every conflict is resolved: finish the ${operation}`}
      </h2>
      <p className="muted">
        You and someone else changed the same blocks. For each block choose what to keep; nothing is shared
        until you finish.
      </p>
      {shown.length > 0 && (
        <ul className="conflicts__files" aria-label="Conflicted files">
          {shown.map((path) => {
            const done = !conflicted.includes(path);
            return (
              <li key={path} className={done ? 'resolved' : undefined}>
                <span
                  className={done ? 'change-kind change-kind--added' : 'change-kind change-kind--conflicted'}
                >
                  {done ? '✓ Resolved' : 'Conflict'}
                </span>
                {done ? (
                  <span>{path}</span>
                ) : (
                  <button
                    type="button"
                    className="changed-file__name"
                    aria-expanded={open === path}
                    onClick={() => setOpen(open === path ? undefined : path)}
                  >
                    {path}
                  </button>
                )}
                {!done && open === path && writable && (
                  <ConflictResolver
                    api={api}
                    path={path}
                    navigate={navigate}
                    onResolved={(_remaining, note, keptBoth) => {
                      setResolved((current) => [...current, path]);
                      setOpen(null);
                      if (note) void onChanged(note);
                      onResolved(keptBoth ?? []);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {leftOver && (
        <section className="conflicts__left-over" aria-labelledby="left-over-title">
          <h3 id="left-over-title">{leftOver.message}</h3>
          <ul aria-label={`Changed files not in the ${operation}`}>
            {leftOver.files.map((file) => (
              <li key={file}>{file}</li>
            ))}
          </ul>
          <div className="conflicts__actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void finish(leftOver.files)}
            >
              Commit {leftOver.files.length === 1 ? 'it' : 'them'} with the {operation}
            </button>
            <button type="button" disabled={busy} onClick={() => void finish([])}>
              Leave {leftOver.files.length === 1 ? 'it' : 'them'} for later
            </button>
          </div>
        </section>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {writable && status.operation === 'merge' && commitMessage !== undefined && (
        <label className="conflicts__message">
          Merge commit message
          <textarea
            rows={Math.min(8, Math.max(2, commitMessage.split('\n').length + 1))}
            value={commitMessage}
            onChange={(event) => setMessage(event.target.value)}
          />
        </label>
      )}
      {writable && status.operation === 'merge' && dropped.length > 0 && (
        <p className="muted conflicts__kept-lines">
          Finish merge keeps “{dropped.join('”, “')}” in the message: teammates read there which key changed.
        </p>
      )}
      {writable && (
        <div className="conflicts__actions">
          <button
            type="button"
            className="primary"
            disabled={busy || conflicted.length > 0 || leftOver !== undefined || commitMessage?.trim() === ''}
            onClick={() => void finish()}
          >
            Finish {operation}
          </button>
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            Abort {operation}…
          </button>
        </div>
      )}
      <AbortDialog
        operation={operation}
        open={confirming}
        onCancel={() => setConfirming(false)}
        onAbort={() => void abort()}
      />
    </section>
  );
}

function AbortDialog({
  operation,
  open,
  onCancel,
  onAbort,
}: {
  operation: string;
  open: boolean;
  onCancel: () => void;
  onAbort: () => void;
}) {
  const dialog = useModalDialog(open, onCancel);
  return (
    <dialog
      ref={dialog.ref}
      className="confirm-dialog"
      aria-labelledby="abort-title"
      onClick={dialog.onBackdropClick}
    >
      {open && (
        <>
          <h2 id="abort-title">Abort the {operation}?</h2>
          <p>
            Every file goes back to how it was before the {operation}: the choices you made here are thrown
            away. Your own commits are kept, and you can pull again later.
          </p>
          <div className="confirm-dialog__actions">
            <button type="button" onClick={onCancel} autoFocus>
              Keep resolving
            </button>
            <button type="button" className="danger" onClick={onAbort}>
              Abort {operation}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
