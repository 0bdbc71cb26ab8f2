import { describe, expect, it } from 'vitest';
import type { ReviewThread } from '../../shared/review/reviewFile.js';
import {
  commentsTitle,
  age,
  commentAuthors,
  commentsHash,
  filterComments,
  parseCommentFilter,
  plainExcerpt,
  threadCounts,
  type CommentFilter,
} from './commentFilter.js';

function thread(
  id: string,
  resolved: boolean,
  entries: [string, string, 'comment' | 'resolved'][],
): ReviewThread {
  return {
    id,
    anchor: { kind: 'key', key: 'REQ-1' },
    label: 'REQ-1',
    line: 1,
    resolved,
    entries: entries.map(([name, at, action], index) => ({
      id: `c-${id}${index}`,
      name,
      at,
      action,
      body: `${name} says`,
      line: index + 2,
    })),
  };
}

const documents = [
  {
    document: 'SPEC-1',
    threads: [
      thread('a', false, [
        ['Dana', '2026-12-01T10:00:00Z', 'comment'],
        ['Sam', '2026-12-02T10:00:00Z', 'comment'],
        ['Dana', '2026-12-03T10:00:00Z', 'comment'],
      ]),
      thread('b', true, [
        ['Rae', '2026-12-01T10:00:00Z', 'comment'],
        ['Dana', '2026-12-04T10:00:00Z', 'resolved'],
      ]),
    ],
  },
  { document: 'SPEC-2', threads: [thread('c', false, [['Sam', '2026-12-05T10:00:00Z', 'comment']])] },
];

const shown = (filter: CommentFilter) =>
  filterComments(documents, filter).map(({ document, rows }) => [
    document,
    rows.map((row) => `${row.thread.id} ${row.first?.name} +${row.replies} ${row.lastAt.slice(0, 10)}`),
  ]);

describe('filterComments', () => {
  const cases: [string, CommentFilter, unknown][] = [
    [
      'open threads, grouped by document',
      {},
      [
        ['SPEC-1', ['a Dana +2 2026-12-03']],
        ['SPEC-2', ['c Sam +0 2026-12-05']],
      ],
    ],
    [
      'resolved ones too, on request',
      { resolved: true },
      [
        ['SPEC-1', ['a Dana +2 2026-12-03', 'b Rae +0 2026-12-04']],
        ['SPEC-2', ['c Sam +0 2026-12-05']],
      ],
    ],
    ['one document', { document: 'SPEC-2' }, [['SPEC-2', ['c Sam +0 2026-12-05']]]],
    [
      'anyone who wrote in a thread, not only who opened it',
      { author: 'Sam' },
      [
        ['SPEC-1', ['a Dana +2 2026-12-03']],
        ['SPEC-2', ['c Sam +0 2026-12-05']],
      ],
    ],
    [
      'a resolve counts as writing',
      { author: 'Dana', resolved: true, document: 'SPEC-1' },
      [['SPEC-1', ['a Dana +2 2026-12-03', 'b Rae +0 2026-12-04']]],
    ],
    ['nothing left: no empty groups', { author: 'Rae' }, []],
  ];
  it.each(cases)('%s', (_name, filter, expected) => {
    expect(shown(filter)).toEqual(expected);
  });
});

describe('comment filter in the URL, authors, counts and ages', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  const cases: [string, unknown, unknown][] = [
    [
      'hash',
      commentsHash({ document: 'SPEC-1', author: 'Dana Lee', resolved: true }),
      '#/comments?document=SPEC-1&author=Dana+Lee&resolved=1',
    ],
    ['empty hash', commentsHash({}), '#/comments'],
    [
      'parse',
      parseCommentFilter('document=SPEC-1&author=Dana+Lee&resolved=1'),
      { document: 'SPEC-1', author: 'Dana Lee', resolved: true },
    ],
    ['parse junk', parseCommentFilter('resolved=yes&x=1'), {}],
    ['authors', commentAuthors(documents), ['Dana', 'Rae', 'Sam']],
    [
      'plain excerpt',
      [
        'Wait for the **receipt**, _then_ ask.',
        '> quoted\n- a [link](https://x.test) and `code`\n\n## Heading',
        'snake_case_name and 2 * 3 * 4',
        'x'.repeat(10),
      ].map((body) => plainExcerpt(body, 8 + 60 * Number(!body.startsWith('x')))),
      [
        'Wait for the receipt, then ask.',
        'quoted a link and code Heading',
        'snake_case_name and 2 * 3 * 4',
        'xxxxxxx…',
      ],
    ],
    ['counts', threadCounts(documents), { open: 2, resolved: 1 }],
    [
      'ages',
      [
        '2026-12-06T11:59:30Z',
        '2026-12-06T11:15:00Z',
        '2026-12-06T07:00:00Z',
        '2026-12-05T09:00:00Z',
        '2026-12-01T12:00:00Z',
        '2026-11-01T12:00:00Z',
        '2026-06-01T12:00:00Z',
        'garbage',
      ].map((at) => age(at, now)),
      [
        'just now',
        '45 min ago',
        '5 h ago',
        'yesterday',
        '5 days ago',
        '5 weeks ago',
        '6 months ago',
        'garbage',
      ],
    ],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('commentsTitle', () => {
  const titleOf = (key: string) => (key === 'SPEC-1' ? 'Guest checkout' : undefined);
  it.each([
    [{}, 'Comments'],
    [{ resolved: true }, 'All comments'],
    [{ author: 'Dana' }, 'Open comments by Dana'],
    [{ author: 'Dana', document: 'SPEC-1' }, 'Open comments by Dana in Guest checkout'],
    [{ document: 'SPEC-9', resolved: true }, 'All comments in SPEC-9'],
  ])('%j → %s', (filter, expected) => {
    expect(commentsTitle(filter, titleOf)).toBe(expected);
  });
});
