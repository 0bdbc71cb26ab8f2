/**
 * The one page set-up both printers use. Headers and footers are CSS margin boxes in the bundle's
 * own stylesheet (runningHeaders.ts), so Chromium's header templates stay off and the CSS page wins.
 */

/** The DevTools protocol's `Page.printToPDF` (A4 in inches, as Playwright's `format: 'A4'` gave): the CLI and browser mode. */
export const chromiumPdfOptions = {
  paperWidth: 8.27,
  paperHeight: 11.7,
  marginTop: 0,
  marginBottom: 0,
  marginLeft: 0,
  marginRight: 0,
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
  generateDocumentOutline: true,
  generateTaggedPDF: true,
} as const;

/** Electron's `webContents.printToPDF()`: the desktop app prints what the CLI prints. */
export const electronPdfOptions = {
  pageSize: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
  generateDocumentOutline: true,
  generateTaggedPDF: true,
} as const;

/** What a printing page may load: inlined `data:` resources and nothing else, whatever the HTML asks for. */
export function allowedPrintRequest(url: string): boolean {
  return /^data:/i.test(url);
}
