import { describe, it, expect } from 'vitest';
import type { DocumentEntry, DocumentType } from '../../shared/model/documentModel.js';
import { indexSnapshot } from './workspaceState.js';
import {
  filterStories,
  parseStoryFilter,
  storiesHash,
  storyRows,
  type StoryFilter,
  type StoryFilterContext,
} from './storyFilter.js';
import { documentEntryFixture } from '../../shared/model/documentEntryFixture.js';

function entry(
  path: string,
  type: DocumentType,
  key: string,
  extra: Partial<DocumentEntry> = {},
): DocumentEntry {
  return documentEntryFixture({ path, key, type, title: key, ...extra });
}

const requirement = (key: string, roadmap: string[]) => ({ key, roadmap, line: 1, endLine: 2, summary: '' });
const documents = [
  entry('specs/a.md', 'spec', 'SPEC-1', { requirements: [requirement('REQ-1', ['RM-1'])] }),
  entry('specs/b.md', 'spec', 'SPEC-2', { requirements: [requirement('REQ-2', ['RM-2', 'RM-3'])] }),
  entry('stories/1.md', 'story', 'STORY-1', { implements: ['REQ-1'], status: 'ready', owner: 'Ana' }),
  entry('stories/2.md', 'story', 'STORY-2', { implements: ['REQ-2'], status: 'done' }),
  entry('stories/3.md', 'story', 'STORY-3', { implements: ['REQ-9'], status: 'ready' }),
  entry('stories/4.md', 'story', 'STORY-4', { implements: ['REQ-2'], status: 'ready', owner: 'Ana' }),
];
const rows = storyRows(documents, indexSnapshot(documents, []).requirementOwner);
const context: StoryFilterContext = {
  roadmapByKey: new Map([
    ['RM-1', { lane: 'now' }],
    ['RM-2', { lane: 'next' }],
    ['RM-3', { lane: 'now' }],
  ]),
  releases: [{ key: 'REL-1', items: ['RM-2'] }],
};

describe('filterStories', () => {
  const cases: [string, StoryFilter, string[]][] = [
    ['no filter', {}, ['STORY-1', 'STORY-2', 'STORY-3', 'STORY-4']],
    ['by roadmap item through the requirement', { roadmap: 'RM-2' }, ['STORY-2', 'STORY-4']],
    ['by spec', { spec: 'SPEC-1' }, ['STORY-1']],
    ['by status', { status: 'ready' }, ['STORY-1', 'STORY-3', 'STORY-4']],
    ['by lane, through any item delivered', { lane: 'now' }, ['STORY-1', 'STORY-2', 'STORY-4']],
    ['by release', { release: 'REL-1' }, ['STORY-2', 'STORY-4']],
    ['an unknown release matches nothing', { release: 'REL-9' }, []],
    ['by owner', { owner: 'Ana' }, ['STORY-1', 'STORY-4']],
    ['Ready for Now', { lane: 'now', status: 'ready' }, ['STORY-1', 'STORY-4']],
    [
      'all combined',
      { lane: 'now', release: 'REL-1', spec: 'SPEC-2', status: 'ready', owner: 'Ana' },
      ['STORY-4'],
    ],
  ];
  it.each(cases)('%s', (_name, filter, expected) => {
    expect(filterStories(rows, filter, context).map((row) => row.story.key)).toEqual(expected);
  });
});

describe('the filter in the URL', () => {
  const cases: [string, string, StoryFilter, string][] = [
    ['none', '', {}, '#/stories'],
    [
      'fields in a fixed order',
      'status=ready&lane=now',
      { lane: 'now', status: 'ready' },
      '#/stories?lane=now&status=ready',
    ],
    [
      'unknown fields and empty values dropped',
      'x=1&owner=&spec=SPEC-2',
      { spec: 'SPEC-2' },
      '#/stories?spec=SPEC-2',
    ],
    [
      'spaces and ampersands survive',
      'owner=Dana+%26+Li',
      { owner: 'Dana & Li' },
      '#/stories?owner=Dana+%26+Li',
    ],
  ];
  it.each(cases)('%s', (_name, query, filter, hash) => {
    expect([parseStoryFilter(query), storiesHash(parseStoryFilter(query))]).toEqual([filter, hash]);
  });
});
