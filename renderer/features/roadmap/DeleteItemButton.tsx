/** Delete… on a roadmap item page: asks first, saying which notes lose their link and which documents link to it. */
import { useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { RoadmapItem } from '../../../shared/model/roadmapModel.js';
import { plural } from '../../../shared/model/plural.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { useLinkingDocuments } from '../../workbench/useLinkingDocuments.js';
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
  const linking = useLinkingDocuments(api, item.key, asking);
  const notes = workspace.documents.filter(
    (entry) => entry.type === 'feedback' && entry.about.includes(item.key),
  );

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
      <ConfirmDialog
        open={asking}
        title={`Delete ${item.key} ${item.title}?`}
        breaking={{ key: item.key, paths: documents }}
        {...(error ? { error } : {})}
        confirmLabel={`Delete ${item.key}`}
        onConfirm={() => void remove()}
        onCancel={() => setAsking(false)}
      >
        The item is removed from roadmap.json.
        {notes.length > 0 &&
          ` ${plural(notes.length, 'feedback note')} ${notes.length === 1 ? 'loses its' : 'lose their'} link to it; a note left with no link goes back to the inbox.`}{' '}
        Undo puts everything back.
      </ConfirmDialog>
    </>
  );
}
