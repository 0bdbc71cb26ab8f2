/**
 * The document's title. A document with `title:` front matter edits that field (and its file follows
 * the title's slug); a document titled by its file name — a note in a vault, a README — edits the
 * name itself: leaving the field renames the file, and when other documents link to it by name
 * (`[[Old name]]`, `[text](Old%20name.md)`) it asks first whether to update those links too, and when
 * the new name would take `[[Name]]` links from another note, whether they keep pointing there.
 * A rename the user made here is offered back with Undo (not the first title of a new document).
 * An empty title is refused; a long one wraps; a title whose file name is taken says which name it got.
 * A new document's placeholder title ("Untitled spec") shows as the field's placeholder, not as text to
 * type after: the field is empty, and a document left so keeps that title.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { DocumentType } from '../../../shared/model/documentModel.js';
import { fileTitle } from '../../../shared/model/documentTitle.js';
import type { RenameByName } from '../../workbench/documentLifecycle.js';
import { RenamePrompt, type PendingRename } from './RenamePrompt.js';
import { useRenameUndo } from './useRenameUndo.js';
import { oneLine, shownTitle, takenName, titleRefusal, untitledTitle } from './titleRules.js';

interface TitleFieldProps {
  api: SpecbenchApi;
  path: string;
  type: DocumentType;
  fields: Record<string, unknown>;
  writable: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  /** Whether a workspace path holds a document (to say which name a colliding title could not have). */
  exists: (path: string) => boolean;
  setFields: (fields: Record<string, unknown>) => void;
  rename: (byName?: RenameByName) => Promise<string | undefined>;
  /** The document's path this moment, which a rename changes before this field's `path` follows. */
  currentPath: () => string;
  onEnter: () => void;
}

export function TitleField({
  api,
  path,
  type,
  fields,
  writable,
  inputRef,
  exists,
  setFields,
  rename,
  currentPath,
  onEnter,
}: TitleFieldProps) {
  const byName = typeof fields.title !== 'string';
  const name = fileTitle(path);
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState<PendingRename | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const title = byName ? name : String(fields.title);
  // A document opened untitled may be emptied again while it is named: it is then untitled again.
  const [untitled, setUntitled] = useState<{ path: string; title: string } | undefined>(undefined);
  const openedUntitled = untitled?.path === path ? untitled.title : undefined;
  if (!byName && untitled?.path !== path && title === untitledTitle(type)) setUntitled({ path, title });
  const titleRef = useRef(title);
  titleRef.current = title;
  const previousPath = useRef(path);
  const existsRef = useRef(exists);
  existsRef.current = exists;
  // Read after an awaited rename, when this render's editor may be gone.
  const onEnterRef = useRef(onEnter);
  onEnterRef.current = onEnter;
  // The title the file name was made from, taken when the field gets focus (Undo puts it back).
  const titleBefore = useRef(title);
  const renameUndo = useRenameUndo({
    currentPath,
    path,
    title,
    rename,
    setFields,
    failed: setProblem,
  });

  useEffect(() => {
    setDraft(undefined);
    setPending(undefined);
    // A rename after the title: if its file name was taken, say which name this one got instead.
    if (previousPath.current !== path && !byName) {
      const taken = takenName(path, titleRef.current, existsRef.current);
      setNotice(taken && `${taken} is another document's, so this one is saved as ${path}.`);
    }
    previousPath.current = path;
  }, [path, byName]);

  function change(value: string): void {
    value = oneLine(value);
    setNotice(undefined);
    if (openedUntitled !== undefined && value.trim() === '') {
      setProblem(undefined);
      setDraft(undefined);
      if (title !== openedUntitled) setFields({ title: openedUntitled });
      return;
    }
    const refusal = titleRefusal(type, value);
    setProblem(refusal);
    // An empty title stays a draft here: the file keeps its last title until a real one is typed.
    if (byName || refusal) setDraft(value);
    else {
      setDraft(undefined);
      setFields({ title: value });
    }
  }

  async function renameTo(request: RenameByName): Promise<void> {
    setPending(undefined);
    const failure = await renameUndo.renameOffering(request);
    setProblem(failure);
    if (!failure) setDraft(undefined);
  }

  async function leave(): Promise<void> {
    if (draft !== undefined && titleRefusal(type, draft)) {
      // The title is back, so nothing is wrong any more: say what happened, not in red.
      setDraft(undefined);
      setProblem(undefined);
      setNotice(`${titleRefusal(type, draft)} It is still “${title}”.`);
      return;
    }
    if (!byName) {
      // A new document's first title names its file: that is its creation, not a rename to undo.
      if (titleBefore.current === untitledTitle(type)) await rename();
      else await renameUndo.renameOffering(undefined, titleBefore.current);
      return;
    }
    const wanted = draft?.trim();
    if (wanted === undefined || wanted === name) {
      setDraft(undefined);
      return;
    }
    const [linking, { namesake }] = await Promise.all([
      api.linksToName({ path }),
      api.namesakePreview({ path, name: wanted }),
    ]);
    if (linking.length === 0 && !namesake) return renameTo({ name: wanted, updateLinks: false });
    setPending({
      name: wanted,
      links: linking.reduce((sum, item) => sum + item.count, 0),
      documents: linking.length,
      ...(namesake ? { namesake } : {}),
    });
  }

  return (
    <>
      {/* The page's one level-one heading is the title, edited in place. */}
      <h1 className="title-heading">
        {/* A text area so a long title wraps; it stays one line (Enter moves to the body). */}
        <textarea
          ref={inputRef}
          className="title-input"
          aria-label="Title"
          aria-invalid={problem ? true : undefined}
          placeholder={openedUntitled ?? 'Untitled'}
          rows={1}
          dir="auto"
          spellCheck
          value={draft ?? (byName ? title : shownTitle(type, title))}
          readOnly={!writable || pending !== undefined}
          onChange={(event) => change(event.target.value)}
          onFocus={() => {
            titleBefore.current = title;
          }}
          onBlur={() => void leave()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              onEnter();
            } else if (event.key === 'Escape' && (byName || draft !== undefined)) {
              setDraft(undefined);
              setProblem(undefined);
            }
          }}
        />
      </h1>
      {byName && writable && draft === undefined && !problem && (
        <p className="title-hint">Titled by its file name: a new title renames the file.</p>
      )}
      {notice && !problem && (
        <p className="title-hint" role="status">
          {notice}
        </p>
      )}
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      {renameUndo.notice}
      {pending && (
        <RenamePrompt
          current={name}
          pending={pending}
          rename={(request) => {
            // The bar's button has focus and goes: writing goes on in the body at once, as after Enter
            // (walk11h: keys typed while the rename ran were lost), and again if the rename took it away.
            onEnter();
            void renameTo(request).then(() => {
              if (!document.activeElement || document.activeElement === document.body) onEnterRef.current();
            });
          }}
          cancel={() => {
            setPending(undefined);
            setDraft(undefined);
            onEnter();
          }}
        />
      )}
    </>
  );
}
