// PDF export in the desktop app, printed by Electron's own Chromium (webContents.printToPDF). It runs
// where an Electron runtime exists and `npm run build` has run; elsewhere it is skipped, saying why.
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
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
if (skipReason) process.stdout.write(`[electron export] skipped: ${skipReason}\n`);

test.describe('Electron PDF export', () => {
  test.skip(skipReason !== undefined, skipReason ?? '');

  let base: string;
  let app: ElectronApplication;
  let page: Page;

  test.beforeEach(async () => {
    base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-electron-export-'));
    const workspace = path.join(base, 'workspace');
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

  test('prints a bundle with headers, footers and contents, and closes its print window', async () => {
    const exported = await page.evaluate(async () => {
      const api = (window as unknown as { specbench: SpecbenchApi }).specbench;
      return api.exportBundle({
        exportId: 'electron',
        specs: ['SPEC-1'],
        format: 'pdf',
        include: ['stories'],
      });
    });
    if (!exported.ok) throw new Error(exported.message);
    const file = path.join(base, exported.fileName);
    await fs.writeFile(file, Buffer.from(exported.base64, 'base64'));
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((text) => text.trim() !== '');
    const footers = pages.filter((text, index) => text.includes(`Page ${index + 1} of ${pages.length}`));
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    expect({
      footers: footers.length === pages.length && pages.length > 3,
      header: pages.some((text) => /^\s*Acme Checkout\s{2,}Guest checkout\s*$/m.test(text)),
      contents: /1\s+Guest checkout\s+\d+/.test(pages[1] ?? ''),
      windows,
    }).toEqual({ footers: true, header: true, contents: true, windows: 1 });
  });
});
