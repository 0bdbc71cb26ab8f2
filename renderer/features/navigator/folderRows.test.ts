import { describe, expect, it } from 'vitest';
import { documentEntryFixture } from '../../../shared/model/documentEntryFixture.js';
import { folderRows, tagCounts } from './folderRows.js';

const entry = (path: string, title: string, tags: string[] = []) =>
  documentEntryFixture({ path, title, type: 'doc', tags });

const documents = [
  entry('Home.md', 'Home', ['start']),
  entry('Projects/Checkout.md', 'Checkout revamp', ['project', 'checkout']),
  entry('Projects/Archive/Old.md', 'Old plan', ['project']),
  entry('People/Dana.md', 'Dana'),
  entry('Projects/Alpha.md', 'Alpha'),
];

const shape = (rows: ReturnType<typeof folderRows>) =>
  rows.map((row) =>
    row.kind === 'folder'
      ? `${'  '.repeat(row.depth)}${row.name}/ ${row.count}${row.collapsed ? ' (folded)' : ''}`
      : `${'  '.repeat(row.depth)}${row.entry.title}`,
  );

describe('folderRows', () => {
  const cases: [string, ReadonlySet<string>, string[]][] = [
    [
      'folders first, then notes by title, at every level',
      new Set(),
      [
        'People/ 1',
        '  Dana',
        'Projects/ 3',
        '  Archive/ 1',
        '    Old plan',
        '  Alpha',
        '  Checkout revamp',
        'Home',
      ],
    ],
    [
      'a folded folder hides what it holds',
      new Set(['Projects']),
      ['People/ 1', '  Dana', 'Projects/ 3 (folded)', 'Home'],
    ],
  ];
  it.each(cases)('%s', (_name, collapsed, expected) => {
    expect(shape(folderRows(documents, collapsed))).toEqual(expected);
  });

  it('counts tags, most used first', () => {
    expect(tagCounts(documents)).toEqual([
      ['project', 2],
      ['checkout', 1],
      ['start', 1],
    ]);
  });
});
