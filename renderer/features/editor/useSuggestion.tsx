/**
 * The `/` slash menu and `[[` autocomplete (keys, notes by name, and after `#` the note's headings):
 * a popup at the cursor, driven from the editor's keys.
 */
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { QuickSwitchHit, SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { headingPlainText } from '../../../shared/model/headingAnchor.js';
import { linkNameFor } from '../../workbench/nameLinkTarget.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { popupPlacement } from './popupPlacement.js';
import { blockCommands, filterBlockCommands, insertRequirement } from './editorCommands.js';
import { findTrigger, headingQuery, matchingHeadings, type SuggestionTrigger } from './suggestionTrigger.js';
import { takenRequirementKeys } from '../../workbench/takenKeys.js';

interface Item {
  id: string;
  title: string;
  detail?: string;
  run: () => void;
}

interface Open {
  trigger: SuggestionTrigger;
  from: number;
  to: number;
  left: number;
  top: number;
  /** The caret line's top: a popup near the window's bottom opens above it. */
  lineTop: number;
}

export interface Suggestion {
  /** Call on every editor transaction. */
  update: (editor: Editor) => void;
  /** Returns true when the popup used the key. */
  onKeyDown: (event: KeyboardEvent) => boolean;
  popup: ReactNode;
}

export function useSuggestion(
  editor: Editor | null,
  api: SpecbenchApi,
  workspace: WorkspaceState,
  documentPath: string,
): Suggestion {
  const [open, setOpen] = useState<Open | undefined>(undefined);
  const [items, setItems] = useState<Item[]>([]);
  const [active, setActive] = useState(0);
  const state = useRef({ open, items, active });
  state.current = { open, items, active };
  const workspaceRef = useRef(workspace);
  workspaceRef.current = workspace;

  const update = useCallback((instance: Editor) => {
    const { selection } = instance.state;
    const { $from } = selection;
    if (!selection.empty || !$from.parent.isTextblock || $from.parent.type.spec.code) {
      setOpen(undefined);
      return;
    }
    const offset = $from.parentOffset;
    const before = $from.parent.textBetween(Math.max(0, offset - 60), offset, undefined, '\ufffc');
    const trigger = findTrigger(before);
    if (!trigger) {
      setOpen(undefined);
      return;
    }
    const from = $from.pos - trigger.length;
    const coords = instance.view.coordsAtPos(from);
    setOpen((current) =>
      current &&
      current.from === from &&
      current.trigger.query === trigger.query &&
      current.trigger.kind === trigger.kind
        ? current
        : { trigger, from, to: $from.pos, left: coords.left, top: coords.bottom, lineTop: coords.top },
    );
  }, []);

  // Items follow the query: block commands locally, keys from the workspace's quick switcher.
  useEffect(() => {
    if (!open || !editor) {
      setItems([]);
      return;
    }
    // The text to replace is read when the choice is made, not when the list was made: a fast typist's
    // last letters ('/tas' then 'k', Enter) reach the document before the list catches up, and a
    // range from then left the 'k' behind.
    const replace = () => {
      const { $from } = editor.state.selection;
      const before = $from.parent.textBetween(
        Math.max(0, $from.parentOffset - 60),
        $from.parentOffset,
        undefined,
        '\ufffc',
      );
      const trigger = findTrigger(before);
      const from = trigger && trigger.kind === open.trigger.kind ? $from.pos - trigger.length : open.from;
      return editor
        .chain()
        .focus()
        .deleteRange({ from, to: Math.max(from, $from.pos) });
    };
    setActive(0);
    if (open.trigger.kind === 'slash') {
      const prefix = workspaceRef.current.info?.settings.prefixes.requirement ?? 'REQ';
      const requirement = {
        id: 'requirement',
        title: 'Requirement',
        keywords: 'requirement req must should',
        run: (instance: Editor) =>
          insertRequirement(instance, prefix, takenRequirementKeys(workspaceRef.current)),
      };
      // Requirements belong in specs: a story's or an FAQ's slash menu does not offer one.
      const inSpec = workspaceRef.current.byPath.get(documentPath)?.type === 'spec';
      setItems(
        filterBlockCommands(inSpec ? [requirement, ...blockCommands] : blockCommands, open.trigger.query).map(
          (command) => ({
            id: command.id,
            title: command.title,
            run: () => {
              replace().run();
              command.run(editor);
            },
          }),
        ),
      );
      return;
    }
    let cancelled = false;
    // What an earlier query found must not stay pickable while this one is looked up.
    setItems([]);
    const query = open.trigger.query;
    const wantsHeading = headingQuery(query);
    if (wantsHeading) {
      const { note, heading } = wantsHeading;
      const current = workspaceRef.current;
      const keyed = current.byKey.get(note);
      const resolved =
        note === '' ? undefined : current.names.resolve({ target: note, form: 'wiki' }, documentPath);
      const path =
        note === ''
          ? documentPath
          : (keyed?.path ?? (resolved?.kind === 'found' ? resolved.path : undefined));
      if (!path) return;
      void api.getDocumentEntry({ path }).then((result) => {
        if (cancelled || !result.ok) return;
        setItems(
          matchingHeadings(
            result.entry.headings.map((found) => ({ ...found, text: headingPlainText(found.text) })),
            heading,
          )
            .slice(0, 8)
            .map((found) => ({
              id: `${found.line}`,
              title: found.text,
              detail: `${note === '' ? 'This document' : (current.byPath.get(path)?.title ?? note)}, H${found.level}`,
              run: () => {
                const node = keyed
                  ? { type: 'reference', attrs: { target: note, anchor: found.text } }
                  : { type: 'wikiLink', attrs: { target: note, anchor: found.text, source: '' } };
                replace().insertContent(node).run();
              },
            })),
        );
      });
      return () => {
        cancelled = true;
      };
    }
    const recent: QuickSwitchHit[] = workspaceRef.current.documents.slice(0, 8).map((entry) => {
      const hit: QuickSwitchHit = { path: entry.path, title: entry.title, type: entry.type };
      if (entry.key) hit.key = entry.key;
      return hit;
    });
    const lookup = query === '' ? Promise.resolve(recent) : api.quickSwitch({ query, limit: 12 });
    void lookup.then((hits) => {
      if (cancelled) return;
      // Keys become references; a note without one is linked by the shortest name that finds it.
      const linkable = hits.filter((hit) => hit.key || /\.md$/i.test(hit.path));
      setItems(
        linkable.slice(0, 8).map((hit) =>
          hit.key
            ? {
                id: hit.key,
                title: hit.key,
                detail: hit.title,
                run: () => {
                  // No space after the chip: the writer may go on with a full stop or a comma.
                  replace()
                    .insertContent({ type: 'reference', attrs: { target: hit.key } })
                    .run();
                },
              }
            : {
                id: hit.path,
                title: hit.title,
                detail: hit.path,
                run: () => {
                  const target = linkNameFor(workspaceRef.current.names, hit.path, documentPath);
                  replace()
                    .insertContent({ type: 'wikiLink', attrs: { target, source: '' } })
                    .run();
                },
              },
        ),
      );
    });
    return () => {
      cancelled = true;
    };
  }, [open, editor, api, documentPath]);

  const onKeyDown = useCallback((event: KeyboardEvent): boolean => {
    const { open: current, items: list, active: index } = state.current;
    if (!current || list.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index + step + list.length) % list.length);
      return true;
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      list[index]?.run();
      setOpen(undefined);
      return true;
    }
    if (event.key === 'Escape') {
      setOpen(undefined);
      return true;
    }
    return false;
  }, []);

  const popup =
    open && items.length > 0 ? (
      <div
        className="suggestion-popup"
        role="listbox"
        aria-label={open.trigger.kind === 'slash' ? 'Insert block' : 'Link to'}
        style={popupPlacement(
          { left: open.left, top: open.lineTop, bottom: open.top },
          { width: window.innerWidth, height: window.innerHeight },
        )}
      >
        {items.map((item, index) => (
          <div
            key={item.id}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'suggestion active' : 'suggestion'}
            onMouseDown={(event) => {
              event.preventDefault();
              item.run();
              setOpen(undefined);
            }}
            onMouseEnter={() => setActive(index)}
          >
            <span className="suggestion-title">{item.title}</span>
            {item.detail && <span className="suggestion-detail">{item.detail}</span>}
          </div>
        ))}
      </div>
    ) : null;

  return { update, onKeyDown, popup };
}
