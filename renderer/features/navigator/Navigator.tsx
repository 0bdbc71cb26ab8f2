/** The sidebar: sections with counts, status filters, a virtualized document list and the New buttons. */
import { useMemo, useRef, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { documentStatuses, type DocumentType } from '../../../shared/model/documentModel.js';
import { sectionHash, type Route } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { ChangesLink } from './ChangesLink.js';
import { useRecoveredEdits } from '../../workbench/useRecoveredEdits.js';
import { DocumentList } from './DocumentList.js';
import {
  createAndOpen,
  createNoteAndOpen,
  newDocumentLabels,
  noteFolderOf,
  type NewDocumentType,
} from '../../workbench/createDocument.js';
import { NewNoteButton } from './NewNoteButton.js';
import { folderRows, tagCounts, type NavigatorRow } from './folderRows.js';
import {
  countByType,
  isFolderOfNotes,
  plannedCount,
  sectionDocuments,
  statusCounts,
  type SectionCounts,
} from './navigatorSections.js';
import { filterStories, storiesHash, storyRows, type StoryFilter } from '../../workbench/storyFilter.js';
import { useReleaseList } from '../../workbench/useReleases.js';
import { useCommentCounts } from '../../workbench/comments.js';
import { NewFeedbackNote } from '../evidence/index.js';
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
  doc: 'Notes',
};

/**
 * The section the list shows: the route's own, else the open document's type, else specs; a folder
 * of notes (a vault, a docs folder) opens on its notes, also once a few of them are specs.
 */
function activeSection(
  route: Route,
  workspace: WorkspaceState,
  counts: SectionCounts,
  /** A folder of notes whose PM sections are folded away: its documents stay in their folders. */
  foldersFirst: boolean,
): DocumentType | undefined {
  const fallback = foldersFirst || (counts.spec === 0 && counts.doc > 0) ? 'doc' : 'spec';
  if (route.name === 'list') return route.type;
  if (route.name === 'stories' || route.name === 'story') return 'story';
  if (route.name === 'doc')
    return foldersFirst ? 'doc' : (workspace.byPath.get(route.path)?.type ?? fallback);
  if (route.name === 'home') return fallback;
  if (route.name === 'feedback') return 'feedback';
  return undefined;
}

/** The PM's views over the whole workspace, each with the routes that count as being on it. */
const planViews: { hash: string; label: string; routes: Route['name'][] }[] = [
  { hash: '#/timeline', label: 'Timeline', routes: ['timeline'] },
  { hash: '#/releases', label: 'Releases', routes: ['releases', 'release'] },
  { hash: '#/metrics', label: 'Metrics', routes: ['metrics'] },
  { hash: '#/trace', label: 'Traceability', routes: ['trace'] },
];

export function Navigator({ api, workspace, navigate, route, onExport }: NavigatorProps) {
  const counts = useMemo(() => countByType(workspace.documents), [workspace.documents]);
  const notesOnly = isFolderOfNotes(counts, workspace.roadmap.length);
  const [specbenchShown, setSpecbenchShown] = useState(false);
  const pmShown = !notesOnly || specbenchShown;
  const section = activeSection(route, workspace, counts, !pmShown);
  const [filters, setFilters] = useState<Partial<Record<DocumentType, string>>>({});
  const [tagFilters, setTagFilters] = useState<Partial<Record<DocumentType, string>>>({});
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | undefined>(undefined);
  // Stories have one filter, the Stories page's, kept in its URL: the chips here set its status and the
  // list shows what it lets through; away from that page, the last one seen there.
  const lastStoryFilter = useRef<StoryFilter>({});
  if (route.name === 'stories') lastStoryFilter.current = route.filter;
  const storyFilter = lastStoryFilter.current;
  const releases = useReleaseList(api, workspace.revision);
  const status = section === 'story' ? storyFilter.status : section ? filters[section] : undefined;
  const listed = useMemo(() => {
    if (!section) return [];
    // A spec made from a note stays in its folder, its key beside it, while the PM sections are folded.
    if (section === 'doc' && !pmShown) return sectionDocuments(workspace.documents, 'doc', status, true);
    if (section !== 'story') return sectionDocuments(workspace.documents, section, status);
    const { status: storyStatus, ...others } = storyFilter;
    const passing =
      Object.keys(others).length === 0
        ? workspace.documents
        : filterStories(storyRows(workspace.documents, workspace.requirementOwner), others, {
            roadmapByKey: workspace.roadmapByKey,
            releases,
          }).map((row) => row.story);
    return sectionDocuments(passing, 'story', storyStatus);
  }, [
    workspace.documents,
    workspace.requirementOwner,
    workspace.roadmapByKey,
    releases,
    section,
    status,
    storyFilter,
    pmShown,
  ]);
  const setStatus = (next: string | undefined) => {
    if (section === 'story') navigate(storiesHash({ ...storyFilter, status: next }));
    else if (section) setFilters((current) => ({ ...current, [section]: next }));
  };
  const tag = section ? tagFilters[section] : undefined;
  const tags = useMemo(() => tagCounts(listed), [listed]);
  const commentCounts = useCommentCounts(api);
  const [commentedOnly, setCommentedOnly] = useState(false);
  const openThreads = Object.values(commentCounts).reduce((sum, count) => sum + count, 0);
  const commented = useMemo(
    () => listed.filter((entry) => entry.key !== undefined && (commentCounts[entry.key] ?? 0) > 0),
    [listed, commentCounts],
  );
  const rows = useMemo((): NavigatorRow[] => {
    const filtered = commentedOnly ? commented : listed;
    const shown = tag === undefined ? filtered : filtered.filter((entry) => entry.tags?.includes(tag));
    // Notes keep the folders they were filed in; specs, stories and FAQs are listed by key.
    if (section === 'doc' && shown.some((entry) => entry.path.includes('/')))
      return folderRows(shown, folded);
    return shown.map((entry) => ({ kind: 'document', entry, depth: 0 }));
  }, [listed, commented, commentedOnly, tag, section, folded]);
  const toggleFolder = (folder: string) =>
    setFolded((current) => {
      const next = new Set(current);
      if (!next.delete(folder)) next.add(folder);
      return next;
    });
  const statuses = useMemo(
    () => (section ? statusCounts(workspace.documents, section, documentStatuses[section]) : []),
    [workspace.documents, section],
  );
  const problems = workspace.findings.filter((finding) => finding.severity !== 'info').length;
  const recovered = useRecoveredEdits(api, workspace.revision).orphaned;
  const writable = workspace.info?.writable ?? false;
  const canComment = workspace.info?.canComment ?? writable;
  const openPath = route.name === 'doc' || route.name === 'story' ? route.path : undefined;

  async function create(type: NewDocumentType) {
    setError(undefined);
    const result = await createAndOpen(api, type, workspace.update, navigate);
    if (!result.ok) setError(result.message);
  }

  const sectionLink = (type: DocumentType) => (
    <li key={type}>
      <a
        href={sectionHash(type)}
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
        {workspace.info && !writable && (
          <span className="badge">{canComment ? 'Read-only · comments on' : 'Read-only'}</span>
        )}
      </header>
      {workspace.info && !writable && (
        <p className="read-only-note">
          You can read{canComment ? ', comment' : ''} and share links here.{' '}
          {workspace.info.readOnlyReason ?? (
            <>
              To edit, start it with <code>specbench serve --write</code>.
            </>
          )}
        </p>
      )}
      {writable && (
        <div className="new-buttons">
          {pmShown &&
            (['spec', 'story', 'faq'] as const).map((type) => (
              <button key={type} type="button" onClick={() => void create(type)}>
                {newDocumentLabels[type]}
              </button>
            ))}
          <NewNoteButton
            folder={noteFolderOf(openPath)}
            create={(title) =>
              createNoteAndOpen(api, noteFolderOf(openPath), title, workspace.update, navigate)
            }
          />
        </div>
      )}
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      <nav aria-label="Navigator" className="navigator">
        {notesOnly && (
          <ul className="sections">
            {sectionLink('doc')}
            <li>
              <button
                type="button"
                className="section-link specbench-disclosure"
                aria-expanded={specbenchShown}
                onClick={() => setSpecbenchShown((shown) => !shown)}
              >
                <span>Specs, stories and roadmap</span>
                {plannedCount(counts, workspace.roadmap.length) > 0 && (
                  <span className="count">{plannedCount(counts, workspace.roadmap.length)}</span>
                )}
                <svg width="10" height="10" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                  <path d="M4 2.5L7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
                </svg>
              </button>
            </li>
          </ul>
        )}
        {pmShown && (
          <ul className="sections">
            {sectionLink('spec')}
            {sectionLink('story')}
            {sectionLink('faq')}
            {sectionLink('feedback')}
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
            {!notesOnly && counts.doc > 0 && sectionLink('doc')}
          </ul>
        )}
        <ul className="sections secondary">
          {pmShown &&
            planViews.map(({ hash, label, routes }) => (
              <li key={hash}>
                <a
                  href={hash}
                  className="section-link"
                  aria-current={routes.includes(route.name) ? 'page' : undefined}
                >
                  {label}
                </a>
              </li>
            ))}
          <li>
            <a
              href="#/problems"
              className="section-link"
              aria-current={route.name === 'problems' ? 'page' : undefined}
            >
              <span>Problems</span>
              <span className={problems > 0 ? 'count warning' : 'count'} id="count-problems">
                {workspace.findingsChecked ? problems : '…'}
              </span>
            </a>
          </li>
          <li>
            <a
              href="#/comments"
              className="section-link"
              aria-current={route.name === 'comments' ? 'page' : undefined}
            >
              <span>Comments</span>
              <span className="count" id="count-comments">
                {openThreads}
              </span>
            </a>
          </li>
          <ChangesLink
            current={route.name === 'changes'}
            relink={workspace.findings.filter((finding) => finding.rule === 'rekeyed-reference').length}
          />
          {(recovered > 0 || route.name === 'recovered') && (
            <li>
              <a
                href="#/recovered"
                className="section-link"
                aria-current={route.name === 'recovered' ? 'page' : undefined}
              >
                <span>Recovered edits</span>
                <span className={recovered > 0 ? 'count warning' : 'count'} id="count-recovered">
                  {recovered}
                </span>
              </a>
            </li>
          )}
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
                  onClick={() => setStatus(undefined)}
                >
                  All
                </button>
                {statuses.map(([name, count]) => (
                  <button
                    key={name}
                    type="button"
                    aria-pressed={status === name}
                    onClick={() => setStatus(status === name ? undefined : name)}
                  >
                    {name} <span className="count">{count}</span>
                  </button>
                ))}
              </div>
            )}
            {tags.length > 0 && (
              <label className="tag-filter">
                Tag
                <select
                  aria-label={`Filter ${sectionLabels[section]} by tag`}
                  value={tag ?? ''}
                  onChange={(event) =>
                    setTagFilters((current) => ({ ...current, [section]: event.target.value || undefined }))
                  }
                >
                  <option value="">All tags</option>
                  {tags.map(([name, count]) => (
                    <option key={name} value={name}>
                      #{name} ({count})
                    </option>
                  ))}
                </select>
              </label>
            )}
            {(commented.length > 0 || commentedOnly) && (
              <button
                type="button"
                className="comments-filter"
                aria-pressed={commentedOnly}
                onClick={() => setCommentedOnly((value) => !value)}
              >
                Comments <span className="count">{commented.length}</span>
              </button>
            )}
            {section === 'feedback' && writable && (
              <div className="section-new">
                <NewFeedbackNote
                  label="New feedback note…"
                  className=""
                  create={(source) => createAndOpen(api, 'feedback', workspace.update, navigate, source)}
                />
              </div>
            )}
            <DocumentList
              key={section}
              label={`${sectionLabels[section]} list`}
              rows={rows}
              openPath={openPath}
              onToggleFolder={toggleFolder}
              writable={writable}
            />
          </div>
        )}
      </nav>
    </aside>
  );
}
