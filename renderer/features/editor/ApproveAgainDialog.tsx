/**
 * The confirm step of Approve again on a spec whose requirements changed since its last approval:
 * the approver reads what changed (added, removed, reworded, given a new key) before signing it.
 */
import { useId } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { useModalDialog } from '../../ui/useModalDialog.js';
import { ApprovedChanges } from './ApprovedChanges.js';

interface ApproveAgainDialogProps {
  api: SpecbenchApi;
  path: string;
  title: string;
  /** Who approved last, and when: what the changes are measured against. */
  since: string;
  revision: number;
  onApprove: () => void;
  onCancel: () => void;
}

export function ApproveAgainDialog(props: ApproveAgainDialogProps) {
  const dialog = useModalDialog(true, props.onCancel);
  const titleId = useId();
  return (
    <dialog
      ref={dialog.ref}
      className="confirm-dialog approve-again-dialog"
      aria-labelledby={titleId}
      onClick={dialog.onBackdropClick}
    >
      <h2 id={titleId}>Approve {props.title} again?</h2>
      <p>
        Its requirements changed since the approval {props.since}. Approving records your name and the
        requirements as they are now.
      </p>
      <ApprovedChanges api={props.api} path={props.path} revision={props.revision} />
      <div className="confirm-dialog__actions">
        <button type="button" onClick={props.onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="primary" onClick={props.onApprove}>
          Approve with these changes
        </button>
      </div>
    </dialog>
  );
}
