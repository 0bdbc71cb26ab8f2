/** Home: recently changed documents; with a type, every document of that type as a table. */
import { useMemo, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { DocumentType } from '../../../shared/model/documentModel.js';
import { createAndOpen } from '../../workbench/createDocument.js';
import { documentLink } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { plural } from '../../../shared/model/plural.js';
import { problemSummary } from './problemSummary.js';

interface HomePageProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  type?: DocumentType;
}

const headings: Record<DocumentType, string> = {
  spec: 'Specs',
  story: 'Stories',
  faq: 'FAQs',
  feedback: 'Feedback',
  doc: 'Notes',
};
const recentLimit = 12;
/** A list shows this many cards, then more on request: 1,000 cards took 0.7 s to show (10,000 documents). */
const listPage = 60;

export function HomePage({ api, workspace, navigate, type }: HomePageProps) {
  const documents = useMemo(() => {
    if (type) return workspace.documents.filter((entry) => entry.type === type);
    return [...workspace.documents].sort((left, right) => right.mtimeMs - left.mtimeMs).slice(0, recentLimit);
  }, [workspace.documents, type]);
  const [shown, setShown] = useState<{ type?: DocumentType; count: number }>({ type, count: listPage });
  const count = shown.type === type ? shown.count : listPage;
  return (
    <section className="page home-page">
      <header className="page-header">
        <h1>{type ? headings[type] : (workspace.info?.name ?? 'Workspace')}</h1>
        {!type && (
          <p className="muted">
            {plural(workspace.documents.length, 'document')} ·{' '}
            {plural(workspace.roadmap.length, 'roadmap item')} ·{' '}
            <a href="#/problems">
              {workspace.findingsChecked ? problemSummary(workspace.findings) : 'checking…'}
            </a>
          </p>
        )}
      </header>
      {!type && <h2 className="section-title">Recently changed</h2>}
      {documents.length === 0 ? (
        <div className="empty-state">
          <p>No documents yet.</p>
          {workspace.info?.writable && type && type !== 'doc' && type !== 'feedback' && (
            <button type="button" onClick={() => void createAndOpen(api, type, workspace.update, navigate)}>
              Create the first one
            </button>
          )}
          {/* An empty workspace (just after specbench init) starts where a PM starts: a spec. */}
          {workspace.info?.writable && !type && workspace.documents.length === 0 && (
            <button
              type="button"
              className="primary"
              onClick={() => void createAndOpen(api, 'spec', workspace.update, navigate)}
            >
              Create your first spec
            </button>
          )}
        </div>
      ) : (
        <ul className="card-list" aria-label={type ? headings[type] : 'Recently changed'}>
          {documents.slice(0, count).map((entry) => (
            <li key={entry.path}>
              <a href={documentLink(entry, {}, workspace.byKey)} className="document-card">
                <span className="card-top">
                  <span className={`type-badge type-${entry.type}`}>
                    {entry.type === 'doc' ? 'doc' : entry.type}
                  </span>
                  {entry.key && <span className="key">{entry.key}</span>}
                  {entry.status && <span className={`status status-${entry.status}`}>{entry.status}</span>}
                </span>
                <span className="card-title">{entry.title || entry.path}</span>
                <span className="card-detail">
                  {entry.owner ? `${entry.owner} · ` : ''}
                  {entry.requirements.length > 0
                    ? `${plural(entry.requirements.length, 'requirement')} · `
                    : ''}
                  {new Date(entry.mtimeMs).toLocaleDateString(undefined, {
                    month: 'short',
                    day: 'numeric',
                    year: 'numeric',
                  })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {documents.length > count && (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setShown({ type, count: count + listPage * 5 })}
        >
          Show {Math.min(documents.length - count, listPage * 5)} more of{' '}
          {documents.length.toLocaleString('en')}
        </button>
      )}
    </section>
  );
}
