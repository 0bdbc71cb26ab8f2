/**
 * A fake of Electron (whose binary cannot be downloaded here) for the desktop's printer and diagram
 * renderer: sessions and windows that do what Electron's do, with the system Chromium underneath.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import type { electronPdfOptions } from '../../export/printOptions.js';
import type { DrawWindow, DrawingElectron } from '../electronDiagramRenderer.js';
import type { PrintSession, PrintWindow, PrintingElectron } from '../electronPdfPrinter.js';

/** A fake of the Electron session (no Electron runtime here): records what the printer installs. */
export class FakeSession implements PrintSession {
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  requestListener: Parameters<PrintSession['webRequest']['onBeforeRequest']>[0] | undefined;
  permissionHandler: Parameters<PrintSession['setPermissionRequestHandler']>[0] | undefined;
  /** Each request the window made, and who answered: `served 200`, `served 404`, `refused`, `loaded`. */
  readonly requests: [url: string, outcome: string][] = [];
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
      this.handlers.set(scheme, handler);
    },
  };
  readonly webRequest = {
    onBeforeRequest: (listener: NonNullable<FakeSession['requestListener']>) => {
      this.requestListener = listener;
    },
  };

  setPermissionRequestHandler(handler: NonNullable<FakeSession['permissionHandler']>): void {
    this.permissionHandler = handler;
  }
}

/** What the fake window reads of the options Electron's BrowserWindow is given. */
interface FakeWindowOptions {
  webPreferences: { session: FakeSession; javascript: boolean };
}

/**
 * A fake BrowserWindow (no Electron runtime here) that does what Electron's does with Chromium: the
 * window's JavaScript setting, a scheme's protocol handler answering its requests, the webRequest
 * filter deciding the others, printToPDF's options mapped onto Playwright's `page.pdf`, and
 * executeJavaScript as Electron runs it (a classic script in the page's main world, its promise
 * awaited, unaffected by the page's content security policy: Chromium's own Runtime.evaluate).
 */
export class FakeWindow implements PrintWindow, DrawWindow {
  destroyed = false;
  private context: BrowserContext | undefined;
  readonly listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  openHandler: (() => { action: 'deny' }) | undefined;
  readonly webContents: PrintWindow['webContents'] & DrawWindow['webContents'];

  constructor(
    private readonly browser: Browser,
    readonly options: FakeWindowOptions,
  ) {
    this.webContents = {
      on: (event: string, listener: (event: { preventDefault(): void }) => void) =>
        this.listeners.set(event, listener),
      setWindowOpenHandler: (handler) => {
        this.openHandler = handler;
      },
      printToPDF: (options) => this.printToPDF(options),
      executeJavaScript: (code) => this.executeJavaScript(code),
    };
  }

  async loadURL(url: string): Promise<void> {
    const session = this.options.webPreferences.session;
    this.context ??= await this.browser.newContext({
      javaScriptEnabled: this.options.webPreferences.javascript,
    });
    const page = this.context.pages()[0] ?? (await this.context.newPage());
    await page.unrouteAll();
    await page.route('**/*', async (route) => {
      const requested = route.request().url();
      const handler = session.handlers.get(new URL(requested).protocol.slice(0, -1));
      if (handler) {
        const response = await handler(new Request(requested));
        session.requests.push([requested, `served ${response.status}`]);
        return route
          .fulfill({
            status: response.status,
            headers: Object.fromEntries(response.headers),
            body: Buffer.from(await response.arrayBuffer()),
          })
          .catch(droppedWithWindow);
      }
      session.requestListener!({ url: requested }, ({ cancel }) => {
        session.requests.push([requested, cancel ? 'refused' : 'loaded']);
        // A request still pending when the window is destroyed is dropped, as Electron drops it; its
        // answer then rejects ("Target page, context or browser has been closed").
        (cancel ? route.abort('blockedbyclient') : route.continue()).catch(droppedWithWindow);
      });
    });
    await page.goto(url, { waitUntil: 'load' });
  }

  private async printToPDF(options: typeof electronPdfOptions): Promise<Uint8Array> {
    const page = this.context!.pages()[0]!;
    return page.pdf({
      format: options.pageSize,
      preferCSSPageSize: options.preferCSSPageSize,
      printBackground: options.printBackground,
      displayHeaderFooter: options.displayHeaderFooter,
      outline: options.generateDocumentOutline,
      tagged: options.generateTaggedPDF,
    });
  }

  private async executeJavaScript(code: string): Promise<unknown> {
    const page = this.context!.pages()[0]!;
    const cdp = await this.context!.newCDPSession(page);
    try {
      const answer = (await cdp.send('Runtime.evaluate', {
        expression: code,
        awaitPromise: true,
        returnByValue: true,
      })) as {
        result: { value?: unknown };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      // Electron rejects with the script's error.
      if (answer.exceptionDetails)
        throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
      return answer.result.value;
    } finally {
      await cdp.detach().catch(droppedWithWindow);
    }
  }

  destroy(): void {
    this.destroyed = true;
    this.context?.close().catch(droppedWithWindow);
  }
}

/** Only the closing of the page may reject a pending answer; anything else still fails the test. */
export function droppedWithWindow(error: unknown): void {
  if (!String(error).includes('has been closed')) throw error;
}

/** A fake of the parts of Electron the printer and the diagram renderer use, backed by real Chromium. */
export function fakeElectron(browser: Browser) {
  const windows: FakeWindow[] = [];
  const sessions: FakeSession[] = [];
  const electron: PrintingElectron<FakeSession> & DrawingElectron<FakeSession> = {
    session: {
      fromPartition: () => {
        sessions.push(new FakeSession());
        return sessions.at(-1)!;
      },
    },
    BrowserWindow: class {
      constructor(options: FakeWindowOptions) {
        windows.push(new FakeWindow(browser, options));
        return windows.at(-1)!;
      }
    } as unknown as PrintingElectron<FakeSession>['BrowserWindow'] &
      DrawingElectron<FakeSession>['BrowserWindow'],
  };
  return { electron, windows, sessions };
}
