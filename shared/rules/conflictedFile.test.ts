import { describe, expect, it } from 'vitest';
import { conflictMarkerLine } from './conflictedFile.js';

describe('conflictMarkerLine', () => {
  it.each([
    ['git’s three lines, in order', 'a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> main\n', 2],
    ['a diff3 base section too', '<<<<<<< ours\nb\n||||||| base\na\n=======\nc\n>>>>>>> theirs\n', 1],
    ['CRLF line ends', 'a\r\n<<<<<<< HEAD\r\nb\r\n=======\r\nc\r\n>>>>>>> main\r\n', 2],
    ['a setext heading underlined with seven =', 'Title\n=======\n\ntext\n', undefined],
    ['an opening line with no separator or closing after it', '<<<<<<< HEAD\ntext\n', undefined],
    ['markers out of order', '>>>>>>> main\n=======\n<<<<<<< HEAD\n', undefined],
    ['eight angle brackets are not a marker', '<<<<<<<< x\n=======\n>>>>>>> y\n', undefined],
  ])('%s', (_name, text, expected) => {
    expect(conflictMarkerLine(text)).toBe(expected);
  });
});
