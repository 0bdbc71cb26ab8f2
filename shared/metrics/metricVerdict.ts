/**
 * Whether a success metric was met, from the words in its table: "48%" against "46.5%", "under 2"
 * against "1.4", "3m 00s" against "3m 05s". Which way is better comes from the target's own words
 * (under, at least, ≤ …), else from the baseline (a target below the baseline means lower is better),
 * else higher is better. Values that are not numbers cannot be judged. An Actual is read only when
 * it is clearly a measurement: a number with its unit, optionally followed by when it was measured
 * in brackets or after "on"/"as of" ("4.2% (2026-11-30)", "1.4 as of November"); anything else
 * ("about 4% in November") is not read, never taken for its first number.
 */
import type { MetricEntry } from '../model/documentModel.js';

export type MetricVerdict = 'met' | 'not-met' | 'not-measured' | 'not-read' | 'unclear';

export const verdictLabels: Record<MetricVerdict, string> = {
  met: 'met',
  'not-met': 'not met',
  'not-measured': 'not measured',
  'not-read': 'not read',
  unclear: 'compare by hand',
};

const emptyActuals = new Set(['', '-', '–', '—', '?', 'tbd', 'tbc', 'n/a', 'na', 'pending']);
const atMost = /^(?:under|below|less than|fewer than|at most|max(?:imum)?|no more than|<=?|≤)\s*/i;
const atLeast = /^(?:over|above|more than|at least|min(?:imum)?|no less than|>=?|≥)\s*/i;
const durationUnits: Record<string, number> = {
  ms: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
};

export function isMeasured(actual: string): boolean {
  const words = actual.trim().toLowerCase();
  return !emptyActuals.has(words) && !/^(?:not (?:yet )?measured|unmeasured|to be measured)\b/.test(words);
}

export function metricVerdict(metric: Pick<MetricEntry, 'target' | 'actual' | 'baseline'>): MetricVerdict {
  if (!isMeasured(metric.actual)) return 'not-measured';
  let target = metric.target.trim();
  let direction: 'up' | 'down' | undefined;
  if (atMost.test(target)) {
    direction = 'down';
    target = target.replace(atMost, '');
  } else if (atLeast.test(target)) {
    direction = 'up';
    target = target.replace(atLeast, '');
  }
  const goal = quantity(target);
  if (goal === undefined) return 'unclear';
  const measured = measurementOf(metric.actual);
  if (measured === undefined) return 'not-read';
  const actual = quantity(measured);
  if (goal === undefined || actual === undefined || goal.kind !== actual.kind) return 'unclear';
  if (direction === undefined && metric.baseline !== undefined) {
    const baseline = quantity(metric.baseline.trim());
    if (baseline !== undefined && baseline.kind === goal.kind && baseline.value !== goal.value)
      direction = goal.value < baseline.value ? 'down' : 'up';
  }
  direction ??= 'up';
  const met = direction === 'up' ? actual.value >= goal.value : actual.value <= goal.value;
  return met ? 'met' : 'not-met';
}

const measuredWhen = /\s*(?:\([^()]*\)|(?:,\s*)?(?:on|as of|measured(?: on)?)\s+\S.*)$/i;
const clearNumber =
  /^-?[0-9][0-9,]*(?:\.[0-9]+)?(?:\/[0-9]+)?\s*(?:%|[a-z]+)?(?:\s+[0-9]+(?:\.[0-9]+)?\s*[a-z]+)*$/i;

/** The measurement in an Actual cell without its date note, or undefined when it is not clearly a number. */
export function measurementOf(actual: string): string | undefined {
  const value = actual.trim().replace(atMost, '').replace(atLeast, '').replace(measuredWhen, '').trim();
  return clearNumber.test(value) ? value : undefined;
}

/** A number with what it counts: a duration in seconds, a percentage, or a plain number. */
export function quantity(
  text: string,
): { value: number; kind: 'duration' | 'percent' | 'number' } | undefined {
  const cleaned = text.replace(/(?<=[0-9]),(?=[0-9]{3}\b)/g, '').toLowerCase();
  const parts = [...cleaned.matchAll(/(-?[0-9]+(?:\.[0-9]+)?)\s*([a-z%]+)?/g)];
  if (parts.length === 0) return undefined;
  const units = parts.map((part) => part[2]);
  if (units.every((unit) => unit !== undefined && durationUnits[unit] !== undefined)) {
    return {
      value: parts.reduce((sum, part) => sum + Number(part[1]) * durationUnits[part[2]!]!, 0),
      kind: 'duration',
    };
  }
  const first = parts[0]!;
  const multiplier = first[2] === 'k' ? 1000 : 1;
  return {
    value: Number(first[1]) * multiplier,
    kind: first[2] === '%' || cleaned.includes('%') ? 'percent' : 'number',
  };
}
