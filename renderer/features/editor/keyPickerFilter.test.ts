import { describe, it, expect } from 'vitest';
import { filterKeyOptions } from './KeyPicker.js';

const options = Array.from({ length: 30 }, (_, index) => ({
  key: `RM-${index + 1}`,
  title: index === 2 ? 'Saved cards' : `Item ${index + 1}`,
}));

describe('filterKeyOptions', () => {
  const cases: [string, string, string[]][] = [
    ['empty query shows the first twelve', '', options.slice(0, 12).map((option) => option.key)],
    ['by title, case-insensitive', 'saved', ['RM-3']],
    [
      'by key',
      'rm-2',
      ['RM-2', 'RM-20', 'RM-21', 'RM-22', 'RM-23', 'RM-24', 'RM-25', 'RM-26', 'RM-27', 'RM-28', 'RM-29'],
    ],
    ['no match', 'zzz', []],
    ['an exact key first', 'RM-30', ['RM-30']],
    [
      'an exact key ahead of earlier partial matches',
      'rm-1',
      ['RM-1', 'RM-10', 'RM-11', 'RM-12', 'RM-13', 'RM-14', 'RM-15', 'RM-16', 'RM-17', 'RM-18', 'RM-19'],
    ],
  ];
  it.each(cases)('%s', (_name, query, expected) => {
    expect(filterKeyOptions(options, query).map((option) => option.key)).toEqual(expected);
  });
});
