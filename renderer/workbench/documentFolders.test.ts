import { describe, expect, it } from 'vitest';
import { documentFolders } from './documentFolders.js';

describe('documentFolders', () => {
  const cases: [string, string[], string[]][] = [
    ['none at the top', ['README.md'], []],
    ['each folder once, sorted', ['specs/b.md', 'faqs/a.md', 'specs/a.md'], ['faqs', 'specs']],
    [
      'a nested folder brings its parents',
      ['notes/2026/q1/plan.md'],
      ['notes', 'notes/2026', 'notes/2026/q1'],
    ],
  ];
  it.each(cases)('%s', (_name, paths, expected) => {
    expect(documentFolders(paths)).toEqual(expected);
  });
});
