/**
 * All stories, filtered by lane, release, roadmap item, spec, status and owner together. The filter
 * lives in the URL (`#/stories?lane=now&status=ready`): it survives a reload, can be shared, and is the
 * same one the navigator's status chips set. Saved views name common filters; each story opens the
 * engineer's story page.
 */
import { useMemo } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { documentStatuses } from '../../../shared/model/documentModel.js';
import { lanes } from '../../../shared/model/roadmapModel.js';
import { SpacerRow } from '../../ui/SpacerRow.js';
import { useVirtualRows } from '../../ui/useVirtualRows.js';
import { storyViewHash, useStoryViewChoice } from '../../workbench/storyView.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import {
  filterStories,
  storiesHash,
  storyRows,
  type StoryFilter,
  type StoryFilterField,
} from '../../workbench/storyFilter.js';
import { useReleaseList } from '../../workbench/useReleases.js';
import { FilterSelect } from './FilterSelect.js';
import { SavedViews } from './SavedViews.js';
import { StoryViewChoice } from './StoryViewChoice.js';
import './story.css';

/** A row's usual height (one line of title); taller rows are measured. */
const rowHeight = 37;

interface StoryListProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  filter: StoryFilter;
}

export function StoryList({ api, workspace, navigate, filter }: StoryListProps) {
  const releases = useReleaseList(api, workspace.revision);
  const writable = workspace.info?.writable ?? false;
  // Re-rendered when the choice changes: which of the two links a key can stand for depends on it.
  useStoryViewChoice(writable);
  const rows = useMemo(
    () => storyRows(workspace.documents, workspace.requirementOwner),
    [workspace.documents, workspace.requirementOwner],
  );
  const shown = useMemo(
    () => filterStories(rows, filter, { roadmapByKey: workspace.roadmapByKey, releases }),
    [rows, filter, workspace.roadmapByKey, releases],
  );
  const options = useFilterOptions(workspace, releases, rows);
  // 8,000 stories: only the rows near the viewport exist in the DOM.
  const virtualRows = useVirtualRows(shown.length, rowHeight);
  const select = (name: StoryFilterField, label: string) => (
    <FilterSelect
      label={label}
      value={filter[name]}
      options={options[name]}
      onChange={(value) => navigate(storiesHash({ ...filter, [name]: value }))}
    />
  );
  const filtered = Object.keys(filter).length > 0;
  return (
    <section className="page story-list">
      <header className="page-header">
        <h1>Stories</h1>
        <p className="muted" role="status" aria-label="Stories shown">
          {shown.length} of {rows.length}
        </p>
        {workspace.info?.writable && <StoryViewChoice />}
      </header>
      <SavedViews filter={filter} workspaceName={workspace.info?.folderName ?? ''} />
      <div className="filters" role="group" aria-label="Filter stories">
        {select('lane', 'Lane')}
        {select('release', 'Release')}
        {select('roadmap', 'Roadmap item')}
        {select('spec', 'Spec')}
        {select('status', 'Status')}
        {select('owner', 'Owner')}
        {filtered && (
          <a className="button subtle clear-filters" href={storiesHash()}>
            Clear filters
          </a>
        )}
      </div>
      {/* Virtualized: the row count and each row's place tell a screen reader what is not rendered. */}
      <table className="data-table story-table" aria-rowcount={shown.length + 1}>
        <colgroup>
          <col />
          <col className="story-table__status" />
          <col className="story-table__keys" />
          <col className="story-table__keys" />
          <col className="story-table__edit" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Story</th>
            <th scope="col">Status</th>
            <th scope="col">Implements</th>
            <th scope="col">Roadmap</th>
            <th scope="col">
              <span className="visually-hidden">Edit</span>
            </th>
          </tr>
        </thead>
        <tbody ref={virtualRows.bodyRef}>
          <SpacerRow height={virtualRows.before} columns={5} />
          {virtualRows.rows.map((virtual) => {
            const { story, roadmap } = shown[virtual.index]!;
            return (
              <tr
                key={story.path}
                aria-rowindex={virtual.index + 2}
                data-index={virtual.index}
                ref={virtualRows.measureRow}
              >
                <td>
                  <a href={storyViewHash(story, 'engineer', writable, workspace.byKey)}>
                    <span className="key">{story.key}</span> {story.title}
                  </a>
                </td>
                <td>
                  {story.status && <span className={`status status-${story.status}`}>{story.status}</span>}
                </td>
                <td className="keys">{story.implements.join(', ')}</td>
                <td className="keys">{roadmap.join(', ')}</td>
                <td>
                  {workspace.info?.writable && (
                    <a
                      className="subtle-link"
                      href={storyViewHash(story, 'editor', writable, workspace.byKey)}
                      aria-label={`Edit ${story.title}`}
                    >
                      Edit
                    </a>
                  )}
                </td>
              </tr>
            );
          })}
          <SpacerRow height={virtualRows.after} columns={5} />
        </tbody>
      </table>
      {shown.length === 0 && <p className="muted">No story matches these filters.</p>}
    </section>
  );
}

type Options = Record<StoryFilterField, readonly (readonly [string, string])[]>;

function useFilterOptions(
  workspace: WorkspaceState,
  releases: ReturnType<typeof useReleaseList>,
  rows: ReturnType<typeof storyRows>,
): Options {
  return useMemo(() => {
    const owners = [...new Set(rows.flatMap((row) => (row.story.owner ? [row.story.owner] : [])))].sort();
    return {
      lane: lanes.map((lane) => [lane, lane[0]!.toUpperCase() + lane.slice(1)] as const),
      release: releases.map((release) => [release.key, `${release.key} — ${release.name}`] as const),
      roadmap: workspace.roadmap.map((item) => [item.key, `${item.key} — ${item.title}`] as const),
      spec: workspace.documents
        .filter((entry) => entry.type === 'spec' && entry.key)
        .map((entry) => [entry.key!, `${entry.key} — ${entry.title}`] as const),
      status: documentStatuses.story.map((status) => [status, status] as const),
      owner: owners.map((owner) => [owner, owner] as const),
    };
  }, [workspace.roadmap, workspace.documents, releases, rows]);
}
