/** All stories, filterable by roadmap item, spec and status; each opens the engineer's story page. */
import { useMemo, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { documentStatuses } from '../../../shared/model/documentModel.js';
import { SpacerRow } from '../../ui/SpacerRow.js';
import { useVirtualRows } from '../../ui/useVirtualRows.js';
import { documentHash, storyHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { filterStories, storyRows, type StoryFilter } from './storyFilter.js';
import { FilterSelect } from './FilterSelect.js';
import './story.css';

/** A row's usual height (one line of title); taller rows are measured. */
const rowHeight = 37;

interface StoryListProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
}

export function StoryList({ workspace }: StoryListProps) {
  const [filter, setFilter] = useState<StoryFilter>({});
  const rows = useMemo(
    () => storyRows(workspace.documents, workspace.requirementOwner),
    [workspace.documents, workspace.requirementOwner],
  );
  const shown = useMemo(() => filterStories(rows, filter), [rows, filter]);
  const specs = useMemo(
    () => workspace.documents.filter((entry) => entry.type === 'spec' && entry.key),
    [workspace.documents],
  );
  // 8,000 stories: only the rows near the viewport exist in the DOM.
  const virtualRows = useVirtualRows(shown.length, rowHeight);
  const select = (
    name: keyof StoryFilter,
    label: string,
    options: readonly (readonly [string, string])[],
  ) => (
    <FilterSelect
      label={label}
      value={filter[name]}
      options={options}
      onChange={(value) => setFilter({ ...filter, [name]: value })}
    />
  );
  const roadmapOptions = useMemo(
    () => workspace.roadmap.map((item) => [item.key, `${item.key} — ${item.title}`] as const),
    [workspace.roadmap],
  );
  const specOptions = useMemo(
    () => specs.map((entry) => [entry.key!, `${entry.key} — ${entry.title}`] as const),
    [specs],
  );
  return (
    <section className="page story-list">
      <header className="page-header">
        <h1>Stories</h1>
        <p className="muted">
          {shown.length} of {rows.length}
        </p>
      </header>
      <div className="filters" role="group" aria-label="Filter stories">
        {select('roadmap', 'Roadmap item', roadmapOptions)}
        {select('spec', 'Spec', specOptions)}
        {select(
          'status',
          'Status',
          documentStatuses.story.map((status) => [status, status] as const),
        )}
      </div>
      <table className="data-table story-table">
        <colgroup>
          <col />
          <col className="story-table__status" />
          <col className="story-table__keys" />
          <col className="story-table__keys" />
          <col className="story-table__edit" />
        </colgroup>
        <thead>
          <tr>
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
              <tr key={story.path} data-index={virtual.index} ref={virtualRows.measureRow}>
                <td>
                  <a href={storyHash(story.path)}>
                    <span className="key">{story.key}</span> {story.title}
                  </a>
                </td>
                <td>
                  {story.status && <span className={`status status-${story.status}`}>{story.status}</span>}
                </td>
                <td className="keys">{story.implements.join(', ')}</td>
                <td className="keys">{roadmap.join(', ')}</td>
                <td>
                  <a
                    className="subtle-link"
                    href={documentHash(story.path)}
                    aria-label={`Edit ${story.title}`}
                  >
                    Edit
                  </a>
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
