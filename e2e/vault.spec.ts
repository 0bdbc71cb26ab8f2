/**
 * Someone else's folder of Markdown — an Obsidian-style vault with no specbench.json — opened as it
 * is: named after its folder, each note titled by its file name, linked by name with backlinks, found
 * by file name, and renamed from its title with the links to it updated.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, screenshot, testOverFiles } from './specbenchTest.js';

const vault: Record<string, string> = {
  'Home.md':
    '# Welcome\n\nStart with [[Configuration folder]] and [[Callouts|the callouts page]].\n\nSee also [[Not written yet]].\n',
  'Configuration folder.md': '## Access your configuration folder\n\nEvery vault has one.\n',
  'Reference/Callouts.md':
    '---\ntitle: Admonitions in depth\naliases: [Boxes]\n---\nBack to [[Home]]. The plan is [[SPEC-1]].\n',
  'Reference/Checkout.md': '---\nkey: SPEC-1\ntype: spec\ntitle: Guest checkout\n---\n## Problem\n',
};

const test = testOverFiles(vault, 'Field notes');

test('a vault is named after its folder, its notes after their files, and linked by name both ways', async ({
  app,
}) => {
  await expect(app.page.getByRole('heading', { name: 'Field notes', level: 1 })).toBeVisible();
  await app.openDocument('Configuration folder.md');
  await expect(app.title).toHaveValue('Configuration folder');
  const mentionedBy = app.links.getByRole('region', { name: 'Mentioned by' });
  await expect(mentionedBy.getByRole('link', { name: 'Home' })).toBeVisible();

  await app.page.keyboard.press('Control+P');
  const switcher = app.page.getByRole('dialog', { name: 'Quick switcher' });
  await switcher.getByRole('combobox').fill('Callouts');
  await expect(switcher.getByRole('option', { name: /Admonitions in depth/ })).toBeVisible();
  await app.page.keyboard.press('Enter');
  await expect(app.title).toHaveValue('Admonitions in depth');
  await expect(
    app.links.getByRole('region', { name: 'Mentioned by' }).getByRole('link', { name: 'Home' }),
  ).toBeVisible();
  // A note without a key lists what it links to, by name and by key.
  const linksTo = app.links.getByRole('region', { name: 'Links to' });
  await expect(linksTo.getByRole('link')).toHaveText(['SPEC-1 Guest checkout', 'Home']);
  await linksTo.getByRole('link', { name: 'SPEC-1 Guest checkout' }).click();
  await expect(app.title).toHaveValue('Guest checkout');

  await app.openDocument('Home.md');
  await expect(app.links.getByRole('region', { name: 'Links to' }).getByRole('listitem')).toHaveText([
    'Configuration folder',
    'Admonitions in depth',
    'Not written yet Not found in this workspace',
  ]);
  await screenshot(app.page, 'vault-links-to');
});

test('a new title renames a note and, when asked, every [[link]] to it', async ({ app, workspaceDir }) => {
  await app.openDocument('Configuration folder.md');
  await app.title.fill('Settings folder');
  await app.title.press('Enter');
  const prompt = app.page.getByRole('alertdialog', { name: 'Update links' });
  await expect(prompt).toContainText('1 link in 1 document points to “Configuration folder”');
  await screenshot(app.page, 'vault-rename-links');
  await prompt.getByRole('button', { name: 'Rename and update links' }).click();
  await expect(app.page).toHaveURL(/#\/doc\/Settings%20folder\.md$/);
  await expect(app.title).toHaveValue('Settings folder');
  expect([
    (await fs.readdir(workspaceDir)).sort(),
    await fs.readFile(path.join(workspaceDir, 'Home.md'), 'utf8'),
  ]).toEqual([
    ['.specbench', 'Home.md', 'Reference', 'Settings folder.md'],
    vault['Home.md']!.replace('[[Configuration folder]]', '[[Settings folder]]'),
  ]);
});

test('[[Note# offers the note’s headings and links to the one chosen', async ({ app, workspaceDir }) => {
  await app.openDocument('Home.md');
  await app.selectText('See also');
  await app.page.keyboard.press('End');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('Read [[Configuration folder#acc');
  const options = app.page.getByRole('listbox', { name: 'Link to' }).getByRole('option');
  await expect(options).toHaveText([/^Access your configuration folder/]);
  await screenshot(app.page, 'vault-heading-links');
  await app.page.keyboard.press('Enter');
  await expect(app.editor.getByRole('link', { name: /Configuration folder/ }).last()).toBeVisible();
  await app.waitSaved();
  expect(await fs.readFile(path.join(workspaceDir, 'Home.md'), 'utf8')).toBe(
    `${vault['Home.md']}\nRead [[Configuration folder#Access your configuration folder]]\n`,
  );
});
