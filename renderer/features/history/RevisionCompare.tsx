/** Compare two revisions (tags, branches, commits, or the working copy), narrowed to the page's subject. */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { ChangeReportView, ItemChangeView, RevisionView } from '../../../shared/contract/gitViews.js';
import { isKey } from '../../../shared/grammar/linkGrammar.js';
import type { ReadableChange } from '../../../shared/merge/readableChange.js';
import { rekeyLabel } from '../../../shared/merge/rekeyedRequirement.js';
import { ChangedBlocks } from '../../ui/ChangedBlocks.js';

interface RevisionCompareProps {
  api: SpecbenchApi;
  subject: string;
  changes: readonly ItemChangeView[];
}

const workingCopy = '';

export function RevisionCompare({ api, subject, changes }: RevisionCompareProps) {
  const [revisions, setRevisions] = useState<RevisionView[]>([]);
  const commits = changes.filter((change) => change.commit);
  const [from, setFrom] = useState(commits.at(-1)?.commit ?? '');
  const [to, setTo] = useState(workingCopy);
  const [result, setResult] = useState<{ lines: Difference[] } | string | undefined>(undefined);

  useEffect(() => {
    void api.listRevisions({}).then((listed) => listed.ok && setRevisions(listed.revisions));
  }, [api]);

  const options = [
    ...commits.map((change) => ({
      name: change.commit!,
      label: `${change.commit!.slice(0, 7)} · ${change.message}`,
    })),
    ...revisions
      .filter((revision) => revision.kind !== 'commit')
      .map((revision) => ({ name: revision.name, label: `${revision.kind} ${revision.name}` })),
  ];

  const compare = async (event: FormEvent) => {
    event.preventDefault();
    const report = await api.compareRevisions(to === workingCopy ? { from } : { from, to });
    setResult(report.ok ? { lines: differencesFor(report.report, subject) } : report.message);
  };

  if (options.length === 0) return null;
  return (
    <form
      className="revision-compare"
      aria-label="Compare revisions"
      onSubmit={(event) => void compare(event)}
    >
      <h2 className="section-title">Compare two revisions</h2>
      <div className="revision-compare__fields">
        <label>
          From{' '}
          <select value={from} onChange={(event) => setFrom(event.target.value)}>
            {options.map((option) => (
              <option key={`from-${option.name}`} value={option.name}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          To{' '}
          <select value={to} onChange={(event) => setTo(event.target.value)}>
            <option value={workingCopy}>the working copy</option>
            {options.map((option) => (
              <option key={`to-${option.name}`} value={option.name}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={from === ''}>
          Compare
        </button>
      </div>
      {typeof result === 'string' && (
        <p className="inline-error" role="alert">
          {result}
        </p>
      )}
      {typeof result === 'object' && (
        <div role="region" aria-label="Comparison">
          {result.lines.length === 0 ? (
            <p className="muted">No difference between these revisions for {subject}.</p>
          ) : (
            result.lines.map((line) => (
              <section key={`${line.what}-${line.change}`} className="file-diff__block">
                <h3>
                  {line.what} <span className="muted">{line.change}</span>
                </h3>
                {line.detail && <p className="muted">{line.detail}</p>}
                {(line.diff.length > 0 || line.readable) && (
                  <ChangedBlocks
                    headings={false}
                    blocks={[
                      {
                        what: line.what,
                        change: line.change,
                        diff: line.diff,
                        ...(line.readable ? { readable: line.readable } : {}),
                      },
                    ]}
                  />
                )}
              </section>
            ))
          )}
        </div>
      )}
    </form>
  );
}

interface Difference {
  what: string;
  change: 'added' | 'removed' | 'changed';
  detail?: string;
  diff: string[];
  readable?: ReadableChange;
}

/** The report's lines that concern the subject: its requirement or item by key, or a document's requirements by path. */
export function differencesFor(report: ChangeReportView, subject: string): Difference[] {
  const mine = (entry: { key: string; from?: string; path?: string }) =>
    isKey(subject) ? entry.key === subject || entry.from === subject : entry.path === subject;
  const fields = (changes: { field: string; from: unknown; to: unknown }[]) =>
    changes.map((change) => `${change.field}: ${show(change.from)} → ${show(change.to)}`).join('; ');
  return [
    // Its fields, text and criteria in words, as the Changes panel shows an added one; the source a click away.
    ...report.requirements.added.filter(mine).map((entry) => ({
      what: entry.key,
      change: 'added' as const,
      diff: entry.body.split('\n').map((line) => `+${line}`),
      ...(entry.readable ? { readable: entry.readable } : {}),
    })),
    ...report.requirements.removed.filter(mine).map((entry) => ({
      what: entry.key,
      change: 'removed' as const,
      diff: entry.body.split('\n').map((line) => `-${line}`),
    })),
    ...report.requirements.changed.filter(mine).map((entry) => {
      // Its attributes read in the change itself; where it lives is said above it.
      const moved = entry.readable
        ? entry.fields.filter((field) => field.field === 'spec' || field.field === 'path')
        : entry.fields;
      return {
        what: entry.from ? rekeyLabel(entry.from, entry.key) : entry.key,
        change: 'changed' as const,
        ...(moved.length > 0 ? { detail: fields(moved) } : {}),
        diff: entry.diff,
        ...(entry.readable ? { readable: entry.readable } : {}),
      };
    }),
    ...report.roadmap.changed
      .filter((entry) => entry.key === subject)
      .map((entry) =>
        entry.readable
          ? { what: entry.key, change: 'changed' as const, diff: [], readable: entry.readable }
          : { what: entry.key, change: 'changed' as const, detail: fields(entry.fields), diff: [] },
      ),
    ...[...report.roadmap.added, ...report.roadmap.removed]
      .filter((entry) => entry.key === subject)
      .map((entry) => ({
        what: entry.key,
        change: report.roadmap.added.includes(entry) ? ('added' as const) : ('removed' as const),
        diff: [],
      })),
    ...[...report.documents.added, ...report.documents.removed].filter(mine).map((entry) => ({
      what: entry.title ?? entry.path,
      change: report.documents.added.includes(entry) ? ('added' as const) : ('removed' as const),
      diff: [],
    })),
  ];
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);
}
