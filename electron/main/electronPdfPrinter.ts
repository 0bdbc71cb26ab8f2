/**
 * The desktop app's PDF printer: Electron's own Chromium (`webContents.printToPDF`) in a hidden
 * window that runs no script, has no preload, loads nothing but its page and data: images, and
 * cannot navigate. The passes (contents page numbers) are the same as the CLI's, in renderBundlePdf.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { electronPdfOptions } from '../export/printOptions.js';
import { allowedPrintRequest, type PdfPrinter, type PrinterLauncher } from '../export/pdfPrinter.js';

/** The part of Electron's Session the printer uses (a fake stands in where Electron cannot run). */
export interface PrintSession {
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
  loadFile(file: string): Promise<void>;
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

/** Hidden, sandboxed, isolated, no JavaScript, no preload, no Node, in the printing session. */
export function printWindowOptions<Session>(printSession: Session) {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      session: printSession,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/**
 * Starts one print window per export. Pages are loaded from private temp files (a large bundle is
 * too long for a data: URL); the shared in-memory session lets each window load only its own file.
 */
export function electronPrinterLauncher<Session extends PrintSession>(
  electron: PrintingElectron<Session>,
): PrinterLauncher {
  const pagesPrinting = new Set<string>();
  let printSession: Session | undefined;
  const sessionForPrinting = (): Session => {
    if (printSession) return printSession;
    // No `persist:` prefix: nothing of the printing session is ever written to disk.
    printSession = electron.session.fromPartition(`specbench-print-${randomUUID()}`, { cache: false });
    printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    printSession.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !printRequestAllowed(details.url, pagesPrinting) }),
    );
    return printSession;
  };
  return async () => {
    let folder: string | undefined;
    try {
      folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-print-'));
      const file = path.join(folder, 'bundle.html');
      const pageUrl = pathToFileURL(file).href;
      const window = new electron.BrowserWindow(printWindowOptions(sessionForPrinting()));
      denyNavigation(window);
      pagesPrinting.add(pageUrl);
      const printer: PdfPrinter = {
        async print(html) {
          await fs.writeFile(file, html, { mode: 0o600 });
          await window.loadFile(file);
          return new Uint8Array(await window.webContents.printToPDF(electronPdfOptions));
        },
        async close() {
          pagesPrinting.delete(pageUrl);
          window.destroy();
          await fs.rm(folder!, { recursive: true, force: true });
        },
      };
      return { ok: true, printer };
    } catch (error) {
      if (folder) await fs.rm(folder, { recursive: true, force: true });
      return {
        ok: false,
        error: 'no-browser',
        message: `cannot open a window to print the PDF: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      };
    }
  };
}

/** data: resources, and the pages being printed right now; nothing else, on any scheme. */
export function printRequestAllowed(url: string, pagesPrinting: ReadonlySet<string>): boolean {
  return pagesPrinting.has(url) || allowedPrintRequest(url);
}

function denyNavigation(window: PrintWindow): void {
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
