import { describe, expect, it } from 'vitest';
import { formatRoadmapJson } from '../model/roadmapJson.js';
import { conflictCount, renderParts, resolveParts } from './mergeParts.js';
import { finishResolvedRoadmap, mergeRoadmap } from './roadmapMerge.js';

const item = (key: string, fields: Record<string, unknown> = {}) => ({
  key,
  title: `Item ${key}`,
  description: '',
  lane: 'now',
  rank: 0,
  status: 'planned',
  rice: { reach: 100, impact: 1, confidence: 80, effort: 2 },
  ...fields,
});
const file = (...items: object[]) => formatRoadmapJson({ version: 1, items });

function merge(base: string, ours: string, theirs: string): string {
  return renderParts(mergeRoadmap(base, ours, theirs)!);
}

describe('mergeRoadmap', () => {
  it.each<[string, string, string, string, string]>([
    [
      'items added on both sides are both kept, each after the item it follows',
      file(item('RM-1'), item('RM-2')),
      file(item('RM-1'), item('RM-3'), item('RM-2')),
      file(item('RM-1'), item('RM-2'), item('RM-4')),
      file(item('RM-1'), item('RM-3'), item('RM-2'), item('RM-4')),
    ],
    [
      'different fields of one item merge field by field, RICE inputs too',
      file(item('RM-1')),
      file(item('RM-1', { lane: 'next', rice: { reach: 500, impact: 1, confidence: 80, effort: 2 } })),
      file(item('RM-1', { owner: 'Dana', rice: { reach: 100, impact: 1, confidence: 80, effort: 3 } })),
      file(
        item('RM-1', {
          lane: 'next',
          rice: { reach: 500, impact: 1, confidence: 80, effort: 3 },
          owner: 'Dana',
        }),
      ),
    ],
    [
      'an item deleted on one side and untouched on the other is deleted',
      file(item('RM-1'), item('RM-2')),
      file(item('RM-1')),
      file(item('RM-1', { title: 'Renamed' }), item('RM-2')),
      file(item('RM-1', { title: 'Renamed' })),
    ],
    [
      'a file new on both sides merges against nothing',
      '',
      file(item('RM-1')),
      file(item('RM-2')),
      file(item('RM-1'), item('RM-2')),
    ],
    [
      'the same field set differently is one conflict: the whole item as each side has it',
      file(item('RM-1'), item('RM-2')),
      file(item('RM-1', { lane: 'next' }), item('RM-2', { title: 'Ours' })),
      file(item('RM-1'), item('RM-2', { title: 'Theirs' })),
      file(item('RM-1', { lane: 'next' }), item('RM-2', { title: 'Ours' })).replace(
        /( {4}\{\n {6}"key": "RM-2",[^]*?\n {4}\}\n)/,
        (ours) => `<<<<<<< ours\n${ours}=======\n${ours.replace('"Ours"', '"Theirs"')}>>>>>>> theirs\n`,
      ),
    ],
  ])('%s', (_name, base, ours, theirs, expected) => {
    expect(merge(base, ours, theirs)).toBe(expected);
  });

  it('leaves text that is not JSON to the line merge', () => {
    expect(mergeRoadmap(file(item('RM-1')), '{ "items": [', file(item('RM-2')))).toBeUndefined();
  });

  it('gives valid JSON back whichever side the resolver takes, a deletion included', () => {
    const parts = mergeRoadmap(
      file(item('RM-1'), item('RM-2')),
      file(item('RM-1'), item('RM-2', { title: 'Ours' })),
      file(item('RM-1')),
    )!;
    const takeTheirs = finishResolvedRoadmap(resolveParts(parts, (part) => part.theirs));
    const keepMine = finishResolvedRoadmap(resolveParts(parts, (part) => part.ours));
    expect([conflictCount(parts), takeTheirs, keepMine]).toEqual([
      1,
      file(item('RM-1')),
      file(item('RM-1'), item('RM-2', { title: 'Ours' })),
    ]);
  });
});
