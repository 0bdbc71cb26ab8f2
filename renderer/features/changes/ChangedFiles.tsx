/** The workspace's uncommitted files, each with its block-level diff, chosen for the commit, and Commit. */
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { FileChangeKind, GitStatusView } from '../../../shared/contract/gitViews.js';
import { FileDiff } from './FileDiff.js';
import { splitRename, splitRenameWarning } from './splitRename.js';

interface ChangedFilesProps {
  api: SpecbenchApi;
  status: GitStatusView;
  /** Writable and git knows who commits. */
  writable: boolean;
  /** The commit starts: the line about the last action no longer holds. */
  onStart: () => void;
  onCommitted: (message?: string, options?: { filesChanged?: boolean }) => Promise<void>;
}

export const changeLabels: Record<FileChangeKind, string> = {
  modified: 'Changed',
  added: 'New',
  deleted: 'Deleted',
  renamed: 'Renamed',
  conflicted: 'Conflict',
};

export function ChangedFiles({ api, status, writable, onStart, onCommitted }: ChangedFilesProps) {
  const paths = useMemo(() => status.files.map((file) => file.path), [status.files]);
  // Every file starts chosen; a file the user left out stays out while it stays changed.
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(new Set());
  // Several files can be open at once, to read their changes side by side.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  // Asked before a commit that would take one half of a possible rename; cleared when the choice changes.
  const [halfRename, setHalfRename] = useState<string | undefined>(undefined);
  useEffect(
    () => setLeftOut((current) => new Set([...current].filter((path) => paths.includes(path)))),
    [paths],
  );
  const chosen = paths.filter((path) => !leftOut.has(path));

  const toggle = (path: string) => {
    setHalfRename(undefined);
    setLeftOut((current) => {
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  };

  const commit = async (event?: FormEvent, confirmed = false) => {
    event?.preventDefault();
    const split = confirmed ? undefined : splitRename(status.files, leftOut);
    if (split) return setHalfRename(splitRenameWarning(split));
    setHalfRename(undefined);
    onStart();
    setBusy(true);
    const result = await api.gitCommit({ paths: chosen, message: message.trim() });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setError(undefined);
    setMessage('');
    // A commit changes no file in the workspace: only git's status needs reading again.
    await onCommitted(`Committed ${result.files} ${result.files === 1 ? 'file' : 'files'}.`, {
      filesChanged: false,
    });
  };

  if (status.files.length === 0) {
    return (
      <p className="changes-empty" role="status" aria-label="Changed files">
        Nothing to commit: every change is committed.
      </p>
    );
  }
  return (
    <form className="changed-files" aria-label="Commit" onSubmit={(event) => void commit(event)}>
      <h2 className="section-title">
        {status.files.length} changed {status.files.length === 1 ? 'file' : 'files'}
      </h2>
      <ul className="changed-files__list" aria-label="Changed files">
        {status.files.map((file) => (
          <li key={file.path} className="changed-file">
            <div className="changed-file__row">
              <input
                type="checkbox"
                aria-label={`Commit ${file.path}`}
                checked={!leftOut.has(file.path)}
                disabled={!writable}
                onChange={() => toggle(file.path)}
              />
              <span className={`change-kind change-kind--${file.change}`}>{changeLabels[file.change]}</span>
              <button
                type="button"
                className="changed-file__name"
                aria-expanded={open.has(file.path)}
                onClick={() =>
                  setOpen((current) => {
                    const next = new Set(current);
                    if (!next.delete(file.path)) next.add(file.path);
                    return next;
                  })
                }
              >
                {file.previousPath ? `${file.previousPath} → ${file.path}` : file.path}
              </button>
            </div>
            {open.has(file.path) && <FileDiff api={api} path={file.path} />}
          </li>
        ))}
      </ul>
      {writable && (
        <div className="commit-form">
          <label htmlFor="commit-message">What did you change?</label>
          <textarea
            id="commit-message"
            dir="auto"
            rows={2}
            value={message}
            placeholder="For example: Reworded REQ-2 after the design review"
            onChange={(event) => setMessage(event.target.value)}
          />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button
            type="submit"
            className="primary"
            disabled={busy || chosen.length === 0 || message.trim() === ''}
          >
            Commit {chosen.length} {chosen.length === 1 ? 'file' : 'files'}
          </button>
          {halfRename && (
            <p className="inline-error" role="alert" aria-label="Half a rename">
              {halfRename}{' '}
              <button type="button" onClick={() => setHalfRename(undefined)}>
                Cancel
              </button>
              <button type="button" onClick={() => void commit(undefined, true)}>
                Commit anyway
              </button>
            </p>
          )}
          {busy && (
            <span className="muted" role="status" aria-label="Commit progress">
              Committing…
            </span>
          )}
        </div>
      )}
    </form>
  );
}
