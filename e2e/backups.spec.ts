/**
 * Unsaved edits survive a killed server: the buffer is backed up outside the workspace about a
 * second after typing, and the next session offers it back. Saves are refused at the network
 * (as a dead server or a full disk would) so the autosave cannot get there first.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppModel } from './models/appModel.js';
import { expect, openApp, screenshot, serve, test, type Served } from './specbenchTest.js';

const document = 'specs/guest-checkout.md';
const typed = ' Recovered after a crash.';

/** Each server gets the test's own backup folder, never the user's state folder. */
async function serveWithBackups(workspaceDir: string, backupDir: string): Promise<Served> {
  const previous = process.env.SPECBENCH_BACKUP_DIR;
  process.env.SPECBENCH_BACKUP_DIR = backupDir;
  try {
    return await serve(workspaceDir);
  } finally {
    if (previous === undefined) delete process.env.SPECBENCH_BACKUP_DIR;
    else process.env.SPECBENCH_BACKUP_DIR = previous;
  }
}

/**
 * Every backup file under `backupDir`. The server may discard a backup (and its workspace's folder)
 * while this reads: a folder or file gone mid-walk is a backup that is no longer there, not an error
 * (a clean-clone run failed on ENOENT from the recursive readdir).
 */
async function backups(backupDir: string): Promise<{ path: string; text: string }[]> {
  const names = await listJsonFiles(backupDir);
  const read = await Promise.all(
    names.map((name) =>
      fs.readFile(path.join(backupDir, name), 'utf8').then(
        (text) => JSON.parse(text) as { path: string; text: string },
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw error;
        },
      ),
    ),
  );
  return read.filter((backup) => backup !== undefined);
}

async function listJsonFiles(directory: string, attempts = 5): Promise<string[]> {
  try {
    return (await fs.readdir(directory, { recursive: true })).filter((name) => name.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // The folder itself is gone: no backups. A sub-folder vanished mid-walk: walk again.
    const exists = await fs.stat(directory).then(
      () => true,
      () => false,
    );
    if (!exists) return [];
    if (attempts <= 1) throw error;
    return listJsonFiles(directory, attempts - 1);
  }
}

async function backupTexts(backupDir: string): Promise<string[]> {
  return (await backups(backupDir)).map((backup) => backup.text);
}

/**
 * Types into the document in a page of its own while every save is refused, then kills the server
 * once a backup holds the text and closes the page without saving.
 */
async function typeThenKill(
  context: BrowserContext,
  workspaceDir: string,
  backupDir: string,
): Promise<string> {
  const first = await serveWithBackups(workspaceDir, backupDir);
  const page = await context.newPage();
  const app = await openApp(page, first.url);
  await page.route('**/api/saveDocument', (route) => route.abort());
  await app.openDocument(document);
  await app.clickEndOf('Cut the time to complete checkout on mobile');
  await page.keyboard.type(typed);
  // A save that never reaches the server waits for it (and is backed up meanwhile).
  await expect(app.saveState).toHaveText('Waiting for the server');
  await expect
    .poll(() => backupTexts(backupDir), { timeout: 10_000 })
    .toEqual([expect.stringContaining(`at least 30 seconds.${typed}`)]);
  first.process.kill('SIGKILL');
  await page.close();
  const [backup] = await backupTexts(backupDir);
  return backup!;
}

async function reopen(
  page: Page,
  workspaceDir: string,
  backupDir: string,
): Promise<{ app: AppModel; served: Served }> {
  const served = await serveWithBackups(workspaceDir, backupDir);
  const app = await openApp(page, served.url);
  await app.openDocument(document);
  return { app, served };
}

test.describe('backups of unsaved edits', () => {
  let backupDir: string;
  const servers: Served[] = [];
  test.beforeEach(async () => {
    backupDir = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-backups-'));
  });
  test.afterEach(async () => {
    for (const served of servers.splice(0)) served.process.kill('SIGTERM');
    await fs.rm(backupDir, { recursive: true, force: true });
  });

  test('a kill before the save reached disk: Restore puts the text back and saves it', async ({
    page,
    context,
    workspaceDir,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const original = await fs.readFile(path.join(workspaceDir, document), 'utf8');
    const backup = await typeThenKill(context, workspaceDir, backupDir);
    const { app, served } = await reopen(page, workspaceDir, backupDir);
    servers.push(served);
    const banner = page.getByRole('alert', { name: /Unsaved changes from .+ were recovered/ });
    await expect(banner).toBeVisible();
    await expect(app.editor).not.toContainText(typed.trim());
    await screenshot(page, 'restore-banner');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'restore-banner-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await banner.getByRole('button', { name: 'Restore' }).focus();
    await page.keyboard.press('Enter');
    await expect(banner).toBeHidden();
    await expect(app.editor).toContainText(`at least 30 seconds.${typed}`);
    await app.waitSaved();
    await expect.poll(() => backupTexts(backupDir)).toEqual([]);
    expect({
      onDisk: await fs.readFile(path.join(workspaceDir, document), 'utf8'),
      backupWasEdited: backup !== original,
      errors,
    }).toEqual({ onDisk: backup, backupWasEdited: true, errors: [] });
  });

  test('a document deleted outside Specbench after a crash: Recovered edits lists it, shows its text and restores it', async ({
    page,
    context,
    workspaceDir,
  }) => {
    const backup = await typeThenKill(context, workspaceDir, backupDir);
    await fs.rm(path.join(workspaceDir, document));
    const served = await serveWithBackups(workspaceDir, backupDir);
    servers.push(served);
    const app = await openApp(page, served.url);
    await app.navigator.getByRole('link', { name: /^Recovered edits\s*1$/ }).click();
    const item = page.getByRole('listitem', { name: document });
    await item.getByRole('button', { name: 'Show text' }).click();
    await expect(item.getByLabel(`Text of ${document}`)).toContainText(typed.trim());
    await screenshot(page, 'recovered-edits');
    await item.getByRole('button', { name: `Restore as ${document}` }).click();
    await expect(app.editor).toContainText(`at least 30 seconds.${typed}`);
    await expect(app.page.locator('.document-meta .path')).toHaveText(document);
    await expect.poll(() => backupTexts(backupDir)).toEqual([]);
    await expect(app.navigator.getByRole('link', { name: /^Recovered edits/ })).toHaveCount(0);
    expect(await fs.readFile(path.join(workspaceDir, document), 'utf8')).toBe(backup);
  });

  test('Discard drops the recovered text: the file stays as it was and the banner does not return', async ({
    page,
    context,
    workspaceDir,
  }) => {
    const original = await fs.readFile(path.join(workspaceDir, document), 'utf8');
    await typeThenKill(context, workspaceDir, backupDir);
    const { app, served } = await reopen(page, workspaceDir, backupDir);
    servers.push(served);
    const banner = page.getByRole('alert', { name: /Unsaved changes from .+ were recovered/ });
    await banner.getByRole('button', { name: 'Discard' }).click();
    await expect(banner).toBeHidden();
    await expect.poll(() => backupTexts(backupDir)).toEqual([]);
    await app.goto('#/');
    const listed = page.waitForResponse('**/api/listBackups');
    await app.openDocument(document);
    await listed;
    await expect(app.editor).toContainText('at least 30 seconds.');
    expect({
      banner: await banner.count(),
      onDisk: await fs.readFile(path.join(workspaceDir, document), 'utf8'),
    }).toEqual({ banner: 0, onDisk: original });
  });

  test('a long run of typing is backed up while it goes on, not only once it stops', async ({
    page,
    workspaceDir,
  }) => {
    const served = await serveWithBackups(workspaceDir, backupDir);
    servers.push(served);
    const app = await openApp(page, served.url);
    await page.route('**/api/saveDocument', (route) => route.abort());
    await app.openDocument(document);
    await app.clickEndOf('Cut the time to complete checkout on mobile');
    // About 7 s of keystrokes 70 ms apart: no pause, so the backup comes at the latest, 3 s in.
    const words = ' and then some more'.repeat(5);
    let typing = true;
    const typed = page.keyboard.type(words, { delay: 70 }).finally(() => (typing = false));
    await expect.poll(() => backupTexts(backupDir), { timeout: 5_000, intervals: [100] }).toHaveLength(1);
    const backedUpWhileTyping = typing;
    await typed;
    await expect
      .poll(() => backupTexts(backupDir), { timeout: 10_000 })
      .toEqual([expect.stringContaining(`at least 30 seconds.${words}`)]);
    expect(backedUpWhileTyping).toBe(true);
  });

  test('a file changed on disk since the crash: Restore goes through the conflict check', async ({
    page,
    context,
    workspaceDir,
  }) => {
    const file = path.join(workspaceDir, document);
    await typeThenKill(context, workspaceDir, backupDir);
    const theirs = (await fs.readFile(file, 'utf8')).replace(
      '## Goals',
      '## Goals\n\nEdited by a colleague.\n',
    );
    await fs.writeFile(file, theirs);
    const { app, served } = await reopen(page, workspaceDir, backupDir);
    servers.push(served);
    const banner = page.getByRole('alert', { name: /Unsaved changes from .+ were recovered/ });
    await expect(banner).toContainText('The file has changed on disk since');
    await banner.getByRole('button', { name: 'Restore' }).click();
    await expect(app.conflictBanner).toBeVisible();
    await expect(app.saveState).toHaveText('Conflict');
    expect({
      onDisk: await fs.readFile(file, 'utf8'),
      backups: (await backupTexts(backupDir)).map((text) => text.includes(typed)),
    }).toEqual({ onDisk: theirs, backups: [true] });
  });

  test('a document renamed after its title is backed up under its new name', async ({
    page,
    workspaceDir,
  }) => {
    const served = await serveWithBackups(workspaceDir, backupDir);
    servers.push(served);
    const app = await openApp(page, served.url);
    await app.createDocument('New story', 'Split the bill');
    await app.title.press('Enter');
    await expect(app.documentPath).toHaveText('stories/split-the-bill.md');
    await expect(page).toHaveURL(/#\/STORY-\d+$/);
    await app.waitSaved();
    await page.route('**/api/saveDocument', (route) => route.abort());
    await page.keyboard.type('Diners split one bill.');
    await expect
      .poll(async () =>
        (await backups(backupDir)).map((backup) => [backup.path, backup.text.includes('one bill')]),
      )
      .toEqual([['stories/split-the-bill.md', true]]);
  });
});
