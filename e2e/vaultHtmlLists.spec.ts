/**
 * Repository docs and RFCs as their authors wrote them: inline HTML tags shown as their elements,
 * loose `*` lists edited as lists, links to other apps shown as their text, GitHub's CAUTION alert red;
 * an edit changes the file by exactly what was typed.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshot, test as base } from './specbenchTest.js';

const rfc =
  '# Alternatives\n\n' +
  'Press <kbd>Ctrl</kbd>+<kbd>P</kbd> to run H<sub>2</sub>O at x<sup>2</sup>, first line<br>second line.\n\n' +
  '* Visibility is how soundness is achieved for many types. These\n' +
  '  types wrap unsafe behavior.\n\n' +
  '*   Forcing tuple struct fields to be public reduces the utility\n' +
  '    of such types.\n\n' +
  'Then [install Importer](obsidian://show-plugin?id=importer) and **the `Send` trait**.\n\n' +
  '> [!CAUTION]\n> Negative outcomes.\n\n' +
  '| Key | Does |\n| --- | --- |\n| F1 | Help<br />More<p/>Even more |\n';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-vault-html-'));
    const root = path.join(parent, 'Docs');
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'Alternatives.md'), rfc);
    await use(root);
    await fs.rm(parent, { recursive: true, force: true });
  },
});

test('inline HTML, loose lists, app links and alerts show as what they mean, and edit as typed', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('Alternatives.md');
  await expect(app.editor.locator('kbd')).toHaveText(['Ctrl', 'P']);
  await expect(app.editor.locator('sub')).toHaveText('2');
  await expect(app.editor.locator('sup')).toHaveText('2');
  const paragraphBreak = app.editor.locator('.md-html-break[title="<br>"]');
  await expect(paragraphBreak.locator('br')).toHaveCount(1);
  await expect(paragraphBreak.locator('.md-html-tag-source')).toBeVisible();
  // In a table cell a break is how a line breaks at all: only the break shows, not its tag.
  const cellBreaks = app.editor.locator('td .md-html-break');
  await expect(cellBreaks.locator('br')).toHaveCount(2);
  await expect(cellBreaks.nth(0)).toHaveAttribute('title', '<br />');
  await expect(cellBreaks.nth(1)).toHaveAttribute('title', '<p/>');
  for (const tag of await cellBreaks.locator('.md-html-tag-source').all()) await expect(tag).toBeHidden();
  await expect(app.editor.locator('ul[data-loose] > li')).toHaveCount(2);
  await expect(app.editor.getByText('install Importer', { exact: true })).toHaveAttribute(
    'title',
    /^obsidian:\/\/show-plugin\?id=importer/,
  );
  await expect(app.editor.locator('strong code')).toHaveText('Send');
  await expect(app.editor.locator('.callout-danger')).toHaveAttribute('data-callout-type', 'CAUTION');
  await expect(app.editor.getByRole('textbox', { name: 'Markdown source kept as written' })).toHaveCount(0);
  await screenshot(app.page, 'vault-html-lists');

  await app.selectText('reduces the utility');
  await app.page.keyboard.press('ArrowRight');
  await app.page.keyboard.type(' a lot');
  await app.selectText('Ctrl');
  await app.page.keyboard.press('ArrowRight');
  await app.page.keyboard.type('+Shift');
  await app.waitSaved();
  expect(await fs.readFile(path.join(workspaceDir, 'Alternatives.md'), 'utf8')).toBe(
    rfc.replace('reduces the utility', 'reduces the utility a lot').replace('Ctrl</kbd>', 'Ctrl+Shift</kbd>'),
  );
});
