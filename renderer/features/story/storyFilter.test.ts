import { describe, it, expect } from 'vitest';
import type { DocumentEntry, DocumentType } from '../../../shared/model/documentModel.js';
import { indexSnapshot } from '../../workbench/workspaceState.js';
import { filterStories, storyRows, type StoryFilter } from './storyFilter.js';
import { documentEntryFixture } from '../../../shared/model/documentEntryFixture.js';

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
  entry('specs/b.md', 'spec', 'SPEC-2', { requirements: [requirement('REQ-2', ['RM-2'])] }),
  entry('stories/1.md', 'story', 'STORY-1', { implements: ['REQ-1'], status: 'ready' }),
  entry('stories/2.md', 'story', 'STORY-2', { implements: ['REQ-2'], status: 'done' }),
  entry('stories/3.md', 'story', 'STORY-3', { implements: ['REQ-9'], status: 'ready' }),
];
const rows = storyRows(documents, indexSnapshot(documents, []).requirementOwner);

describe('filterStories', () => {
  const cases: [string, StoryFilter, string[]][] = [
    ['no filter', {}, ['STORY-1', 'STORY-2', 'STORY-3']],
    ['by roadmap item through the requirement', { roadmap: 'RM-2' }, ['STORY-2']],
    ['by spec', { spec: 'SPEC-1' }, ['STORY-1']],
    ['by status', { status: 'ready' }, ['STORY-1', 'STORY-3']],
    ['combined', { status: 'ready', spec: 'SPEC-2' }, []],
  ];
  it.each(cases)('%s', (_name, filter, expected) => {
    expect(filterStories(rows, filter).map((row) => row.story.key)).toEqual(expected);
  });
});
