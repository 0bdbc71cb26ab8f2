import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import type { MetricEntry } from '../../../shared/model/documentModel.js';
import type { Release } from '../../../shared/model/roadmapModel.js';
import { countVerdicts, judgeMetrics, shownMetrics } from './metricRows.js';

const met: Omit<MetricEntry, 'line'> = {
  metric: 'Conversion',
  baseline: '40%',
  target: '45%',
  actual: '47%',
};
const missed: Omit<MetricEntry, 'line'> = {
  metric: 'Tickets',
  baseline: '120',
  target: 'under 80',
  actual: '95',
};
const open: Omit<MetricEntry, 'line'> = { metric: 'Drop-off', target: 'under 10%', actual: '' };

function spec(key: string, roadmap: string[], ...metrics: Omit<MetricEntry, 'line'>[]): DocumentSummary {
  return {
    path: `specs/${key}.md`,
    key,
    type: 'spec',
    title: key,
    implements: [],
    answers: [],
    about: [],
    requirements: [{ key: `${key}-REQ`, line: 3, summary: 'Pay', roadmap }],
    mtimeMs: 0,
    metrics: metrics.map((metric, index) => ({ ...metric, line: 10 + index })),
  };
}

const releases: Release[] = [
  { key: 'REL-1', name: 'Old', status: 'released', date: '2026-01-10', items: ['RM-1'] },
  { key: 'REL-2', name: 'New', status: 'released', date: '2026-06-01', items: ['RM-2'] },
  { key: 'REL-3', name: 'Later', status: 'planned', date: '2027-01-01', items: ['RM-3'] },
];

const documents: DocumentSummary[] = [
  spec('SPEC-1', ['RM-1'], met, open),
  { ...spec('STORY-1', []), type: 'story' },
  spec('SPEC-2', ['RM-3'], missed, missed, met),
  spec('SPEC-3', []),
  spec('SPEC-4', ['RM-2'], missed, open),
];
const overdue = new Map([['specs/SPEC-1.md:11', 'Drop-off is unmeasured 300 days after REL-1']]);

describe('the Metrics view rows', () => {
  const judged = judgeMetrics(documents, overdue, releases);

  it('judges the metrics of specs only, with the release each shipped in and check’s overdue message', () => {
    expect(judged.map((entry) => entry.spec.key)).toEqual(['SPEC-1', 'SPEC-2', 'SPEC-4']);
    expect(judged[0]!.metrics.map((metric) => [metric.verdict, metric.overdue])).toEqual([
      ['met', undefined],
      ['not-measured', 'Drop-off is unmeasured 300 days after REL-1'],
    ]);
    expect(judged.map((entry) => entry.shipped?.release.key)).toEqual(['REL-1', undefined, 'REL-2']);
    expect(Object.fromEntries(countVerdicts(judged))).toEqual({
      met: 2,
      'not-met': 3,
      'not-measured': 2,
      overdue: 1,
    });
  });

  it('filters to the metrics of one verdict, keeping an unfiltered spec as it was', () => {
    const notMet = shownMetrics(judged, 'not-met', 'spec');
    expect(notMet.map((entry) => [entry.spec.key, entry.metrics.length])).toEqual([
      ['SPEC-2', 2],
      ['SPEC-4', 1],
    ]);
    expect(shownMetrics(judged, 'overdue', 'spec').map((entry) => entry.metrics[0]!.metric.metric)).toEqual([
      'Drop-off',
    ]);
    expect(shownMetrics(judged, '', 'spec')[1]).toBe(judged[1]);
    expect(shownMetrics(judged, 'unclear', 'spec')).toEqual([]);
  });

  it('sorts by metrics not met (overdue counted) and by latest release, ties in workspace order', () => {
    expect(shownMetrics(judged, '', 'not-met').map((entry) => entry.spec.key)).toEqual([
      'SPEC-2',
      'SPEC-1',
      'SPEC-4',
    ]);
    expect(shownMetrics(judged, '', 'shipped').map((entry) => entry.spec.key)).toEqual([
      'SPEC-4',
      'SPEC-1',
      'SPEC-2',
    ]);
    expect(judged.map((entry) => entry.spec.key)).toEqual(['SPEC-1', 'SPEC-2', 'SPEC-4']);
  });
});
