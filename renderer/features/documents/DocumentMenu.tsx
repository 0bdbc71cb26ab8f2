/** The document header's Document actions button and its menu (Move to folder…, Archive, Delete). */
import { useCallback, useState } from 'react';
import { DocumentActionsMenu } from './DocumentActionsMenu.js';

export function DocumentMenu({ path, archived }: { path: string; archived: boolean }) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const close = useCallback(() => setOpen(false), []);
  return (
    <div className="document-menu">
      <button
        type="button"
        className="button subtle"
        aria-haspopup="menu"
        aria-expanded={open}
        onMouseDown={(event) => open && event.stopPropagation()}
        onClick={() => setOpen((value) => !value)}
      >
        Document actions
      </button>
      {open && <DocumentActionsMenu path={path} archived={archived} onClose={close} onProblem={setProblem} />}
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
