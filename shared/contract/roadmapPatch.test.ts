import { describe, it, expect } from 'vitest';
import { parseCall } from './apiContract.js';

describe('updateRoadmapItem patch', () => {
  const cases: [string, Record<string, unknown>, unknown][] = [
    ['names only the changed field', { owner: 'Sam' }, { owner: 'Sam' }],
    ['keeps an explicit description', { description: 'Why' }, { description: 'Why' }],
    ['keeps rank and status when given', { rank: 3, status: 'done' }, { rank: 3, status: 'done' }],
    ['refuses unknown fields', { colour: 'red' }, 'invalid-arguments'],
    ['refuses a bad quarter', { quarter: '2026-Q5' }, 'invalid-arguments'],
    [
      'null asks to clear an optional field',
      { owner: null, quarter: null, rice: null },
      { owner: null, quarter: null, rice: null },
    ],
    ['refuses null for a required field', { title: null }, 'invalid-arguments'],
    ['refuses null for a defaulted field', { status: null }, 'invalid-arguments'],
  ];
  it.each(cases)('%s', (_name, patch, expected) => {
    const parsed = parseCall('updateRoadmapItem', { key: 'RM-2', patch });
    expect(parsed.ok ? (parsed.input as { patch: unknown }).patch : parsed.error).toEqual(expected);
  });
});
