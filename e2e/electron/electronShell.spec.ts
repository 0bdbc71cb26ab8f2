// The desktop shell through Playwright's Electron driver. It runs where an Electron runtime exists
// (after `npx install-electron`) and `npm run build` has run; elsewhere it is skipped, saying why.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { eventNames, methodNames, type SpecbenchApi } from '../../shared/contract/apiContract.js';
import {
  closeElectronApp,
  launchElectronApp,
  skipWithoutElectron,
  type LaunchedElectronApp,
} from './launchElectronApp.js';

test.describe('Electron shell', () => {
  skipWithoutElectron('electron suite');

  let launched: LaunchedElectronApp;

  test.beforeEach(async () => {
    launched = await launchElectronApp('specbench-electron-');
  });

  test.afterEach(async () => {
    await closeElectronApp(launched);
  });

  test('the window is isolated, sandboxed and has no Node', async () => {
    const { app } = launched;
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      // Undocumented (not in electron.d.ts) but what Electron's own specs read for the effective preferences.
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
        getLastWebPreferences(): Record<string, unknown> | null;
      };
      const preferences = contents.getLastWebPreferences();
      return {
        contextIsolation: preferences?.contextIsolation,
        sandbox: preferences?.sandbox,
        nodeIntegration: preferences?.nodeIntegration,
        webviewTag: preferences?.webviewTag,
      };
    });
    expect(preferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
  });

  test('the page sees exactly the contract, and no require, process or ipcRenderer', async () => {
    const { page } = launched;
    const surface = await page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      return {
        require: typeof scope.require,
        process: typeof scope.process,
        ipcRenderer: typeof scope.ipcRenderer,
        specbench: Object.keys(scope.specbench as object).sort(),
        url: location.protocol,
      };
    });
    expect(surface).toEqual({
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      specbench: [...methodNames, ...eventNames].sort(),
      url: 'specbench-app:',
    });
  });

  test('opens the workspace given on the command line and saves through the bridge', async () => {
    const { page, workspace } = launched;
    const file = 'stories/pay-as-a-guest.md';
    const result = await page.evaluate(async (file) => {
      const api = (window as unknown as { specbench: SpecbenchApi }).specbench;
      const read = await api.readDocument({ path: file });
      if (!read.ok) return read;
      return api.saveDocument({
        path: file,
        text: `${read.text}\nSaved from Electron.\n`,
        expected: read.version,
      });
    }, file);
    const onDisk = await fs.readFile(path.join(workspace, file), 'utf8');
    expect([result.ok, onDisk.endsWith('\nSaved from Electron.\n')]).toEqual([true, true]);
  });

  test('the window cannot be navigated away or open new windows', async () => {
    const { app, page } = launched;
    await page.evaluate(() => {
      window.open('https://example.com/');
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect([app.windows().length, new URL(page.url()).protocol]).toEqual([1, 'specbench-app:']);
  });
});
