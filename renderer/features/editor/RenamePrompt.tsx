/**
 * Asked before a document titled by its file name is renamed, when the rename would change links:
 * the links to it by its old name (update them too, or not), and the `[[Name]]` links the new name
 * would take from another note of that name (keep them pointing where they did, written in path form,
 * or let them lead to this note). Nothing is written until a button is pressed, and then in one save.
 */
import { useState } from 'react';
import type { NamesakeView } from '../../../shared/contract/apiContract.js';
import type { RenameByName } from '../../workbench/documentLifecycle.js';
import { plural } from '../../ui/plural.js';

export interface PendingRename {
  name: string;
  /** Links to the document by its current name, and the documents holding them. */
  links: number;
  documents: number;
  namesake?: NamesakeView;
}

/** What the prompt says of the links a new name would take from a namesake. */
export function takeoverQuestion(current: string, namesake: NamesakeView): string {
  const { name, now, ambiguous, was, files } = namesake;
  const target = was.length === 1 ? was[0]! : 'the notes they lead to';
  const links = `[[${name}]] links in ${plural(files.length, 'note')} lead to ${target}.`;
  const renaming = `Renaming “${current}” to “${name}”`;
  return ambiguous
    ? `${links} ${renaming} would make them ambiguous: they would open ${now}, the first by path.`
    : `${links} ${renaming} would let it take them over: it is nearer the workspace root.`;
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
  const was = namesake && (namesake.was.length === 1 ? namesake.was[0]! : 'the notes they lead to now');
  const choice = namesake ? { namesake: keep ? ('keep' as const) : ('move' as const) } : {};
  return (
    <div
      className="rename-links"
      role="alertdialog"
      aria-label={links > 0 ? 'Update links' : `Rename to ${name}`}
    >
      {links > 0 && (
        <p>
          {plural(links, 'link')} in {documents} {documents === 1 ? 'document points' : 'documents point'} to
          “{current}”. Rename to “{name}” and update {links === 1 ? 'it' : 'them'}?
        </p>
      )}
      {namesake && (
        <fieldset className="rename-namesake">
          <legend>{takeoverQuestion(current, namesake)}</legend>
          <label>
            <input type="radio" name="namesake" checked={keep} onChange={() => setKeep(true)} />
            Keep them pointing at {was} (written as [[{namesake.links[0]?.to ?? name}]])
          </label>
          <label>
            <input type="radio" name="namesake" checked={!keep} onChange={() => setKeep(false)} />
            Let them lead to “{name}”
          </label>
        </fieldset>
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
