/** All releases (`#/releases`): each with its date, status and readiness, and a form for a new one. */
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { longDate } from '../../../shared/releases/releaseNotes.js';
import { releaseReadiness } from '../../../shared/releases/releaseReadiness.js';
import { HashLink } from '../../ui/HashLink.js';
import { releaseHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { useReleases } from '../../workbench/useReleases.js';
import './evidence.css';

interface ReleasesPageProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
}

export function ReleasesPage({ api, workspace, navigate }: ReleasesPageProps) {
  const { releases, error } = useReleases(api, workspace.revision);
  const writable = workspace.info?.writable ?? false;
  const rows = useMemo(
    () =>
      (releases ?? []).map((release) => releaseReadiness(release, workspace.roadmap, workspace.documents)),
    [releases, workspace.roadmap, workspace.documents],
  );
  return (
    <section className="view releases-view">
      <header className="view__header">
        <div>
          <h1 className="view__title">Releases</h1>
          <p className="view__subtitle">
            What ships when, whether it is ready, and what customers are told. Stored in roadmap.json.
          </p>
        </div>
      </header>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      {releases && rows.length === 0 && (
        <div className="panel feedback-empty">
          <h2>No releases yet</h2>
          <p>A release groups roadmap items that ship together, with a date and release notes.</p>
        </div>
      )}
      {rows.length > 0 && (
        <table className="data-table releases-table">
          <thead>
            <tr>
              <th scope="col">Release</th>
              <th scope="col">Status</th>
              <th scope="col">Date</th>
              <th scope="col">Items</th>
              <th scope="col">Readiness</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ release, items, ready }) => (
              <tr key={release.key}>
                <td>
                  <HashLink hash={releaseHash(release.key)} navigate={navigate}>
                    <span className="key">{release.key}</span> {release.name}
                  </HashLink>
                </td>
                <td>
                  <span className={release.status === 'released' ? 'status status-shipped' : 'status'}>
                    {release.status}
                  </span>
                </td>
                <td>{release.date ? longDate(release.date) : '—'}</td>
                <td>{release.items.length}</td>
                <td>
                  {release.status === 'released'
                    ? 'Shipped'
                    : ready
                      ? 'Ready'
                      : `${items.filter((item) => item.ready).length} of ${release.items.length} items ready`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {writable && (
        <NewReleaseForm
          api={api}
          onCreated={(key) => void workspace.update({ roadmap: true }).then(() => navigate(releaseHash(key)))}
        />
      )}
    </section>
  );
}

function NewReleaseForm({ api, onCreated }: { api: SpecbenchApi; onCreated: (key: string) => void }) {
  const [name, setName] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError('A release needs a name.');
    const created = await api.createRelease({ name: name.trim(), ...(date ? { date } : {}) });
    if (!created.ok) return setError(created.message);
    setName('');
    setDate('');
    setError(undefined);
    onCreated(created.release.key);
  }
  return (
    <form className="panel new-release" aria-label="New release" onSubmit={(event) => void submit(event)}>
      <h2 className="panel__title">New release</h2>
      <div className="new-release__fields">
        <label>
          <span>Name</span>
          <input
            className="input"
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label>
          <span>Target date</span>
          <input
            className="input"
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--primary">
          Create release
        </button>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
