import { describe, expect, it } from 'vitest';
import { median, percentile } from './percentile.js';

describe('percentile', () => {
  const cases: [number[], number, number][] = [
    [[5], 50, 5],
    [[3, 1, 2], 50, 2],
    [[4, 1, 3, 2], 50, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 95, 19],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 100, 20],
    [[10, 20, 30], 0, 10],
  ];
  it.each(cases)('%j at p%d', (samples, p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });

  it('median of nothing is NaN', () => {
    expect(median([])).toBeNaN();
  });
});
