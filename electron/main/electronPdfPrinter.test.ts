import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchArguments, systemChromium } from '../export/chromiumLaunch.js';
import { renderBundlePdf } from '../export/bundlePdf.js';
import { bundleOf, pdfPages, sampleCopy } from '../export/testing/exportFixtures.js';
import {
  electronPrinterLauncher,
  printRequestAllowed,
  printWindowOptions,
  servePage,
} from './electronPdfPrinter.js';
import { fakeElectron } from './testing/fakeElectron.js';

const date = new Date('2026-11-25T12:00:00Z');

describe('printWindowOptions', () => {
  it('opens a hidden, sandboxed, isolated window with no script, preload or Node', () => {
    const options = printWindowOptions('print session');
    const preferences: Record<string, unknown> = options.webPreferences;
    expect({
      show: options.show,
      session: preferences.session,
      javascript: preferences.javascript,
      sandbox: preferences.sandbox,
      contextIsolation: preferences.contextIsolation,
      nodeIntegration: preferences.nodeIntegration,
      webviewTag: preferences.webviewTag,
      preload: 'preload' in preferences,
    }).toEqual({
      show: false,
      session: 'print session',
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: false,
    });
  });
});

describe('printRequestAllowed', () => {
  const page = 'file:///specbench-print/abc/bundle.html';
  const cases: [string, string, boolean][] = [
    ['the page being printed', page, true],
    ['an inlined image', 'data:image/png;base64,iVBORw0KGgo=', true],
    ['a data: URL in capitals', 'DATA:image/png;base64,iVBORw0KGgo=', true],
    ['another local file', 'file:///etc/passwd', false],
    ['a sibling of the page', 'file:///specbench-print/abc/other.html', false],
    ['a remote image', 'https://example.com/chart.png', false],
    ['a plain-http request', 'http://127.0.0.1:8080/x', false],
    ['a blob', 'blob:file:///1234', false],
  ];
  it.each(cases)('%s', (_name, url, expected) => {
    expect(printRequestAllowed(url, new Map([[page, '<p>']]))).toEqual(expected);
  });
});

describe('servePage', () => {
  const page = 'file:///specbench-print/abc/bundle.html';
  const pages = new Map([[page, '<!doctype html><p>bundle</p>']]);
  const cases: [string, string, unknown][] = [
    [
      'the page being printed, with the bundle policy as a header',
      page,
      [
        200,
        'text/html; charset=utf-8',
        "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'",
        '<!doctype html><p>bundle</p>',
      ],
    ],
    ['a local file', 'file:///etc/passwd', [404, 'text/plain;charset=UTF-8', null, 'Not found']],
    ['the page with a query', `${page}?x=1`, [404, 'text/plain;charset=UTF-8', null, 'Not found']],
  ];
  it.each(cases)('%s', async (_name, url, expected) => {
    const response = servePage(pages, url);
    expect([
      response.status,
      response.headers.get('content-type'),
      response.headers.get('content-security-policy'),
      await response.text(),
    ]).toEqual(expected);
  });
});

describe('electronPrinterLauncher, with a fake Electron printing through Chromium', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: systemChromium, args: chromiumLaunchArguments });
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('prints the sample bundle in the same passes as the CLI, from memory, then destroys its window', async () => {
    const fake = fakeElectron(browser);
    const bundle = await bundleOf(await sampleCopy(), { specs: 'all', include: ['stories', 'matrix'] });
    const printed = await renderBundlePdf(bundle, {
      date,
      launchPrinter: electronPrinterLauncher(fake.electron),
    });
    const pages = printed.ok ? await pdfPages(printed.pdf) : [];
    const footers = pages.filter((page, index) => page.includes(`Page ${index + 1} of ${pages.length}`));
    expect({
      printed: printed.ok && { passes: printed.passes, contentsPaged: printed.contentsPaged },
      footers: footers.length === pages.length && pages.length > 10,
      destroyed: fake.windows.map((window) => window.destroyed),
      requests: fake.sessions[0]!.requests.map(
        ([url, outcome]) => `${outcome} ${url.replace(/[0-9a-f-]{36}/, 'ID')}`,
      ),
    }).toEqual({
      printed: { passes: 2, contentsPaged: true },
      footers: true,
      destroyed: [true],
      requests: Array(2).fill('served 200 file:///specbench-print/ID/bundle.html'),
    });
  }, 60_000);

  it('fetches nothing and reads no file for HTML that skipped the sanitiser', async () => {
    const fake = fakeElectron(browser);
    const launched = await electronPrinterLauncher(fake.electron)();
    if (!launched.ok) throw new Error(launched.message);
    const text = await launched.printer
      .print(
        `<!doctype html><img src="${origin}/raw.png"><img src="file:///etc/hostname"><script>fetch('${origin}/script')</script><link rel="stylesheet" href="${origin}/raw.css"><p>printed text</p>`,
      )
      .then(async (pdf) => (await pdfPages(pdf)).join(''))
      .finally(() => launched.printer.close());
    expect({
      printed: text.includes('printed text'),
      server: requests,
      session: fake.sessions[0]!.requests.map(
        ([url, outcome]) => `${outcome} ${url.replace(/[0-9a-f-]{36}/, 'ID')}`,
      ),
    }).toEqual({
      printed: true,
      server: [],
      session: ['served 200 file:///specbench-print/ID/bundle.html'],
    });
  }, 30_000);

  it('denies navigation, redirects, new windows and permissions', async () => {
    const fake = fakeElectron(browser);
    const launched = await electronPrinterLauncher(fake.electron)();
    if (!launched.ok) throw new Error(launched.message);
    await launched.printer.close();
    const window = fake.windows[0]!;
    const prevented = ['will-navigate', 'will-redirect'].map((name) => {
      let stopped = false;
      window.listeners.get(name)?.({ preventDefault: () => (stopped = true) });
      return stopped;
    });
    let granted: boolean | undefined;
    fake.sessions[0]!.permissionHandler!(undefined, 'media', (answer) => (granted = answer));
    expect([prevented, window.openHandler?.(), granted]).toEqual([[true, true], { action: 'deny' }, false]);
  });

  it('says in one line when the window cannot be opened', async () => {
    const fake = fakeElectron(browser);
    const failing: Parameters<typeof electronPrinterLauncher>[0] = {
      session: fake.electron.session,
      BrowserWindow: class {
        constructor() {
          throw new Error('GPU process unavailable\nstack');
        }
      } as unknown as Parameters<typeof electronPrinterLauncher>[0]['BrowserWindow'],
    };
    expect(await electronPrinterLauncher(failing)()).toEqual({
      ok: false,
      error: 'no-browser',
      message: 'cannot open a window to print the PDF: GPU process unavailable',
    });
  });
});
