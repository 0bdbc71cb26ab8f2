import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchArguments, systemChromium } from '../export/chromiumLaunch.js';
import { drawWindowOptions, electronDiagramRenderer } from './electronDiagramRenderer.js';
import { fakeElectron } from './testing/fakeElectron.js';

const flowchart = 'flowchart LR\n  Cart --> Pay\n  Pay -->|yes| Receipt';

describe('drawWindowOptions', () => {
  it('opens a hidden, sandboxed, isolated window with no preload or Node; JavaScript on for Mermaid', () => {
    const options = drawWindowOptions('draw session');
    const preferences: Record<string, unknown> = options.webPreferences;
    expect({
      show: options.show,
      session: preferences.session,
      javascript: preferences.javascript,
      sandbox: preferences.sandbox,
      contextIsolation: preferences.contextIsolation,
      nodeIntegration: preferences.nodeIntegration,
      preload: 'preload' in preferences,
    }).toEqual({
      show: false,
      session: 'draw session',
      javascript: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: false,
    });
  });
});

describe('electronDiagramRenderer, with a fake Electron drawing through Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: systemChromium, args: chromiumLaunchArguments });
  });

  afterAll(async () => {
    await browser.close();
  });

  it('draws every diagram of an export in one window, sanitised, loading nothing but its page', async () => {
    const fake = fakeElectron(browser);
    const hostile = 'flowchart LR\n  A["<img src=x onerror=alert(1)>"] --> B';
    const broken = 'flowchart LR\n  A -->';
    const drawn = await electronDiagramRenderer(fake.electron)([flowchart, hostile, broken, ' ']);
    const [chart, risky, failed, empty] = [flowchart, hostile, broken, ' '].map((source) =>
      drawn.get(source),
    );
    expect({
      chart: chart?.ok && /^<svg[^>]*>/.test(chart.svg) && chart.svg.includes('Receipt'),
      risky: risky?.ok && /onerror|<img|<script/i.test(risky.svg),
      broken: !failed?.ok && failed?.error.startsWith('Parse error'),
      empty,
      windows: fake.windows.map((window) => window.destroyed),
      requests: fake.sessions[0]!.requests.map(
        ([url, outcome]) => `${outcome} ${url.replace(/[0-9a-f-]{36}/, 'ID')}`,
      ),
    }).toEqual({
      chart: true,
      risky: false,
      broken: true,
      empty: { ok: false, error: 'the diagram is empty' },
      windows: [true],
      requests: ['served 200 file:///specbench-diagrams/ID/diagrams.html'],
    });
  }, 60_000);

  it('gives up a diagram that runs out of time, and draws the next in a fresh window', async () => {
    const fake = fakeElectron(browser);
    const drawn = await electronDiagramRenderer(
      fake.electron,
      1,
    )([flowchart, `${flowchart}\n  Receipt --> Done`]);
    expect({
      results: [...drawn.values()],
      windows: fake.windows.map((window) => window.destroyed),
    }).toEqual({
      results: Array(2).fill({ ok: false, error: 'it took longer than 0.001 s to draw' }),
      windows: [true, true],
    });
  }, 60_000);

  it('opens no window for an export without a diagram to draw, and says in one line when it cannot open one', async () => {
    const fake = fakeElectron(browser);
    const none = await electronDiagramRenderer(fake.electron)([]);
    const failing = electronDiagramRenderer({
      session: fake.electron.session,
      BrowserWindow: class {
        constructor() {
          throw new Error('GPU process unavailable\nstack');
        }
      } as unknown as typeof fake.electron.BrowserWindow,
    });
    expect({
      none: none.size,
      windows: fake.windows.length,
      failed: [...(await failing([flowchart])).values()],
    }).toEqual({
      none: 0,
      windows: 0,
      failed: [{ ok: false, error: 'the app could not draw it: GPU process unavailable' }],
    });
  });
});
