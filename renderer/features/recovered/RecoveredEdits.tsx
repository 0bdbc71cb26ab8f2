/**
 * `#/recovered`: unsaved edits kept outside the workspace. Those of documents deleted or renamed
 * outside Specbench can be read, written back at their path, or discarded; those of documents still
 * there open the document, whose editor offers them back.
 */
import { useState } from 'react';
import type { BackupView, SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { documentHash } from '../../workbench/route.js';
import { useRecoveredEdits } from '../../workbench/useRecoveredEdits.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import './recovered.css';

interface RecoveredEditsProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
}

export function RecoveredEdits({ api, workspace, navigate }: RecoveredEditsProps) {
  const { list, reload } = useRecoveredEdits(api, workspace.revision);
  const writable = workspace.info?.writable ?? false;
  const orphaned = list?.backups.filter((backup) => backup.disk === 'missing') ?? [];
  const others = list?.backups.filter((backup) => backup.disk !== 'missing') ?? [];
  return (
    <div className="recovered view">
      <header className="view__header">
        <div>
          <h1 className="view__title">Recovered edits</h1>
          <p className="view__subtitle">
            Unsaved edits are kept outside the workspace about a second after you type. These are the ones
            still kept.
          </p>
        </div>
      </header>
      {list && list.backups.length === 0 && list.unreadable.length === 0 && (
        <p className="view-empty view-empty--success">No unsaved edits are waiting: everything is saved.</p>
      )}
      {orphaned.length > 0 && (
        <section aria-labelledby="recovered-orphaned" className="panel">
          <h2 id="recovered-orphaned" className="panel__title">
            Documents deleted or renamed outside Specbench
          </h2>
          <ul className="recovered__list">
            {orphaned.map((backup) => (
              <OrphanedBackup
                key={backup.path}
                api={api}
                backup={backup}
                writable={writable}
                onDone={reload}
                navigate={navigate}
                refresh={workspace.refresh}
              />
            ))}
          </ul>
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="recovered-open" className="panel">
          <h2 id="recovered-open" className="panel__title">
            Unsaved edits of documents in the workspace
          </h2>
          <ul className="recovered__list">
            {others.map((backup) => (
              <li key={backup.path} className="recovered__item">
                <div className="recovered__row">
                  <span className="recovered__path">{backup.path}</span>
                  <span className="recovered__when">{savedAt(backup)}</span>
                  <a className="button" href={documentHash(backup.path)}>
                    Open to restore
                  </a>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {list && list.unreadable.length > 0 && (
        <section aria-labelledby="recovered-unreadable" className="panel">
          <h2 id="recovered-unreadable" className="panel__title">
            Backup files that cannot be read (left as they are)
          </h2>
          <ul className="recovered__list">
            {list.unreadable.map((file) => (
              <li key={file.file} className="recovered__item">
                {file.file}: {file.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function OrphanedBackup({
  api,
  backup,
  writable,
  onDone,
  navigate,
  refresh,
}: {
  api: SpecbenchApi;
  backup: BackupView;
  writable: boolean;
  onDone: () => void;
  navigate: (hash: string) => void;
  refresh: () => Promise<void>;
}) {
  const [shown, setShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  async function restore() {
    const result = await api.recoverBackup({ path: backup.path });
    if (!result.ok) return setProblem(result.message);
    await refresh();
    navigate(documentHash(result.path));
  }

  async function discard() {
    const result = await api.discardBackup({ path: backup.path });
    if (!result.ok) return setProblem(result.message);
    onDone();
  }

  return (
    <li className="recovered__item" aria-label={backup.path}>
      <div className="recovered__row">
        <span className="recovered__path">{backup.path}</span>
        <span className="recovered__when">{savedAt(backup)}</span>
        <button type="button" className="button" aria-expanded={shown} onClick={() => setShown(!shown)}>
          {shown ? 'Hide text' : 'Show text'}
        </button>
        {writable && (
          <button type="button" className="button primary" onClick={() => void restore()}>
            Restore as {backup.path}
          </button>
        )}
        {confirming ? (
          <button type="button" className="button" onClick={() => void discard()}>
            Discard for good
          </button>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Discard
          </button>
        )}
      </div>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      {shown && (
        <pre className="recovered__text" aria-label={`Text of ${backup.path}`} dir="auto">
          {backup.text}
        </pre>
      )}
    </li>
  );
}

function savedAt(backup: BackupView): string {
  return `kept ${new Date(backup.savedAt).toLocaleString()}`;
}
