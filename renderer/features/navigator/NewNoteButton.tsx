/** "New note" in the sidebar: asks for the note's title, which names its file, then creates and opens it. */
import { useState } from 'react';
import { newNoteLabel } from '../../workbench/createDocument.js';

export function NewNoteButton({
  folder,
  create,
}: {
  /** Where the note goes ('' is the root), said in the form. */
  folder: string;
  create: (title: string) => Promise<{ ok: true } | { ok: false; message: string }>;
}) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const close = () => {
    setOpen(false);
    setTitle('');
    setError(undefined);
  };
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        New note
      </button>
    );
  return (
    <form
      className="new-note-form"
      aria-label="New note"
      onSubmit={(event) => {
        event.preventDefault();
        void create(title).then((result) => (result.ok ? close() : setError(result.message)));
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <label>
        {newNoteLabel(folder)}
        <input autoFocus value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <button type="submit" disabled={title.trim() === ''}>
        Create
      </button>
      <button type="button" onClick={close}>
        Cancel
      </button>
      {error && (
        <p role="alert" className="inline-error">
          Not created: {error}
        </p>
      )}
    </form>
  );
}
