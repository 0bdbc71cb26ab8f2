import { describe, it, expect } from 'vitest';
import type { DocumentEntry, DocumentType } from '../../../shared/model/documentModel.js';
import { countByType, sectionDocuments, statusCounts, isFolderOfNotes } from './navigatorSections.js';
import { documentEntryFixture } from '../../../shared/model/documentEntryFixture.js';

function entry(path: string, type: DocumentType, key?: string, status?: string): DocumentEntry {
  return documentEntryFixture({ path, key, type, status });
}

const documents = [
  entry('specs/b.md', 'spec', 'SPEC-10', 'draft'),
  entry('specs/a.md', 'spec', 'SPEC-2', 'review'),
  entry('specs/c.md', 'spec', undefined, 'odd'),
  entry('stories/x.md', 'story', 'STORY-1', 'ready'),
  entry('notes.md', 'doc'),
  entry('specs/old.md', 'spec', 'SPEC-1', 'archived'),
];

describe('navigator sections', () => {
  const cases: [string, unknown, unknown][] = [
    [
      'counts, without the archived',
      countByType(documents),
      { spec: 3, story: 1, faq: 0, feedback: 0, doc: 1 },
    ],
    [
      'numeric key order, keyless last',
      sectionDocuments(documents, 'spec', undefined).map((document) => document.path),
      ['specs/a.md', 'specs/b.md', 'specs/c.md'],
    ],
    [
      'archived only under its own filter',
      sectionDocuments(documents, 'spec', 'archived').map((document) => document.path),
      ['specs/old.md'],
    ],
    [
      'status filter',
      sectionDocuments(documents, 'spec', 'draft').map((document) => document.path),
      ['specs/b.md'],
    ],
    [
      'statuses in model order, unknown last',
      statusCounts(documents, 'spec', ['draft', 'review', 'approved']),
      [
        ['draft', 1],
        ['review', 1],
        ['archived', 1],
        ['odd', 1],
      ],
    ],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('isFolderOfNotes', () => {
  const counts = (doc: number, spec: number) => ({ spec, story: 0, faq: 0, feedback: 0, doc });
  const cases: [string, ReturnType<typeof counts>, number, boolean][] = [
    ['a vault of notes', counts(173, 0), 0, true],
    ['a vault where one note was made a spec', counts(172, 1), 0, true],
    ['the sample workspace: specs and a roadmap, a README', counts(1, 3), 5, false],
    ['an empty workspace', counts(0, 0), 0, false],
    ['half notes, half specs and items', counts(4, 2), 2, false],
  ];
  it.each(cases)('%s', (_name, given, roadmapItems, expected) => {
    expect(isFolderOfNotes(given, roadmapItems)).toBe(expected);
  });
});
