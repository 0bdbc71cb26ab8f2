/**
 * Prints sanitised HTML to PDF with Playwright's Chromium (the system one when present): JavaScript
 * off, every network request aborted; the running header and footer come from the HTML's own CSS.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumExecutablePath, chromiumFailure, chromiumLaunchArguments } from './chromiumLaunch.js';
import { allowedPrintRequest, playwrightPdfOptions } from './printOptions.js';

/** What prints bundle HTML: Playwright's Chromium here, `webContents.printToPDF` in the desktop app. */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface ChromiumPrinter extends PdfPrinter {
  /** Requests the page tried to make, all aborted: none for a bundle, whose images are inlined. */
  readonly blockedRequests: readonly string[];
}

export type LaunchResult<Printer extends PdfPrinter = ChromiumPrinter> =
  { ok: true; printer: Printer } | { ok: false; error: 'no-browser'; message: string };

/** Starts a printer for one export; the export closes it when done. */
export type PrinterLauncher = () => Promise<LaunchResult<PdfPrinter>>;

/** `SPECBENCH_CHROMIUM` names another Chromium; otherwise Debian's, else Playwright's own if installed. */
export async function launchPdfPrinter(): Promise<LaunchResult> {
  const executablePath = chromiumExecutablePath();
  let browser: Browser;
  try {
    browser = await chromium.launch({
      args: chromiumLaunchArguments,
      ...(executablePath ? { executablePath } : {}),
    });
  } catch (error) {
    const reason = chromiumFailure(error);
    return {
      ok: false,
      error: 'no-browser',
      message: `cannot start Chromium to print the PDF (install chromium or set SPECBENCH_CHROMIUM): ${reason}`,
    };
  }
  const blockedRequests: string[] = [];
  // One page for every print of this printer: the second pass of the contents skips the set-up.
  let page: Promise<Page> | undefined;
  const openPage = async (): Promise<Page> => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      serviceWorkers: 'block',
      offline: true,
    });
    const created = await context.newPage();
    await created.route('**/*', async (route) => {
      const url = route.request().url();
      if (allowedPrintRequest(url)) return route.continue();
      blockedRequests.push(url);
      return route.abort('blockedbyclient');
    });
    await created.emulateMedia({ media: 'print' });
    return created;
  };
  return {
    ok: true,
    printer: {
      blockedRequests,
      async print(html) {
        page ??= openPage();
        const current = await page;
        await current.setContent(html, { waitUntil: 'load' });
        const pdf = await current.pdf(playwrightPdfOptions);
        return new Uint8Array(pdf);
      },
      close: () => browser.close(),
    },
  };
}
