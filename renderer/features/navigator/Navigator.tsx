/** The sidebar: sections with counts, status filters, a virtualized document list and the New buttons. */
import { useMemo, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { documentStatuses, type DocumentType } from '../../../shared/model/documentModel.js';
import type { Route } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { DocumentList } from './DocumentList.js';
import { createAndOpen, newDocumentLabels, type NewDocumentType } from '../../workbench/createDocument.js';
import { countByType, sectionDocuments, statusCounts } from './navigatorSections.js';
import './navigator.css';

interface NavigatorProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  route: Route;
  /** Opens the Export dialog; absent until the workspace is ready. */
  onExport?: () => void;
}

const sectionLabels: Record<DocumentType, string> = {
  spec: 'Specs',
  story: 'Stories',
  faq: 'FAQs',
  feedback: 'Feedback',
  doc: 'Other',
};
const sectionHashes: Record<DocumentType, string> = {
  spec: '#/specs',
  story: '#/stories',
  faq: '#/faqs',
  feedback: '#/feedback',
  doc: '#/other',
};

/** The section the list shows: the route's own, else the open document's type, else specs. */
function activeSection(route: Route, workspace: WorkspaceState): DocumentType | undefined {
  if (route.name === 'list') return route.type;
  if (route.name === 'stories' || route.name === 'story') return 'story';
  if (route.name === 'doc') return workspace.byPath.get(route.path)?.type ?? 'spec';
  if (route.name === 'home') return 'spec';
  return undefined;
}

export function Navigator({ api, workspace, navigate, route, onExport }: NavigatorProps) {
  const counts = useMemo(() => countByType(workspace.documents), [workspace.documents]);
  const section = activeSection(route, workspace);
  const [filters, setFilters] = useState<Partial<Record<DocumentType, string>>>({});
  const [error, setError] = useState<string | undefined>(undefined);
  const status = section ? filters[section] : undefined;
  const listed = useMemo(
    () => (section ? sectionDocuments(workspace.documents, section, status) : []),
    [workspace.documents, section, status],
  );
  const statuses = useMemo(
    () => (section ? statusCounts(workspace.documents, section, documentStatuses[section]) : []),
    [workspace.documents, section],
  );
  const problems = workspace.findings.filter((finding) => finding.severity !== 'info').length;
  const writable = workspace.info?.writable ?? false;
  const openPath = route.name === 'doc' || route.name === 'story' ? route.path : undefined;

  async function create(type: NewDocumentType) {
    setError(undefined);
    const result = await createAndOpen(api, type, workspace.update, navigate);
    if (!result.ok) setError(result.message);
  }

  const sectionLink = (type: DocumentType) => (
    <li key={type}>
      <a
        href={sectionHashes[type]}
        aria-current={section === type ? 'page' : undefined}
        className="section-link"
      >
        <span>{sectionLabels[type]}</span>
        <span className="count" id={`count-${type}`}>
          {counts[type]}
        </span>
      </a>
    </li>
  );

  return (
    <aside className="sidebar">
      <header className="workspace-header">
        <a href="#/" className="workspace-name" title={workspace.info?.folderName}>
          {workspace.info?.name ?? 'Specbench'}
        </a>
        {workspace.info && !writable && <span className="badge">Read-only</span>}
      </header>
      {writable && (
        <div className="new-buttons">
          {(['spec', 'story', 'faq'] as const).map((type) => (
            <button key={type} type="button" onClick={() => void create(type)}>
              {newDocumentLabels[type]}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      <nav aria-label="Navigator" className="navigator">
        <ul className="sections">
          {sectionLink('spec')}
          {sectionLink('story')}
          {sectionLink('faq')}
          <li>
            <a
              href="#/roadmap"
              className="section-link"
              aria-current={route.name === 'roadmap' || route.name === 'roadmapItem' ? 'page' : undefined}
            >
              <span>Roadmap</span>
              <span className="count" id="count-roadmap">
                {workspace.roadmap.length}
              </span>
            </a>
          </li>
          {counts.doc > 0 && sectionLink('doc')}
        </ul>
        <ul className="sections secondary">
          <li>
            <a
              href="#/timeline"
              className="section-link"
              aria-current={route.name === 'timeline' ? 'page' : undefined}
            >
              Timeline
            </a>
          </li>
          <li>
            <a
              href="#/trace"
              className="section-link"
              aria-current={route.name === 'trace' ? 'page' : undefined}
            >
              Traceability
            </a>
          </li>
          <li>
            <a
              href="#/problems"
              className="section-link"
              aria-current={route.name === 'problems' ? 'page' : undefined}
            >
              <span>Problems</span>
              <span className={problems > 0 ? 'count warning' : 'count'} id="count-problems">
                {problems}
              </span>
            </a>
          </li>
          {onExport && (
            <li>
              <button type="button" className="section-link" onClick={onExport}>
                Export…
              </button>
            </li>
          )}
        </ul>
        {section && (
          <div className="section-list">
            {statuses.length > 0 && (
              <div
                className="status-filters"
                role="group"
                aria-label={`Filter ${sectionLabels[section]} by status`}
              >
                <button
                  type="button"
                  aria-pressed={status === undefined}
                  onClick={() => setFilters((current) => ({ ...current, [section]: undefined }))}
                >
                  All
                </button>
                {statuses.map(([name, count]) => (
                  <button
                    key={name}
                    type="button"
                    aria-pressed={status === name}
                    onClick={() =>
                      setFilters((current) => ({ ...current, [section]: status === name ? undefined : name }))
                    }
                  >
                    {name} <span className="count">{count}</span>
                  </button>
                ))}
              </div>
            )}
            <DocumentList
              key={section}
              label={`${sectionLabels[section]} list`}
              documents={listed}
              openPath={openPath}
              storyLinks={section === 'story'}
            />
          </div>
        )}
      </nav>
    </aside>
  );
}
