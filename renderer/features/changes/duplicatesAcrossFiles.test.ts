import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { duplicatesAcrossFiles } from './duplicatesAcrossFiles.js';

const summary = (path: string, key: string | undefined, requirements: string[]) =>
  ({
    path,
    key,
    requirements: requirements.map((requirement) => ({ key: requirement })),
  }) as unknown as DocumentSummary;

describe('duplicatesAcrossFiles', () => {
  it('lists each key two files define, with the files once each, by key', () => {
    expect(
      duplicatesAcrossFiles([
        summary('specs/b.md', 'SPEC-2', ['REQ-13', 'REQ-2']),
        summary('specs/a.md', 'SPEC-1', ['REQ-13', 'REQ-10']),
        summary('specs/c.md', 'SPEC-2', ['REQ-13']),
        // Twice in one file is the document's own banner's business, not a merge's.
        summary('specs/d.md', 'SPEC-4', ['REQ-20', 'REQ-20']),
      ]),
    ).toEqual([
      { key: 'REQ-13', paths: ['specs/a.md', 'specs/b.md', 'specs/c.md'] },
      { key: 'SPEC-2', paths: ['specs/b.md', 'specs/c.md'] },
    ]);
  });
});
