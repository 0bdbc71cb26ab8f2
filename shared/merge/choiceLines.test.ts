import { describe, expect, it } from 'vitest';
import type { KeptBoth } from '../contract/gitViews.js';
import { keptBothLine, withChoiceLines } from './choiceLines.js';

describe('withChoiceLines', () => {
  const line = (key: string, to: string) => `Keep both: ${key} (theirs) is now ${to}`;
  it.each([
    [
      "after git's text, before its conflict comments",
      "Merge branch 'hank'\n\n# Conflicts:\n#\tspecs/a.md\n",
      [line('REQ-2', 'REQ-15')],
      "Merge branch 'hank'\n\nKeep both: REQ-2 (theirs) is now REQ-15\n\n# Conflicts:\n#\tspecs/a.md\n",
    ],
    [
      'a second file resolved: its line joins the first',
      "Merge branch 'hank'\n\nKeep both: REQ-2 (theirs) is now REQ-15\n\n# Conflicts:\n#\tspecs/a.md\n",
      [line('REQ-3', 'REQ-16')],
      "Merge branch 'hank'\n\nKeep both: REQ-2 (theirs) is now REQ-15\nKeep both: REQ-3 (theirs) is now REQ-16\n\n# Conflicts:\n#\tspecs/a.md\n",
    ],
    [
      'a line already there is not written twice',
      "Merge branch 'hank'\n\nKeep both: REQ-2 (theirs) is now REQ-15\n",
      [line('REQ-2', 'REQ-15')],
      "Merge branch 'hank'\n\nKeep both: REQ-2 (theirs) is now REQ-15\n",
    ],
    [
      'a message the user wrote in the Changes panel before choosing Keep both',
      'Merge Sam’s wording\n\n#2 asked for paste.',
      [line('REQ-2', 'REQ-3')],
      'Merge Sam’s wording\n\n#2 asked for paste.\n\nKeep both: REQ-2 (theirs) is now REQ-3\n',
      { comments: false },
    ],
    [
      'no comments',
      "Merge branch 'hank'\n",
      [line('REQ-2', 'REQ-15')],
      "Merge branch 'hank'\n\nKeep both: REQ-2 (theirs) is now REQ-15\n",
    ],
  ])('%s', (_name, text, lines, expected, options?: { comments: boolean }) => {
    expect(withChoiceLines(text, lines, options)).toBe(expected);
  });
});

describe('keptBothLine', () => {
  const kept = (renamedLabel: string): KeptBoth => ({
    from: 'REQ-10',
    to: 'REQ-15',
    keptTitle: 'Codes expire after one hour.',
    renamedTitle: 'Codes expire after thirty minutes.',
    keptLabel: 'Theirs (origin/main)',
    renamedLabel,
    references: [],
  });
  it.each([
    [
      'yours, named by the person resolving',
      'Yours',
      'Sam PM',
      "Keep both: REQ-10 (Sam PM's copy) is now REQ-15",
    ],
    [
      'theirs, named by its branch',
      'Theirs (hank)',
      'Sam PM',
      "Keep both: REQ-10 (hank's copy) is now REQ-15",
    ],
    ['yours when git does not know the name', 'Yours', undefined, 'Keep both: REQ-10 (yours) is now REQ-15'],
  ])('%s', (_name, label, user, expected) => {
    expect(keptBothLine(kept(label), user)).toBe(expected);
  });
});
