/** Roadmap items × requirements × stories (`#/trace`), with the gaps highlighted and every cell a link. */
import { useMemo, useState, type ReactNode } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { useWorkspace, type WorkspaceState } from '../../workbench/workspaceState.js';
import { documentLink, roadmapItemHash } from '../../workbench/route.js';
import { HashLink } from '../../ui/HashLink.js';
import { rememberLast } from '../../ui/rememberLast.js';
import { SpacerRow } from '../../ui/SpacerRow.js';
import { useVirtualRows } from '../../ui/useVirtualRows.js';
import { statusLabel } from '../../ui/statusLabel.js';
import type { MatrixRow } from './traceMatrix.js';
import { traceRows } from '../../../shared/contract/traceRows.js';
import { traceMatrix, traceSummary, unplannedRequirements } from './traceMatrix.js';
import { SuspectMark, suspectPairs } from './SuspectMark.js';
import { useReviewedNotice } from '../../workbench/reviewedNotice.js';
import './trace.css';

export interface TraceMatrixProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
}

// Kept across visits: leaving the matrix and coming back costs nothing until the workspace changes.
const rowsOf = rememberLast(traceRows);
const matrixOf = rememberLast(traceMatrix);
const unplannedOf = rememberLast(unplannedRequirements);

/** A row's usual height; the reference workspace has 50,000 requirements, so only rows near the viewport are rendered. */
const rowHeight = 41;

export function TraceMatrix({ api, workspace, navigate }: TraceMatrixProps) {
  const [gapsOnly, setGapsOnly] = useState(false);
  const rows = useMemo(
    () => rowsOf(workspace.documents, workspace.roadmap),
    [workspace.documents, workspace.roadmap],
  );
  const summary = useMemo(() => traceSummary(rows), [rows]);
  const matrix = useMemo(
    () => withSpans(matrixOf(rows, workspace.documents, workspace.roadmapByKey), gapsOnly),
    [rows, workspace.documents, workspace.roadmapByKey, gapsOnly],
  );
  const unplanned = useMemo(() => {
    const all = unplannedOf(workspace.documents);
    return gapsOnly ? all.filter((row) => row.gap) : all;
  }, [workspace.documents, gapsOnly]);
  const suspects = useMemo(() => suspectPairs(workspace), [workspace]);
  const reviewed = useReviewedNotice((path) => void workspace.update({ paths: [path] }));
  const suspect: SuspectCell = (story, requirementKey) =>
    suspects.has(`${story.path}\u0000${requirementKey}`) ? (
      <SuspectMark
        api={api}
        workspace={workspace}
        storyPath={story.path}
        storyKey={story.key}
        requirementKey={requirementKey}
        onReviewed={reviewed.show}
      />
    ) : null;
  const percent = summary.requirements === 0 ? 0 : Math.round((summary.covered / summary.requirements) * 100);

  return (
    <div className="trace view">
      <header className="view__header">
        <div>
          <h1 className="view__title">Traceability</h1>
          <p className="view__subtitle">
            Roadmap items, the requirements that deliver them, and the stories that implement those
          </p>
        </div>
        <label className="toggle">
          <input type="checkbox" checked={gapsOnly} onChange={(event) => setGapsOnly(event.target.checked)} />
          Show only gaps
        </label>
      </header>
      <dl className="trace__stats" aria-label="Coverage">
        <div>
          <dt>Roadmap items</dt>
          <dd>{summary.items}</dd>
        </div>
        <div>
          <dt>Requirements</dt>
          <dd>{summary.requirements}</dd>
        </div>
        <div>
          <dt>With stories</dt>
          <dd>{percent}%</dd>
        </div>
        <div data-gap={summary.gaps > 0 ? 'true' : undefined}>
          <dt>Gaps</dt>
          <dd>{summary.gaps}</dd>
        </div>
      </dl>
      <Matrix caption="Roadmap traceability" rows={matrix} navigate={navigate} suspect={suspect} withItems />
      {rows.length === 0 && <p className="view-empty">The roadmap is empty.</p>}
      {unplanned.length > 0 && (
        <section className="trace__unplanned" aria-labelledby="unplanned-title">
          <h2 id="unplanned-title" className="panel__title">
            Requirements on no roadmap item <span className="panel__count">{unplanned.length}</span>
          </h2>
          <Matrix
            caption="Requirements on no roadmap item"
            rows={unplanned}
            navigate={navigate}
            suspect={suspect}
          />
        </section>
      )}
      {reviewed.notice}
    </div>
  );
}

/** With gaps only, some rows of an item disappear, so its cell spans are recounted. */
function withSpans(rows: MatrixRow[], gapsOnly: boolean): MatrixRow[] {
  if (!gapsOnly) return rows;
  const kept = rows.filter((row) => row.gap);
  return kept.map((row, index) => {
    const first = index === 0 || kept[index - 1]!.itemKey !== row.itemKey;
    const span = first ? kept.slice(index).findIndex((next) => next.itemKey !== row.itemKey) : 0;
    return { ...row, itemSpan: first ? (span < 0 ? kept.length - index : span) : 0 };
  });
}

interface MatrixProps {
  caption: string;
  rows: readonly MatrixRow[];
  navigate: (hash: string) => void;
  withItems?: boolean;
  /** What a story's cell adds when its requirement changed since the story was reviewed. */
  suspect: SuspectCell;
}

type SuspectCell = (story: { path: string; key: string }, requirementKey: string) => ReactNode;

function Matrix({ caption, rows, navigate, withItems, suspect }: MatrixProps) {
  const { byKey } = useWorkspace();
  // Where each row's item group ends, so an item cell spans the rendered rows of its group.
  const groupEnds = useMemo(() => {
    const ends = new Int32Array(rows.length);
    rows.forEach((row, index) => {
      if (row.itemSpan > 0) ends.fill(index + row.itemSpan, index, index + row.itemSpan);
    });
    return ends;
  }, [rows]);
  const virtualRows = useVirtualRows(rows.length, rowHeight);
  const rendered = virtualRows.rows;
  const firstRendered = rendered[0]?.index ?? 0;
  const endRendered = (rendered[rendered.length - 1]?.index ?? -1) + 1;
  const columns = withItems ? 3 : 2;
  return (
    // Virtualized: the row count and each row's place tell a screen reader what is not rendered.
    <table className="trace__table" aria-rowcount={rows.length + 1}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr aria-rowindex={1}>
          {withItems && <th scope="col">Roadmap item</th>}
          <th scope="col">Requirement</th>
          <th scope="col">Stories</th>
        </tr>
      </thead>
      <tbody ref={virtualRows.bodyRef}>
        <SpacerRow height={virtualRows.before} columns={columns} />
        {rendered.map(({ index }) => {
          const row = rows[index]!;
          const itemKey =
            withItems && (row.itemSpan > 0 || index === firstRendered) ? row.itemKey : undefined;
          return (
            <tr
              key={`${row.itemKey ?? ''}:${row.requirement?.key ?? index}`}
              data-gap={row.gap}
              aria-rowindex={index + 2}
              data-index={index}
              ref={virtualRows.measureRow}
            >
              {itemKey && (
                <th
                  scope="row"
                  rowSpan={Math.min(groupEnds[index]!, endRendered) - index}
                  className="trace__item"
                >
                  <HashLink hash={roadmapItemHash(itemKey)} navigate={navigate}>
                    <span className="key-chip">{itemKey}</span> {row.itemTitle}
                  </HashLink>
                  {row.itemLane && (
                    <span className={`lane-chip lane-chip--${row.itemLane}`}>
                      {statusLabel(row.itemLane)}
                    </span>
                  )}
                </th>
              )}
              {row.requirement ? (
                <td className="trace__requirement">
                  <HashLink
                    hash={documentLink(row.requirement, { requirement: row.requirement.key })}
                    navigate={navigate}
                  >
                    <span className="key-chip">{row.requirement.key}</span>{' '}
                    {row.requirement.summary ?? row.requirement.path}
                  </HashLink>
                  {row.requirement.priority && (
                    <span className={`priority-chip priority-chip--${row.requirement.priority}`}>
                      {statusLabel(row.requirement.priority)}
                    </span>
                  )}
                  {row.requirement.status && (
                    <span className={`status-chip status-chip--${row.requirement.status}`}>
                      {statusLabel(row.requirement.status)}
                    </span>
                  )}
                </td>
              ) : (
                <td className="trace__gap">No requirement delivers this item</td>
              )}
              {row.stories.length > 0 ? (
                <td className="trace__stories">
                  <div className="trace__story-list">
                    {row.stories.map((story) =>
                      story.path ? (
                        <span key={story.key} className="trace__story">
                          <HashLink
                            hash={documentLink({ ...story, path: story.path }, {}, byKey)}
                            navigate={navigate}
                            title={story.title}
                          >
                            <span className="key-chip">{story.key}</span> {story.title}
                          </HashLink>
                          {story.status && (
                            <span className={`status-chip status-chip--${story.status}`}>
                              {statusLabel(story.status)}
                            </span>
                          )}
                          {row.requirement &&
                            suspect({ path: story.path, key: story.key }, row.requirement.key)}
                        </span>
                      ) : (
                        <span key={story.key} className="key-chip" title="No document has this key">
                          {story.key}
                        </span>
                      ),
                    )}
                  </div>
                </td>
              ) : (
                <td className="trace__gap">{row.requirement ? 'No story' : '—'}</td>
              )}
            </tr>
          );
        })}
        <SpacerRow height={virtualRows.after} columns={columns} />
      </tbody>
    </table>
  );
}
