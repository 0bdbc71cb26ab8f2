/**
 * Task boxes with a state character (`- [?]`, `- [-]`, `- [/]`), as Obsidian themes write them: each
 * shown in a box of its own, the character kept; a click ticks only ordinary boxes, and a state is
 * picked from a small menu. The file changes by the one character, and not at all when untouched.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base } from './specbenchTest.js';

const tasks =
  '# Launch\n\n' +
  '- [ ] Draft the plan\n' +
  '- [x] Book the room\n' +
  '- [?] Ask about the budget\n' +
  '- [-] Print flyers\n' +
  '- [/] Write the FAQ\n';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-tasks-'));
    const root = path.join(parent, 'Vault');
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'Launch.md'), tasks);
    await use(root);
    await fs.rm(parent, { recursive: true, force: true });
  },
});

test('state boxes show their state, keep their character, and change it only from the menu', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, 'Launch.md');
  await app.openDocument('Launch.md');
  const question = app.editor.getByRole('checkbox', { name: 'Ask about the budget: Question' });
  await expect(question).toBeVisible();
  await expect(app.editor.getByRole('checkbox', { name: 'Print flyers: Cancelled' })).toBeVisible();
  await expect(app.editor.getByRole('checkbox', { name: 'Write the FAQ: In progress' })).toBeVisible();
  await expect(app.editor).not.toContainText('[?]');
  await app.page.screenshot({ path: test.info().outputPath('task-states.png') });

  // An ordinary box ticks on a click; the file changes by that character only.
  const draft = app.editor.getByRole('checkbox', { name: 'Draft the plan' });
  await draft.click();
  await expect(draft).toBeChecked();
  await app.waitSaved();
  expect(await fs.readFile(file, 'utf8')).toBe(tasks.replace('[ ] Draft', '[x] Draft'));

  // A state box opens the menu instead of losing its character.
  await question.click();
  const menu = app.page.getByRole('menu', { name: 'Task state' });
  await expect(menu.getByRole('menuitemradio', { name: 'Question' })).toHaveAttribute('aria-checked', 'true');
  await app.page.screenshot({ path: test.info().outputPath('task-state-menu.png') });
  await app.page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  expect(await fs.readFile(file, 'utf8')).toBe(tasks.replace('[ ] Draft', '[x] Draft'));

  await question.click();
  await menu.getByRole('menuitemradio', { name: 'Done' }).click();
  await expect(app.editor.getByRole('checkbox', { name: 'Ask about the budget' })).toBeChecked();
  await app.waitSaved();
  expect(await fs.readFile(file, 'utf8')).toBe(
    tasks.replace('[ ] Draft', '[x] Draft').replace('[?] Ask', '[x] Ask'),
  );

  // Any box offers the states on a right click.
  await app.editor.getByRole('checkbox', { name: 'Book the room' }).click({ button: 'right' });
  await menu.getByRole('menuitemradio', { name: 'Deferred' }).click();
  await expect(app.editor.getByRole('checkbox', { name: 'Book the room: Deferred' })).toBeVisible();
  await app.waitSaved();
  expect(await fs.readFile(file, 'utf8')).toBe(
    tasks.replace('[ ] Draft', '[x] Draft').replace('[?] Ask', '[x] Ask').replace('[x] Book', '[>] Book'),
  );
});
