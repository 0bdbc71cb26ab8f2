import { describe, it, expect } from 'vitest';
import type { Lane, RoadmapItem } from '../../../shared/model/roadmapModel.js';
import { quarterOptions, quarterTimeline, quarterTitle } from './quarterTimeline.js';

function item(key: string, lane: Lane, rank: number, quarter?: string): RoadmapItem {
  return { key, title: key, description: '', lane, rank, status: 'proposed', quarter };
}

describe('quarterTimeline', () => {
  const cases: [string, RoadmapItem[], string][] = [
    ['empty', [], ''],
    [
      'calendar order, lanes then rank inside a quarter, unscheduled last',
      [
        item('RM-1', 'later', 0, '2027-Q1'),
        item('RM-2', 'now', 1, '2026-Q4'),
        item('RM-3', 'now', 0, '2026-Q4'),
        item('RM-4', 'next', 0),
        item('RM-5', 'next', 0, '2026-Q4'),
      ],
      'Q4 2026: RM-3,RM-2,RM-5 / Q1 2027: RM-1 / Unscheduled: RM-4',
    ],
  ];
  it.each(cases)('%s', (_name, items, expected) => {
    const text = quarterTimeline(items)
      .map((column) => `${column.title}: ${column.items.map((entry) => entry.key).join(',')}`)
      .join(' / ');
    expect(text).toBe(expected);
  });
  it.each([
    ['2026-Q4', 'Q4 2026'],
    ['odd', 'odd'],
  ])('titles %s', (quarter, expected) => {
    expect(quarterTitle(quarter)).toBe(expected);
  });
});

describe('quarterOptions', () => {
  it('offers the previous quarter, the current one and six ahead, plus quarters in use', () => {
    expect(quarterOptions(['2024-Q2', undefined, '2026-Q4'], new Date(2026, 10, 25)).join(' ')).toBe(
      '2024-Q2 2026-Q3 2026-Q4 2027-Q1 2027-Q2 2027-Q3 2027-Q4 2028-Q1 2028-Q2',
    );
  });
});
