import { describe, expect, it } from 'vitest';
import { changesPanel } from './changesPanel.js';

describe('changesPanel', () => {
  it.each([
    // walk12g: a rebase Pull read mid-way showed "Every conflict is resolved" with Finish rebase enabled.
    {
      operation: 'rebase',
      pulling: true,
      readingConflicts: false,
      shown: { shows: 'waiting', text: 'Pulling…' },
    },
    {
      operation: 'merge',
      pulling: true,
      readingConflicts: true,
      shown: { shows: 'waiting', text: 'Pulling…' },
    },
    { operation: 'rebase', pulling: false, readingConflicts: false, shown: { shows: 'conflicts' } },
    {
      operation: undefined,
      pulling: true,
      readingConflicts: true,
      shown: { shows: 'waiting', text: 'Reading the conflicts…' },
    },
    { operation: undefined, pulling: true, readingConflicts: false, shown: { shows: 'files' } },
    { operation: undefined, pulling: false, readingConflicts: false, shown: { shows: 'files' } },
  ] as const)('$operation, pulling $pulling, reading $readingConflicts', ({ shown, ...state }) => {
    expect(changesPanel(state)).toEqual(shown);
  });
});
