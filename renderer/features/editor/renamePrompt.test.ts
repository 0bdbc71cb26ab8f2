import { describe, expect, it } from 'vitest';
import type { NamesakeView } from '../../../shared/contract/apiContract.js';
import { takeoverQuestion } from '../../ui/NamesakeChoice.js';

const namesake = (ambiguous: boolean): NamesakeView => ({
  name: 'Tabs',
  notes: ['Tabs.md', 'Work/Tabs.md'],
  now: 'Tabs.md',
  ambiguous,
  was: ['Work/Tabs.md'],
  links: [],
  files: ['Home.md', 'Work/Index.md'],
});

describe('takeoverQuestion', () => {
  it.each([
    [
      true,
      '[[Tabs]] links in 2 notes lead to Work/Tabs.md. Renaming “Q3 Review prep” to “Tabs” would make them ambiguous: they would open Tabs.md, the shortest path.',
    ],
    [
      false,
      '[[Tabs]] links in 2 notes lead to Work/Tabs.md. Renaming “Q3 Review prep” to “Tabs” would let it take them over: it is in the top folder, at the exact path the links name.',
    ],
  ])('names the rename from old to new (ambiguous: %s)', (ambiguous, expected) => {
    expect(takeoverQuestion('Renaming “Q3 Review prep” to “Tabs”', namesake(ambiguous))).toBe(expected);
  });
});
