import { describe, expect, it } from 'vitest';
import { documentEntryFixture } from '../model/documentEntryFixture.js';
import type { DocumentEntry } from '../model/documentModel.js';
import { traceCoverage, traceRows } from './traceRows.js';

const requirement = (key: string, roadmap: string[], extra: { priority?: string; status?: string } = {}) => ({
  key,
  roadmap,
  line: 1,
  endLine: 3,
  summary: key,
  ...extra,
});
const spec = (path: string, key: string, requirements: ReturnType<typeof requirement>[]): DocumentEntry =>
  documentEntryFixture({ path, key, type: 'spec', requirements });
const story = (path: string, key: string | undefined, implementsKeys: string[]): DocumentEntry =>
  documentEntryFixture({
    path,
    ...(key === undefined ? {} : { key }),
    type: 'story',
    implements: implementsKeys,
  });
const items = (...keys: string[]) => keys.map((key) => ({ key }));

/** Rows as `item: REQ@path[priority/status]=stories` strings, for compact tables. */
function describeRows(documents: DocumentEntry[], roadmap: { key: string }[]): string[] {
  return traceRows(documents, roadmap).map(
    (row) =>
      `${row.item}: ${row.requirements
        .map(
          (found) =>
            `${found.key}@${found.path}[${found.priority ?? ''}/${found.status ?? ''}]=${found.stories.join(',')}`,
        )
        .join(' ')}`,
  );
}

describe('traceRows', () => {
  const cases: [string, DocumentEntry[], { key: string }[], string[]][] = [
    [
      'items in roadmap order, requirements in document order, stories in path order',
      [
        spec('specs/a.md', 'SPEC-1', [
          requirement('REQ-2', ['RM-2'], { priority: 'must', status: 'approved' }),
          requirement('REQ-1', ['RM-1', 'RM-2']),
        ]),
        story('stories/a.md', 'STORY-9', ['REQ-1']),
        story('stories/b.md', 'STORY-3', ['REQ-1', 'REQ-2']),
      ],
      items('RM-2', 'RM-1', 'RM-3'),
      [
        'RM-2: REQ-2@specs/a.md[must/approved]=STORY-3 REQ-1@specs/a.md[/]=STORY-9,STORY-3',
        'RM-1: REQ-1@specs/a.md[/]=STORY-9,STORY-3',
        'RM-3: ',
      ],
    ],
    [
      'a duplicated requirement key counts once, as its first holder',
      [
        spec('specs/a.md', 'SPEC-1', [requirement('REQ-1', ['RM-1'])]),
        spec('specs/b.md', 'SPEC-2', [requirement('REQ-1', ['RM-1', 'RM-2'])]),
      ],
      items('RM-1', 'RM-2'),
      ['RM-1: REQ-1@specs/a.md[/]=', 'RM-2: '],
    ],
    [
      'a requirement naming an item twice delivers it once',
      [spec('specs/a.md', 'SPEC-1', [requirement('REQ-1', ['RM-1', 'RM-1'])])],
      items('RM-1'),
      ['RM-1: REQ-1@specs/a.md[/]='],
    ],
    [
      'a document without a key implements by its path; one listing a key twice counts once',
      [
        spec('specs/a.md', 'SPEC-1', [requirement('REQ-1', ['RM-1'])]),
        story('notes/x.md', undefined, ['REQ-1', 'REQ-1']),
      ],
      items('RM-1'),
      ['RM-1: REQ-1@specs/a.md[/]=notes/x.md'],
    ],
    [
      'a requirement naming no item, or an item that does not exist, is in no row',
      [spec('specs/a.md', 'SPEC-1', [requirement('REQ-1', []), requirement('REQ-2', ['RM-9'])])],
      items('RM-1'),
      ['RM-1: '],
    ],
  ];
  it.each(cases)('%s', (_name, documents, roadmap, expected) => {
    expect(describeRows(documents, roadmap)).toEqual(expected);
  });
});

describe('story status in the trace', () => {
  it("gives each story's status, so 3/3 covered cannot hide a story that is only an idea", () => {
    const idea = { ...story('stories/a.md', 'STORY-1', ['REQ-1']), status: 'idea' };
    const done = { ...story('stories/b.md', 'STORY-2', ['REQ-1']), status: 'done' };
    const untyped = story('notes/c.md', undefined, ['REQ-1']);
    const [row] = traceRows(
      [spec('specs/a.md', 'SPEC-1', [requirement('REQ-1', ['RM-1'])]), idea, done, untyped],
      items('RM-1'),
    );
    expect(row!.requirements[0]).toMatchObject({
      stories: ['STORY-1', 'STORY-2', 'notes/c.md'],
      storyStatus: { 'STORY-1': 'idea', 'STORY-2': 'done' },
    });
  });
});

describe('traceCoverage', () => {
  it('counts a requirement delivering two items once, covered if it has a story', () => {
    const rows = traceRows(
      [
        spec('specs/a.md', 'SPEC-1', [
          requirement('REQ-1', ['RM-1', 'RM-2']),
          requirement('REQ-2', ['RM-2']),
        ]),
        story('stories/a.md', 'STORY-1', ['REQ-1']),
      ],
      items('RM-1', 'RM-2'),
    );
    expect([traceCoverage(rows), traceCoverage([])]).toEqual([
      { requirements: 2, withStories: 1 },
      { requirements: 0, withStories: 0 },
    ]);
  });
});
