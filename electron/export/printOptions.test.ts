import { describe, expect, it } from 'vitest';
import { allowedPrintRequest, electronPdfOptions, playwrightPdfOptions } from './printOptions.js';

describe('the two printers’ page set-up', () => {
  it('asks Electron for what the CLI asks Playwright: A4 from the CSS, backgrounds, outline, tags, no templates', () => {
    expect({
      pageSize: electronPdfOptions.pageSize,
      preferCSSPageSize: electronPdfOptions.preferCSSPageSize,
      printBackground: electronPdfOptions.printBackground,
      displayHeaderFooter: electronPdfOptions.displayHeaderFooter,
      outline: electronPdfOptions.generateDocumentOutline,
      tagged: electronPdfOptions.generateTaggedPDF,
      keys: Object.keys(electronPdfOptions).length,
    }).toEqual({
      pageSize: playwrightPdfOptions.format,
      preferCSSPageSize: playwrightPdfOptions.preferCSSPageSize,
      printBackground: playwrightPdfOptions.printBackground,
      displayHeaderFooter: playwrightPdfOptions.displayHeaderFooter,
      outline: playwrightPdfOptions.outline,
      tagged: playwrightPdfOptions.tagged,
      keys: Object.keys(playwrightPdfOptions).length,
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
