import { describe, it, expect } from 'vitest';
import type { MetricEntry } from '../model/documentModel.js';
import type { Release } from '../model/roadmapModel.js';
import { checkRule, documentFixture, requirementFixture, roadmapFixture } from './documentFixture.js';
import type { RuleFinding } from './finding.js';
import { unmeasuredMetric } from './unmeasuredMetric.js';

const metric = (line: number, actual: string): MetricEntry => ({
  line,
  metric: `Metric ${line}`,
  target: '48%',
  actual,
});
const spec = (metrics: MetricEntry[]) =>
  documentFixture({
    path: 'specs/guest.md',
    key: 'SPEC-1',
    type: 'spec',
    metrics,
    requirements: [requirementFixture('REQ-1', 30, { roadmap: ['RM-1'] })],
  });
const release = (key: string, status: Release['status'], date?: string): Release => ({
  key,
  name: key,
  status,
  items: ['RM-1'],
  ...(date === undefined ? {} : { date }),
});

describe('unmeasured-metric', () => {
  const cases: {
    name: string;
    metrics: MetricEntry[];
    releases: Release[];
    today?: string;
    expected: RuleFinding[];
  }[] = [
    {
      name: 'an empty Actual 31 days after the first release that shipped the spec',
      metrics: [metric(12, '46%'), metric(13, ''), metric(14, 'TBD')],
      releases: [release('REL-2', 'released', '2026-11-01'), release('REL-1', 'released', '2026-10-01')],
      today: '2026-11-01',
      expected: [
        {
          path: 'specs/guest.md',
          line: 13,
          key: 'SPEC-1',
          message: 'SPEC-1\'s metric "Metric 13" has no Actual 31 days after REL-1 shipped it (2026-10-01).',
        },
        {
          path: 'specs/guest.md',
          line: 14,
          key: 'SPEC-1',
          message: 'SPEC-1\'s metric "Metric 14" has no Actual 31 days after REL-1 shipped it (2026-10-01).',
        },
      ],
    },
    {
      name: 'an Actual that is not a measurement cannot be judged either, and says how to write one',
      metrics: [metric(12, 'about 35 in November'), metric(13, '47% (2026-11-30)')],
      releases: [release('REL-1', 'released', '2026-10-01')],
      today: '2026-11-01',
      expected: [
        {
          path: 'specs/guest.md',
          line: 12,
          key: 'SPEC-1',
          message:
            'SPEC-1\'s metric "Metric 12" has an Actual that is not a measurement ("about 35 in November") 31 days after REL-1 shipped it (2026-10-01): write the number with its unit, e.g. "35%" or "35% (2026-11-30)".',
        },
      ],
    },
    {
      name: 'exactly 30 days after is still in time',
      metrics: [metric(13, '')],
      releases: [release('REL-1', 'released', '2026-10-01')],
      today: '2026-10-31',
      expected: [],
    },
    {
      name: 'a planned release has not shipped anything',
      metrics: [metric(13, '')],
      releases: [release('REL-1', 'planned', '2020-01-01')],
      today: '2026-10-31',
      expected: [],
    },
    {
      name: 'every metric measured',
      metrics: [metric(13, '47%')],
      releases: [release('REL-1', 'released', '2020-01-01')],
      today: '2026-10-31',
      expected: [],
    },
    {
      name: 'without a date for today the rule stays quiet',
      metrics: [metric(13, '')],
      releases: [release('REL-1', 'released', '2020-01-01')],
      expected: [],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(
        checkRule(unmeasuredMetric, [spec(testCase.metrics)], [roadmapFixture('RM-1')], {
          releases: testCase.releases,
          ...(testCase.today === undefined ? {} : { today: testCase.today }),
        }),
      ).toEqual(testCase.expected);
    });
  }
});
