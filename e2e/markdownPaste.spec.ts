/**
 * Markdown pasted as plain text (from a text editor, Obsidian's source view, a terminal) becomes the
 * headings, lists and tables it means, and is written to disk as it was pasted, not escaped line by line.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, testOverFiles } from './specbenchTest.js';

const note = '# Pricing research\n\nBack to the plan.\n\n%%\nA comment kept as source.\n%%\n';

const snippet = [
  '## Section',
  '',
  '- item',
  '- another item',
  '',
  '> quote',
  '',
  '- [ ] task',
  '',
  '| Tier | Price |',
  '| ---- | ----- |',
  '| Pro  | 12    |',
  '',
  'See [[Launch plan]] and **bold** text.',
  '',
].join('\n');

const test = testOverFiles({ 'Pricing research.md': note, 'Launch plan.md': '# Launch plan\n' });

test('Markdown pasted as plain text renders as blocks and is saved unescaped; Ctrl+Z takes it back', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, 'Pricing research.md');
  await app.openDocument('Pricing research.md');
  await app.clickEndOf('Back to the plan.');
  await app.page.keyboard.press('Enter');
  await app.pasteText(snippet);
  await expect(app.editor.getByRole('heading', { name: 'Section' })).toBeVisible();
  await expect(app.editor.getByRole('listitem').filter({ hasText: 'another item' })).toBeVisible();
  await expect(app.editor.getByRole('checkbox')).toHaveCount(1);
  await expect(app.editor.getByRole('cell', { name: 'Pro' })).toBeVisible();
  await app.waitSaved();
  expect(await fs.readFile(file, 'utf8')).toBe(
    note.replace('Back to the plan.\n', `Back to the plan.\n\n${snippet}`),
  );

  await app.page.keyboard.press('Control+z');
  await expect(app.editor.getByRole('heading', { name: 'Section' })).toHaveCount(0);
  await app.waitSaved();
  expect(await fs.readFile(file, 'utf8')).not.toContain('Section');
});

test('a line pasted into a paragraph joins it, and a paste into the source box stays literal', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, 'Pricing research.md');
  await app.openDocument('Pricing research.md');
  await app.clickEndOf('Back to the plan.');
  await app.pasteText(' See [[Launch plan]].');
  await app.waitSaved();
  const source = app.editor.getByRole('textbox', { name: 'Markdown source kept as written' });
  await source.evaluate((box) => {
    const data = new DataTransfer();
    data.setData('text/plain', '## Not a heading');
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(app.editor.getByRole('heading', { name: 'Not a heading' })).toHaveCount(0);
  await expect(source).toHaveValue('%%\nA comment kept as source.\n%%');
  await app.waitSaved();
  expect(await fs.readFile(file, 'utf8')).toBe(note.replace('the plan.', 'the plan. See [[Launch plan]].'));
});
