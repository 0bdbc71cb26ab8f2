import { describe, it, expect } from 'vitest';
import { metricVerdict, type MetricVerdict } from './metricVerdict.js';

describe('metricVerdict', () => {
  const cases: { target: string; actual: string; baseline?: string; expected: MetricVerdict }[] = [
    { target: '48%', actual: '46.5%', baseline: '42%', expected: 'not-met' },
    { target: '48%', actual: '49%', baseline: '42%', expected: 'met' },
    { target: '10%', actual: '12%', baseline: '31%', expected: 'not-met' },
    { target: '10%', actual: '9.5%', baseline: '31%', expected: 'met' },
    { target: '3m 00s', actual: '3m 05s', baseline: '3m 40s', expected: 'not-met' },
    { target: '3 min', actual: '170 s', baseline: '3m 40s', expected: 'met' },
    { target: 'under 2', actual: '1.4', baseline: 'n/a', expected: 'met' },
    { target: '≤ 300 ms', actual: '0.4 s', expected: 'not-met' },
    { target: 'at least 4.5/5', actual: '4.6/5', expected: 'met' },
    { target: '1,200 orders', actual: '1,150 orders', expected: 'not-met' },
    { target: '12k', actual: '12,500', expected: 'met' },
    { target: '48%', actual: '', expected: 'not-measured' },
    { target: '48%', actual: 'TBD', expected: 'not-measured' },
    { target: '60%', actual: 'not yet measured', expected: 'not-measured' },
    { target: 'Happier shoppers', actual: 'Yes', expected: 'unclear' },
    { target: '48%', actual: '3m 00s', expected: 'unclear' },
    // An Actual may say when it was measured; a value that is not clearly a number is not read.
    { target: '5%', actual: 'about 4% in November', baseline: '2%', expected: 'not-read' },
    { target: '5%', actual: '4% in November', baseline: '2%', expected: 'not-read' },
    { target: '5%', actual: '5.2% (2026-11-30)', baseline: '2%', expected: 'met' },
    { target: '5%', actual: '4.1% as of November', baseline: '2%', expected: 'not-met' },
    { target: 'under 2', actual: '1.4 on 2026-11-30', expected: 'met' },
    { target: '48%', actual: 'roughly half', expected: 'not-read' },
  ];
  for (const testCase of cases) {
    it(`${testCase.target} vs ${testCase.actual || '(empty)'}${testCase.baseline ? ` from ${testCase.baseline}` : ''}`, () => {
      expect(metricVerdict(testCase)).toBe(testCase.expected);
    });
  }
});
