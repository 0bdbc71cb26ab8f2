import { describe, expect, it } from 'vitest';
import { choiceSentence } from './ChoiceNote.js';

const view = { mineLabel: 'Yours', theirsLabel: 'Theirs (origin/main)' };
const mine = 'Guests enter an email address once, and it is used for the receipt.';
const theirs = 'Guests enter an email address only once, and it is used for the receipt.';

describe('choiceSentence: what the selected choice keeps and drops', () => {
  it.each([
    [
      'mine' as const,
      { mine, theirs },
      'Keep mine: keeps your text; “…only…”, which only theirs (origin/main) has, is dropped.',
    ],
    [
      'theirs' as const,
      { mine: 'Guests pay within 5 minutes.', theirs: 'Guests pay within 2 minutes.' },
      'Take theirs: keeps the text of theirs (origin/main); “…5…”, which only yours has, is dropped.',
    ],
    [
      'theirs' as const,
      { mine, theirs },
      'Take theirs: keeps the text of theirs (origin/main); what yours took out stays in.',
    ],
    [
      'mine' as const,
      { mine: '', theirs: 'Gift cards never expire.' },
      'Keep mine: removes the block; “Gift cards never expire.”, which only theirs (origin/main) has, is dropped.',
    ],
    ['edit' as const, { mine, theirs }, 'Edit: write the block yourself, starting from both.'],
    [
      'both' as const,
      { mine, theirs },
      'Keep both: keeps your text, then the text of theirs (origin/main) after it; nothing is dropped.',
    ],
  ])('%s on %j', (choice, part, expected) => {
    expect(choiceSentence(choice, part, view)).toBe(expected);
  });
});
