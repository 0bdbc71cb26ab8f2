import { describe, expect, it } from 'vitest';
import { carriedChoices, type ConflictBlock } from './carriedChoices.js';

const block = (what: string, mine: string, theirs = 'theirs'): ConflictBlock => ({ what, mine, theirs });

describe('carriedChoices: choices made before the file changed on disk', () => {
  it.each([
    [
      'a block whose sides did not change keeps its choice; a changed one is asked again',
      [block('REQ-2', 'email once'), block('REQ-3', 'address')],
      [block('REQ-2', 'email once (edited in vim)'), block('REQ-3', 'address')],
      ['asked again', 'mine'],
    ],
    [
      'a block the outside edit resolved is gone; the others keep theirs, in their new places',
      [block('REQ-2', 'email once'), block('REQ-3', 'address')],
      [block('REQ-3', 'address')],
      ['mine'],
    ],
    [
      'two blocks alike take the two earlier choices in order',
      [block('title', 'a'), block('title', 'a')],
      [block('title', 'a'), block('title', 'a')],
      ['theirs', 'mine'],
    ],
    ['the first read has nothing to carry', [], [block('REQ-2', 'email once')], ['asked again']],
  ])('%s', (_name, before, after, expected) => {
    expect(carriedChoices(before, ['theirs', 'mine'], after, () => 'asked again')).toEqual(expected);
  });
});
