import { describe, expect, it } from 'vitest';
import { cleanMessage, withChoiceLines } from './mergeMessage.js';

describe('cleanMessage', () => {
  it.each([
    [
      "git's merge message with its conflict comments",
      "Merge branch 'main' of /tmp/remote\n\n# Conflicts:\n#\tspecs/checkout.md\n",
      "Merge branch 'main' of /tmp/remote",
    ],
    ['blank lines and trailing spaces at the ends', '\n\nMerge  \n\n\n\nBody\n\n', 'Merge\n\nBody'],
    ['nothing but comments', '# Conflicts:\n#\ta.md\n', ''],
  ])('%s', (_name, text, expected) => {
    expect(cleanMessage(text)).toBe(expected);
  });
});

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
      'no comments',
      "Merge branch 'hank'\n",
      [line('REQ-2', 'REQ-15')],
      "Merge branch 'hank'\n\nKeep both: REQ-2 (theirs) is now REQ-15\n",
    ],
  ])('%s', (_name, text, lines, expected) => {
    expect(withChoiceLines(text, lines)).toBe(expected);
  });
});
