import { describe, expect, it } from 'vitest';
import { footnoteNumbers, footnoteNumberText, footnoteReferenceLabels } from './footnoteNumbers.js';

/** What each of these labels shows in the document. */
const labels = ['late', 'early', 'source', '1', 'Note'];

describe('footnote numbers', () => {
  it.each([
    [
      'numbered by first reference; unreferenced labels stay',
      'A[^source] b[^1] c[^source].',
      ['late', 'early', '1', '2', 'Note'],
    ],
    [
      'a definition before its reference does not count',
      '[^late]: Late.\n\nX[^early] y[^late].',
      ['2', '1', 'source', '1', 'Note'],
    ],
    ['labels match without regard to case', 'A[^Note] b[^note].', ['late', 'early', 'source', '1', '1']],
    [
      'references in code are not references',
      '`[^late]` and\n\n```\n[^late]\n```\n\nX[^early] y[^late].',
      ['2', '1', 'source', '1', 'Note'],
    ],
  ])('%s', (_name, markdown, expected) => {
    const numbers = footnoteNumbers(footnoteReferenceLabels(markdown));
    expect(labels.map((label) => footnoteNumberText(numbers, label))).toEqual(expected);
  });
});
