import { describe, expect, it } from 'vitest';
import { unpointedLinks, type RekeyRecord } from './rekeyRecord.js';

const reference = (kind: string, line: number, from = 'STORY-11') => ({
  path: 'stories/gift.md',
  line,
  kind,
  from,
  commit: 'abc1234',
  author: 'Sam',
});
const record = (key: string, newKey: string, path: string, references: RekeyRecord['references']) => ({
  key,
  newKey,
  path,
  at: '2026-12-07T08:00:00.000Z',
  references,
});

describe("Push's words for links still on a renamed key", () => {
  it.each([
    [
      'an implements link and a mention in one story read differently, without nested parentheses',
      [record('REQ-16', 'REQ-17', 'specs/a.md', [reference('implements', 5), reference('mentions', 14)])],
      {
        links: [
          'STORY-11 implements REQ-16, meant for REQ-17',
          'STORY-11 mentions REQ-16 on line 14, meant for REQ-17',
        ],
        other: 'requirement',
      },
    ],
    [
      'two mentions in one document name their lines',
      [record('REQ-16', 'REQ-17', 'specs/a.md', [reference('mentions', 9), reference('mentions', 14)])],
      {
        links: [
          'STORY-11 mentions REQ-16 on line 9, meant for REQ-17',
          'STORY-11 mentions REQ-16 on line 14, meant for REQ-17',
        ],
        other: 'requirement',
      },
    ],
    [
      'a renumbered roadmap item',
      [record('RM-15', 'RM-16', 'roadmap.json', [reference('delivers', 8, 'REQ-10')])],
      { links: ['REQ-10 delivers RM-15, meant for RM-16'], other: 'roadmap item' },
    ],
  ])('%s', (_name, records, expected) => {
    expect(unpointedLinks(records)).toEqual(expected);
  });
});
