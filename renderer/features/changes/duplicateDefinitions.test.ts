import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { duplicateDefinitions, duplicatesBeforePush } from './duplicateDefinitions.js';

const summary = (path: string, key: string | undefined, requirements: [string, number][]) =>
  ({
    path,
    key,
    requirements: requirements.map(([requirement, line]) => ({ key: requirement, line })),
  }) as unknown as DocumentSummary;

describe('duplicateDefinitions', () => {
  it('lists each key two files define, with the files once each, and a key one file defines twice, by key', () => {
    expect(
      duplicateDefinitions([
        summary('specs/b.md', 'SPEC-2', [
          ['REQ-13', 8],
          ['REQ-2', 12],
        ]),
        summary('specs/a.md', 'SPEC-1', [
          ['REQ-13', 8],
          ['REQ-10', 12],
        ]),
        summary('specs/c.md', 'SPEC-2', [['REQ-13', 9]]),
        // Both sides of a merge added REQ-20 to the same spec.
        summary('specs/d.md', 'SPEC-4', [
          ['REQ-20', 30],
          ['REQ-20', 9],
        ]),
      ]),
    ).toEqual([
      {
        key: 'REQ-13',
        paths: ['specs/a.md', 'specs/b.md', 'specs/c.md'],
        within: [],
        places: ['specs/a.md:8', 'specs/b.md:8', 'specs/c.md:9'],
      },
      {
        key: 'REQ-20',
        paths: ['specs/d.md'],
        within: [{ path: 'specs/d.md', lines: [9, 30] }],
        places: ['specs/d.md:9', 'specs/d.md:30'],
      },
      {
        key: 'SPEC-2',
        paths: ['specs/b.md', 'specs/c.md'],
        within: [],
        places: ['specs/b.md:1', 'specs/c.md:1'],
      },
    ]);
  });
});

describe('duplicatesBeforePush', () => {
  it('names each key and where it is defined', () => {
    const duplicates = duplicateDefinitions([
      summary('specs/a.md', 'SPEC-1', [['REQ-5', 12]]),
      summary('specs/b.md', 'SPEC-2', [['REQ-5', 30]]),
    ]);
    expect(duplicatesBeforePush(duplicates)).toBe(
      'REQ-5 is defined twice (specs/a.md:12, specs/b.md:30); teammates will pull both, and a link to it can reach either copy.',
    );
  });
});
