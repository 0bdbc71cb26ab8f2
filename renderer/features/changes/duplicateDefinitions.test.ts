import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { duplicateDefinitions } from './duplicateDefinitions.js';

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
      { key: 'REQ-13', paths: ['specs/a.md', 'specs/b.md', 'specs/c.md'], within: [] },
      { key: 'REQ-20', paths: ['specs/d.md'], within: [{ path: 'specs/d.md', lines: [9, 30] }] },
      { key: 'SPEC-2', paths: ['specs/b.md', 'specs/c.md'], within: [] },
    ]);
  });
});
