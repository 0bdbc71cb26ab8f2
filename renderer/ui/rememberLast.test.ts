import { describe, expect, it } from 'vitest';
import { rememberLast } from './rememberLast.js';

describe('rememberLast', () => {
  it('computes again only when an argument changes identity', () => {
    const calls: number[][] = [];
    const sum = rememberLast((values: number[], extra: number) => {
      calls.push([...values, extra]);
      return values.reduce((total, value) => total + value, extra);
    });
    const first = [1, 2];
    const answers = [sum(first, 0), sum(first, 0), sum([1, 2], 0), sum(first, 1)];
    expect({ answers, calls }).toEqual({
      answers: [3, 3, 3, 4],
      calls: [
        [1, 2, 0],
        [1, 2, 0],
        [1, 2, 1],
      ],
    });
  });
});
