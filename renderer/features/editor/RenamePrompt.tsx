/**
 * Asked before a document titled by its file name is renamed, when the rename would change links:
 * the links to it by its old name (update them too, or not), and the `[[Name]]` links the new name
 * would take from another note of that name (keep them pointing where they did, written in path form,
 * or let them lead to this note). Nothing is written until a button is pressed, and then in one save.
 */
import { useState } from 'react';
import type { NamesakeView } from '../../../shared/contract/apiContract.js';
import type { RenameByName } from '../../workbench/documentLifecycle.js';
import { NamesakeChoice } from '../../ui/NamesakeChoice.js';
import { plural } from '../../../shared/model/plural.js';

export interface PendingRename {
  name: string;
  /** Links to the document by its current name, and the documents holding them. */
  links: number;
  documents: number;
  namesake?: NamesakeView;
}

export function RenamePrompt({
  current,
  pending,
  rename,
  cancel,
}: {
  current: string;
  pending: PendingRename;
  rename: (request: RenameByName) => void;
  cancel: () => void;
}) {
  const [keep, setKeep] = useState(true);
  const { name, links, documents, namesake } = pending;
  const choice = namesake ? { namesake: keep ? ('keep' as const) : ('move' as const) } : {};
  return (
    <div
      className="rename-links"
      role="alertdialog"
      aria-label={links > 0 ? 'Update links' : `Rename to ${name}`}
    >
      {links > 0 && (
        <p>
          {plural(links, 'link')} in {plural(documents, 'document')} {links === 1 ? 'points' : 'point'} to “
          {current}”. Rename to “{name}” and update {links === 1 ? 'it' : 'them'}?
        </p>
      )}
      {namesake && (
        <NamesakeChoice
          change={`Renaming “${current}” to “${name}”`}
          leadTo={name}
          namesake={namesake}
          keep={keep}
          setKeep={setKeep}
        />
      )}
      <div className="rename-links-actions">
        {links > 0 ? (
          <>
            <button
              type="button"
              className="button primary"
              onClick={() => rename({ name, updateLinks: true, ...choice })}
            >
              Rename and update links
            </button>
            <button
              type="button"
              className="button"
              onClick={() => rename({ name, updateLinks: false, ...choice })}
            >
              Rename only
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button primary"
            onClick={() => rename({ name, updateLinks: false, ...choice })}
          >
            Rename
          </button>
        )}
        <button type="button" className="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
