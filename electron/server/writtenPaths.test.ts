import { describe, expect, it } from 'vitest';
import { writtenPaths } from './writtenPaths.js';

describe('writtenPaths', () => {
  const cases: [string, unknown, unknown, string[]][] = [
    ['a save', { path: 'a.md', text: 'x' }, { ok: true, version: {} }, ['a.md']],
    ['a move', { path: 'a.md', folder: 'b' }, { ok: true, path: 'b/a.md' }, ['a.md', 'b/a.md']],
    [
      'a rename that updated links',
      { path: 'a.md', name: 'c' },
      { ok: true, path: 'c.md', updatedFiles: ['d.md', 'a.md'] },
      ['a.md', 'c.md', 'd.md'],
    ],
    ['a failed save', { path: 'a.md' }, { ok: false, error: 'conflict' }, []],
    ['a write with no path', { item: {} }, { ok: true }, []],
    ['no answer', { path: 'a.md' }, undefined, []],
  ];
  it.each(cases)('%s', (_name, input, result, expected) => {
    expect(writtenPaths(input, result)).toEqual(expected);
  });
});
