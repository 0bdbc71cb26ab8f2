import { describe, expect, it } from 'vitest';
import { mergeFileVersions } from './mergeFile.js';
import { renderParts } from './mergeParts.js';

const link = (line: number) => ({
  path: 'stories/a.md',
  line,
  kind: 'implements',
  from: 'STORY-1',
  commit: 'abc1234',
  author: 'Sam',
});
const record = (key: string, newKey: string, lines: number[]) => ({
  key,
  newKey,
  path: 'specs/b.md',
  at: '2026-12-07T10:00:00.000Z',
  references: lines.map(link),
});
const file = (...records: object[]) =>
  `${JSON.stringify({ about: 'Keys Specbench renamed after a merge', rekeys: records }, null, 2)}\n`;
const keys = (text: string) =>
  (JSON.parse(text) as { rekeys: { key: string; newKey: string; references: unknown[] }[] }).rekeys.map(
    (entry) => `${entry.key}→${entry.newKey} ${entry.references.length}`,
  );

const cases = [
  {
    name: 'each side renamed a different key: both records stay',
    base: file(record('REQ-1', 'REQ-9', [4])),
    ours: file(record('REQ-1', 'REQ-9', [4]), record('REQ-2', 'REQ-15', [5])),
    theirs: file(record('REQ-1', 'REQ-9', [4]), record('REQ-3', 'REQ-16', [6])),
    expected: ['REQ-1→REQ-9 1', 'REQ-2→REQ-15 1', 'REQ-3→REQ-16 1'],
  },
  {
    name: 'the file is new on both sides',
    base: '',
    ours: file(record('REQ-2', 'REQ-15', [5])),
    theirs: file(record('REQ-3', 'REQ-16', [6])),
    expected: ['REQ-2→REQ-15 1', 'REQ-3→REQ-16 1'],
  },
  {
    name: 'theirs kept the old key (dismissed) while ours added another: the dismissal holds',
    base: file(record('REQ-1', 'REQ-9', [4])),
    ours: file(record('REQ-1', 'REQ-9', [4]), record('REQ-2', 'REQ-15', [5])),
    theirs: file(),
    expected: ['REQ-2→REQ-15 1'],
  },
  {
    name: 'one record on both sides keeps only the links both still list',
    base: file(record('REQ-1', 'REQ-9', [4, 7])),
    ours: file(record('REQ-1', 'REQ-9', [4]), record('REQ-2', 'REQ-15', [5])),
    theirs: file(record('REQ-1', 'REQ-9', [7]), record('REQ-3', 'REQ-16', [6])),
    expected: ['REQ-1→REQ-9 0', 'REQ-2→REQ-15 1', 'REQ-3→REQ-16 1'],
  },
];

describe('rekeys.json merge', () => {
  it.each(cases)('$name', ({ base, ours, theirs, expected }) => {
    const outcome = mergeFileVersions({ path: 'rekeys.json', base, ours, theirs }, () => []);
    expect(keys(renderParts(outcome.parts, {}))).toEqual(expected);
  });

  it('a side that is not a rekeys file is merged line by line, as git would', () => {
    const outcome = mergeFileVersions(
      { path: 'rekeys.json', base: '{}\n', ours: 'mine\n', theirs: 'theirs\n' },
      () => [],
    );
    expect(outcome.parts.some((part) => part.kind === 'conflict')).toBe(true);
  });
});
