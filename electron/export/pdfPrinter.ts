/**
 * Prints sanitised HTML to PDF with a headless Chromium (the system one when present) driven over
 * the DevTools protocol: JavaScript off, every network request aborted; the running header and
 * footer come from the HTML's own CSS. The page is made while Chromium starts, so an export that
 * starts the printer first has it ready by the time its HTML is.
 */
import { startChromium, type CdpConnection, type CdpEvent } from './cdpConnection.js';
import { chromiumFailure } from './chromiumLaunch.js';
import { fillContentsPages } from './contentsPages.js';
import { allowedPrintRequest, chromiumPdfOptions } from './printOptions.js';

/** What prints bundle HTML: Chromium here, `webContents.printToPDF` in the desktop app. */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
  /**
   * Prints bundle HTML with the contents' page numbers filled in from the page's own layout
   * (contentsPages.ts), and says which it wrote; a printer without it takes a pass to learn them.
   */
  printPaged?(html: string): Promise<PagedPrint>;
  close(): Promise<void>;
}

export interface PagedPrint {
  pdf: Uint8Array;
  pages: ReadonlyMap<string, number>;
}

export interface ChromiumPrinter extends PdfPrinter {
  /** Requests the page tried to make, all aborted: none for a bundle, whose images are inlined. */
  readonly blockedRequests: readonly string[];
}

export type LaunchResult<Printer extends PdfPrinter = ChromiumPrinter> =
  { ok: true; printer: Printer } | { ok: false; error: 'no-browser'; message: string };

/** Starts a printer for one export; the export closes it when done. */
export type PrinterLauncher = () => Promise<LaunchResult<PdfPrinter>>;

/** `SPECBENCH_CHROMIUM` names another Chromium; otherwise Debian's, else `chromium` on the PATH. */
export async function launchPdfPrinter(): Promise<LaunchResult> {
  let browser: CdpConnection | undefined;
  let page: PrintPage;
  try {
    browser = await startChromium();
    page = await openPage(browser);
  } catch (error) {
    await browser?.close();
    return {
      ok: false,
      error: 'no-browser',
      message: `cannot start Chromium to print the PDF (install chromium or set SPECBENCH_CHROMIUM): ${chromiumFailure(error)}`,
    };
  }
  // One page for every print of this printer: a later print skips the set-up.
  return {
    ok: true,
    printer: {
      blockedRequests: page.blockedRequests,
      print: (html) => page.print(html),
      printPaged: (html) => page.printPaged(html),
      close: () => browser.close(),
    },
  };
}

interface PrintPage {
  blockedRequests: string[];
  print(html: string): Promise<Uint8Array>;
  printPaged(html: string): Promise<PagedPrint>;
}

async function openPage(browser: CdpConnection): Promise<PrintPage> {
  const { browserContextId } = await browser.send<{ browserContextId: string }>(
    'Target.createBrowserContext',
    { disposeOnDetach: true },
  );
  const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', {
    url: 'about:blank',
    browserContextId,
  });
  const { sessionId } = await browser.send<{ sessionId: string }>('Target.attachToTarget', {
    targetId,
    flatten: true,
  });
  const send = <Result>(method: string, params?: Record<string, unknown>) =>
    browser.send<Result>(method, params, sessionId);
  const blockedRequests: string[] = [];
  let loaded: (() => void) | undefined;
  browser.listen((event: CdpEvent) => {
    if (event.sessionId !== sessionId) return;
    if (event.method === 'Page.loadEventFired') loaded?.();
    if (event.method !== 'Fetch.requestPaused') return;
    const { requestId, request } = event.params as { requestId: string; request: { url: string } };
    if (allowedPrintRequest(request.url))
      void send('Fetch.continueRequest', { requestId }).catch(() => undefined);
    else {
      blockedRequests.push(request.url);
      void send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }).catch(() => undefined);
    }
  });
  const { frameTree } = await send<{ frameTree: { frame: { id: string } } }>('Page.getFrameTree');
  await Promise.all([
    send('Page.enable'),
    send('Emulation.setScriptExecutionDisabled', { value: true }),
    send('Emulation.setEmulatedMedia', { media: 'print' }),
    send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }),
  ]);
  // about:blank has loaded once Page.enable answered; each document written after it fires its own load.
  const load = async (html: string) => {
    const loadFired = new Promise<void>((resolve) => (loaded = resolve));
    await send('Page.setDocumentContent', { frameId: frameTree.frame.id, html });
    await loadFired;
    loaded = undefined;
  };
  const printLoaded = async () => {
    const { data } = await send<{ data: string }>('Page.printToPDF', chromiumPdfOptions);
    return new Uint8Array(Buffer.from(data, 'base64'));
  };
  return {
    blockedRequests,
    async print(html) {
      await load(html);
      return printLoaded();
    },
    async printPaged(html) {
      await load(html);
      const { result, exceptionDetails } = await send<{
        result: { value?: Record<string, number> };
        exceptionDetails?: { text: string };
      }>('Runtime.evaluate', { expression: fillContentsPages, returnByValue: true });
      if (exceptionDetails) throw new Error(`the contents could not be paged: ${exceptionDetails.text}`);
      return { pdf: await printLoaded(), pages: new Map(Object.entries(result.value ?? {})) };
    },
  };
}
