/**
 * Success metrics across specs (`#/metrics`): each spec's "Success metrics" table with target, actual
 * and a verdict (met, not met, not measured); a metric still unmeasured a month after its release is flagged
 * as `check` flags it. A thousand specs make a feed of which only the articles near the viewport are
 * rendered; a verdict filter and the sort choose and order them without judging anything again.
 */
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { verdictLabels } from '../../../shared/metrics/metricVerdict.js';
import { useVirtualRows } from '../../ui/useVirtualRows.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { useReleases } from '../../workbench/useReleases.js';
import { MetricsSpecArticle } from './MetricsSpecArticle.js';
import {
  countVerdicts,
  judgeMetrics,
  shownMetrics,
  verdictOrder,
  type MetricsFilter,
  type MetricsSort,
} from './metricRows.js';
import './evidence.css';

interface MetricsViewProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
}

/** A spec's usual height: title, release line and a table of five metrics; taller ones are measured. */
const articleHeight = 300;

const filterLabels: Record<Exclude<MetricsFilter, ''>, string> = {
  ...verdictLabels,
  overdue: 'unmeasured after release',
};

const sortLabels: Record<MetricsSort, string> = {
  spec: 'Spec',
  'not-met': 'Most not met first',
  shipped: 'Latest release first',
};

export function MetricsView({ api, workspace, navigate }: MetricsViewProps) {
  const { releases } = useReleases(api, workspace.revision);
  const [filter, setFilter] = useState<MetricsFilter>('');
  const [sort, setSort] = useState<MetricsSort>('spec');
  const overdue = useMemo(
    () =>
      new Map(
        workspace.findings
          .filter((finding) => finding.rule === 'unmeasured-metric')
          .map((finding) => [`${finding.path}:${finding.line}`, finding.message] as const),
      ),
    [workspace.findings],
  );
  const specs = useMemo(
    () => judgeMetrics(workspace.documents, overdue, releases),
    [workspace.documents, overdue, releases],
  );
  const counts = useMemo(() => countVerdicts(specs), [specs]);
  const shown = useMemo(() => shownMetrics(specs, filter, sort), [specs, filter, sort]);
  // 1,000 specs of five metrics each: only the articles near the viewport exist in the DOM.
  const virtual = useVirtualRows(shown.length, articleHeight, 3);
  // The feed pattern's keys: Page Down and Page Up move to the next and previous spec.
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
    const article = (event.target as HTMLElement).closest('article');
    const next = event.key === 'PageDown' ? article?.nextElementSibling : article?.previousElementSibling;
    if (!(next instanceof HTMLElement)) return;
    event.preventDefault();
    next.focus();
  }, []);
  const choices = [...verdictOrder, 'overdue' as const].filter((choice) => counts.has(choice));
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
        {specs.length > 0 && (
          <div className="metrics-view__controls">
            <label className="metrics-view__control">
              Verdict
              <select
                className="select"
                value={filter}
                onChange={(event) => setFilter(event.target.value as MetricsFilter)}
              >
                <option value="">All</option>
                {choices.map((choice) => (
                  <option key={choice} value={choice}>
                    {filterLabels[choice]} ({counts.get(choice)})
                  </option>
                ))}
              </select>
            </label>
            <label className="metrics-view__control">
              Sort by
              <select
                className="select"
                value={sort}
                onChange={(event) => setSort(event.target.value as MetricsSort)}
              >
                {Object.entries(sortLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
      </header>
      {specs.length === 0 && (
        <div className="panel feedback-empty">
          <h2>No success metrics yet</h2>
          <p>Fill in the “Success metrics” table of a spec — Metric, Target and, after launch, Actual.</p>
        </div>
      )}
      {specs.length > 0 && shown.length === 0 && (
        <p className="view-empty">No metric is {filter && filterLabels[filter]}.</p>
      )}
      {/* A feed holds articles: none while nothing is shown. */}
      {shown.length > 0 && (
        <div
          role="feed"
          aria-label="Specs with success metrics"
          aria-busy="false"
          className="metrics-view__feed"
          ref={virtual.bodyRef}
          onKeyDown={onKeyDown}
          style={{ paddingTop: virtual.before, paddingBottom: virtual.after }}
        >
          {virtual.rows.map(({ index }) => (
            <MetricsSpecArticle
              key={shown[index]!.spec.path}
              entry={shown[index]!}
              index={index}
              count={shown.length}
              byKey={workspace.byKey}
              navigate={navigate}
              measure={virtual.measureRow}
            />
          ))}
        </div>
      )}
    </section>
  );
}
