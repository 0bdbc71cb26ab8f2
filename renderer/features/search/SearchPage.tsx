/** Full-text search with highlighted snippets, grouped by document (`#/search/<query>`). */
import { useEffect, useMemo, useState } from 'react';
import type { SearchHit, SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { DocumentType } from '../../../shared/model/documentModel.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { documentHash, documentLink, searchHash } from '../../workbench/route.js';
import { HashLink } from '../../ui/HashLink.js';
import { highlightSnippet } from '../../ui/highlightSnippet.js';
import { IndexingNotice } from './IndexingNotice.js';
import './search.css';

export interface SearchPageProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  query: string;
}

const resultLimit = 200;
const filters: { type?: DocumentType; label: string }[] = [
  { label: 'All' },
  { type: 'spec', label: 'Specs' },
  { type: 'story', label: 'Stories' },
  { type: 'faq', label: 'FAQs' },
  { type: 'doc', label: 'Notes' },
];

type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; hits: SearchHit[] }
  | { status: 'failed'; message: string };

export function SearchPage({ api, workspace, navigate, query }: SearchPageProps) {
  const [draft, setDraft] = useState(query);
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const [type, setType] = useState<DocumentType | undefined>(undefined);

  useEffect(() => setDraft(query), [query]);

  useEffect(() => {
    const text = draft.trim();
    if (!text) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState({ status: 'searching' });
    // A short pause so each keystroke does not start a search of its own.
    const timer = setTimeout(() => {
      api.search({ query: text.slice(0, 500), limit: resultLimit }).then(
        (hits) => current && setState({ status: 'done', hits }),
        (error: unknown) =>
          current &&
          setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, draft]);

  const hits = state.status === 'done' ? state.hits : [];
  const groups = useMemo(
    () => groupByDocument(hits.filter((hit) => !type || hit.type === type)),
    [hits, type],
  );

  return (
    <div className="search-page view">
      <header className="view__header">
        <h1 className="view__title">Search</h1>
      </header>
      <form
        className="search-page__form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.trim()) navigate(searchHash(draft.trim()));
        }}
      >
        <input
          className="search-page__input"
          type="search"
          aria-label="Search documents"
          placeholder="Search every document"
          autoFocus
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      </form>
      <div className="search-page__filters" role="group" aria-label="Document type">
        {filters.map((filter) => (
          <button
            key={filter.label}
            type="button"
            className="chip-button"
            aria-pressed={type === filter.type}
            onClick={() => setType(filter.type)}
          >
            {filter.label}
          </button>
        ))}
      </div>
      <IndexingNotice readiness={workspace.searchReadiness} />
      <p className="search-page__summary" role="status" aria-label="Search results summary">
        {summary(state, groups)}
      </p>
      <ol className="search-page__results" aria-label="Search results">
        {groups.map((group) => (
          <li key={group.path} className="search-result">
            <div className="search-result__document">
              <span className={`kind-badge kind-badge--${group.type}`}>{group.type.toUpperCase()}</span>
              <HashLink
                className="search-result__title"
                hash={documentLink(group, {}, workspace.byKey)}
                navigate={navigate}
              >
                {group.title}
              </HashLink>
              {group.key && <span className="search-result__key">{group.key}</span>}
              <span className="search-result__path">{group.path}</span>
            </div>
            <ul className="search-result__lines">
              {group.hits.map((hit) => (
                <li key={hit.line}>
                  <HashLink
                    className="search-result__line"
                    hash={documentHash(hit.path, hit.line)}
                    navigate={navigate}
                  >
                    <span className="search-result__number">{hit.line}</span>
                    <Snippet hit={hit} />
                  </HashLink>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}

function Snippet({ hit }: { hit: SearchHit }) {
  return (
    <span className="search-result__snippet">
      {highlightSnippet(hit.snippet, hit.highlights).map((segment, index) =>
        segment.highlighted ? (
          <mark key={index}>{segment.text}</mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </span>
  );
}

interface DocumentGroup {
  path: string;
  key?: string;
  title: string;
  type: DocumentType;
  hits: SearchHit[];
}

function groupByDocument(hits: readonly SearchHit[]): DocumentGroup[] {
  const groups = new Map<string, DocumentGroup>();
  for (const hit of hits) {
    const group = groups.get(hit.path) ?? {
      path: hit.path,
      key: hit.key,
      title: hit.title,
      type: hit.type,
      hits: [],
    };
    group.hits.push(hit);
    groups.set(hit.path, group);
  }
  return [...groups.values()];
}

function summary(state: SearchState, groups: readonly DocumentGroup[]): string {
  if (state.status === 'idle') return 'Type to search every document in the workspace.';
  if (state.status === 'searching') return 'Searching…';
  if (state.status === 'failed') return `Search failed: ${state.message}`;
  const lines = groups.reduce((total, group) => total + group.hits.length, 0);
  if (lines === 0) return 'No matches.';
  const more = state.hits.length >= resultLimit ? ' (showing the first matches)' : '';
  return `${lines} match${lines === 1 ? '' : 'es'} in ${groups.length} document${groups.length === 1 ? '' : 's'}${more}`;
}
