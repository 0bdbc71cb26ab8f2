/**
 * The server goes away under an open tab (issue 16): a real `specbench serve` is stopped and started
 * again on its port. The tab says so, reconnects on its own, and saves every edit made meanwhile.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ChangesModel } from './models/changesModel.js';
import { expect, openApp, serve, test, type Served } from './specbenchTest.js';

test('edits made while the server is stopped are kept and saved when it is back', async ({
  page,
  workspaceDir,
}) => {
  // Two server starts and a reconnect: over 45 s at load 13 on two cores.
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  let served: Served = await serve(workspaceDir);
  try {
    const app = await openApp(page, served.url);
    const banner = page.getByRole('alert', { name: 'Connection' });
    await app.openDocument('specs/guest-checkout.md');
    await app.clickEndOf('Cut the time to complete checkout on mobile');
    await page.keyboard.type(' Before the stop.');
    await app.waitSaved();

    const port = Number(new URL(served.url).port);
    served.process.kill('SIGTERM');
    await new Promise((resolve) => served.process.once('exit', resolve));
    await expect(banner).toContainText('Disconnected — reconnecting…');
    await expect(banner).not.toContainText(/Error|at \w+ \(|TypeError|fetch/);
    // The banner pushes the page down: the title and the save state stay in sight, uncovered.
    const bannerBox = (await banner.boundingBox())!;
    for (const covered of [app.title, app.saveState]) {
      const box = (await covered.boundingBox())!;
      expect(box.y, 'top below the banner').toBeGreaterThanOrEqual(bannerBox.y + bannerBox.height);
    }
    await page.screenshot({ path: 'test-results/disconnect-banner.png' });
    await page.keyboard.type(' Typed while it was away.');
    await expect(app.saveState).toHaveText('Waiting for the server');
    // Going on to another document meanwhile: the first one's edits wait, they are not dropped.
    await app.goto('#/doc/specs/promo-codes.md');

    served = await serve(workspaceDir, true, port);
    await expect(banner).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Reconnected.');
    await expect(app.title).toHaveValue('Promo codes');
    await expect
      .poll(() => fs.readFile(path.join(workspaceDir, 'specs', 'guest-checkout.md'), 'utf8'))
      .toContain('Before the stop. Typed while it was away.');

    // The event stream is back too: a change on disk reaches the open tab.
    await app.openDocument('specs/guest-checkout.md');
    const file = path.join(workspaceDir, 'specs', 'guest-checkout.md');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(
      file,
      text.replace('Forced registration is the largest', 'Forced sign-up is the largest'),
    );
    await expect(app.editor).toContainText('Forced sign-up is the largest');
    await expect(app.editor).toContainText('Before the stop. Typed while it was away.');
    expect(errors).toEqual([]);
  } finally {
    served.process.kill('SIGTERM');
  }
});

test('a server back read-only after a disconnect makes the open document read-only, without a reload', async ({
  page,
  workspaceDir,
}) => {
  let served: Served = await serve(workspaceDir);
  try {
    const app = await openApp(page, served.url);
    await app.openDocument('specs/guest-checkout.md');
    await expect(app.editor).toHaveAttribute('contenteditable', 'true');
    const port = Number(new URL(served.url).port);
    served.process.kill('SIGTERM');
    await new Promise((resolve) => served.process.once('exit', resolve));
    await expect(page.getByRole('alert', { name: 'Connection' })).toContainText('Disconnected');
    served = await serve(workspaceDir, false, port);
    await expect(page.getByRole('status', { name: 'Connection' })).toContainText(
      'Reconnected. The server is read-only now',
      { timeout: 20_000 },
    );
    await expect(app.editor).toHaveAttribute('contenteditable', 'false');
    await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
    await expect(app.toolbar).toHaveCount(0);
  } finally {
    served.process.kill('SIGTERM');
  }
});

test('a server restarted with --write while another Specbench edits the workspace says why it is read-only, not to use --write', async ({
  page,
  workspaceDir,
}) => {
  test.setTimeout(120_000);
  let served: Served = await serve(workspaceDir);
  let editing: Served | undefined;
  try {
    await openApp(page, served.url);
    const port = Number(new URL(served.url).port);
    served.process.kill('SIGTERM');
    await new Promise((resolve) => served.process.once('exit', resolve));
    await expect(page.getByRole('alert', { name: 'Connection' })).toContainText('Disconnected');
    // Another Specbench opens the workspace for editing meanwhile; this tab's server comes back on its port.
    editing = await serve(workspaceDir);
    served = await serve(workspaceDir, true, port);
    const back = page.getByRole('status', { name: 'Connection' });
    await expect(back).toContainText(
      /Reconnected\. The server is read-only now: Specbench has this workspace open for editing \(process \d+ on .+\): make the change there, or close it and try again\./,
      { timeout: 20_000 },
    );
    await expect(back).not.toContainText('--write');
    await page.screenshot({ path: test.info().outputPath('reconnected-read-only-elsewhere.png') });
  } finally {
    served.process.kill('SIGTERM');
    editing?.process.kill('SIGTERM');
  }
});

test('the Changes page and a file’s diff that could not be read while the server was stopped read again when it is back', async ({
  page,
  workspaceDir,
}) => {
  const spec = 'specs/guest-checkout.md';
  const file = path.join(workspaceDir, spec);
  await fs.writeFile(
    file,
    (await fs.readFile(file, 'utf8')).replace('Forced registration', 'Forced sign-up'),
  );
  let served: Served = await serve(workspaceDir);
  try {
    await openApp(page, served.url);
    const changes = new ChangesModel(page);
    await changes.open();
    await expect(changes.files).toContainText(spec);
    const port = Number(new URL(served.url).port);
    const stop = async () => {
      served.process.kill('SIGTERM');
      await new Promise((resolve) => served.process.once('exit', resolve));
    };
    const notReachable = 'The Specbench server is not reachable';

    await stop();
    await changes.files.getByRole('button', { name: spec }).click();
    await expect(changes.files).toContainText(notReachable);
    served = await serve(workspaceDir, true, port);
    await expect(page.getByRole('region', { name: `Changes in ${spec}` })).toContainText('[added: sign-up]', {
      timeout: 20_000,
    });
    await expect(changes.files).not.toContainText(notReachable);

    // The page's own status, read again while the server is away (the window got focus), comes back too.
    await stop();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect(page.getByRole('status', { name: 'Git' })).toContainText(notReachable);
    served = await serve(workspaceDir, true, port);
    await expect(changes.files).toContainText(spec, { timeout: 20_000 });
    await expect(page.getByRole('status', { name: 'Git' })).toHaveCount(0);
  } finally {
    served.process.kill('SIGTERM');
  }
});
