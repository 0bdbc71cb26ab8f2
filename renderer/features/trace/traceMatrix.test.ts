import { describe, it, expect } from 'vitest';
import type { TraceRowView } from '../../../shared/contract/apiContract.js';
import type { DocumentEntry } from '../../../shared/model/documentModel.js';
import type { MatrixRow } from './traceMatrix.js';
import { traceMatrix, traceSummary, unplannedRequirements } from './traceMatrix.js';
import { documentEntryFixture } from '../../../shared/model/documentEntryFixture.js';

function document(partial: Partial<DocumentEntry> & Pick<DocumentEntry, 'path' | 'type'>): DocumentEntry {
  return documentEntryFixture(partial);
}

function row(key: string, requirements: { key: string; stories: string[] }[]): TraceRowView {
  return { item: key, requirements };
}

const roadmapByKey = new Map(
  ['RM-1', 'RM-2'].map((key) => [
    key,
    {
      key,
      title: `${key} title`,
      description: '',
      lane: 'now' as const,
      rank: 0,
      status: 'planned' as const,
    },
  ]),
);

const documents = [
  document({
    path: 'specs/a.md',
    type: 'spec',
    key: 'SPEC-1',
    requirements: [
      { key: 'REQ-1', roadmap: ['RM-1'], line: 7, endLine: 9, summary: 'Pay as a guest' },
      { key: 'REQ-2', roadmap: [], line: 11, endLine: 13, summary: 'Unplanned' },
      { key: 'REQ-3', roadmap: [], line: 15, endLine: 17, summary: 'Unplanned with story' },
    ],
  }),
  document({
    path: 'stories/s.md',
    type: 'story',
    key: 'STORY-1',
    title: 'Guest pays',
    implements: ['REQ-1', 'REQ-3'],
  }),
];

function describeRows(rows: MatrixRow[]): string {
  return rows
    .map((entry) => {
      const item = entry.itemSpan > 0 ? `${entry.itemKey ?? '-'}×${entry.itemSpan}` : '·';
      const title = entry.itemSpan > 0 && entry.itemKey ? `(${entry.itemTitle ?? '?'})` : '';
      const requirement = entry.requirement
        ? `${entry.requirement.key}@${entry.requirement.path || '?'}:${entry.requirement.line ?? '?'}`
        : '-';
      const stories = entry.stories.map((story) => `${story.key}:${story.path ?? '?'}`).join(',') || '-';
      return `${item}${title} ${requirement} ${stories}${entry.gap ? ` !${entry.gap}` : ''}`;
    })
    .join(' / ');
}

describe('traceMatrix', () => {
  const cases: [string, TraceRowView[], string][] = [
    ['empty', [], ''],
    ['item without requirements is a gap', [row('RM-2', [])], 'RM-2×1(RM-2 title) - - !no-requirement'],
    [
      'one row per requirement, the item spanning them, requirements and stories resolved to paths',
      [
        row('RM-1', [
          { key: 'REQ-1', stories: ['STORY-1'] },
          { key: 'REQ-9', stories: [] },
        ]),
      ],
      'RM-1×2(RM-1 title) REQ-1@specs/a.md:7 STORY-1:stories/s.md / · REQ-9@?:? - !no-story',
    ],
    [
      'unknown story and item keys still show',
      [row('RM-7', [{ key: 'REQ-1', stories: ['STORY-7'] }])],
      'RM-7×1(?) REQ-1@specs/a.md:7 STORY-7:?',
    ],
  ];
  it.each(cases)('%s', (_name, rows, expected) => {
    expect(describeRows(traceMatrix(rows, documents, roadmapByKey))).toBe(expected);
  });

  it('lists requirements that name no roadmap item', () => {
    expect(describeRows(unplannedRequirements(documents))).toBe(
      '-×1 REQ-2@specs/a.md:11 - !no-story / -×1 REQ-3@specs/a.md:15 STORY-1:stories/s.md',
    );
  });

  it('summarizes coverage as the CLI does: a requirement delivering two items counts once', () => {
    const rows = [
      row('RM-1', [
        { key: 'REQ-1', stories: ['STORY-1'] },
        { key: 'REQ-9', stories: [] },
      ]),
      row('RM-2', []),
      row('RM-3', [{ key: 'REQ-1', stories: ['STORY-1'] }]),
    ];
    expect(traceSummary(rows)).toEqual({ items: 3, requirements: 2, covered: 1, gaps: 2 });
  });
});
