import { describe, expect, it } from 'vitest';
import { plural } from './plural.js';

describe('plural', () => {
  const cases: [number, string, string | undefined, string][] = [
    [0, 'requirement', undefined, '0 requirements'],
    [1, 'requirement', undefined, '1 requirement'],
    [2, 'roadmap item', undefined, '2 roadmap items'],
    [1, 'story', 'stories', '1 story'],
    [3, 'story', 'stories', '3 stories'],
  ];
  it.each(cases)('%i %s', (count, singular, pluralForm, expected) => {
    expect(plural(count, singular, pluralForm)).toBe(expected);
  });
});
