/** Ctrl/Cmd+P: jump to any document, requirement or roadmap item by title or key. */
import { useEffect, useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { QuickSwitchHit, SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import type { WorkspaceState } from '../../app/workspaceState.js';
import { documentHash, roadmapItemHash } from './documentHash.js';
import { useModalDialog } from './useModalDialog.js';
import './search.css';

export interface QuickSwitcherProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  open: boolean;
  onClose: () => void;
}

const resultLimit = 50;
const typeLabels: Record<QuickSwitchHit['type'], string> = {
  spec: 'Spec',
  story: 'Story',
  faq: 'FAQ',
  doc: 'Doc',
  requirement: 'Req',
  roadmap: 'Item',
};

const optionKind: Record<QuickSwitchHit['type'], string> = {
  spec: 'spec',
  story: 'story',
  faq: 'FAQ',
  doc: 'document',
  requirement: 'requirement',
  roadmap: 'roadmap item',
};

export function QuickSwitcher({ api, workspace, navigate, open, onClose }: QuickSwitcherProps) {
  const dialog = useModalDialog(open, onClose);
  return (
    <dialog
      ref={dialog.ref}
      className="quick-switcher"
      aria-label="Quick switcher"
      onClick={dialog.onBackdropClick}
    >
      {open && (
        <QuickSwitcherContent
          api={api}
          documents={workspace.documents}
          navigate={navigate}
          onClose={onClose}
        />
      )}
    </dialog>
  );
}

interface ContentProps {
  api: SpecbenchApi;
  documents: readonly DocumentSummary[];
  navigate: (hash: string) => void;
  onClose: () => void;
}

function QuickSwitcherContent({ api, documents, navigate, onClose }: ContentProps) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<QuickSwitchHit[] | undefined>(undefined);
  const [active, setActive] = useState(0);
  const recent = useMemo(() => recentDocuments(documents), [documents]);

  useEffect(() => {
    if (!query.trim()) {
      setHits(undefined);
      return;
    }
    let current = true;
    api.quickSwitch({ query: query.slice(0, 500), limit: resultLimit }).then(
      (result) => {
        if (current) setHits(result);
      },
      () => {
        if (current) setHits([]);
      },
    );
    return () => {
      current = false;
    };
  }, [api, query]);

  const shown = hits ?? recent;
  const activeIndex = Math.min(active, Math.max(shown.length - 1, 0));

  function open(hit: QuickSwitchHit | undefined) {
    if (!hit) return;
    onClose();
    navigate(hashFor(hit, documents));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 };
    if (event.key in moves && shown.length > 0) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(shown.length - 1, activeIndex + moves[event.key]!)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(shown[activeIndex]);
    }
  }

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="quick-switcher__body">
      <input
        className="quick-switcher__input"
        role="combobox"
        aria-label="Go to document"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? optionId(activeIndex) : undefined}
        placeholder="Go to a spec, story, FAQ, requirement or roadmap item…"
        autoFocus
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="quick-switcher__section" aria-hidden="true">
        {hits === undefined ? 'Recently changed' : `${hits.length} result${hits.length === 1 ? '' : 's'}`}
      </div>
      <ul className="quick-switcher__list" role="listbox" id={listId} aria-label="Results">
        {shown.map((hit, index) => (
          <li
            key={`${hit.type}:${hit.key ?? hit.path}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            aria-label={`${hit.title}${hit.key ? ` (${hit.key})` : ''}, ${optionKind[hit.type]}`}
            className="quick-switcher__option"
            onMouseMove={() => setActive(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => open(hit)}
          >
            <span className={`kind-badge kind-badge--${hit.type}`}>{typeLabels[hit.type]}</span>
            <span className="quick-switcher__title">{hit.title}</span>
            {hit.key && <span className="quick-switcher__key">{hit.key}</span>}
            {hit.type !== 'roadmap' && <span className="quick-switcher__path">{hit.path}</span>}
          </li>
        ))}
      </ul>
      {hits !== undefined && hits.length === 0 && (
        <p className="quick-switcher__empty">Nothing matches “{query}”.</p>
      )}
      <footer className="quick-switcher__hint" aria-hidden="true">
        <kbd>↑</kbd>
        <kbd>↓</kbd> to choose · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
      </footer>
    </div>
  );
}

function recentDocuments(documents: readonly DocumentSummary[]): QuickSwitchHit[] {
  return [...documents]
    .sort((left, right) => right.mtimeMs - left.mtimeMs)
    .slice(0, 12)
    .map((document) => ({
      path: document.path,
      key: document.key,
      title: document.title,
      type: document.type,
    }));
}

function hashFor(hit: QuickSwitchHit, documents: readonly DocumentSummary[]): string {
  if (hit.type === 'roadmap' && hit.key) return roadmapItemHash(hit.key);
  if (hit.type === 'requirement' && hit.key) {
    const requirement = documents
      .find((document) => document.path === hit.path)
      ?.requirements.find((entry) => entry.key === hit.key);
    return documentHash(hit.path, requirement?.line);
  }
  return documentHash(hit.path);
}
