import { describe, it, expect } from 'vitest';
import type { DocumentEntry } from '../../../shared/model/documentModel.js';
import type { Lane, RoadmapItem } from '../../../shared/model/roadmapModel.js';
import type { MoveDirection, MoveTarget } from './roadmapLanes.js';
import {
  applyMove,
  deliveryCounts,
  deliveryOf,
  deliverySummary,
  itemsByLane,
  keyboardMove,
  reuseUnchanged,
  unfilteredTarget,
} from './roadmapLanes.js';
import { documentEntryFixture } from '../../../shared/model/documentEntryFixture.js';

function item(key: string, lane: Lane, rank: number): RoadmapItem {
  return { key, title: key, description: '', lane, rank, status: 'proposed' };
}

const items = [
  item('RM-1', 'now', 1),
  item('RM-2', 'now', 0),
  item('RM-3', 'next', 0),
  item('RM-4', 'later', 5),
  item('RM-5', 'later', 2),
];

function laneKeys(list: RoadmapItem[]): string {
  const grouped = itemsByLane(list);
  return (['now', 'next', 'later'] as const)
    .map((lane) => grouped[lane].map((entry) => entry.key).join(','))
    .join(' | ');
}

describe('itemsByLane', () => {
  it('groups by lane in rank order', () => {
    expect(laneKeys(items)).toBe('RM-2,RM-1 | RM-3 | RM-5,RM-4');
  });
});

describe('keyboardMove', () => {
  const cases: [string, MoveDirection, MoveTarget | undefined][] = [
    ['RM-1', 'up', { lane: 'now', index: 0 }],
    ['RM-2', 'up', undefined],
    ['RM-2', 'down', { lane: 'now', index: 1 }],
    ['RM-1', 'down', undefined],
    ['RM-1', 'right', { lane: 'next', index: 1 }],
    ['RM-2', 'right', { lane: 'next', index: 0 }],
    ['RM-2', 'left', undefined],
    ['RM-4', 'right', undefined],
    ['RM-3', 'left', { lane: 'now', index: 0 }],
    ['RM-9', 'up', undefined],
  ];
  it.each(cases)('%s %s', (key, direction, expected) => {
    expect(keyboardMove(itemsByLane(items), key, direction)).toEqual(expected);
  });
});

describe('applyMove', () => {
  const cases: [string, MoveTarget, string][] = [
    ['RM-1', { lane: 'now', index: 0 }, 'RM-1,RM-2 | RM-3 | RM-5,RM-4'],
    ['RM-2', { lane: 'later', index: 1 }, 'RM-1 | RM-3 | RM-5,RM-2,RM-4'],
    ['RM-3', { lane: 'now', index: 99 }, 'RM-2,RM-1,RM-3 |  | RM-5,RM-4'],
    ['RM-9', { lane: 'now', index: 0 }, 'RM-2,RM-1 | RM-3 | RM-5,RM-4'],
  ];
  it.each(cases)('%s to %j', (key, target, expected) => {
    expect(laneKeys(applyMove(items, key, target))).toBe(expected);
  });
});

describe('identity', () => {
  it('applyMove keeps the objects of items whose lane and rank stay', () => {
    const moved = applyMove(items, 'RM-4', { lane: 'later', index: 1 });
    const kept = moved.filter((entry) => items.includes(entry)).map((entry) => entry.key);
    expect(kept.sort()).toEqual(['RM-1', 'RM-2', 'RM-3']);
  });
  const cases: [string, Partial<RoadmapItem>, boolean][] = [
    ['unchanged', {}, true],
    ['new title', { title: 'Other' }, false],
    ['new rank', { rank: 9 }, false],
    ['new RICE', { rice: { reach: 1, impact: 1, confidence: 50, effort: 1 } }, false],
  ];
  it.each(cases)('reuseUnchanged: %s', (_name, change, reused) => {
    const next = items.map((entry) => (entry.key === 'RM-1' ? { ...entry, ...change } : { ...entry }));
    expect(reuseUnchanged(items, next)[0] === items[0]).toBe(reused);
  });
});

function document(partial: Partial<DocumentEntry> & Pick<DocumentEntry, 'path' | 'type'>): DocumentEntry {
  return documentEntryFixture(partial);
}

function requirement(key: string, roadmap: string[]) {
  return { key, roadmap, line: 1, endLine: 3, summary: `${key} text` };
}

describe('delivery', () => {
  const documents = [
    document({
      path: 'specs/a.md',
      type: 'spec',
      key: 'SPEC-1',
      requirements: [
        requirement('REQ-1', ['RM-1']),
        requirement('REQ-2', ['RM-1', 'RM-2']),
        requirement('REQ-3', []),
      ],
    }),
    document({ path: 'stories/s.md', type: 'story', key: 'STORY-1', implements: ['REQ-2'] }),
    document({ path: 'stories/t.md', type: 'story', key: 'STORY-2', implements: ['REQ-2', 'REQ-3'] }),
  ];
  const deliveries = deliveryCounts(documents);
  const cases: [string, string][] = [
    ['RM-1', '2 requirements · 1 with stories'],
    ['RM-2', '1 requirement · 1 with stories'],
    ['RM-3', '0 requirements · 0 with stories'],
  ];
  it.each(cases)('%s', (key, expected) => {
    expect(deliverySummary(deliveries.get(key))).toBe(expected);
  });
  it('caches the counts per document list', () => {
    expect(deliveryCounts(documents)).toBe(deliveries);
  });
  it('lists the stories of each requirement', () => {
    const delivery = deliveryOf(documents, 'RM-1');
    const text = delivery.details.map(
      (detail) => `${detail.key}:${detail.stories.map((story) => story.key).join('+')}`,
    );
    expect(`${deliverySummary(delivery)} ${text.join(' ')}`).toBe(
      '2 requirements · 1 with stories REQ-1: REQ-2:STORY-1+STORY-2',
    );
  });
});

describe('unfilteredTarget: a move on a board filtered by release, in the whole lane', () => {
  // Now holds RM-2, RM-1, RM-6, RM-7 in that order; the filter shows RM-2 and RM-7 (and RM-3 in Next).
  const all = itemsByLane([...items, item('RM-6', 'now', 2), item('RM-7', 'now', 3)]);
  const shown = itemsByLane(
    [...items, item('RM-6', 'now', 2), item('RM-7', 'now', 3)].filter((entry) =>
      ['RM-2', 'RM-7', 'RM-3'].includes(entry.key),
    ),
  );
  const cases: [string, string, MoveTarget, MoveTarget][] = [
    [
      'down past the next shown card: after the hidden ones between',
      'RM-2',
      { lane: 'now', index: 1 },
      { lane: 'now', index: 3 },
    ],
    ['up before the first shown card', 'RM-7', { lane: 'now', index: 0 }, { lane: 'now', index: 0 }],
    [
      'into another lane before its first shown card',
      'RM-3',
      { lane: 'now', index: 1 },
      { lane: 'now', index: 3 },
    ],
    [
      'into a lane where nothing is shown: its end',
      'RM-2',
      { lane: 'later', index: 0 },
      { lane: 'later', index: 2 },
    ],
  ];
  it.each(cases)('%s', (_name, key, target, expected) => {
    expect(unfilteredTarget(all, shown, key, target)).toEqual(expected);
  });

  it('lands where the user put it among the shown cards once applied', () => {
    const whole = [...items, item('RM-6', 'now', 2), item('RM-7', 'now', 3)];
    const moved = applyMove(whole, 'RM-2', unfilteredTarget(all, shown, 'RM-2', { lane: 'now', index: 1 }));
    expect(laneKeys(moved)).toBe(laneKeys(applyMove(whole, 'RM-2', { lane: 'now', index: 3 })));
    expect(itemsByLane(moved).now.map((entry) => entry.key)).toEqual(['RM-1', 'RM-6', 'RM-7', 'RM-2']);
  });
});
