/** Delete… on a roadmap item page: asks first, saying which notes lose their link and which documents link to it. */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { RoadmapItem } from '../../../shared/model/roadmapModel.js';
import { plural } from '../../ui/plural.js';
import { useModalDialog } from '../../ui/useModalDialog.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { deleteItem, type DeletedItem } from './itemRemoval.js';

interface DeleteItemButtonProps {
  api: SpecbenchApi;
  item: RoadmapItem;
  workspace: WorkspaceState;
  onDeleted: (deleted: DeletedItem) => void;
}

export function DeleteItemButton({ api, item, workspace, onDeleted }: DeleteItemButtonProps) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [linking, setLinking] = useState<string[] | undefined>(undefined);
  const dialog = useModalDialog(asking, () => setAsking(false));
  const notes = workspace.documents.filter(
    (entry) => entry.type === 'feedback' && entry.about.includes(item.key),
  );
  useEffect(() => {
    if (!asking) return;
    let cancelled = false;
    void api.getLinks({ key: item.key }).then((links) => {
      if (!cancelled) setLinking([...new Set(links.incoming.map((link) => link.path))]);
    });
    return () => {
      cancelled = true;
    };
  }, [api, asking, item.key]);

  async function remove() {
    const result = await deleteItem(api, item, workspace.roadmap);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setAsking(false);
    await workspace.update({ roadmap: true, paths: result.deleted.unlinked });
    onDeleted(result.deleted);
  }

  const documents = (linking ?? []).filter((path) => !notes.some((note) => note.path === path));
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          setError(undefined);
          setAsking(true);
        }}
      >
        Delete…
      </button>
      <dialog
        ref={dialog.ref}
        className="confirm-dialog"
        aria-labelledby="delete-item-title"
        onClick={dialog.onBackdropClick}
      >
        {asking && (
          <>
            <h2 id="delete-item-title">
              Delete {item.key} {item.title}?
            </h2>
            <p>
              The item is removed from roadmap.json.
              {notes.length > 0 &&
                ` ${plural(notes.length, 'feedback note')} ${notes.length === 1 ? 'loses its' : 'lose their'} link to it; a note left with no link goes back to the inbox.`}{' '}
              Undo puts everything back.
            </p>
            {documents.length > 0 && (
              <p className="form-error">
                {documents.length === 1 ? '1 document links' : `${documents.length} documents link`} to{' '}
                {item.key} ({documents.slice(0, 3).join(', ')}
                {documents.length > 3 ? ', …' : ''}): {documents.length === 1 ? 'that link' : 'those links'}{' '}
                will break.
              </p>
            )}
            {error && (
              <p role="alert" className="form-error">
                {error}
              </p>
            )}
            <div className="confirm-dialog__actions">
              <button type="button" onClick={() => setAsking(false)} autoFocus>
                {error ? 'Close' : 'Keep it'}
              </button>
              {!error && (
                <button type="button" className="danger" onClick={() => void remove()}>
                  Delete {item.key}
                </button>
              )}
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
