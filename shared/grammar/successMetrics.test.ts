import { describe, it, expect } from 'vitest';
import type { MetricEntry } from '../model/documentModel.js';
import { scanMarkdown } from './markdownScanner.js';
import { scanSuccessMetrics } from './successMetrics.js';

/** The metrics of a spec body that starts at file line 7. */
function metricsOf(body: string): MetricEntry[] {
  const lines = body.split('\n');
  return scanSuccessMetrics(lines, scanMarkdown(body, lines).headings, 7);
}

describe('scanSuccessMetrics', () => {
  const cases: { name: string; body: string; expected: MetricEntry[] }[] = [
    {
      name: 'the sample layout, with a baseline column and an empty actual',
      body: [
        '## Success metrics',
        '',
        '| Metric | Baseline | Target | Actual |',
        '|---|---|---|---|',
        '| Checkout conversion | 42% | 48% | 46.5% |',
        '| Drop-off | n/a | 10% |  |',
      ].join('\n'),
      expected: [
        { line: 11, metric: 'Checkout conversion', baseline: '42%', target: '48%', actual: '46.5%' },
        { line: 12, metric: 'Drop-off', baseline: 'n/a', target: '10%', actual: '' },
      ],
    },
    {
      name: "the template's blank row is no metric; columns in another order and case; escaped pipes",
      body: [
        '## Success Metrics',
        '<!-- Required. -->',
        'actual | KPI | target',
        ':--|:-:|--:',
        '|  |  |  |',
        '| 3 | Orders \\| day | `a|b` |',
        '',
        '| Metric | Target | Actual |',
        '|---|---|---|',
        '| Second table | 1 | 2 |',
      ].join('\n'),
      expected: [{ line: 12, metric: '3', target: '`a|b`', actual: '3' }],
    },
    {
      name: 'a table without Target and Actual columns holds no metrics',
      body: '## Success metrics\n\n| Goal | When |\n|---|---|\n| Faster | Q4 |\n',
      expected: [],
    },
    {
      name: 'a table in another section is not read',
      body: '## Goals\n\n| Metric | Target | Actual |\n|---|---|---|\n| A | 1 | 2 |\n\n## Success metrics\n\nNone yet.\n',
      expected: [],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(metricsOf(testCase.body)).toEqual(testCase.expected);
    });
  }
});
