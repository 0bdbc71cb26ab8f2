import { describe, expect, it } from 'vitest';
import { allowedPrintRequest, chromiumPdfOptions, electronPdfOptions } from './printOptions.js';

describe('the two printers’ page set-up', () => {
  it('asks Electron for what the CLI asks Chromium: A4 from the CSS, backgrounds, outline, tags, no templates', () => {
    expect({
      pageSize: electronPdfOptions.pageSize,
      preferCSSPageSize: electronPdfOptions.preferCSSPageSize,
      printBackground: electronPdfOptions.printBackground,
      displayHeaderFooter: electronPdfOptions.displayHeaderFooter,
      outline: electronPdfOptions.generateDocumentOutline,
      tagged: electronPdfOptions.generateTaggedPDF,
    }).toEqual({
      // A4 in inches, no margins of its own: the CSS @page sets them.
      pageSize:
        chromiumPdfOptions.paperWidth === 8.27 &&
        chromiumPdfOptions.paperHeight === 11.7 &&
        chromiumPdfOptions.marginTop + chromiumPdfOptions.marginLeft === 0
          ? 'A4'
          : 'not A4',
      preferCSSPageSize: chromiumPdfOptions.preferCSSPageSize,
      printBackground: chromiumPdfOptions.printBackground,
      displayHeaderFooter: chromiumPdfOptions.displayHeaderFooter,
      outline: chromiumPdfOptions.generateDocumentOutline,
      tagged: chromiumPdfOptions.generateTaggedPDF,
    });
  });
});

describe('allowedPrintRequest', () => {
  const cases: [string, string, boolean][] = [
    ['an inlined image', 'data:image/png;base64,iVBORw0KGgo=', true],
    ['an inlined font, scheme in capitals', 'DATA:font/woff2;base64,d09GMg==', true],
    ['a remote image', 'https://example.com/a.png', false],
    ['a local file', 'file:///etc/passwd', false],
    ['a data: URL hidden in a path', 'https://example.com/data:image/png', false],
    ['a blob', 'blob:null/1234', false],
  ];
  it.each(cases)('%s', (_name, url, expected) => {
    expect(allowedPrintRequest(url)).toEqual(expected);
  });
});
