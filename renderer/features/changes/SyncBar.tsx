/** The branch, how far it is ahead of or behind the remote, and Pull and Push with progress. */
import { useEffect, useState } from 'react';
import { unpointedLinks } from '../../../shared/model/rekeyRecord.js';
import { plural } from '../../../shared/model/plural.js';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { GitStatusView, RenumberedItemView, SyncProgress } from '../../../shared/contract/gitViews.js';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { writeClipboard } from '../../ui/CopyLinkButton.js';
import { duplicateDefinitions, duplicatesBeforePush } from './duplicateDefinitions.js';

interface SyncBarProps {
  api: SpecbenchApi;
  status: GitStatusView;
  writable: boolean;
  /** The workspace's documents: a key defined twice among them is asked about before a push. */
  documents: readonly DocumentSummary[];
  /** An action starts (a Pull or Push, once it runs): what the panel said about the last one no longer holds. */
  onStart: (action?: 'Pull' | 'Push') => void;
  onDone: (
    message?: string,
    options?: { renumbered?: RenumberedItemView[]; conflicts?: string[] },
  ) => Promise<void>;
}

type Running = { action: 'Pull' | 'Push'; operationId: string; progress: SyncProgress };

/** How often the bar asks how far a pull or push is. */
const progressInterval = 250;

export function SyncBar({ api, status, writable, documents, onStart, onDone }: SyncBarProps) {
  const [running, setRunning] = useState<Running | undefined>(undefined);
  const [failure, setFailure] = useState<{ message: string; pullFirst: boolean } | undefined>(undefined);
  const [unpointed, setUnpointed] = useState<ReturnType<typeof unpointedLinks> | undefined>(undefined);
  // A key defined twice would reach teammates as two copies: the push waits for Push anyway.
  const [twice, setTwice] = useState<string | undefined>(undefined);
  const operationId = running?.operationId;

  useEffect(() => {
    if (!operationId) return;
    const timer = window.setInterval(() => {
      void api.gitProgress({ operationId }).then((progress) => {
        if (progress.ok)
          setRunning((current) =>
            current?.operationId === operationId
              ? { ...current, progress: { step: progress.step, fraction: progress.fraction } }
              : current,
          );
      });
    }, progressInterval);
    return () => window.clearInterval(timer);
  }, [api, operationId]);

  /**
   * Before a push that would publish a rename after a merge: links still on the old key would reach
   * teammates meaning the other copy. A rename the remote already has is theirs to point, not a reason
   * to stop this push (the panel lists those links all the same).
   */
  const checkLinksFirst = async (duplicatesAsked = false) => {
    setFailure(undefined);
    onStart();
    const duplicates = duplicatesAsked ? [] : duplicateDefinitions(documents);
    if (duplicates.length > 0) return setTwice(duplicatesBeforePush(duplicates));
    setTwice(undefined);
    const pending = await api.pendingRekeys({});
    const words = unpointedLinks(pending.ok ? pending.rekeys.filter((record) => !record.pushed) : []);
    if (words.links.length === 0) return run('Push');
    setUnpointed(words);
  };

  const run = async (action: 'Pull' | 'Push') => {
    setUnpointed(undefined);
    onStart(action);
    const id = `${action.toLowerCase()}-${Date.now().toString(36)}`;
    setFailure(undefined);
    setRunning({
      action,
      operationId: id,
      progress: { step: `${action === 'Pull' ? 'Pulling' : 'Pushing'}…` },
    });
    const result =
      action === 'Pull' ? await api.gitPull({ operationId: id }) : await api.gitPush({ operationId: id });
    setRunning(undefined);
    if (!result.ok) {
      setFailure({ message: result.message, pullFirst: result.error === 'rejected' });
      await onDone();
      return;
    }
    const renumbered = 'renumbered' in result ? (result.renumbered as RenumberedItemView[]) : [];
    const conflicts = 'conflicts' in result ? (result.conflicts as string[]) : [];
    await onDone(result.message, { renumbered, conflicts });
  };

  const where =
    status.operation === 'merge' && status.branch
      ? `${status.branch} (merging)`
      : (status.branch ?? (status.rebasing ? `${status.rebasing} (rebasing)` : 'no branch'));
  const busy = running !== undefined;
  const canSync = writable && !status.operation && status.remotes.length > 0;
  return (
    <div className="sync-bar" role="group" aria-label="Sync">
      <div className="sync-bar__state">
        {/* The branch and its state flow as one text, which wraps at a narrow width beside the buttons. */}
        <span className="sync-bar__where">
          <span>
            Branch <strong>{where}</strong>
          </span>{' '}
          {status.operation === 'rebase' ? (
            // Detached mid-rebase, the branch has no upstream: "Push publishes it" would send a PM the wrong way.
            <span className="muted">
              rebasing onto {status.rebasingOnto ?? 'the remote’s commits'}: resolve, then Finish rebase
            </span>
          ) : status.operation === 'merge' ? (
            // Mid-merge the counts are the merge's two sides, not something to push or pull.
            <span className="muted">
              merging {status.mergingWith ?? 'their commits'}: resolve, then Finish merge
            </span>
          ) : status.upstream ? (
            <span className="muted">
              {status.ahead === 0 && status.behind === 0
                ? `up to date with ${status.upstream}`
                : [
                    status.ahead > 0 && `${plural(status.ahead, 'commit')} to push`,
                    status.behind > 0 && `${plural(status.behind, 'commit')} to pull`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
            </span>
          ) : (
            <span className="muted">
              {status.remotes.length === 0
                ? 'no remote to sync with'
                : `not on ${status.missingUpstream?.split('/')[0] ?? 'the remote'} yet: Push publishes it`}
            </span>
          )}
        </span>
        <span className="sync-bar__actions">
          {(unpointed || twice) && (
            <span className="sync-bar__waiting" role="status" aria-label="Push waits">
              Push waits for your answer below
            </span>
          )}
          <button
            type="button"
            disabled={!canSync || busy || !status.upstream}
            onClick={() => void run('Pull')}
          >
            Pull
          </button>
          <button
            type="button"
            disabled={
              !canSync || busy || unpointed !== undefined || twice !== undefined || !status.hasCommits
            }
            onClick={() => void checkLinksFirst()}
          >
            Push
          </button>
        </span>
      </div>
      {status.remotes.length === 0 && <NoRemoteHint />}
      {running && (
        <div className="sync-bar__progress">
          <div
            role="progressbar"
            aria-label={`${running.action} progress`}
            aria-valuemin={0}
            aria-valuemax={100}
            {...(running.progress.fraction !== undefined
              ? { 'aria-valuenow': Math.round(running.progress.fraction * 100) }
              : {})}
            aria-valuetext={running.progress.step}
            className="sync-bar__bar"
          >
            <div
              className={
                running.progress.fraction === undefined ? 'sync-bar__fill indeterminate' : 'sync-bar__fill'
              }
              style={{ width: `${Math.round((running.progress.fraction ?? 0.3) * 100)}%` }}
            />
          </div>
          <span className="muted">{running.progress.step}</span>
        </div>
      )}
      {twice && (
        <p className="inline-error sync-bar__error" role="alert" aria-label="Keys defined twice">
          {twice}{' '}
          <button type="button" onClick={() => setTwice(undefined)}>
            Cancel
          </button>
          <button type="button" onClick={() => void checkLinksFirst(true)}>
            Push anyway
          </button>
        </p>
      )}
      {unpointed && (
        <p className="inline-error sync-bar__error" role="alert" aria-label="Links to point before pushing">
          {unpointed.links.length === 1
            ? '1 link still points'
            : `${unpointed.links.length} links still point`}{' '}
          at a key renamed after a merge: {unpointed.links.slice(0, 3).join('; ')}
          {unpointed.links.length > 3 ? '; …' : ''}. Teammates who pull will read{' '}
          {unpointed.links.length === 1 ? 'it' : 'them'} as the other {unpointed.other}. Point or keep{' '}
          {unpointed.links.length === 1 ? 'it' : 'them'} below first.
          <button type="button" onClick={() => setUnpointed(undefined)}>
            Cancel
          </button>
          <button type="button" onClick={() => void run('Push')}>
            Push anyway
          </button>
        </p>
      )}
      {failure && (
        <p className="inline-error sync-bar__error" role="alert">
          {failure.message}
          {failure.pullFirst && (
            <button type="button" onClick={() => void run('Pull')}>
              Pull now
            </button>
          )}
        </p>
      )}
    </div>
  );
}

const addRemote = 'git remote add origin <address>';

/** How to get Pull and Push: the one git command, to run in a terminal with the remote's address. */
function NoRemoteHint() {
  const [copied, setCopied] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (copied === undefined) return;
    const timer = window.setTimeout(() => setCopied(undefined), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);
  return (
    <p className="muted sync-bar__hint">
      To share this workspace, run <code>{addRemote}</code> in a terminal in this folder, with the address of
      an empty repository on GitHub, GitLab or a shared drive; Pull and Push then work.{' '}
      <button
        type="button"
        className="subtle-link"
        onClick={() => void writeClipboard(addRemote).then(setCopied)}
      >
        <span aria-live="polite">
          {copied === true ? 'Command copied' : copied === false ? 'Copy failed' : 'Copy command'}
        </span>
      </button>
    </p>
  );
}
