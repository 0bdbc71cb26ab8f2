import { describe, it, expect } from 'vitest';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import type { RoadmapItem } from '../../shared/model/roadmapModel.js';
import { indexSnapshot, patchDocuments } from './workspaceState.js';

function entry(path: string, key: string | undefined, requirements: string[]): DocumentEntry {
  return {
    path,
    key,
    type: 'spec',
    title: path,
    implements: [],
    answers: [],
    about: [],
    criteria: [],
    metrics: [],
    fields: {},
    headings: [],
    sections: [],
    requirements: requirements.map((requirementKey, index) => ({
      key: requirementKey,
      roadmap: [],
      line: index + 1,
      endLine: index + 2,
      summary: '',
    })),
    references: [],
    nameLinks: [],
    aliases: [],
    tags: [],
    blockIds: [],
    htmlAnchors: [],
    bodyLine: 1,
    size: 0,
    mtimeMs: 0,
    hash: '0'.repeat(64),
  };
}

const item: RoadmapItem = {
  key: 'RM-1',
  title: 'One',
  description: '',
  lane: 'now',
  rank: 0,
  status: 'planned',
};

describe('indexSnapshot', () => {
  const documents = [
    entry('specs/a.md', 'SPEC-1', ['REQ-1', 'REQ-2']),
    entry('specs/b.md', 'SPEC-1', ['REQ-2']),
    entry('notes.md', undefined, []),
  ];
  const index = indexSnapshot(documents, [item]);
  const cases: [string, string | undefined, string | undefined][] = [
    ['path lookup', index.byPath.get('notes.md')?.path, 'notes.md'],
    ['first duplicate key wins', index.byKey.get('SPEC-1')?.path, 'specs/a.md'],
    ['requirement owner', index.requirementOwner.get('REQ-1')?.path, 'specs/a.md'],
    ['duplicate requirement keeps first owner', index.requirementOwner.get('REQ-2')?.path, 'specs/a.md'],
    ['roadmap lookup', index.roadmapByKey.get('RM-1')?.title, 'One'],
    ['missing key', index.byKey.get('SPEC-9')?.path, undefined],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('patchDocuments', () => {
  const documents = [
    entry('specs/a.md', 'SPEC-1', ['REQ-1']),
    entry('specs/b.md', 'SPEC-2', []),
    entry('notes.md', undefined, []),
  ];
  const cases: [string, string[], DocumentEntry[], string[]][] = [
    [
      'a fresh summary replaces the old one in place',
      ['specs/b.md'],
      [entry('specs/b.md', 'SPEC-2', ['REQ-7'])],
      ['specs/a.md', 'specs/b.md:REQ-7', 'notes.md'],
    ],
    ['a requested path left out of the answer is gone', ['specs/a.md'], [], ['specs/b.md', 'notes.md']],
    [
      'a new path is appended',
      ['faqs/new.md'],
      [entry('faqs/new.md', 'FAQ-1', [])],
      ['specs/a.md', 'specs/b.md', 'notes.md', 'faqs/new.md'],
    ],
    ['paths not asked about stay as they were', [], [], ['specs/a.md', 'specs/b.md', 'notes.md']],
    [
      'a rename: the old path gone, the new one appended',
      ['specs/a.md', 'specs/a-renamed.md'],
      [entry('specs/a-renamed.md', 'SPEC-1', ['REQ-1'])],
      ['specs/b.md', 'notes.md', 'specs/a-renamed.md:REQ-1'],
    ],
  ];
  it.each(cases)('%s', (_name, requested, fresh, expected) => {
    const patched = patchDocuments(documents, requested, fresh);
    const described = patched.map((document) => {
      const keys = document.requirements.map((requirement) => requirement.key).join(',');
      return document === documents.find((old) => old.path === document.path) || !keys
        ? document.path
        : `${document.path}:${keys}`;
    });
    expect(described).toEqual(expected);
  });
});
