import { describe, expect, it } from 'vitest';
import { carriedChoices, carriedEdits, type ConflictBlock } from './carriedChoices.js';

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

describe('carriedEdits: text typed into Edit survives a read after the file changed on disk', () => {
  const fresh = (part: ConflictBlock) => `${part.mine} / ${part.theirs}`;
  it.each([
    [
      'a block whose sides did not change keeps the typed text',
      [block('REQ-2', 'email once')],
      [block('REQ-2', 'email once')],
      [{ text: 'typed', changed: [] }],
    ],
    [
      'a block whose side changed keeps the typed text too, and says which side changed',
      [block('REQ-2', 'email once')],
      [block('REQ-2', 'email once (edited in vim)')],
      [{ text: 'typed', typedFor: 0, changed: ['mine'] }],
    ],
    [
      'a block with nothing typed starts again from its new sides',
      [block('REQ-3', 'address')],
      [block('REQ-3', 'address (edited)')],
      [{ text: 'address (edited) / theirs', changed: [] }],
    ],
    [
      'a new block starts from its sides',
      [],
      [block('REQ-4', 'phone')],
      [{ text: 'phone / theirs', changed: [] }],
    ],
  ])('%s', (_name, before, after, expected) => {
    const typed = before.map((part) => (part.what === 'REQ-3' ? fresh(part) : 'typed'));
    expect(carriedEdits(before, typed, after, fresh)).toEqual(expected);
  });
});
