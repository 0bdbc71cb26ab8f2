import { describe, expect, it } from 'vitest';
import { formatRoadmapJson } from '../model/roadmapJson.js';
import { conflictCount, renderParts, resolveParts } from './mergeParts.js';
import { mergeFileVersions } from './mergeFile.js';
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

describe('two people adding an item each, both given the next key', () => {
  it('keeps both: theirs keeps the key, ours takes the next free one, and our release follows it', () => {
    const base = file(item('RM-1'), item('RM-2'));
    const ours = formatRoadmapJson({
      version: 1,
      items: [item('RM-1'), item('RM-2'), item('RM-3', { title: 'Dana’s idea' })],
      releases: [{ key: 'REL-1', name: 'Spring', status: 'planned', items: ['RM-3'] }],
    });
    const theirs = file(item('RM-1'), item('RM-2'), item('RM-3', { title: 'Sam’s idea' }), item('RM-4'));
    const renumbered: unknown[] = [];
    const parts = mergeRoadmap(base, ours, theirs, (renumbering) => renumbered.push(renumbering))!;
    const merged = JSON.parse(renderParts(parts)) as {
      items: { key: string; title: string }[];
      releases: { items: string[] }[];
    };
    expect({
      conflicts: conflictCount(parts),
      items: merged.items.map((entry) => `${entry.key} ${entry.title}`),
      release: merged.releases[0]!.items,
      renumbered,
    }).toEqual({
      conflicts: 0,
      items: ['RM-1 Item RM-1', 'RM-2 Item RM-2', 'RM-3 Sam’s idea', 'RM-4 Item RM-4', 'RM-5 Dana’s idea'],
      release: ['RM-5'],
      renumbered: [{ list: 'items', from: 'RM-3', to: 'RM-5' }],
    });
  });

  it('says so in the merge outcome, which the driver prints for git', () => {
    const base = file(item('RM-1'));
    const outcome = mergeFileVersions(
      {
        path: 'ws/roadmap.json',
        base,
        ours: file(item('RM-1'), item('RM-2', { title: 'Ours' })),
        theirs: file(item('RM-1'), item('RM-2', { title: 'Theirs' })),
      },
      () => [],
    );
    expect(outcome.notes).toEqual(['RM-2 was added on both sides: theirs keeps RM-2, yours is now RM-3']);
  });

  it('names the sides from the user’s seat in a rebase too, where git’s ours is the upstream', () => {
    const base = file(item('RM-1'));
    const outcome = mergeFileVersions(
      {
        path: 'ws/roadmap.json',
        base,
        ours: file(item('RM-1'), item('RM-2', { title: 'Upstream' })),
        theirs: file(item('RM-1'), item('RM-2', { title: 'Mine, replayed' })),
        rebasing: true,
      },
      () => [],
    );
    const merged = JSON.parse(
      outcome.parts.map((part) => (part.kind === 'clean' ? part.text : '')).join(''),
    ) as { items: { key: string; title: string }[] };
    expect([outcome.notes, merged.items.map((entry) => `${entry.key} ${entry.title}`)]).toEqual([
      ['RM-2 was added on both sides: theirs keeps RM-2, yours is now RM-3'],
      ['RM-1 Item RM-1', 'RM-3 Mine, replayed', 'RM-2 Upstream'],
    ]);
  });

  it('leaves one item added identically on both sides as one', () => {
    const base = file(item('RM-1'));
    const both = file(item('RM-1'), item('RM-2', { title: 'Same' }));
    expect(merge(base, both, both)).toBe(both);
  });
});
