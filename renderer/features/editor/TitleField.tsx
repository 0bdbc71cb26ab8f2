/**
 * The document's title. A document with `title:` front matter edits that field (and its file follows
 * the title's slug); a document titled by its file name — a note in a vault, a README — edits the
 * name itself: leaving the field renames the file, and when other documents link to it by name
 * (`[[Old name]]`, `[text](Old%20name.md)`) it asks first whether to update those links too.
 */
import { useEffect, useState, type RefObject } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { fileTitle } from '../../../shared/model/documentTitle.js';
import type { RenameByName } from '../../workbench/documentLifecycle.js';

interface TitleFieldProps {
  api: SpecbenchApi;
  path: string;
  fields: Record<string, unknown>;
  writable: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  setFields: (fields: Record<string, unknown>) => void;
  rename: (byName?: RenameByName) => Promise<string | undefined>;
  onEnter: () => void;
}

interface PendingRename {
  name: string;
  links: number;
  documents: number;
}

export function TitleField({
  api,
  path,
  fields,
  writable,
  inputRef,
  setFields,
  rename,
  onEnter,
}: TitleFieldProps) {
  const byName = typeof fields.title !== 'string';
  const name = fileTitle(path);
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState<PendingRename | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    setDraft(undefined);
    setPending(undefined);
  }, [path]);

  async function renameTo(request: RenameByName): Promise<void> {
    setPending(undefined);
    const failure = await rename(request);
    setProblem(failure);
    if (!failure) setDraft(undefined);
  }

  async function leave(): Promise<void> {
    if (!byName) {
      await rename();
      return;
    }
    const wanted = draft?.trim();
    if (wanted === undefined || wanted === '' || wanted === name) {
      setDraft(undefined);
      return;
    }
    const linking = await api.linksToName({ path });
    if (linking.length === 0) return renameTo({ name: wanted, updateLinks: false });
    setPending({
      name: wanted,
      links: linking.reduce((sum, item) => sum + item.count, 0),
      documents: linking.length,
    });
  }

  return (
    <>
      {/* The page's one level-one heading is the title, edited in place. */}
      <h1 className="title-heading">
        <input
          ref={inputRef}
          className="title-input"
          aria-label="Title"
          placeholder="Untitled"
          value={byName ? (draft ?? name) : String(fields.title)}
          readOnly={!writable || pending !== undefined}
          onChange={(event) =>
            byName ? setDraft(event.target.value) : setFields({ title: event.target.value })
          }
          onBlur={() => void leave()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              onEnter();
            } else if (event.key === 'Escape' && byName) {
              setDraft(undefined);
            }
          }}
        />
      </h1>
      {byName && writable && draft === undefined && !problem && (
        <p className="title-hint">Titled by its file name: a new title renames the file.</p>
      )}
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      {pending && (
        <div className="rename-links" role="alertdialog" aria-label="Update links">
          <p>
            {pending.links} {pending.links === 1 ? 'link' : 'links'} in {pending.documents}{' '}
            {pending.documents === 1 ? 'document points' : 'documents point'} to “{name}”. Rename to “
            {pending.name}” and update {pending.links === 1 ? 'it' : 'them'}?
          </p>
          <div className="rename-links-actions">
            <button
              type="button"
              className="button primary"
              onClick={() => void renameTo({ name: pending.name, updateLinks: true })}
            >
              Rename and update links
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void renameTo({ name: pending.name, updateLinks: false })}
            >
              Rename only
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setPending(undefined);
                setDraft(undefined);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </>
  );
}
