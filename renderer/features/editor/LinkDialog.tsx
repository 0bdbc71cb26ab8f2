/**
 * "Add link" (Ctrl/Cmd+K on selected text, or the toolbar's Link): search a spec, story, FAQ,
 * requirement or roadmap item by title or key, or paste a web or mail address.
 */
import type { Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { useCallback, useEffect, useMemo, useState, type ReactNode, type RefObject } from 'react';
import type { QuickSwitchHit, SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { Combobox } from '../../ui/Combobox.js';
import { kindLabels } from '../../ui/kindLabel.js';
import { useModalDialog } from '../../ui/useModalDialog.js';
import {
  applyLink,
  keyLinkProblem,
  linkAt,
  linkRange,
  removeLink,
  webAddress,
  type TextRange,
} from './linkCommands.js';
import './linkDialog.css';

export interface LinkRequest {
  range: TextRange;
  /** The web link the selection is in, to change or remove. */
  href?: string;
  /** Where the selection is on screen: the dialog opens below it, or above when there is no room. */
  left: number;
  top: number;
  bottom: number;
}

interface LinkDialogProps {
  editor: Editor;
  api: SpecbenchApi;
  documents: readonly DocumentSummary[];
  request: LinkRequest | undefined;
  onClose: () => void;
}

type Option = { kind: 'address'; href: string } | { kind: 'key'; hit: QuickSwitchHit & { key: string } };

/** The dialog and what opens it: the toolbar's Link, and Ctrl/Cmd+K on selected text (without one it is the palette's). */
export function useLinkDialog(
  editorRef: RefObject<Editor | null>,
  api: SpecbenchApi,
  documents: readonly DocumentSummary[],
): { open: () => void; onKeyDown: (state: EditorState, event: KeyboardEvent) => boolean; dialog: ReactNode } {
  const [request, setRequest] = useState<LinkRequest | undefined>(undefined);
  const open = useCallback(() => {
    const editor = editorRef.current;
    if (!editor?.isEditable) return;
    const range = linkRange(editor);
    const start = editor.view.coordsAtPos(range.from);
    const end = editor.view.coordsAtPos(range.to);
    setRequest({ range, href: linkAt(editor), left: start.left, top: start.top, bottom: end.bottom });
  }, [editorRef]);
  const close = useCallback(() => setRequest(undefined), []);
  const onKeyDown = useCallback(
    (state: EditorState, event: KeyboardEvent): boolean => {
      const shortcut =
        (event.ctrlKey || event.metaKey) &&
        !event.altKey &&
        !event.shiftKey &&
        event.key.toLowerCase() === 'k';
      if (!shortcut || state.selection.empty) return false;
      event.preventDefault();
      open();
      return true;
    },
    [open],
  );
  const editor = editorRef.current;
  const dialog = editor ? (
    <LinkDialog editor={editor} api={api} documents={documents} request={request} onClose={close} />
  ) : null;
  return { open, onKeyDown, dialog };
}

const width = 480;
const height = 380;

export function LinkDialog({ editor, api, documents, request, onClose }: LinkDialogProps) {
  const dialog = useModalDialog(request !== undefined, onClose);
  useSelectionHighlight(editor, request?.range);
  const below = request && request.bottom + 8 + height <= window.innerHeight;
  const style = request
    ? {
        margin: 0,
        left: Math.max(12, Math.min(request.left, window.innerWidth - width - 12)),
        top: below ? request.bottom + 8 : Math.max(12, request.top - 8 - height),
        width,
      }
    : undefined;
  return (
    <dialog
      ref={dialog.ref}
      className="combobox-dialog link-dialog"
      aria-label="Add link"
      style={style}
      onClick={dialog.onBackdropClick}
    >
      {request && (
        <LinkSearch editor={editor} api={api} documents={documents} request={request} onClose={onClose} />
      )}
    </dialog>
  );
}

function LinkSearch({
  editor,
  api,
  documents,
  request,
  onClose,
}: Omit<LinkDialogProps, 'request'> & { request: LinkRequest }) {
  const [query, setQuery] = useState(request.href ?? '');
  // Answers are kept with their query: Enter must never pick a target found for what was typed before.
  const [found, setFound] = useState<{ query: string; hits: QuickSwitchHit[] } | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const address = webAddress(query);
  const recent = useMemo(() => recentKeyed(documents), [documents]);
  const searching = query.trim() !== '' && found?.query !== query;
  const hits = query.trim() === '' ? recent : searching || !found ? [] : found.hits;

  useEffect(() => {
    if (query.trim() === '') return;
    let current = true;
    api.quickSwitch({ query: query.slice(0, 500), limit: 12 }).then(
      (result) => current && setFound({ query, hits: result }),
      () => current && setFound({ query, hits: [] }),
    );
    return () => {
      current = false;
    };
  }, [api, query]);

  const keyed = hits.filter((hit): hit is QuickSwitchHit & { key: string } => hit.key !== undefined);
  const options: Option[] = [
    ...(address && 'href' in address ? [{ kind: 'address' as const, href: address.href }] : []),
    ...keyed.slice(0, 7).map((hit) => ({ kind: 'key' as const, hit })),
  ];

  const pick = (option: Option) => {
    if (option.kind === 'key') {
      const refused = keyLinkProblem(editor, request.range);
      if (refused) return setProblem(refused);
    }
    onClose();
    applyLink(editor, request.range, option.kind === 'key' ? { key: option.hit.key } : { href: option.href });
  };

  const refusedScheme = address && 'refused' in address ? address.refused : undefined;
  return (
    <>
      <Combobox
        options={options}
        query={query}
        onQueryChange={(value) => {
          setQuery(value);
          setProblem(undefined);
        }}
        onPick={pick}
        optionKey={(option) =>
          option.kind === 'key' ? `key:${option.hit.type}:${option.hit.key}` : 'address'
        }
        optionLabel={(option) =>
          option.kind === 'key' ? `${option.hit.key} ${option.hit.title}` : `Link to ${option.href}`
        }
        renderOption={(option) =>
          option.kind === 'key' ? (
            <>
              <span className={`kind-badge kind-badge--${option.hit.type}`}>
                {kindLabels[option.hit.type]}
              </span>
              <span className="link-dialog__key">{option.hit.key}</span>
              <span className="link-dialog__title">{option.hit.title}</span>
            </>
          ) : (
            <>
              <span className="kind-badge">Web</span>
              <span className="link-dialog__title">Link to {option.href}</span>
            </>
          )
        }
        inputLabel="Link to"
        listLabel="Link targets"
        placeholder="Search specs, stories, requirements… or paste a web address"
        empty={
          refusedScheme
            ? `Links may be http, https or mailto addresses, not ${refusedScheme}:.`
            : searching
              ? 'Searching…'
              : query.trim() === ''
                ? 'No documents with keys yet.'
                : `Nothing matches “${query}”.`
        }
        footer={
          <>
            <kbd>Enter</kbd> to link · <kbd>Esc</kbd> to cancel
          </>
        }
      />
      {problem && (
        <p className="link-dialog__problem" role="alert">
          {problem}
        </p>
      )}
      {request.href !== undefined && (
        <button
          type="button"
          className="link-dialog__remove"
          onClick={() => {
            onClose();
            removeLink(editor, request.range);
          }}
        >
          Remove link
        </button>
      )}
    </>
  );
}

/** Keeps the text being linked visibly selected while focus is in the dialog (the CSS Custom Highlight API). */
function useSelectionHighlight(editor: Editor, range: TextRange | undefined): void {
  useEffect(() => {
    if (!range || range.from === range.to || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const start = editor.view.domAtPos(range.from);
    const end = editor.view.domAtPos(range.to);
    const highlighted = document.createRange();
    highlighted.setStart(start.node, start.offset);
    highlighted.setEnd(end.node, end.offset);
    CSS.highlights.set('link-target', new Highlight(highlighted));
    return () => {
      CSS.highlights.delete('link-target');
    };
  }, [editor, range]);
}

function recentKeyed(documents: readonly DocumentSummary[]): QuickSwitchHit[] {
  return [...documents]
    .filter((document) => document.key !== undefined)
    .sort((left, right) => right.mtimeMs - left.mtimeMs)
    .slice(0, 8)
    .map((document) => ({
      path: document.path,
      key: document.key,
      title: document.title,
      type: document.type,
    }));
}
