import { describe, it, expect } from 'vitest';
import { findDuplicateKeys, nextKey } from './keys.js';

describe('nextKey', () => {
  const cases: { name: string; prefix: string; existing: string[]; expected: string }[] = [
    { name: 'first key of a prefix', prefix: 'SPEC', existing: [], expected: 'SPEC-1' },
    {
      name: 'one past the highest',
      prefix: 'REQ',
      existing: ['REQ-1', 'REQ-9', 'REQ-3'],
      expected: 'REQ-10',
    },
    { name: 'gaps are not reused', prefix: 'RM', existing: ['RM-2', 'RM-7'], expected: 'RM-8' },
    {
      name: 'other prefixes ignored',
      prefix: 'REQ',
      existing: ['REQX-40', 'SPEC-12', 'REQ-2'],
      expected: 'REQ-3',
    },
    { name: 'leading zeros read as numbers', prefix: 'REQ', existing: ['REQ-007'], expected: 'REQ-8' },
    { name: 'non-keys ignored', prefix: 'RM', existing: ['RM-', 'rm-5', 'RM-x', ''], expected: 'RM-1' },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(nextKey(testCase.prefix, testCase.existing)).toBe(testCase.expected);
    });
  }

  it('accepts any iterable, such as map keys', () => {
    expect(nextKey('SPEC', new Map([['SPEC-4', 1]]).keys())).toBe('SPEC-5');
  });
});

describe('findDuplicateKeys', () => {
  const cases: {
    name: string;
    entries: (string | { key: string; path: string })[];
    expected: [string, unknown[]][];
  }[] = [
    { name: 'no duplicates', entries: ['A-1', 'A-2'], expected: [] },
    { name: 'strings', entries: ['A-1', 'A-2', 'A-1', 'A-1'], expected: [['A-1', ['A-1', 'A-1', 'A-1']]] },
    {
      name: 'entries keep their order',
      entries: [
        { key: 'REQ-1', path: 'b.md' },
        { key: 'REQ-2', path: 'a.md' },
        { key: 'REQ-1', path: 'a.md' },
      ],
      expected: [
        [
          'REQ-1',
          [
            { key: 'REQ-1', path: 'b.md' },
            { key: 'REQ-1', path: 'a.md' },
          ],
        ],
      ],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect([...findDuplicateKeys(testCase.entries)]).toEqual(testCase.expected);
    });
  }
});
