/**
 * Success metrics across specs (`#/metrics`): each spec's "Success metrics" table with target, actual
 * and a verdict (met, not met, not measured); a metric still unmeasured a month after its release is flagged
 * as `check` flags it.
 */
import { useMemo } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { metricVerdict, verdictLabels, type MetricVerdict } from '../../../shared/metrics/metricVerdict.js';
import { longDate } from '../../../shared/releases/releaseNotes.js';
import { shippedReleaseOf } from '../../../shared/releases/specRelease.js';
import { HashLink } from '../../ui/HashLink.js';
import { documentHash, documentLink, releaseHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { useReleases } from '../../workbench/useReleases.js';
import './evidence.css';

interface MetricsViewProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
}

/** Why a metric could not be judged, and how to write it so it can (the chip's tooltip). */
const verdictHints: Partial<Record<MetricVerdict, string>> = {
  'not-read':
    'The Actual is not clearly a number: write it with its unit, and when it was measured in brackets, e.g. 4.2% (2026-11-30).',
  unclear:
    'Target and Actual are not numbers of one kind (a percentage and a count, or words): compare them by hand.',
};

const verdictOrder: MetricVerdict[] = ['met', 'not-met', 'not-measured', 'not-read', 'unclear'];

export function MetricsView({ api, workspace, navigate }: MetricsViewProps) {
  const { releases } = useReleases(api, workspace.revision);
  const specs = useMemo(
    () => workspace.documents.filter((entry) => entry.type === 'spec' && (entry.metrics?.length ?? 0) > 0),
    [workspace.documents],
  );
  const overdue = useMemo(
    () =>
      new Map(
        workspace.findings
          .filter((finding) => finding.rule === 'unmeasured-metric')
          .map((finding) => [`${finding.path}:${finding.line}`, finding.message] as const),
      ),
    [workspace.findings],
  );
  const counts = new Map<MetricVerdict, number>();
  for (const spec of specs) {
    for (const metric of spec.metrics ?? []) {
      const verdict = metricVerdict(metric);
      counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
    }
  }
  return (
    <section className="view metrics-view">
      <header className="view__header">
        <div>
          <h1 className="view__title">Success metrics</h1>
          <p className="view__subtitle">
            {specs.length === 0
              ? 'From each spec’s “Success metrics” table (Metric, Target, Actual).'
              : verdictOrder
                  .filter((verdict) => counts.has(verdict))
                  .map((verdict) => `${counts.get(verdict)} ${verdictLabels[verdict]}`)
                  .join(' · ')}
          </p>
        </div>
      </header>
      {specs.length === 0 && (
        <div className="panel feedback-empty">
          <h2>No success metrics yet</h2>
          <p>Fill in the “Success metrics” table of a spec — Metric, Target and, after launch, Actual.</p>
        </div>
      )}
      {specs.map((spec) => {
        const shipped = releases && shippedReleaseOf(spec, releases);
        return (
          <section key={spec.path} className="panel metrics-spec" aria-labelledby={`metrics-${spec.path}`}>
            <h2 id={`metrics-${spec.path}`} className="metrics-spec__title">
              <HashLink hash={documentLink(spec, {}, workspace.byKey)} navigate={navigate}>
                {spec.key && <span className="key">{spec.key}</span>} {spec.title}
              </HashLink>
            </h2>
            <p className="metrics-spec__shipped">
              {shipped ? (
                <>
                  Shipped in{' '}
                  <HashLink hash={releaseHash(shipped.release.key)} navigate={navigate}>
                    {shipped.release.key} {shipped.release.name}
                  </HashLink>{' '}
                  on {longDate(shipped.date)}
                </>
              ) : (
                'Not shipped in a release yet'
              )}
            </p>
            <table className="data-table metrics-table" aria-label={`Metrics of ${spec.key ?? spec.title}`}>
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col">Baseline</th>
                  <th scope="col">Target</th>
                  <th scope="col">Actual</th>
                  <th scope="col">Verdict</th>
                </tr>
              </thead>
              <tbody>
                {(spec.metrics ?? []).map((metric) => {
                  const verdict = metricVerdict(metric);
                  const late = overdue.get(`${spec.path}:${metric.line}`);
                  return (
                    <tr key={metric.line}>
                      <td>
                        <a href={documentHash(spec.path, metric.line)}>{metric.metric}</a>
                      </td>
                      <td>{metric.baseline}</td>
                      <td>{metric.target}</td>
                      <td>{metric.actual || '—'}</td>
                      <td>
                        <span className={`verdict verdict--${verdict}`} title={verdictHints[verdict]}>
                          {verdictLabels[verdict]}
                        </span>
                        {late && (
                          <span className="verdict verdict--overdue" title={late}>
                            unmeasured after release
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
    </section>
  );
}
