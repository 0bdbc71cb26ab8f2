import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { duplicateKeysOf, freshKey } from './duplicateKeys.js';

const spec = (path: string, key: string, requirements: string[] = []): DocumentSummary => ({
  path,
  key,
  type: 'spec',
  title: path,
  implements: [],
  answers: [],
  about: [],
  mtimeMs: 0,
  requirements: requirements.map((requirement, index) => ({
    key: requirement,
    line: index + 10,
    summary: '',
    roadmap: [],
  })),
});

describe('duplicateKeysOf', () => {
  const cases: [string, DocumentSummary[], ReturnType<typeof duplicateKeysOf>][] = [
    ['unique keys', [spec('specs/a.md', 'SPEC-1', ['REQ-1']), spec('specs/b.md', 'SPEC-2', ['REQ-2'])], []],
    [
      'a document key and a requirement key shared after a merge',
      [spec('specs/a.md', 'SPEC-1', ['REQ-1', 'REQ-2']), spec('specs/a-2.md', 'SPEC-1', ['REQ-1'])],
      [
        { key: 'SPEC-1', kind: 'document', elsewhere: ['specs/a-2.md'] },
        { key: 'REQ-1', kind: 'requirement', elsewhere: ['specs/a-2.md'] },
      ],
    ],
    [
      'a requirement key used twice in the same document',
      [spec('specs/a.md', 'SPEC-1', ['REQ-1', 'REQ-1'])],
      [{ key: 'REQ-1', kind: 'requirement', elsewhere: ['specs/a.md'] }],
    ],
  ];
  it.each(cases)('%s', (_name, documents, expected) => {
    expect(duplicateKeysOf('specs/a.md', documents, [])).toEqual(expected);
  });

  it('counts a roadmap item with the same key', () => {
    const item = {
      key: 'SPEC-1',
      title: 't',
      description: '',
      lane: 'now',
      rank: 0,
      status: 'planned',
    } as const;
    expect(duplicateKeysOf('specs/a.md', [spec('specs/a.md', 'SPEC-1')], [item])).toEqual([
      { key: 'SPEC-1', kind: 'document', elsewhere: ['roadmap.json'] },
    ]);
  });

  it('gives a fresh key past the highest of its prefix', () => {
    expect(freshKey('SPEC-3', ['SPEC-3', 'SPEC-12', 'REQ-40'])).toBe('SPEC-13');
  });
});
