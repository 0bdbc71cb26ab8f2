/**
 * One release (`#/releases/REL-n`): its date and status, whether it is ready (items, requirements and
 * stories done, open problems), its items, and its notes for customers or the team, to copy or export.
 */
import { useMemo, useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { useLinkingDocuments } from '../../workbench/useLinkingDocuments.js';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { Release } from '../../../shared/model/roadmapModel.js';
import { releaseStatuses } from '../../../shared/model/roadmapModel.js';
import { releaseReadiness } from '../../../shared/releases/releaseReadiness.js';
import { localDate, releasedOn } from '../../../shared/releases/releasedOn.js';
import { HashLink } from '../../ui/HashLink.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { ReleaseNotesPanel } from './ReleaseNotesPanel.js';
import { ItemsPanel } from './ReleaseItemsPanel.js';
import { ReadinessPanel } from './ReleaseReadinessPanel.js';
import { useAutosavedText } from '../../workbench/useAutosavedText.js';
import { useReleases } from '../../workbench/useReleases.js';
import './evidence.css';

interface ReleasePageProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  releaseKey: string;
}

export function ReleasePage({ api, workspace, navigate, releaseKey }: ReleasePageProps) {
  const { releases, error } = useReleases(api, workspace.revision);
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const release = releases?.find((candidate) => candidate.key === releaseKey);
  const readiness = useMemo(
    () => release && releaseReadiness(release, workspace.roadmap, workspace.documents),
    [release, workspace.roadmap, workspace.documents],
  );
  const breadcrumb = (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <HashLink hash="#/releases" navigate={navigate}>
        Releases
      </HashLink>
      <span aria-hidden="true"> / </span>
      <span aria-current="page">{releaseKey}</span>
    </nav>
  );
  if (!release || !readiness) {
    return (
      <section className="view">
        {breadcrumb}
        <h1 className="view__title">{releases || error ? `No release ${releaseKey}` : 'Loading…'}</h1>
        {(releases || error) && (
          <p className="view__subtitle">{error ?? 'It may have been removed from roadmap.json.'}</p>
        )}
      </section>
    );
  }
  const writable = workspace.info?.writable ?? false;
  async function save(patch: Parameters<SpecbenchApi['updateRelease']>[0]['patch']) {
    const saved = await api.updateRelease({ key: releaseKey, patch });
    // The roadmap's revision moves, so the releases and the findings (unmeasured metrics) are read again.
    if (saved.ok) await workspace.update({ roadmap: true });
    setSaveError(saved.ok ? undefined : `Not saved: ${saved.message}`);
    return saved.ok ? undefined : saved.message;
  }
  return (
    <section className="view release-view">
      {breadcrumb}
      <header className="release-view__header">
        <span className="key-chip key-chip--large">{release.key}</span>
        <h1 className="view__title">{release.name}</h1>
        <span className={release.status === 'released' ? 'status status-shipped' : 'status'}>
          {release.status}
        </span>
      </header>
      {saveError && (
        <p role="alert" className="inline-error">
          {saveError}
        </p>
      )}
      {release.status === 'released' && !readiness.ready && (
        <p className="banner banner--warning" role="note">
          Marked released, but {readiness.items.filter((item) => !item.ready).length} of{' '}
          {readiness.items.length} items are not ready: their requirements or stories are not done.
        </p>
      )}
      <div className="release-view__layout">
        <div className="release-view__main">
          <ReadinessPanel readiness={readiness} workspace={workspace} />
          <ItemsPanel
            readiness={readiness}
            releases={releases ?? []}
            workspace={workspace}
            navigate={navigate}
            writable={writable}
            onItems={(items) => void save({ items })}
          />
          <ReleaseNotesPanel api={api} release={release} revision={workspace.revision} />
        </div>
        <aside className="release-view__side panel item-properties" aria-label="Release properties">
          <ReleaseFields release={release} writable={writable} save={save} />
          {writable && (
            <DeleteRelease api={api} release={release} workspace={workspace} navigate={navigate} />
          )}
        </aside>
      </div>
    </section>
  );
}

function ReleaseFields({
  release,
  writable,
  save,
}: {
  release: Release;
  writable: boolean;
  save: (patch: Parameters<SpecbenchApi['updateRelease']>[0]['patch']) => Promise<string | undefined>;
}) {
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  // Marked released with a date still to come (or none): the date became today; Undo puts the target back.
  const [releasedNote, setReleasedNote] = useState<{ message: string; target?: string } | undefined>(
    undefined,
  );
  const summary = useAutosavedText(release.summary ?? '', (value) =>
    // Saved as typed (a trailing space trimmed away would jump under the caret); empty removes it.
    save({ summary: value.trim() === '' ? null : value }).then((problem) => problem === undefined),
  );
  return (
    <>
      <label htmlFor="release-name" className="release-fields__wide">
        Name
      </label>
      <input
        id="release-name"
        className="input release-fields__wide"
        disabled={!writable}
        defaultValue={release.name}
        key={`name:${release.name}`}
        aria-invalid={nameError !== undefined}
        aria-describedby={nameError ? 'release-name-error' : undefined}
        onChange={() => setNameError(undefined)}
        onBlur={(event) => {
          const value = event.target.value.trim();
          if (value === release.name) return;
          if (!value) {
            setNameError('A release needs a name; the old one is kept.');
            event.target.value = release.name;
            return;
          }
          void save({ name: value });
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur();
        }}
      />
      {nameError && (
        <p id="release-name-error" role="alert" className="form-error release-fields__wide">
          {nameError}
        </p>
      )}
      <label htmlFor="release-status">Status</label>
      <select
        id="release-status"
        className="select"
        disabled={!writable}
        value={release.status}
        onChange={(event) => {
          const status = event.target.value as Release['status'];
          if (status !== 'released') {
            setReleasedNote(undefined);
            void save({ status });
            return;
          }
          const { patch, message } = releasedOn(release, localDate(new Date()));
          const target = release.date;
          void save(patch).then((problem) => {
            if (problem === undefined && message) setReleasedNote({ message, target });
          });
        }}
      >
        {releaseStatuses.map((status) => (
          <option key={status} value={status}>
            {status}
          </option>
        ))}
      </select>
      <label htmlFor="release-date">{release.status === 'released' ? 'Released on' : 'Target date'}</label>
      <input
        id="release-date"
        className="input"
        type="date"
        disabled={!writable}
        defaultValue={release.date ?? ''}
        key={release.date ?? ''}
        aria-invalid={dateError !== undefined}
        aria-describedby={dateError ? 'release-date-error' : undefined}
        onBlur={(event) => {
          const value = event.target.value;
          // The date field gives '' for a date it cannot read, and five-digit years as typed (12027).
          if (
            event.target.validity.badInput ||
            (value !== '' && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value))
          ) {
            setDateError('That is not a date this field can keep: pick one, or type it as mm/dd/yyyy.');
            return;
          }
          setDateError(undefined);
          if (value !== (release.date ?? '')) void save({ date: value || null });
        }}
      />
      {releasedNote && (
        <p role="status" className="release-fields__wide release-fields__moved">
          {releasedNote.message}{' '}
          <button
            type="button"
            className="button button--quiet"
            onClick={() =>
              void save({ date: releasedNote.target ?? null }).then((problem) => {
                if (problem === undefined) setReleasedNote(undefined);
              })
            }
          >
            Undo
          </button>
        </p>
      )}
      {dateError && (
        <p id="release-date-error" role="alert" className="form-error release-fields__wide">
          {dateError}
        </p>
      )}
      <label htmlFor="release-summary" className="release-fields__wide">
        Summary <span className="release-fields__hint">opens the release notes</span>
        {writable && (
          <span className="release-fields__state" role="status" aria-label="Summary save state">
            {summary.state}
          </span>
        )}
      </label>
      <textarea
        id="release-summary"
        className="input release-fields__wide"
        rows={5}
        disabled={!writable}
        value={summary.value}
        placeholder={writable ? 'What this release brings, in a sentence or two.' : undefined}
        onChange={(event) => summary.change(event.target.value)}
        onBlur={summary.flush}
      />
    </>
  );
}

/** Removes the release from roadmap.json after asking; its items, specs and stories are not touched. */
function DeleteRelease({
  api,
  release,
  workspace,
  navigate,
}: {
  api: SpecbenchApi;
  release: Release;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  // What links to the release ([[REL-2]] in a document) would break: the dialog says so first.
  const linking = useLinkingDocuments(api, release.key, asking);
  async function remove() {
    const removed = await api.removeRelease({ key: release.key });
    if (!removed.ok) {
      setAsking(false);
      setError(`Not deleted: ${removed.message}`);
      return;
    }
    await workspace.update({ roadmap: true });
    navigate('#/releases');
  }
  return (
    <>
      <button type="button" className="button release-fields__wide" onClick={() => setAsking(true)}>
        Delete release…
      </button>
      {error && (
        <p role="alert" className="form-error release-fields__wide">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={asking}
        title={`Delete ${release.key} ${release.name}?`}
        breaking={{ key: release.key, paths: linking ?? [] }}
        confirmLabel="Delete release"
        onConfirm={() => void remove()}
        onCancel={() => setAsking(false)}
      >
        The release is removed from roadmap.json. Its {release.items.length === 1 ? 'item' : 'items'}, specs
        and stories stay as they are; git history keeps the release if you need it back.
      </ConfirmDialog>
    </>
  );
}
