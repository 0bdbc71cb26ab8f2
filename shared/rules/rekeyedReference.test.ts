import { describe, expect, it } from 'vitest';
import type { RekeyRecord } from '../model/rekeyRecord.js';
import { checkRule, documentFixture } from './documentFixture.js';
import { rekeyedReference } from './rekeyedReference.js';

const record: RekeyRecord = {
  key: 'REQ-14',
  newKey: 'REQ-21',
  path: 'specs/b.md',
  at: '2026-12-06T10:00:00.000Z',
  references: [
    { path: 'stories/s.md', line: 5, kind: 'implements', from: 'STORY-13', commit: 'abc1234', author: 'Kim' },
    { path: 'specs/b.md', line: 12, kind: 'mentions', from: 'SPEC-2', commit: 'abc1234', author: 'Kim' },
  ],
};
const story = (implementsKeys: string[]) =>
  documentFixture({ path: 'stories/s.md', key: 'STORY-13', type: 'story', implements: implementsKeys });
const spec = (mentionLines: number[]) =>
  documentFixture({
    path: 'specs/b.md',
    key: 'SPEC-2',
    type: 'spec',
    references: mentionLines.map((line) => ({ target: 'REQ-14', line, column: 1 })),
  });

describe('rekeyed-reference', () => {
  it('reports each recorded link still on the old key, at its line now', () => {
    expect(
      checkRule(rekeyedReference, [story(['REQ-14']), spec([15])], [], {
        rekeys: [record],
        linkLine: () => 6,
      }),
    ).toEqual([
      {
        path: 'stories/s.md',
        line: 6,
        key: 'REQ-14',
        message:
          'STORY-13 implements REQ-14, written for the copy renamed to REQ-21 after a merge: point it to REQ-21 or keep REQ-14 (Changes).',
      },
      {
        path: 'specs/b.md',
        line: 15,
        key: 'REQ-14',
        message:
          'SPEC-2 mentions REQ-14, written for the copy renamed to REQ-21 after a merge: point it to REQ-21 or keep REQ-14 (Changes).',
      },
    ]);
  });

  it('is quiet once the links point to the new key, and without a record', () => {
    expect([
      checkRule(rekeyedReference, [story(['REQ-21']), spec([])], [], { rekeys: [record] }),
      checkRule(rekeyedReference, [story(['REQ-14']), spec([15])]),
    ]).toEqual([[], []]);
  });
});
