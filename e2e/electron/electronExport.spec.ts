// PDF export in the desktop app, printed by Electron's own Chromium (webContents.printToPDF). It runs
// where an Electron runtime exists and `npm run build` has run; elsewhere it is skipped, saying why.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import {
  closeElectronApp,
  launchElectronApp,
  skipWithoutElectron,
  type LaunchedElectronApp,
} from './launchElectronApp.js';

test.describe('Electron PDF export', () => {
  skipWithoutElectron('electron export');

  let launched: LaunchedElectronApp;

  test.beforeEach(async () => {
    launched = await launchElectronApp('specbench-electron-export-');
  });

  test.afterEach(async () => {
    await closeElectronApp(launched);
  });

  test('prints a bundle with headers, footers and contents, and closes its print window', async () => {
    const { base, app, page } = launched;
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
