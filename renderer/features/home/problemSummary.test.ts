import { describe, expect, it } from 'vitest';
import { problemSummary } from './problemSummary.js';

const findings = (...severities: string[]) => severities.map((severity) => ({ severity }));

describe('problemSummary', () => {
  it.each([
    ['nothing found', findings(), '0 errors'],
    [
      'warnings only, as the badge counts them',
      findings('warning', 'warning', 'info'),
      '0 errors · 2 warnings',
    ],
    ['one of each', findings('error', 'warning'), '1 error · 1 warning'],
    ['errors only', findings('error', 'error', 'info'), '2 errors'],
  ])('%s', (_case, input, expected) => {
    expect(problemSummary(input)).toBe(expected);
  });
});
