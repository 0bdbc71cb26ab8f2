/**
 * The Metrics view's data, computed once per workspace change and kept apart from rendering: each
 * spec with its metrics judged (verdict, and whether `check` flags it unmeasured after its release),
 * then filtered by a verdict and sorted without judging anything again.
 */
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { metricVerdict, type MetricVerdict } from '../../../shared/metrics/metricVerdict.js';
import type { MetricEntry } from '../../../shared/model/documentModel.js';
import type { Release } from '../../../shared/model/roadmapModel.js';
import { shippedReleaseOf, type ShippedRelease } from '../../../shared/releases/specRelease.js';

export interface JudgedMetric {
  metric: MetricEntry;
  verdict: MetricVerdict;
  /** `check`'s message when the metric is still unmeasured a month after its release. */
  overdue?: string;
}

export interface MetricsSpec {
  spec: DocumentSummary;
  metrics: readonly JudgedMetric[];
  shipped?: ShippedRelease;
}

/** A verdict, or the metrics `check` flags as unmeasured after their release. */
export type MetricsFilter = MetricVerdict | 'overdue' | '';
export type MetricsSort = 'spec' | 'not-met' | 'shipped';

export const verdictOrder: readonly MetricVerdict[] = [
  'met',
  'not-met',
  'not-measured',
  'not-read',
  'unclear',
];

// Judging reads every Target and Actual: 50,000 regular-expression matches at 10,000 metrics. A
// metric's cells never change in place (a save brings new summaries), so its verdict is kept.
const verdicts = new WeakMap<MetricEntry, MetricVerdict>();

function verdictOf(metric: MetricEntry): MetricVerdict {
  let verdict = verdicts.get(metric);
  if (verdict === undefined) verdicts.set(metric, (verdict = metricVerdict(metric)));
  return verdict;
}

export function judgeMetrics(
  documents: readonly DocumentSummary[],
  overdue: ReadonlyMap<string, string>,
  releases: readonly Release[] | undefined,
): MetricsSpec[] {
  const specs: MetricsSpec[] = [];
  for (const spec of documents) {
    if (spec.type !== 'spec' || !spec.metrics?.length) continue;
    const shipped = releases && shippedReleaseOf(spec, releases);
    specs.push({
      spec,
      metrics: spec.metrics.map((metric) => {
        const late = overdue.get(`${spec.path}:${metric.line}`);
        return { metric, verdict: verdictOf(metric), ...(late === undefined ? {} : { overdue: late }) };
      }),
      ...(shipped ? { shipped } : {}),
    });
  }
  return specs;
}

/** How many metrics have each verdict, and how many are overdue. */
export function countVerdicts(specs: readonly MetricsSpec[]): Map<MetricsFilter, number> {
  const counts = new Map<MetricsFilter, number>();
  for (const { metrics } of specs) {
    for (const judged of metrics) {
      counts.set(judged.verdict, (counts.get(judged.verdict) ?? 0) + 1);
      if (judged.overdue !== undefined) counts.set('overdue', (counts.get('overdue') ?? 0) + 1);
    }
  }
  return counts;
}

function matches(judged: JudgedMetric, filter: MetricsFilter): boolean {
  return filter === 'overdue' ? judged.overdue !== undefined : judged.verdict === filter;
}

const notMet = (entry: MetricsSpec): number =>
  entry.metrics.filter((judged) => judged.verdict === 'not-met' || judged.overdue !== undefined).length;

/**
 * The specs with a metric the filter keeps, each with only those metrics (an unfiltered spec keeps its
 * own object, so its rendering is reused). Sorts are stable: ties keep the workspace's order.
 */
export function shownMetrics(
  specs: readonly MetricsSpec[],
  filter: MetricsFilter,
  sort: MetricsSort,
): MetricsSpec[] {
  let shown: MetricsSpec[] = [...specs];
  if (filter) {
    shown = [];
    for (const entry of specs) {
      const kept = entry.metrics.filter((judged) => matches(judged, filter));
      if (kept.length === entry.metrics.length) shown.push(entry);
      else if (kept.length > 0) shown.push({ ...entry, metrics: kept });
    }
  }
  if (sort === 'not-met') {
    const missed = new Map(shown.map((entry) => [entry, notMet(entry)]));
    shown.sort((left, right) => missed.get(right)! - missed.get(left)!);
  } else if (sort === 'shipped') {
    // Latest release first; specs not shipped yet after every shipped one.
    shown.sort((left, right) => (right.shipped?.date ?? '').localeCompare(left.shipped?.date ?? ''));
  }
  return shown;
}
