/**
 * Changes: where a PM who does not know git sees the branch, what is not committed yet, block by
 * block, and commits, pulls and pushes — or resolves a merge that stopped at conflicts.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { RenumberedItemView } from '../../../shared/contract/gitViews.js';
import { renumberedParts } from '../../../shared/merge/renumberedLine.js';
import { HashLink } from '../../ui/HashLink.js';
import { useGitState } from '../../workbench/gitState.js';
import { roadmapHash, roadmapItemHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { ChangedFiles } from './ChangedFiles.js';
import { changesPanel } from './changesPanel.js';
import { ConflictList } from './ConflictList.js';
import { DuplicateKeys } from './DuplicateKeys.js';
import { IdentityForm } from './IdentityForm.js';
import { useLastAction } from './lastAction.js';
import { RepointLinks, type RepointList } from './RepointLinks.js';
import { SyncBar } from './SyncBar.js';
import { SyncSettingsForm } from './SyncSettingsForm.js';
import './changes.css';

interface ChangesPageProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
}

export function ChangesPage({ api, workspace, navigate }: ChangesPageProps) {
  const git = useGitState();
  const writable = workspace.info?.writable ?? false;
  const status = git.status;
  const notice = useLastAction(status);
  // Renamed copies whose links still point at the old key: kept in rekeys.json (committed) until each is pointed or kept.
  const [repoint, setRepoint] = useState<RepointList[]>([]);
  const loadRepoint = useCallback(async () => {
    const pending = await api.pendingRekeys({});
    if (pending.ok) setRepoint(pending.rekeys);
  }, [api]);
  useEffect(() => {
    void loadRepoint();
  }, [loadRepoint]);
  // Opened, the panel reads git's status again: the one read at load (or after the last file change)
  // misses what was done in a terminal since without touching a file (git remote add, git config).
  const { refresh } = git;
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // A rename that arrives later (a pull, here or in a terminal) is listed as the files settle; the lists
  // already shown keep their state (a link just pointed stays there with its Undo).
  useEffect(() => {
    if (workspace.revision === 0) return;
    void api.pendingRekeys({}).then((pending) => {
      if (!pending.ok) return;
      setRepoint((shown) => {
        const added = pending.rekeys.filter((record) => !shown.some((list) => sameRename(list, record)));
        return added.length > 0 ? [...shown, ...added] : shown;
      });
    });
  }, [api, workspace.revision]);
  // A pull just stopped at conflicts, and git's status is read again: until then the panel says so, and neither
  // calls the tree clean ("Nothing to commit") nor reads the markers' two sides as a key defined twice.
  const [readingConflicts, setReadingConflicts] = useState(false);
  // A status read while a Pull runs may see git's rebase or merge begun and its conflicts not yet written.
  const [pulling, setPulling] = useState(false);
  /** An action starts: the line about the previous one (and the automatic sync's) no longer holds. */
  const beforeAction = (action?: 'Pull' | 'Push') => {
    notice.clear();
    setReadingConflicts(false);
    setPulling(action === 'Pull');
    git.dismissAutoSync();
  };
  /** After a git action: the files on disk and the status both moved. */
  const afterAction = async (
    message?: string,
    {
      filesChanged = true,
      renumbered = [],
      conflicts = [],
    }: { filesChanged?: boolean; renumbered?: RenumberedItemView[]; conflicts?: string[] } = {},
  ) => {
    // What the user just did is news; the automatic sync's older line is not.
    git.dismissAutoSync();
    if (conflicts.length > 0) setReadingConflicts(true);
    // Reloading every document after a commit, which changes none, was most of its wait.
    notice.show(message, renumbered);
    await Promise.all([git.refresh(), filesChanged ? workspace.refresh() : undefined, loadRepoint()]);
    notice.settle();
    setReadingConflicts(false);
    setPulling(false);
  };
  // An automatic pull (the timer's, or on open) waits the same way as one started from the bar.
  const panel = changesPanel({
    operation: status?.operation,
    pulling: pulling || git.pulling === true,
    readingConflicts,
  });

  return (
    <section className="page changes-page" aria-labelledby="changes-title">
      <header className="page-header">
        <h1 id="changes-title">Changes</h1>
      </header>
      {git.phase === 'loading' && (
        <p className="muted" role="status">
          Reading the repository…
        </p>
      )}
      {git.unavailable !== undefined && (
        <p className="muted" role="status" aria-label="Git">
          {git.unavailable}
        </p>
      )}
      {status && (
        <>
          <SyncBar
            api={api}
            status={status}
            writable={writable}
            documents={workspace.documents}
            onStart={beforeAction}
            onDone={afterAction}
          />
          {notice.text && (
            <p className="changes-notice" role="status" aria-label="Last action">
              {notice.text}
            </p>
          )}
          {notice.renumbered.length > 0 && (
            <ul className="changes-renumbered" aria-label="Renumbered by the merge">
              {notice.renumbered.map((entry) => {
                const [before, key, after] = renumberedParts(entry);
                return (
                  <li key={entry.to}>
                    {before}
                    <HashLink
                      hash={entry.list === 'items' ? roadmapItemHash(key) : roadmapHash(key)}
                      navigate={navigate}
                    >
                      {key}
                    </HashLink>
                    {entry.title ? ` (${entry.title})` : ''}
                    {after}
                  </li>
                );
              })}
            </ul>
          )}
          {git.autoSync && (
            <p className="changes-notice changes-notice--auto" role="status" aria-label="Automatic sync">
              <span>{git.autoSync.text}</span>
              <button type="button" className="link-button" onClick={git.dismissAutoSync}>
                Dismiss
              </button>
            </p>
          )}
          {writable && !status.user && <IdentityForm api={api} onSaved={() => void git.refresh()} />}
          {!writable && (
            <p className="muted">This workspace is open read-only: changes are shown, not committed.</p>
          )}
          {panel.shows === 'conflicts' ? (
            <ConflictList
              api={api}
              status={status}
              writable={writable}
              navigate={navigate}
              onChanged={afterAction}
              onResolved={() => {
                // Links that arrived with a renamed copy were recorded: offered to follow it until acted on.
                void Promise.all([git.refresh(), workspace.refresh()]).then(loadRepoint);
              }}
            />
          ) : panel.shows === 'waiting' ? (
            <p className="muted" role="status" aria-label="Changed files">
              {panel.text}
            </p>
          ) : (
            <ChangedFiles
              api={api}
              status={status}
              writable={writable && status.user !== undefined}
              onStart={beforeAction}
              onCommitted={afterAction}
            />
          )}
          {repoint.map((list) => (
            <RepointLinks
              key={`${list.key}-${list.newKey}`}
              api={api}
              workspace={workspace}
              navigate={navigate}
              list={list}
              writable={writable}
              onDismissed={() => void loadRepoint()}
            />
          ))}
          {panel.shows === 'files' && (
            <DuplicateKeys
              api={api}
              workspace={workspace}
              navigate={navigate}
              writable={writable}
              onRekeyed={() => void loadRepoint()}
            />
          )}
          {status.outside > 0 && (
            <p className="muted">
              {status.outside} {status.outside === 1 ? 'change' : 'changes'} outside this workspace folder
              {status.outside === 1 ? ' is' : ' are'} left alone here.
            </p>
          )}
          {writable && (
            <SyncSettingsForm api={api} settings={status.settings} onSaved={() => void git.refresh()} />
          )}
        </>
      )}
    </section>
  );
}

function sameRename(a: Pick<RepointList, 'key' | 'newKey'>, b: Pick<RepointList, 'key' | 'newKey'>): boolean {
  return a.key === b.key && a.newKey === b.newKey;
}
