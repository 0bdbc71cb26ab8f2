/** `unmeasured-metric`: a success metric still without an Actual more than 30 days after its spec shipped. */
import { isMeasured } from '../metrics/metricVerdict.js';
import { shippedReleaseOf } from '../releases/specRelease.js';
import type { Rule, RuleFinding } from './finding.js';

export const measureAfterDays = 30;

export const unmeasuredMetric: Rule = {
  id: 'unmeasured-metric',
  check(input, keys) {
    if (input.today === undefined) return [];
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      if (document.type !== 'spec' || !document.metrics.some((metric) => !isMeasured(metric.actual)))
        continue;
      const shipped = shippedReleaseOf(document, [...keys.releases.values()]);
      if (!shipped) continue;
      const days = daysBetween(shipped.date, input.today);
      if (days === undefined || days <= measureAfterDays) continue;
      const name = document.key ?? document.path;
      for (const metric of document.metrics) {
        if (isMeasured(metric.actual)) continue;
        const finding: RuleFinding = {
          path: document.path,
          line: metric.line,
          message: `${name}'s metric "${metric.metric}" has no Actual ${days} days after ${shipped.release.key} shipped it (${shipped.date}).`,
        };
        if (document.key !== undefined) finding.key = document.key;
        findings.push(finding);
      }
    }
    return findings;
  },
};

/** Whole days from one `YYYY-MM-DD` to another, as calendar dates (no time zone involved). */
export function daysBetween(from: string, to: string): number | undefined {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return Math.round((end - start) / 86_400_000);
}
