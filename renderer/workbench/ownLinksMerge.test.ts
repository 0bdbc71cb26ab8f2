import { describe, expect, it } from 'vitest';
import { mergeOwnLinks } from './ownLinksMerge.js';

const base = '# Review prep\n\nNotes for the review.\n\nSee [other](../Other.md#top).\n';
const moved = base.replace('../Other.md', '../../Other.md');

describe('mergeOwnLinks', () => {
  it.each([
    [
      'typing in another block than the rewritten link keeps both',
      base.replace('review.', 'review. Typed.'),
      moved.replace('review.', 'review. Typed.'),
    ],
    [
      'typing in the rewritten link’s own block is left to the Conflict banner',
      base.replace('See', 'Read'),
      undefined,
    ],
    ['no typing takes the rewrite', base, moved],
  ])('%s', (_case, ours, expected) => {
    expect(mergeOwnLinks('Maya/Review prep.md', base, ours, moved)).toBe(expected);
  });
});
