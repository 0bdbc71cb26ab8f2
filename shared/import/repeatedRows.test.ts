import { describe, expect, it } from 'vitest';
import { repeatedRowsPhrase } from './repeatedRows.js';

describe('repeatedRowsPhrase', () => {
  it.each([
    { repeated: [], phrase: '' },
    { repeated: [{ line: 7, sameAs: 3 }], phrase: '1 duplicate within this file (line 7 repeats line 3)' },
    {
      repeated: [
        { line: 7, sameAs: 3 },
        { line: 9, sameAs: 3 },
      ],
      phrase: '2 duplicates within this file (line 7 repeats line 3, line 9 repeats line 3)',
    },
    {
      repeated: [2, 3, 4, 5, 6, 7, 8].map((line) => ({ line: line * 10, sameAs: 1 })),
      phrase:
        '7 duplicates within this file (line 20 repeats line 1, line 30 repeats line 1, line 40 repeats line 1, line 50 repeats line 1, line 60 repeats line 1, 2 more)',
    },
  ])('says $phrase', ({ repeated, phrase }) => {
    expect(repeatedRowsPhrase(repeated)).toBe(phrase);
  });
});
