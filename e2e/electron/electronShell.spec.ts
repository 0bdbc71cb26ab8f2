// The desktop shell through Playwright's Electron driver. It runs where an Electron runtime exists
// (after `npx install-electron`) and `npm run build` has run; elsewhere it is skipped, saying why.
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { methodNames, type SpecbenchApi } from '../../shared/contract/apiContract.js';
import { findElectron } from '../../scripts/start.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const found = findElectron(path.join(root, 'node_modules', 'electron')) as
  { ok: true; binary: string } | { ok: false; reason: string };
const built = [
  'dist/electron/main/main.js',
  'dist/electron/preload/preload.cjs',
  'dist/renderer/index.html',
].find((file) => !existsSync(path.join(root, file)));
const skipReason = !found.ok
  ? `no Electron runtime: ${found.reason} (run \`npx install-electron\`)`
  : built
    ? `the app is not built: ${built} is missing (run \`npm run build\`)`
    : undefined;
if (skipReason) process.stdout.write(`[electron suite] skipped: ${skipReason}\n`);

test.describe('Electron shell', () => {
  test.skip(skipReason !== undefined, skipReason ?? '');

  let base: string;
  let workspace: string;
  let app: ElectronApplication;
  let page: Page;

  test.beforeEach(async () => {
    base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-electron-'));
    workspace = path.join(base, 'workspace');
    await fs.cp(path.join(root, 'samples', 'acme-checkout'), workspace, { recursive: true });
    app = await electron.launch({
      executablePath: (found as { binary: string }).binary,
      args: [root, workspace],
      env: { ...process.env, SPECBENCH_USER_DATA: path.join(base, 'user-data') },
    });
    page = await app.firstWindow();
    await page.waitForSelector('body[data-ready=true]');
  });

  test.afterEach(async () => {
    await app?.close();
    await fs.rm(base, { recursive: true, force: true });
  });

  test('the window is isolated, sandboxed and has no Node', async () => {
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const preferences = BrowserWindow.getAllWindows()[0]!.webContents.getLastWebPreferences();
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
      specbench: [...methodNames, 'onDidChangeWorkspace'].sort(),
      url: 'specbench-app:',
    });
  });

  test('opens the workspace given on the command line and saves through the bridge', async () => {
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
    await page.evaluate(() => {
      window.open('https://example.com/');
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect([app.windows().length, new URL(page.url()).protocol]).toEqual([1, 'specbench-app:']);
  });
});
