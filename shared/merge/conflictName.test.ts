import { describe, expect, it } from 'vitest';
import { conflictName, markerName } from './conflictName.js';

const requirement = (key: string, text: string) =>
  `:::requirement{#${key} priority=must}\n${text}\n\n- Given x.\n:::`;
const item = (title: string) =>
  `    {\n      "key": "RM-4",\n      "title": ${JSON.stringify(title)},\n      "lane": "now"\n    },\n`;

describe('conflictName', () => {
  it.each([
    [
      'a requirement by its title before both edits',
      {
        what: 'REQ-2',
        base: requirement('REQ-2', 'Guests pay.'),
        ours: requirement('REQ-2', 'A'),
        theirs: '',
      },
      'REQ-2 “Guests pay.”',
    ],
    [
      'a requirement both sides added, by ours',
      {
        what: 'REQ-9',
        base: '',
        ours: requirement('REQ-9', 'Ours.'),
        theirs: requirement('REQ-9', 'Theirs.'),
      },
      'REQ-9 “Ours.”',
    ],
    [
      'a roadmap item by its title field',
      { what: 'RM-4', base: '', ours: item('Gift "cards"'), theirs: item('Store credit') },
      'RM-4 “Gift "cards"”',
    ],
    [
      'a long title shortened',
      { what: 'REQ-3', base: '', ours: requirement('REQ-3', 'x'.repeat(80)), theirs: '' },
      `REQ-3 “${'x'.repeat(59)}…”`,
    ],
    [
      'a field as the merge named it',
      { what: 'front matter: status', base: '', ours: 'a', theirs: 'b' },
      'front matter: status',
    ],
    ['a key with no title anywhere', { what: 'RM-7', base: '', ours: '', theirs: '' }, 'RM-7'],
  ])('%s', (_name, part, expected) => {
    expect(conflictName(part)).toBe(expected);
  });
});

describe('markerName', () => {
  const shared = 'Each order has a tracking page with a timeline: placed, ';
  const part = {
    what: 'REQ-9',
    base: requirement('REQ-9', `${shared}paid.`),
    ours: requirement('REQ-9', `${shared}packed and shipped.`),
    theirs: requirement('REQ-9', `${shared}packaged, then sent.`),
  };

  it('quotes each side from just before where the two titles part, so ours and theirs read differently', () => {
    expect([markerName(part, 'ours'), markerName(part, 'theirs')]).toEqual([
      'REQ-9 “…placed, packed and shipped.”',
      'REQ-9 “…placed, packaged, then sent.”',
    ]);
  });

  it('keeps a short title whole, and names by the shared title when the titles are the same', () => {
    const short = {
      ...part,
      ours: requirement('REQ-9', 'Orders ship.'),
      theirs: requirement('REQ-9', 'Orders fly.'),
    };
    const same = { ...part, ours: requirement('REQ-9', 'Same.'), theirs: requirement('REQ-9', 'Same.') };
    expect([markerName(short, 'ours'), markerName(short, 'theirs'), markerName(same, 'theirs')]).toEqual([
      'REQ-9 “Orders ship.”',
      'REQ-9 “Orders fly.”',
      conflictName(same),
    ]);
  });
});
