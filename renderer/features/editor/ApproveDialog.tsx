/**
 * The confirm step of Approve: on a first approval, who signs and the status it sets; on a spec whose
 * requirements changed since its last approval, what changed (added, removed, reworded, given a new
 * key), so the approver reads it before signing.
 */
import { useId } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { useModalDialog } from '../../ui/useModalDialog.js';
import { useGitState } from '../../workbench/gitState.js';
import { ApprovedChanges } from './ApprovedChanges.js';

interface ApproveDialogProps {
  api: SpecbenchApi;
  path: string;
  title: string;
  /** Who approved last, and when: what the changes are measured against. None on a first approval. */
  since?: string;
  /** The spec's status now, which approving sets to `approved`. */
  status?: string;
  revision: number;
  onApprove: () => void;
  onCancel: () => void;
}

/** "This signs it as Dana PM and sets its status from draft to approved." */
export function firstApprovalText(signer: string | undefined, status: string | undefined): string {
  const signs = signer ? `This signs it as ${signer}` : 'This signs it with your git name';
  return status === 'approved'
    ? `${signs}.`
    : status
      ? `${signs} and sets its status from ${status} to approved.`
      : `${signs} and sets its status to approved.`;
}

export function ApproveDialog(props: ApproveDialogProps) {
  const dialog = useModalDialog(true, props.onCancel);
  const titleId = useId();
  const { api, since } = props;
  // The git name the Changes panel already read (again on window focus, after a name is set there).
  const signer = useGitState().status?.user?.name;
  return (
    <dialog
      ref={dialog.ref}
      className="confirm-dialog approve-again-dialog"
      aria-labelledby={titleId}
      onClick={dialog.onBackdropClick}
    >
      <h2 id={titleId}>{since ? `Approve ${props.title} again?` : `Approve ${props.title}?`}</h2>
      {since ? (
        <>
          <p>
            Its requirements changed since the approval {since}. Approving records your name and the
            requirements as they are now.
          </p>
          <ApprovedChanges api={api} path={props.path} revision={props.revision} />
        </>
      ) : (
        <p>{firstApprovalText(signer, props.status)}</p>
      )}
      <div className="confirm-dialog__actions">
        <button type="button" onClick={props.onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="primary" onClick={props.onApprove}>
          {since ? 'Approve with these changes' : 'Approve'}
        </button>
      </div>
    </dialog>
  );
}
