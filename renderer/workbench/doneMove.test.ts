import { describe, expect, it } from 'vitest';
import { moveNotice } from './doneMove.js';

describe('moveNotice', () => {
  it.each([
    [
      'a move into a folder',
      'Maya/Plan.md',
      'Obsidian Sync/Plan.md',
      2,
      'Moved to Obsidian Sync/ · 2 links updated',
    ],
    ['a move to the top folder', 'Maya/Plan.md', 'Plan.md', 0, 'Moved to the top folder'],
    [
      'a rename that rewrote links',
      'Maya/Plan.md',
      'Maya/Plan for Q3.md',
      1,
      'Renamed to “Plan for Q3” · 1 link updated',
    ],
    ['a rename at the top', 'Plan.md', 'Roadmap.md', 3, 'Renamed to “Roadmap” · 3 links updated'],
  ])('%s', (_case, from, to, updatedLinks, expected) => {
    expect(moveNotice({ from, to, updatedLinks })).toBe(expected);
  });
});
