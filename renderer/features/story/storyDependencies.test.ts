import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { storyDependencies } from './storyDependencies.js';

const summary = (fields: Partial<DocumentSummary>) =>
  ({ implements: [], answers: [], about: [], requirements: [], mtimeMs: 0, ...fields }) as DocumentSummary;
const spec = summary({
  path: 'specs/a.md',
  key: 'SPEC-1',
  type: 'spec',
  title: 'Checkout',
  requirements: [
    { key: 'REQ-7', line: 9, summary: 'Wallets pay', roadmap: [], status: 'implemented' },
    { key: 'REQ-8', line: 12, summary: 'Cards pay', roadmap: [], status: 'approved' },
  ],
});
const done = summary({ path: 'stories/a.md', key: 'STORY-3', type: 'story', title: 'A', status: 'done' });
const ready = summary({ path: 'stories/b.md', key: 'STORY-5', type: 'story', title: 'B', status: 'ready' });
const lookups = {
  byKey: new Map([
    ['SPEC-1', spec],
    ['STORY-3', done],
    ['STORY-5', ready],
  ]),
  requirementOwner: new Map([
    ['REQ-7', spec],
    ['REQ-8', spec],
  ]),
  roadmapByKey: new Map([['RM-2', { title: 'Wallets', status: 'in-progress' as const }]]),
};

describe('storyDependencies', () => {
  it('names each key with its status; anything not finished, or unknown, is waited for', () => {
    expect(
      storyDependencies(['STORY-3', 'STORY-5', 'REQ-7', 'REQ-8', 'RM-2', 'STORY-99', 'STORY-3'], lookups).map(
        (dependency) =>
          `${dependency.key} ${dependency.kind ?? '-'} ${dependency.status ?? '-'} ${dependency.waiting ? 'waits' : 'ok'}`,
      ),
    ).toEqual([
      'STORY-3 document done ok',
      'STORY-5 document ready waits',
      'REQ-7 requirement implemented ok',
      'REQ-8 requirement approved waits',
      'RM-2 roadmap in-progress waits',
      'STORY-99 - - waits',
    ]);
  });
});
