/**
 * A document's Export…, Move to folder…, Archive (or Unarchive) and Delete, as a menu that turns into the folder
 * field when moving. The header's Document actions button and the navigator's right-click both show it;
 * the command palette has the same three for the open document.
 */
import { useContext, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { DocumentSessionsContext } from '../../workbench/documentSessions.js';
import { useWorkspace } from '../../workbench/workspaceState.js';
import { ExportRequestsContext } from '../../workbench/exportRequests.js';
import { documentFolders } from '../../workbench/documentFolders.js';
import { SuggestField } from '../../ui/SuggestField.js';
import { NamesakeChoice } from '../../ui/NamesakeChoice.js';
import type { NamesakeView } from '../../../shared/contract/apiContract.js';
import { plural } from '../../../shared/model/plural.js';
import './documentActions.css';

interface DocumentActionsMenuProps {
  path: string;
  archived: boolean;
  /** Closes the menu (chosen, Escape, or a click outside); a problem stays shown by the caller. */
  onClose: () => void;
  onProblem: (message: string | undefined) => void;
  /** Where it floats: under the header button by default, at the pointer for a right-click. */
  style?: CSSProperties;
}

/** The suggestion that stands for the top folder (an empty box means it too). */
const topFolder = '/ (top folder)';

/** A typed or chosen folder without its leading and trailing slashes ('' is the top folder). */
const bare = (folder: string) => (folder === topFolder ? '' : folder.replace(/^\/+|\/+$/g, ''));

/** "2 links in 2 notes will be updated". */
function updatesLine({ links, notes }: { links: number; notes: number }): string {
  return `${plural(links, 'link')} in ${plural(notes, 'note')} will be updated`;
}

export function DocumentActionsMenu({ path, archived, onClose, onProblem, style }: DocumentActionsMenuProps) {
  const documents = useContext(DocumentSessionsContext);
  const exportDocument = useContext(ExportRequestsContext);
  const workspace = useWorkspace();
  const [folder, setFolder] = useState<string | undefined>(undefined);
  /** The move would take `[[Name]]` links from a namesake: asked first, as a rename asks. */
  const [asking, setAsking] = useState<{ folder: string; namesake: NamesakeView } | undefined>(undefined);
  const [keep, setKeep] = useState(true);
  /** The folder has a note of this name: the name to take there instead (asked before anything is written). */
  const [rename, setRename] = useState<string | undefined>(undefined);
  const menu = useRef<HTMLDivElement>(null);
  const current = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  const name = fileName.replace(/\.md$/i, '');
  const folders = useMemo(
    () => [
      ...(current === '' ? [] : [topFolder]),
      ...documentFolders(workspace.documents.map((entry) => entry.path)).filter((name) => name !== current),
    ],
    [workspace.documents, current],
  );
  /** What the move to the folder in the box would rewrite, asked as the box changes. */
  const [updates, setUpdates] = useState<{ folder: string; links: number; notes: number } | undefined>();

  useEffect(() => {
    if (folder === undefined || !documents || bare(folder) === current) return;
    let stale = false;
    const asked = bare(folder);
    const timer = setTimeout(() => {
      void documents.linksOfMove(path, asked).then((found) => {
        if (!stale) setUpdates(found && { folder: asked, ...found });
      });
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [documents, path, folder, current]);

  useEffect(() => {
    if (folder === undefined) menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [onClose, folder]);

  async function run(action: () => Promise<string | undefined>) {
    onClose();
    onProblem(await action());
  }

  async function move(choice: string) {
    if (!documents) return;
    const chosen = bare(choice);
    if (rename !== undefined) return run(() => documents.move(path, chosen, undefined, rename.trim()));
    if (taken(chosen)) return setRename(`${name} 2`);
    if (asking?.folder === chosen) return run(() => documents.move(path, chosen, keep ? 'keep' : 'move'));
    const namesake = await documents.namesakeOfMove(path, chosen);
    if (!namesake) return run(() => documents.move(path, chosen));
    setKeep(true);
    setAsking({ folder: chosen, namesake });
  }

  function taken(chosen: string): boolean {
    const there = bare(chosen);
    const target = (there === '' ? fileName : `${there}/${fileName}`).toLowerCase();
    return there !== current && workspace.documents.some((entry) => entry.path.toLowerCase() === target);
  }

  if (!documents) return null;
  return (
    <div ref={menu} className="document-menu-list" style={style}>
      {folder !== undefined ? (
        <form
          className="move-form"
          aria-label="Move to folder"
          onSubmit={(event) => {
            event.preventDefault();
            void move(folder);
          }}
        >
          <span className="move-form-caption">Move {fileName} to folder</span>
          <SuggestField
            label="Folder"
            listLabel="Folders"
            value={folder}
            onChange={(value) => {
              setAsking(undefined);
              setRename(undefined);
              setFolder(value);
            }}
            suggestions={folders}
            onSubmit={(chosen) => void move(chosen)}
            onEscape={onClose}
          />
          {rename !== undefined && (
            <label className="move-form-rename">
              <span role="alert">
                {bare(folder) === '' ? 'The top folder' : `${bare(folder)}/`} already has a note named “{name}
                ”. Move it under another name:
              </span>
              <input
                aria-label="New name"
                value={rename}
                autoFocus
                onChange={(event) => setRename(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') onClose();
                }}
              />
            </label>
          )}
          {folder !== undefined && updates?.folder === bare(folder) && updates.links > 0 && (
            <p className="move-form-updates" role="status">
              {updatesLine(updates)}
            </p>
          )}
          {asking && (
            <NamesakeChoice
              change={`Moving “${name}” to ${asking.folder === '' ? 'the top folder' : `${asking.folder}/`}`}
              leadTo={name}
              namesake={asking.namesake}
              keep={keep}
              setKeep={setKeep}
            />
          )}
          <span className="move-form-buttons">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button primary">
              Move
            </button>
          </span>
        </form>
      ) : (
        <div
          role="menu"
          aria-label="Document actions"
          className="document-menu-items"
          onKeyDown={(event) => {
            const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[role=menuitem]'));
            const at = items.indexOf(document.activeElement as HTMLElement);
            if (event.key === 'Escape' || event.key === 'Tab') onClose();
            else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
            else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
            else return;
            event.preventDefault();
          }}
        >
          {exportDocument && (
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                onClose();
                exportDocument(path);
              }}
            >
              Export…
            </button>
          )}
          <button type="button" role="menuitem" onClick={() => setFolder(current)}>
            Move to folder…
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => void run(() => documents.archive(path, !archived))}
          >
            {archived ? 'Unarchive' : 'Archive'}
          </button>
          <button
            type="button"
            role="menuitem"
            className="danger"
            onClick={() => void run(() => documents.trash(path))}
          >
            Delete
          </button>
        </div>
      )}
    </div>
  );
}
