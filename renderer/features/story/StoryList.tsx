/** All stories, filterable by roadmap item, spec and status; each opens the engineer's story page. */
import { useMemo, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { documentStatuses } from '../../../shared/model/documentModel.js';
import { documentHash, storyHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { filterStories, storyRows, type StoryFilter } from './storyFilter.js';
import './story.css';

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
  const specs = workspace.documents.filter((entry) => entry.type === 'spec' && entry.key);
  const select = (name: keyof StoryFilter, label: string, options: [string, string][]) => (
    <label className="filter">
      <span>{label}</span>
      <select
        value={filter[name] ?? ''}
        onChange={(event) => setFilter({ ...filter, [name]: event.target.value || undefined })}
      >
        <option value="">Any</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
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
        {select(
          'roadmap',
          'Roadmap item',
          workspace.roadmap.map((item) => [item.key, `${item.key} — ${item.title}`]),
        )}
        {select(
          'spec',
          'Spec',
          specs.map((entry) => [entry.key!, `${entry.key} — ${entry.title}`]),
        )}
        {select(
          'status',
          'Status',
          documentStatuses.story.map((status) => [status, status]),
        )}
      </div>
      <table className="data-table">
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
        <tbody>
          {shown.map(({ story, roadmap }) => (
            <tr key={story.path}>
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
                <a className="subtle-link" href={documentHash(story.path)} aria-label={`Edit ${story.title}`}>
                  Edit
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p className="muted">No story matches these filters.</p>}
    </section>
  );
}
