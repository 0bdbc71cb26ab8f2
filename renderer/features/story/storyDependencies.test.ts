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
// REQ-9 is still "approved" in its spec, but the one story implementing it is done.
const delivered = summary({
  path: 'stories/c.md',
  key: 'STORY-6',
  type: 'story',
  title: 'C',
  status: 'done',
  implements: ['REQ-9'],
});
spec.requirements.push({ key: 'REQ-9', line: 15, summary: 'Vouchers pay', roadmap: [], status: 'approved' });
const lookups = {
  byKey: new Map([
    ['SPEC-1', spec],
    ['STORY-3', done],
    ['STORY-5', ready],
  ]),
  requirementOwner: new Map([
    ['REQ-7', spec],
    ['REQ-8', spec],
    ['REQ-9', spec],
  ]),
  documents: [spec, done, ready, delivered],
  roadmapByKey: new Map([['RM-2', { title: 'Wallets', status: 'in-progress' as const }]]),
};

describe('storyDependencies', () => {
  it('names each key with its status; anything not finished, or unknown, is waited for', () => {
    expect(
      storyDependencies(
        ['STORY-3', 'STORY-5', 'REQ-7', 'REQ-8', 'REQ-9', 'RM-2', 'STORY-99', 'STORY-3'],
        lookups,
      ).map(
        (dependency) =>
          `${dependency.key} ${dependency.kind ?? '-'} ${dependency.status ?? '-'} ${dependency.waiting ? 'waits' : 'ok'}${dependency.storiesDone ? ' (stories done)' : ''}`,
      ),
    ).toEqual([
      'STORY-3 document done ok',
      'STORY-5 document ready waits',
      'REQ-7 requirement implemented ok',
      'REQ-8 requirement approved waits',
      'REQ-9 requirement approved ok (stories done)',
      'RM-2 roadmap in-progress waits',
      'STORY-99 - - waits',
    ]);
  });
});
