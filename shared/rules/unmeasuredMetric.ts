/**
 * `unmeasured-metric`: a success metric still without an Actual more than 30 days after its spec
 * shipped, or with an Actual that cannot be read as a measurement ("about 35 in November"), so
 * nobody can tell whether it was met.
 */
import { isMeasured, metricVerdict } from '../metrics/metricVerdict.js';
import type { MetricEntry } from '../model/documentModel.js';
import { shippedReleaseOf } from '../releases/specRelease.js';
import type { Rule, RuleFinding } from './finding.js';

export const measureAfterDays = 30;

export const unmeasuredMetric: Rule = {
  id: 'unmeasured-metric',
  check(input, keys) {
    if (input.today === undefined) return [];
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      if (document.type !== 'spec' || !document.metrics.some(unjudged)) continue;
      const shipped = shippedReleaseOf(document, [...keys.releases.values()]);
      if (!shipped) continue;
      const days = daysBetween(shipped.date, input.today);
      if (days === undefined || days <= measureAfterDays) continue;
      const name = document.key ?? document.path;
      for (const metric of document.metrics) {
        if (!unjudged(metric)) continue;
        const when = `${days} days after ${shipped.release.key} shipped it (${shipped.date})`;
        const finding: RuleFinding = {
          path: document.path,
          line: metric.line,
          message: isMeasured(metric.actual)
            ? `${name}'s metric "${metric.metric}" has an Actual that is not a measurement ("${metric.actual.trim()}") ${when}: write the number with its unit, e.g. "35%" or "35% (2026-11-30)".`
            : `${name}'s metric "${metric.metric}" has no Actual ${when}.`,
        };
        if (document.key !== undefined) finding.key = document.key;
        findings.push(finding);
      }
    }
    return findings;
  },
};

/** Nobody can tell whether the metric was met: no Actual, or one that is not a measurement. */
function unjudged(metric: MetricEntry): boolean {
  return !isMeasured(metric.actual) || metricVerdict(metric) === 'not-read';
}

/** Whole days from one `YYYY-MM-DD` to another, as calendar dates (no time zone involved). */
export function daysBetween(from: string, to: string): number | undefined {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return Math.round((end - start) / 86_400_000);
}
