import { describe, expect, it } from 'vitest';
import { cleanMessage } from './mergeMessage.js';

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
