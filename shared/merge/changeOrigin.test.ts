import { describe, expect, it } from 'vitest';
import { changeOrigin, keyGivenHow } from './changeOrigin.js';

describe('keyGivenHow', () => {
  const change = {
    from: 'REQ-1',
    to: 'REQ-15',
    kind: 'requirement' as const,
    merge: false,
    body: 'Sam: his REQ-1 is REQ-15\n',
    recorded: false,
    oldKeyStays: false,
    definedTwice: false,
  };
  it.each([
    ['a key changed by hand', {}, undefined],
    [
      'Keep both in a merge, named in its message',
      { merge: true, body: "Merge branch 'main'\n\nKeep both: REQ-1 (Sam PM's copy) is now REQ-15\n" },
      'kept-both',
    ],
    [
      'Keep both in a rebase, named in the replayed commit',
      { body: "Sam: REQ-1 one hour\n\nKeep both: REQ-1 (Sam's copy) is now REQ-15" },
      'kept-both',
    ],
    ['Keep both in a merge, recorded in rekeys.json', { merge: true, recorded: true }, 'kept-both'],
    ['both copies kept by hand in a merge', { merge: true, oldKeyStays: true }, 'kept-both'],
    ['a key changed by hand in a merge', { merge: true }, undefined],
    ['Give the newer one a new key, recorded', { recorded: true }, 'renumbered'],
    ['one of two copies in a file renamed', { definedTwice: true, oldKeyStays: true }, 'renumbered'],
    ['the merge driver renumbering a roadmap item', { kind: 'roadmap' as const, merge: true }, 'renumbered'],
    [
      'the renumbering named in a merge commit',
      {
        from: 'RM-13',
        to: 'RM-14',
        body: 'Merge\n\nRenumbered: RM-12 (Gift) is now RM-15; RM-13 (Pickup) is now RM-14',
      },
      'renumbered',
    ],
    [
      'another key’s Keep both line',
      { body: 'Keep both: REQ-11 (theirs) is now REQ-15\nKeep both: REQ-1 (theirs) is now REQ-16' },
      undefined,
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(keyGivenHow({ ...change, ...overrides })).toBe(expected);
  });
});

describe('changeOrigin', () => {
  it.each([
    ['an ordinary commit', { author: 'Sam PM' }, undefined],
    ['a conflict resolved in a merge', { author: 'Lee', merge: true as const }, 'resolved in a merge by Lee'],
    [
      'Keep both in a merge',
      {
        author: 'Sam PM',
        merge: true as const,
        previousKey: 'REQ-1',
        keyGiven: { how: 'kept-both' as const, to: 'REQ-15' },
      },
      'kept both in a merge by Sam PM: this copy of REQ-1 became REQ-15',
    ],
    [
      'Keep both in a rebase',
      { author: 'Sam', previousKey: 'REQ-14', keyGiven: { how: 'kept-both' as const, to: 'REQ-18' } },
      'kept both in a rebase: this copy of REQ-14 became REQ-18',
    ],
    [
      'the merge driver renumbering a roadmap item',
      {
        author: 'Dana',
        merge: true as const,
        previousKey: 'RM-13',
        keyGiven: { how: 'renumbered' as const, to: 'RM-14' },
      },
      'renumbered in a merge by Dana: the other side had added RM-13 too, so this one became RM-14',
    ],
    [
      'a duplicate key given to one copy',
      { author: 'Sam', previousKey: 'REQ-16', keyGiven: { how: 'renumbered' as const, to: 'REQ-17' } },
      'renumbered by Sam: REQ-16 was defined twice, so this copy became REQ-17',
    ],
  ])('%s', (_name, change, expected) => {
    expect(changeOrigin(change)).toBe(expected);
  });
});
