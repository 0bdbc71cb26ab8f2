/**
 * The running header and footer every printer uses (Playwright's `page.pdf` and Electron's
 * `printToPDF` take the same templates): workspace and title above, "Page N of M" below.
 */
import { escapeHtml } from './htmlSanitizer.js';

export interface PrintOptions {
  /** Left of the running header. */
  workspaceName: string;
  /** Right of the running header. */
  title: string;
}

const templateStyle =
  'font-family: Inter, "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 8px; color: #5b6577; width: 100%; margin: 0 18mm;';

export function headerTemplate(options: PrintOptions): string {
  return `<div style='${templateStyle} display: flex; justify-content: space-between; border-bottom: 0.5px solid #d9dee7; padding-bottom: 2mm;'><span>${escapeHtml(
    options.workspaceName,
  )}</span><span>${escapeHtml(options.title)}</span></div>`;
}

export const footerTemplate = `<div style='${templateStyle} text-align: center;'>Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;

/** The same page set-up for Electron's `webContents.printToPDF`, so the desktop app prints what the CLI prints. */
export function printToPdfOptions(options: PrintOptions) {
  return {
    pageSize: 'A4',
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(options),
    footerTemplate,
    generateDocumentOutline: true,
    generateTaggedPDF: true,
  } as const;
}
