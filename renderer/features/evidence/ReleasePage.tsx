/**
 * One release (`#/releases/REL-n`): its date and status, whether it is ready (items, requirements and
 * stories done, open problems), its items, and its notes for customers or the team, to copy or export.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { useLinkingDocuments } from '../../workbench/useLinkingDocuments.js';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { Release } from '../../../shared/model/roadmapModel.js';
import { releaseStatuses } from '../../../shared/model/roadmapModel.js';
import {
  notCountedRequirements,
  releaseReadiness,
  type ReleaseReadiness,
  type RequirementReadiness,
} from '../../../shared/releases/releaseReadiness.js';
import { localDate, releasedOn } from '../../../shared/releases/releasedOn.js';
import { HashLink } from '../../ui/HashLink.js';
import { documentHash, roadmapHash, roadmapItemHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { ReleaseNotesPanel } from './ReleaseNotesPanel.js';
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

function relatedPaths(readiness: ReleaseReadiness, workspace: WorkspaceState): Set<string> {
  const paths = new Set<string>();
  for (const item of readiness.items) {
    for (const requirement of item.requirements) {
      paths.add(requirement.specPath);
      for (const story of requirement.stories) {
        const path = workspace.byKey.get(story.key)?.path;
        if (path) paths.add(path);
      }
    }
  }
  return paths;
}

function ReadinessPanel({
  readiness,
  workspace,
}: {
  readiness: ReleaseReadiness;
  workspace: WorkspaceState;
}) {
  // The same requirements the verdict counts (not could, wont or deferred), so the tiles cannot disagree with it.
  const requirements = readiness.items.flatMap((item) =>
    item.requirements.filter((requirement) => requirement.notCounted === undefined),
  );
  const notCounted = notCountedRequirements(readiness);
  const storiesDone = readiness.items.reduce((sum, item) => sum + item.storiesDone, 0);
  const storiesTotal = readiness.items.reduce((sum, item) => sum + item.storiesTotal, 0);
  const paths = relatedPaths(readiness, workspace);
  const problems = workspace.findings.filter(
    (finding) => finding.severity !== 'info' && paths.has(finding.path),
  );
  const figures: [string, string, boolean][] = [
    [
      'Items ready',
      `${readiness.items.filter((item) => item.ready).length} of ${readiness.release.items.length}`,
      readiness.ready,
    ],
    [
      'Requirements done',
      `${requirements.filter((requirement) => requirement.done).length} of ${requirements.length}`,
      requirements.length > 0 && requirements.every((requirement) => requirement.done),
    ],
    ['Stories done', `${storiesDone} of ${storiesTotal}`, storiesTotal > 0 && storiesDone === storiesTotal],
    ['Open problems', String(problems.length), problems.length === 0],
  ];
  return (
    <section className="panel" aria-labelledby="readiness-title">
      <h2 id="readiness-title" className="panel__title">
        Readiness <span className="panel__count">{readiness.ready ? 'ready to ship' : 'not ready yet'}</span>
      </h2>
      <dl className="readiness">
        {figures.map(([label, value, good]) => (
          <div
            key={label}
            className={good ? 'readiness__figure readiness__figure--good' : 'readiness__figure'}
          >
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {problems.length > 0 && (
        <ul className="readiness__problems" aria-label="Open problems">
          {problems.slice(0, 8).map((finding) => (
            <li key={`${finding.path}:${finding.line}:${finding.rule}`}>
              <a href={documentHash(finding.path, finding.line)}>{finding.message}</a>
            </li>
          ))}
        </ul>
      )}
      {notCounted.length > 0 && <p className="readiness__note">Not counted: {notCounted.join(', ')}.</p>}
      {readiness.missing.length > 0 && (
        <p className="form-error">Not on the roadmap: {readiness.missing.join(', ')}.</p>
      )}
    </section>
  );
}

function ItemsPanel({
  readiness,
  releases,
  workspace,
  navigate,
  writable,
  onItems,
}: {
  readiness: ReleaseReadiness;
  releases: readonly Release[];
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  writable: boolean;
  onItems: (items: string[]) => void;
}) {
  const keys = readiness.release.items;
  const addable = workspace.roadmap.filter((item) => !keys.includes(item.key));
  return (
    <section className="panel" aria-labelledby="release-items-title">
      <h2 id="release-items-title" className="panel__title">
        Items <span className="panel__count">{keys.length}</span>
        {keys.length > 0 && (
          <HashLink className="panel__action" hash={roadmapHash(readiness.release.key)} navigate={navigate}>
            Show on the board
          </HashLink>
        )}
      </h2>
      {readiness.items.length === 0 ? (
        <p className="view-empty">No roadmap items in this release yet.</p>
      ) : (
        <table className="data-table" aria-label="Release items">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Status</th>
              <th scope="col">Requirements</th>
              <th scope="col">Stories</th>
              <th scope="col">Ready</th>
              {writable && (
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {readiness.items.map(({ item, requirements, storiesDone, storiesTotal, ready, why }) => (
              <tr key={item.key}>
                <td>
                  <HashLink hash={roadmapItemHash(item.key)} navigate={navigate}>
                    <span className="key">{item.key}</span> {item.title}
                  </HashLink>
                </td>
                <td>{item.status}</td>
                <td>
                  <RequirementsDone requirements={requirements} />
                </td>
                <td>
                  {storiesDone} of {storiesTotal} done
                </td>
                <td>
                  {ready ? (
                    <span className="status status-done">ready</span>
                  ) : (
                    <>
                      <span className="status">not yet</span>
                      {why && <span className="release-items__why">{why}</span>}
                    </>
                  )}
                </td>
                {writable && (
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Remove ${item.key} from the release`}
                      onClick={() => onItems(keys.filter((key) => key !== item.key))}
                    >
                      Remove
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {writable && addable.length > 0 && (
        <label className="evidence-filter release-add">
          <span>Add an item</span>
          <select value="" onChange={(event) => event.target.value && onItems([...keys, event.target.value])}>
            <option value="">Choose a roadmap item…</option>
            {addable.map((item) => {
              // An item already in another release can ship in this one too, but says so.
              const elsewhere = releases
                .filter((other) => other.key !== readiness.release.key && other.items.includes(item.key))
                .map((other) => other.key);
              return (
                <option key={item.key} value={item.key}>
                  {item.key} — {item.title}
                  {elsewhere.length > 0 ? ` (already in ${elsewhere.join(', ')})` : ''}
                </option>
              );
            })}
          </select>
        </label>
      )}
    </section>
  );
}

/** How long typing must pause before the text is saved (as the editor autosaves). */
const autosaveDelay = 800;

/**
 * A text field saved as the user types (after a pause, and on leaving it), with its state shown, so a
 * reload or a click elsewhere never loses what was typed; an outside change shows when not typing.
 */
function useAutosavedText(saved: string, commit: (value: string) => Promise<boolean>) {
  const [value, setValue] = useState(saved);
  const [state, setState] = useState<'' | 'Unsaved' | 'Saving…' | 'Saved' | 'Not saved'>('');
  const pending = useRef<string | undefined>(undefined);
  const timer = useRef<number | undefined>(undefined);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  useEffect(() => {
    if (pending.current === undefined) setValue(saved);
  }, [saved]);
  const flush = () => {
    window.clearTimeout(timer.current);
    const text = pending.current;
    if (text === undefined) return;
    pending.current = undefined;
    setState('Saving…');
    void commitRef.current(text).then((ok) => setState(ok ? 'Saved' : 'Not saved'));
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;
  // Leaving the page saves what is still waiting.
  useEffect(() => () => flushRef.current(), []);
  const change = (text: string) => {
    setValue(text);
    pending.current = text;
    setState('Unsaved');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => flushRef.current(), autosaveDelay);
  };
  return { value, state, change, flush };
}

/** "2 of 2 done", and the ones that do not count: "(1 could-have not counted)". */
function RequirementsDone({ requirements }: { requirements: RequirementReadiness[] }) {
  const counted = requirements.filter((requirement) => requirement.notCounted === undefined);
  const left = requirements.length - counted.length;
  return (
    <>
      {counted.filter((requirement) => requirement.done).length} of {counted.length} done
      {left > 0 && <span className="release-items__why">+ {left} not counted</span>}
    </>
  );
}
