/**
 * The desktop app's PDF printer: Electron's own Chromium (`webContents.printToPDF`) in a hidden
 * window that runs no script, has no preload, cannot navigate, and loads nothing but its page (served
 * from memory) and data: images. The passes (contents page numbers) are renderBundlePdf's, as in the CLI.
 */
import { randomUUID } from 'node:crypto';
import { contentSecurityPolicy } from '../export/bundleHtml.js';
import type { PdfPrinter, PrinterLauncher } from '../export/pdfPrinter.js';
import { allowedPrintRequest, electronPdfOptions } from '../export/printOptions.js';
import { hardenedWebPreferences } from './windowOptions.js';

/** The part of Electron's Session the printer uses (a fake stands in where Electron cannot run). */
export interface PrintSession {
  protocol: { handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void };
  webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of a BrowserWindow the printer uses. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  destroy(): void;
  webContents: {
    on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent) => void): unknown;
    setWindowOpenHandler(handler: () => { action: 'deny' }): void;
    printToPDF(options: typeof electronPdfOptions): Promise<Uint8Array>;
  };
}

export interface PrintingElectron<Session extends PrintSession = PrintSession> {
  session: { fromPartition(partition: string, options: { cache: boolean }): Session };
  BrowserWindow: new (options: ReturnType<typeof printWindowOptions<Session>>) => PrintWindow;
}

/** Hidden, with every hardened preference, no JavaScript and no preload, in the printing session. */
export function printWindowOptions<Session>(printSession: Session) {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      session: printSession,
      ...hardenedWebPreferences,
      javascript: false,
      spellcheck: false,
    },
  };
}

/**
 * Starts one print window per export. The printing session (in memory, shared by the app's exports)
 * answers `file:` itself, with the pages being printed and nothing else, so no bundle touches the disk
 * and no local file can be read; its request filter refuses the network.
 */
export function electronPrinterLauncher<Session extends PrintSession>(
  electron: PrintingElectron<Session>,
): PrinterLauncher {
  const pages = new Map<string, string>();
  let printSession: Session | undefined;
  const sessionForPrinting = (): Session =>
    (printSession ??= pageSession(electron, 'specbench-print', pages));
  return () => {
    try {
      const pageUrl = `file:///specbench-print/${randomUUID()}/bundle.html`;
      const window = new electron.BrowserWindow(printWindowOptions(sessionForPrinting()));
      denyNavigation(window);
      const printer: PdfPrinter = {
        async print(html) {
          pages.set(pageUrl, html);
          await window.loadURL(pageUrl);
          return new Uint8Array(await window.webContents.printToPDF(electronPdfOptions));
        },
        close() {
          pages.delete(pageUrl);
          window.destroy();
          return Promise.resolve();
        },
      };
      return Promise.resolve({ ok: true, printer });
    } catch (error) {
      return Promise.resolve({
        ok: false,
        error: 'no-browser',
        message: `cannot open a window to print the PDF: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      });
    }
  };
}

/**
 * An in-memory session (nothing written to disk) that grants no permission, answers `file:` with the
 * pages in `pages` and nothing else, and refuses every other request but data: resources.
 */
export function pageSession<Session extends PrintSession>(
  electron: { session: { fromPartition(partition: string, options: { cache: boolean }): Session } },
  name: string,
  pages: ReadonlyMap<string, string>,
): Session {
  // No `persist:` prefix: nothing of the session is ever written to disk.
  const created = electron.session.fromPartition(`${name}-${randomUUID()}`, { cache: false });
  created.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  created.protocol.handle('file', (request) => servePage(pages, request.url));
  created.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !printRequestAllowed(details.url, pages) }),
  );
  return created;
}

/** The printing session's answer to every `file:` request: a page being printed, or 404. */
export function servePage(pages: ReadonlyMap<string, string>, url: string): Response {
  const html = pages.get(url);
  if (html === undefined) return new Response('Not found', { status: 404 });
  // The bundle's policy again as a header, so even HTML that skipped the sanitiser runs and fetches nothing.
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** data: resources, and the pages being printed right now; nothing else, on any scheme. */
export function printRequestAllowed(url: string, pages: ReadonlyMap<string, unknown>): boolean {
  return pages.has(url) || allowedPrintRequest(url);
}

/** A window of ours opens nothing and goes nowhere but the page it was given. */
export function denyNavigation(window: {
  webContents: Pick<PrintWindow['webContents'], 'on' | 'setWindowOpenHandler'>;
}): void {
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
