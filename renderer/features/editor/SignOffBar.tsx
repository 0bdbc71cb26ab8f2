/**
 * Sign-off in the document header: a spec's latest approval (and whether its requirements changed
 * since) with Approve; a story's review against its requirements with Mark reviewed, and its links
 * written for a copy renamed after a merge.
 */
import { useCallback, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import type { DocumentEntry } from '../../../shared/model/documentModel.js';
import { approvalState, reviewStamps, suspectLinks } from '../../../shared/model/signOff.js';
import { markReviewedWithUndo, useReviewedNotice } from '../../workbench/reviewedNotice.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { ApproveDialog } from './ApproveDialog.js';
import { ApprovedChanges } from './ApprovedChanges.js';
import { ReviewedChanges } from './ReviewedChanges.js';
import { RekeyedLinkNotice } from './RekeyedLinkNotice.js';
import './signOff.css';

interface SignOffBarProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  entry: DocumentSummary;
  fields: Record<string, unknown>;
  writable: boolean;
  /** Saves pending edits first, so the stamp lands on the text the user sees. */
  saveFirst: () => Promise<unknown>;
  /** The stamp was written to the file: the open editor reads it back. */
  reload: () => void;
}

export function SignOffBar({ api, workspace, entry, fields, writable, saveFirst, reload }: SignOffBarProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const stamped = useCallback(() => {
    reload();
    void workspace.update({ paths: [entry.path] });
  }, [reload, workspace, entry.path]);
  // Mark reviewed says what it marked, with Undo: the same notice as the story page's.
  const reviewed = useReviewedNotice(stamped);
  const act = async (call: () => Promise<{ ok: boolean; message?: string }>) => {
    setBusy(true);
    await saveFirst();
    const result = await call();
    setBusy(false);
    setError(result.ok ? undefined : result.message);
    if (result.ok) stamped();
  };

  if (entry.type === 'spec') {
    const state = approvalState({
      requirements: entry.requirements as DocumentEntry['requirements'],
      fields,
    });
    const approve = () => void act(() => api.approveDocument({ path: entry.path }));
    return (
      <>
        <div
          className={state?.changedSince ? 'sign-off sign-off--stale' : 'sign-off'}
          role="group"
          aria-label="Sign-off"
        >
          <span>
            {state
              ? `Approved by ${state.latest.by}${state.latest.at ? ` on ${state.latest.at.slice(0, 10)}` : ''}`
              : 'Not approved yet'}
            {state?.changedSince && <strong> · requirements changed since approval</strong>}
            {state && !state.changedSince && <span className="muted"> · nothing changed since</span>}
          </span>
          {/* A current approval has nothing new to sign: Approve again only once something changed. */}
          {writable && (!state || state.changedSince) && (
            <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
              {state ? 'Approve again' : 'Approve'}
            </button>
          )}
          {busy && (
            <span className="muted" role="status" aria-label="Sign-off progress">
              Saving…
            </span>
          )}
          {error && <span className="form-error">{error}</span>}
        </div>
        {confirming && (
          <ApproveDialog
            api={api}
            path={entry.path}
            title={entry.key ?? entry.title}
            {...(state
              ? {
                  since: `by ${state.latest.by}${state.latest.at ? ` on ${state.latest.at.slice(0, 10)}` : ''}`,
                }
              : typeof fields.status === 'string'
                ? { status: fields.status }
                : {})}
            revision={workspace.revision}
            onCancel={() => setConfirming(false)}
            onApprove={() => {
              setConfirming(false);
              approve();
            }}
          />
        )}
        {/* Which requirements changed and how, so the approver sees it before approving again. */}
        {state?.changedSince && <ApprovedChanges api={api} path={entry.path} revision={workspace.revision} />}
      </>
    );
  }
  if (entry.type !== 'story') return null;
  // A link written for a copy renamed after a merge: the same notice as the story's Engineer view.
  const rekeyed = <RekeyedLinkNotice findings={workspace.findings} path={entry.path} />;
  if (entry.implements.length === 0) return rekeyed;
  const requirementOf = (key: string) =>
    workspace.requirementOwner.get(key)?.requirements.find((requirement) => requirement.key === key);
  const suspects = suspectLinks({ ...entry, fields }, requirementOf).map((suspect) => suspect.requirement);
  const stamps = reviewStamps(fields);
  const unreviewed = entry.implements.filter((key) => !stamps.has(key) && requirementOf(key));
  const markReviewed = () =>
    void act(async () => {
      const keys = suspects.length > 0 ? suspects : unreviewed;
      const result = await markReviewedWithUndo(api, entry.path, entry.key ?? entry.title, keys);
      if (result.ok) reviewed.show(result.reviewed);
      return result;
    });
  return (
    <>
      {rekeyed}
      <div
        className={suspects.length > 0 ? 'sign-off sign-off--stale' : 'sign-off'}
        role="group"
        aria-label="Sign-off"
      >
        <span>
          {suspects.length > 0
            ? `${suspects.join(', ')} changed since this story was reviewed`
            : unreviewed.length > 0
              ? `Not reviewed against ${unreviewed.join(', ')} yet`
              : `Reviewed against ${entry.implements.join(', ')} as they are now`}
        </span>
        {writable && (suspects.length > 0 || unreviewed.length > 0) && (
          <button type="button" disabled={busy} onClick={markReviewed}>
            Mark reviewed
          </button>
        )}
        {error && <span className="form-error">{error}</span>}
      </div>
      {/* What changed, so the reviewer sees it before marking the story reviewed. */}
      {suspects.length > 0 && <ReviewedChanges api={api} path={entry.path} revision={workspace.revision} />}
      {reviewed.notice}
    </>
  );
}
