/** The document header's actions: Move to folder…, Archive (or Unarchive), Delete — with the palette's twins. */
import { useContext, useEffect, useRef, useState } from 'react';
import { DocumentSessionsContext } from '../../workbench/documentSessions.js';

interface DocumentMenuProps {
  path: string;
  archived: boolean;
  /** Folders of the workspace, offered when moving. */
  folders: readonly string[];
}

export function DocumentMenu({ path, archived, folders }: DocumentMenuProps) {
  const documents = useContext(DocumentSessionsContext);
  const [open, setOpen] = useState(false);
  const [moving, setMoving] = useState(false);
  const [folder, setFolder] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const menu = useRef<HTMLDivElement>(null);
  const current = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    const close = (event: MouseEvent) => {
      if (!menu.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  async function run(action: () => Promise<string | undefined> | undefined) {
    setOpen(false);
    setProblem((await action()) ?? undefined);
  }

  if (!documents) return null;
  return (
    <div className="document-menu">
      <button
        type="button"
        className="button subtle"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        Document actions
      </button>
      {open && (
        <div
          ref={menu}
          role="menu"
          aria-label="Document actions"
          className="document-menu-list"
          onKeyDown={(event) => {
            const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? []);
            const at = items.indexOf(document.activeElement as HTMLElement);
            if (event.key === 'Escape') setOpen(false);
            else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
            else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
            else return;
            event.preventDefault();
          }}
        >
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              setFolder(current);
              setMoving(true);
            }}
          >
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
      {moving && (
        <form
          className="move-form"
          aria-label="Move to folder"
          onSubmit={(event) => {
            event.preventDefault();
            setMoving(false);
            void run(() => documents.move(path, folder));
          }}
        >
          <input
            autoFocus
            aria-label="Folder"
            list="document-folders"
            value={folder}
            onChange={(event) => setFolder(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setMoving(false)}
          />
          <datalist id="document-folders">
            {folders.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <button type="submit" className="button primary">
            Move
          </button>
          <button type="button" className="button" onClick={() => setMoving(false)}>
            Cancel
          </button>
        </form>
      )}
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
