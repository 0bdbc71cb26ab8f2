// What the first real run of the desktop app must get right (issue 14), through Playwright's Electron
// driver and the binary itself. It runs where an Electron runtime exists and `npm run build` has run;
// elsewhere it is skipped, saying why. Native dialogs and menus cannot be driven, so the main process's
// dialog and Menu.popup are replaced by recorders (fakes) through app.evaluate or a `-r` preload.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import {
  closeElectronApp,
  copySample,
  electronBinary,
  launchElectronApp,
  root,
  skipWithoutElectron,
  type LaunchedElectronApp,
} from './launchElectronApp.js';

/** Runs the binary to its end; resolves its exit code and what it printed. */
function runElectron(args: string[], cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    execFile(
      electronBinary(),
      args,
      { cwd, env: { ...process.env, ...env }, timeout: 30_000, encoding: 'utf8' },
      (error, _stdout, stderr) =>
        resolve({ code: error ? ((error.code as number | undefined) ?? null) : 0, stderr }),
    );
  });
}

test.describe('Electron first run', () => {
  skipWithoutElectron('electron first run');

  let launched: LaunchedElectronApp | undefined;
  test.afterEach(async () => {
    await closeElectronApp(launched);
    launched = undefined;
  });

  test('a start that fails says why in an error box and exits 1, leaving no process holding the lock', async () => {
    const base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-electron-failing-'));
    try {
      const workspace = await copySample(path.join(base, 'workspace'));
      const userData = path.join(base, 'user-data');
      // A folder where the app-state file goes: its first write, when the workspace opens, fails (EISDIR).
      await fs.mkdir(path.join(userData, 'app-state.json'), { recursive: true });
      // The error box is a native modal: a recorder stands in for it, loaded the way Playwright loads its own.
      const recorder = path.join(base, 'error-box-recorder.cjs');
      await fs.writeFile(
        recorder,
        `const { dialog } = require('electron');
         dialog.showErrorBox = (title, detail) => process.stderr.write('ERROR BOX ' + title + ': ' + detail.split('\\n')[0] + '\\n');`,
      );
      const failed = await runElectron(['-r', recorder, root, workspace], base, {
        SPECBENCH_USER_DATA: userData,
      });
      await fs.rm(path.join(userData, 'app-state.json'), { recursive: true });
      // The lock was released: the next launch on the same profile opens its window.
      launched = await launchElectronApp('unused', { base, userData });
      expect({
        code: failed.code,
        box: /ERROR BOX Specbench could not start: .*(EISDIR|directory)/.test(failed.stderr),
        relaunched: await launched.page.title(),
      }).toEqual({ code: 1, box: true, relaunched: 'Acme Checkout — Specbench' });
    } finally {
      if (!launched) await fs.rm(base, { recursive: true, force: true });
    }
  });

  test('a second launch with a relative folder hands it to the running window, resolved against its own cwd', async () => {
    launched = await launchElectronApp('specbench-electron-second-');
    const elsewhere = path.join(launched.base, 'elsewhere');
    await copySample(path.join(elsewhere, 'second-workspace'));
    const second = await runElectron([root, 'second-workspace'], elsewhere, {
      SPECBENCH_USER_DATA: launched.userData,
    });
    const { app, page } = launched;
    await expect
      .poll(
        () =>
          page
            .evaluate(async () => {
              const api = (window as unknown as { specbench: SpecbenchApi }).specbench;
              return (await api.getWorkspace({})).folderName;
            })
            .catch(() => 'reloading'),
        { timeout: 15_000 },
      )
      .toEqual('second-workspace');
    expect([
      second.code,
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length),
    ]).toEqual([0, 1]);
  });

  test('right-click shows the page’s actions and the edit items; Copy Key copies, Insert Requirement inserts', async () => {
    launched = await launchElectronApp('specbench-electron-menu-');
    const { app, page } = launched;
    await app.evaluate(({ Menu }) => {
      const scope = globalThis as unknown as {
        menus: { labels: string[]; menu: Electron.Menu; closed?: () => void }[];
      };
      scope.menus = [];
      Menu.prototype.popup = function (this: Electron.Menu, options?: Electron.PopupOptions) {
        const labels = this.items.filter((item) => item.type !== 'separator').map((item) => item.label);
        scope.menus.push({ labels, menu: this, ...(options?.callback ? { closed: options.callback } : {}) });
      };
    });
    /** Clicks an item of the latest menu by label, then closes it, as a user's click does. */
    const choose = (label: string) =>
      app.evaluate(({ BrowserWindow }, label) => {
        const scope = globalThis as unknown as { menus: { menu: Electron.Menu; closed?: () => void }[] };
        const shown = scope.menus.at(-1)!;
        const window = BrowserWindow.getAllWindows()[0]!;
        shown.menu.items.find((item) => item.label === label)!.click(undefined, window, window.webContents);
        shown.closed?.();
      }, label);
    const menusShown = () =>
      app.evaluate(() =>
        (globalThis as unknown as { menus: { labels: string[] }[] }).menus.map((menu) => menu.labels),
      );

    await page.evaluate(() => (location.hash = '#/doc/specs/guest-checkout.md'));
    const card = page.locator('[data-requirement="REQ-1"] .requirement-body');
    const cards = await page.locator('[data-requirement]').count();
    await card.click({ button: 'right' });
    await expect.poll(menusShown).toHaveLength(1);
    await choose('Copy Key REQ-1');
    const copied = await app.evaluate(({ clipboard }) => clipboard.readText());
    await card.click({ button: 'right' });
    await expect.poll(menusShown).toHaveLength(2);
    await choose('Insert Requirement');
    await expect(page.locator('[data-requirement]')).toHaveCount(cards + 1);
    expect({ first: (await menusShown())[0], copied }).toEqual({
      first: [
        'Copy Key REQ-1',
        'Insert Requirement',
        'Undo',
        'Redo',
        'Cut',
        'Copy',
        'Paste',
        'Paste and Match Style',
        'Select All',
      ],
      copied: 'REQ-1',
    });
  });

  test('spelling downloads nothing by default on Windows and Linux, and the Edit menu says what turning it on does', async () => {
    test.skip(process.platform === 'darwin', 'macOS uses its own spellchecker, which downloads nothing');
    launched = await launchElectronApp('specbench-electron-spelling-');
    const spelling = await launched.app.evaluate(({ Menu, session }) => ({
      languages: session.defaultSession.getSpellCheckerLanguages(),
      enabled: session.defaultSession.isSpellCheckerEnabled(),
      item: Menu.getApplicationMenu()
        ?.items.flatMap((item) => item.submenu?.items ?? [])
        .find((item) => item.type === 'checkbox')?.label,
    }));
    expect(spelling).toEqual({
      languages: [],
      enabled: false,
      item: 'Check Spelling While Typing (downloads a dictionary)',
    });
  });

  test('Export saves through a download the app receives (will-download), then offers Show in folder', async () => {
    launched = await launchElectronApp('specbench-electron-download-');
    const { app, page, base } = launched;
    const target = path.join(base, 'saved-SPEC-1.md');
    await app.evaluate(({ dialog, session }, target) => {
      const scope = globalThis as unknown as { downloads: string[]; boxes: string[] };
      scope.downloads = [];
      scope.boxes = [];
      // Registered after the app's own listener: the save dialog it would show is answered with a path.
      session.defaultSession.on('will-download', (_event, item) => {
        item.setSavePath(target);
        item.once('done', (_done, state) => scope.downloads.push(`${item.getFilename()} ${state}`));
      });
      dialog.showMessageBox = ((...args: unknown[]) => {
        const options = args.at(-1) as Electron.MessageBoxOptions;
        scope.boxes.push(options.message);
        return Promise.resolve({ response: 1, checkboxChecked: false });
      }) as typeof dialog.showMessageBox;
    }, target);
    await page.evaluate(() => (location.hash = '#/doc/specs/guest-checkout.md'));
    await page.getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    await exportDialog.getByRole('radio', { name: /Markdown \(one file\)/ }).check();
    await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
    const recorded = () =>
      app.evaluate(() => {
        const scope = globalThis as unknown as { downloads: string[]; boxes: string[] };
        return { downloads: scope.downloads, boxes: scope.boxes };
      });
    await expect.poll(async () => (await recorded()).boxes.length, { timeout: 20_000 }).toEqual(1);
    const saved = await fs.readFile(target, 'utf8');
    expect({ ...(await recorded()), hasRequirement: saved.includes('REQ-1') }).toEqual({
      downloads: ['guest-checkout.md completed'],
      boxes: ['Exported guest-checkout.md'],
      hasRequirement: true,
    });
  });

  test('the app page’s Content-Security-Policy refuses an inline script', async () => {
    launched = await launchElectronApp('specbench-electron-csp-');
    const outcome = await launched.page.evaluate(
      () =>
        new Promise<{ violated: string; ran: boolean }>((resolve) => {
          const scope = window as unknown as { inlineRan?: boolean };
          const finish = (violated: string) => resolve({ violated, ran: scope.inlineRan === true });
          document.addEventListener('securitypolicyviolation', (event) => finish(event.violatedDirective), {
            once: true,
          });
          const script = document.createElement('script');
          script.textContent = 'window.inlineRan = true;';
          document.head.append(script);
          setTimeout(() => finish('none'), 2_000);
        }),
    );
    expect(outcome).toEqual({ violated: 'script-src-elem', ran: false });
  });
});
