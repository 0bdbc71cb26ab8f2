/**
 * Moving the open note keeps what was typed: the #11 walkthrough typed into a note, moved it with
 * Document actions › Move to folder…, and the editor showed the note as first opened, marked Saved,
 * and wrote that old copy back on the next keystroke.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, testOverFiles } from './specbenchTest.js';

const vault: Record<string, string> = {
  'Home.md': '# Home\n\nSee [[Plan B]].\n',
  'Maya/Plan B.md': 'Original line.\n',
  'Plugins/Word count.md': '# Word count\n\nCounts words.\n',
  'Word count.md': 'My own word count notes.\n',
};

const test = testOverFiles(vault);

async function moveOpenDocument(app: { page: Page }, folder: string) {
  await app.page.getByRole('button', { name: 'Document actions' }).click();
  await app.page.getByRole('menuitem', { name: 'Move to folder…' }).click();
  await app.page.getByRole('combobox', { name: 'Folder' }).fill(folder);
  await app.page.keyboard.press('Enter');
}

for (const folder of ['', 'Archive']) {
  test(`typing, then moving the open note ${folder === '' ? 'to the top folder' : `to ${folder}/`}: the editor and the file keep every edit, and the next keystroke adds to them`, async ({
    app,
    workspaceDir,
  }) => {
    await app.openDocument('Maya/Plan B.md');
    await app.clickEndOf('Original line.');
    await app.page.keyboard.type(' Edit one.');
    await app.waitSaved();
    await moveOpenDocument(app, folder);
    const moved = path.join(workspaceDir, folder, 'Plan B.md');
    await expect.poll(() => fs.readFile(moved, 'utf8').catch(() => '')).toBe('Original line. Edit one.\n');
    await expect(app.editor).toContainText('Original line. Edit one.');
    await app.clickEndOf('Original line. Edit one.');
    await app.page.keyboard.type(' Edit two.');
    await app.waitSaved();
    expect(await fs.readFile(moved, 'utf8')).toBe('Original line. Edit one. Edit two.\n');
  });
}

test('moving a note into a folder that has a note of that name asks for another name first; Cancel writes nothing, and the typed name is what it gets', async ({
  app,
  workspaceDir,
}) => {
  const files = () => fs.readdir(path.join(workspaceDir, 'Plugins')).then((names) => names.sort());
  await app.openDocument('Word count.md');
  await moveOpenDocument(app, 'Plugins');
  const form = app.page.getByRole('form', { name: 'Move to folder' });
  await expect(form.getByRole('alert')).toHaveText(
    'Plugins/ already has a note named “Word count”. Move it under another name:',
  );
  await expect(form.getByRole('textbox', { name: 'New name' })).toHaveValue('Word count 2');
  await screenshot(app.page, 'move-namesake-file');
  // Nothing is written while the question is open, nor after Cancel.
  expect(await files()).toEqual(['Word count.md']);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toHaveCount(0);
  expect(await files()).toEqual(['Word count.md']);

  await moveOpenDocument(app, 'Plugins');
  await form.getByRole('textbox', { name: 'New name' }).fill('My word count');
  await form.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(app.page).toHaveURL(/#\/doc\/Plugins\/My%20word%20count\.md$/);
  expect(await files()).toEqual(['My word count.md', 'Word count.md']);
  expect(await fs.readFile(path.join(workspaceDir, 'Plugins/My word count.md'), 'utf8')).toBe(
    vault['Word count.md'],
  );
  expect(await fs.readFile(path.join(workspaceDir, 'Plugins/Word count.md'), 'utf8')).toBe(
    vault['Plugins/Word count.md'],
  );
});
