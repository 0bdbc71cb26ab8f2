/** What a roadmap item's page shows once the item is deleted: what went, and Undo, which puts all of it back. */
import { useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { HashLink } from '../../ui/HashLink.js';
import { plural } from '../../../shared/model/plural.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { restoreItem, type DeletedItem } from './itemRemoval.js';

interface DeletedItemNoticeProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  deleted: DeletedItem;
  /** Undo has started; on a refusal the notice stays to say what was not put back. */
  onUndo: () => void;
  onRestored: () => void;
}

export function DeletedItemNotice({
  api,
  workspace,
  navigate,
  deleted,
  onUndo,
  onRestored,
}: DeletedItemNoticeProps) {
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const { item, unlinked } = deleted;

  async function undo() {
    setBusy(true);
    onUndo();
    const problem = await restoreItem(api, deleted);
    await workspace.update({ roadmap: true, paths: unlinked });
    setBusy(false);
    if (problem) setError(`Not put back: ${problem}`);
    else onRestored();
  }

  return (
    <>
      <h1 className="view__title">Deleted {item.key}</h1>
      <p role="status" className="view__subtitle">
        “{item.title}” is no longer on the roadmap
        {unlinked.length > 0 &&
          `; ${plural(unlinked.length, 'feedback note')} no longer ${unlinked.length === 1 ? 'names' : 'name'} it`}
        .
      </p>
      <p className="roadmap-item__deleted-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void undo()}>
          Undo
        </button>
        <HashLink hash="#/roadmap" navigate={navigate}>
          Back to the roadmap
        </HashLink>
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </>
  );
}
