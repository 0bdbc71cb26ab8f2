import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fillDisk, mountTinyDisk } from '../electron/engine/testing/diskConditions.js';
import { expect, openApp, projectRoot, screenshot, serve, test } from './specbenchTest.js';

const document = 'specs/guest-checkout.md';

test('a save that hits a read-only file says so, keeps my text unsaved, and lands once the file is writable again', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, document);
  const before = await fs.readFile(file, 'utf8');
  await app.openDocument(document);
  await fs.chmod(file, 0o444);
  await app.clickEndOf('Keep guest orders as easy to support');
  await app.page.keyboard.type(' Kept while read-only.');
  const alert = app.page.getByRole('alert').filter({ hasText: 'read-only' });
  await expect(alert).toHaveText(`${document} is read-only, so it was not saved.`);
  await expect(app.saveState).toHaveText('Not saved');
  await expect(app.editor).toContainText('Kept while read-only.');
  await screenshot(app.page, 'save-read-only');
  expect(await fs.readFile(file, 'utf8')).toBe(before);

  await fs.chmod(file, 0o644);
  await app.page.keyboard.type(' Saved after.');
  await app.waitSaved();
  await expect(alert).toHaveCount(0);
  expect(await fs.readFile(file, 'utf8')).toContain(
    'registered customers. Kept while read-only. Saved after.',
  );
});

test('a file deleted while open keeps its text, marked deleted, and is not recreated', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, document);
  await app.openDocument(document);
  await app.clickEndOf('Keep guest orders as easy to support');
  await app.page.keyboard.type(' Typed before the delete.');
  await app.waitSaved();
  const listed = app.page.getByRole('link', { name: /^Guest checkout\s*SPEC-1/ });
  await expect(listed).toHaveCount(1);
  await fs.rm(file);
  await expect(app.saveState).toHaveText('Deleted on disk');
  await expect(app.page.getByRole('alert').filter({ hasText: 'deleted' })).toHaveText(
    'This file was deleted or moved on disk. Your text is kept here.',
  );
  await expect(app.editor).toContainText('Typed before the delete.');
  // The lists forget the file (the last save's summary does not bring it back); the editor keeps it.
  await expect(listed).toHaveCount(0);
  await expect(app.editor).toContainText('Typed before the delete.');
  // The next autosave is refused by the server as deleted: the state and the message stay.
  const refused = app.page.waitForResponse((response) => response.url().includes('saveDocument'));
  await app.page.keyboard.type(' And after.');
  await refused;
  await expect(app.editor).toContainText('Typed before the delete. And after.');
  await expect(app.saveState).toHaveText('Deleted on disk');
  await expect(app.page.getByRole('alert').filter({ hasText: 'deleted' })).toHaveText(
    'This file was deleted or moved on disk. Your text is kept here.',
  );
  await screenshot(app.page, 'deleted-while-open');
  await expect(fs.stat(file)).rejects.toThrow('ENOENT');
});

test('a save on a full disk says so, keeps my text unsaved, and lands once space is freed', async ({
  page,
}) => {
  const mounted = await mountTinyDisk(1024 * 1024);
  test.skip(!mounted.ok, `a real full disk needs a tmpfs: ${mounted.ok ? '' : mounted.reason}`);
  if (!mounted.ok) return;
  const root = path.join(mounted.disk.folder, 'workspace');
  await fs.cp(path.join(projectRoot, 'samples', 'acme-checkout'), root, { recursive: true });
  const served = await serve(root);
  try {
    const app = await openApp(page, served.url);
    const file = path.join(root, document);
    const before = await fs.readFile(file, 'utf8');
    await app.openDocument(document);
    const filler = await fillDisk(mounted.disk.folder);
    await app.clickEndOf('Keep guest orders as easy to support');
    await app.page.keyboard.type(' Typed on a full disk.');
    const alert = app.page.getByRole('alert').filter({ hasText: 'disk is full' });
    await expect(alert).toHaveText(`${document} could not be saved: the disk is full.`);
    await expect(app.saveState).toHaveText('Not saved');
    await expect(app.editor).toContainText('Typed on a full disk.');
    await screenshot(app.page, 'save-disk-full');
    expect(await fs.readFile(file, 'utf8')).toBe(before);

    await fs.rm(filler);
    await app.page.keyboard.type(' Saved after.');
    await app.waitSaved();
    expect(await fs.readFile(file, 'utf8')).toContain('Typed on a full disk. Saved after.');
    expect((await fs.readdir(path.dirname(file))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  } finally {
    served.process.kill('SIGTERM');
    await new Promise((resolve) => served.process.once('exit', resolve));
    await mounted.disk.unmount();
  }
});
