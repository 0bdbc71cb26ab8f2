/** Ctrl/Cmd+P: jump to any document, requirement or roadmap item by title or key. */
import { useEffect, useMemo, useState } from 'react';
import type { QuickSwitchHit, SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { documentHash, documentLink, roadmapItemHash } from '../../workbench/route.js';
import { openHash } from '../../workbench/storyView.js';
import { Combobox } from '../../ui/Combobox.js';
import { kindLabels } from '../../ui/kindLabel.js';
import { useModalDialog } from '../../ui/useModalDialog.js';
import { IndexingNotice } from './IndexingNotice.js';
import './search.css';

export interface QuickSwitcherProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  open: boolean;
  onClose: () => void;
}

const resultLimit = 50;

export function QuickSwitcher({ api, workspace, navigate, open, onClose }: QuickSwitcherProps) {
  const dialog = useModalDialog(open, onClose);
  return (
    <dialog
      ref={dialog.ref}
      className="combobox-dialog quick-switcher"
      aria-label="Quick switcher"
      onClick={dialog.onBackdropClick}
    >
      {open && (
        <QuickSwitcherContent
          api={api}
          documents={workspace.documents}
          writable={workspace.info?.writable ?? false}
          navigate={navigate}
          onClose={onClose}
        />
      )}
      {open && <IndexingNotice readiness={workspace.searchReadiness} />}
    </dialog>
  );
}

interface ContentProps {
  api: SpecbenchApi;
  documents: readonly DocumentSummary[];
  writable: boolean;
  navigate: (hash: string) => void;
  onClose: () => void;
}

function QuickSwitcherContent({ api, documents, writable, navigate, onClose }: ContentProps) {
  const [query, setQuery] = useState('');
  // The query the hits answer: until the typed one's come back, the list shows an older query's.
  const [found, setFound] = useState<{ query: string; hits: QuickSwitchHit[] } | undefined>(undefined);
  const typed = query.trim();
  const hits = typed ? found?.hits : undefined;
  const recent = useMemo(() => recentDocuments(documents), [documents]);
  // Archived documents stay findable by title and key, marked so nobody mistakes one for current work.
  const archived = useMemo(
    () => new Set(documents.filter((entry) => entry.status === 'archived').map((entry) => entry.path)),
    [documents],
  );

  useEffect(() => {
    if (!typed) {
      setFound(undefined);
      return;
    }
    let current = true;
    void search(api, typed).then((result) => {
      if (current) setFound({ query: typed, hits: result });
    });
    return () => {
      current = false;
    };
  }, [api, typed]);

  const open = (hit: QuickSwitchHit) => {
    onClose();
    navigate(hashFor(hit, documents, writable));
  };

  /**
   * Enter opens what the list shows for the query typed: pressed before its results came back, the
   * list still held an older query's (or the recently changed, where a note just added from outside
   * is first), and that note opened instead.
   */
  async function pick(hit: QuickSwitchHit, how: 'enter' | 'click') {
    if (how === 'click' || !typed || found?.query === typed) return open(hit);
    const fresh = await search(api, typed);
    setFound({ query: typed, hits: fresh });
    if (fresh[0]) open(fresh[0]);
  }

  return (
    <Combobox
      options={hits ?? recent}
      query={query}
      onQueryChange={setQuery}
      onPick={(hit, how) => void pick(hit, how)}
      optionKey={(hit) => `${hit.type}:${hit.key ?? hit.path}`}
      renderOption={(hit) => (
        <>
          <span className={`kind-badge kind-badge--${hit.type}`}>{kindLabels[hit.type]}</span>
          <span className="quick-switcher__title">{hit.title}</span>
          {hit.key && <span className="quick-switcher__key">{hit.key}</span>}
          {hit.type !== 'roadmap' && archived.has(hit.path) && (
            <span className="quick-switcher__archived">Archived</span>
          )}
          {hit.type !== 'roadmap' && <span className="quick-switcher__path">{hit.path}</span>}
        </>
      )}
      inputLabel="Go to document"
      listLabel="Results"
      placeholder="Go to a spec, story, FAQ, requirement or roadmap item…"
      heading={
        hits === undefined ? 'Recently changed' : `${hits.length} result${hits.length === 1 ? '' : 's'}`
      }
      {...(hits !== undefined ? { empty: `Nothing matches “${query}”.` } : {})}
      footer={
        <>
          <kbd>↑</kbd>
          <kbd>↓</kbd> to choose · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
        </>
      }
    />
  );
}

function search(api: SpecbenchApi, query: string): Promise<QuickSwitchHit[]> {
  return api.quickSwitch({ query: query.slice(0, 500), limit: resultLimit }).catch(() => []);
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

function hashFor(hit: QuickSwitchHit, documents: readonly DocumentSummary[], writable: boolean): string {
  if (hit.type === 'roadmap' && hit.key) return roadmapItemHash(hit.key);
  if (hit.type === 'requirement' && hit.key) {
    const requirement = documents
      .find((document) => document.path === hit.path)
      ?.requirements.find((entry) => entry.key === hit.key);
    return requirement ? documentLink(hit, { requirement: requirement.key }) : documentHash(hit.path);
  }
  return openHash(
    hit,
    writable,
    new Map(documents.flatMap((entry) => (entry.key ? [[entry.key, entry]] : []))),
  );
}
