import { describe, expect, it } from 'vitest';
import { countPdfPages } from './exportProbe.js';

describe('countPdfPages', () => {
  const cases: [string, string, number][] = [
    ['no pages', '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>', 0],
    [
      'the page tree is not a page',
      '<< /Type /Pages /Kids [3 0 R 4 0 R] >> << /Type /Page >> << /Type/Page>>',
      2,
    ],
    ['one page', '3 0 obj\n<< /Type /Page /Parent 2 0 R >>', 1],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(countPdfPages(new TextEncoder().encode(text))).toEqual(expected);
  });
});
