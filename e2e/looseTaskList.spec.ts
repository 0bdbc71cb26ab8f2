/**
 * A loose list mixing bullets and tasks (blank lines between its items, as Obsidian notes often
 * are) is read as runs of bullet and task lists (fix11j). It showed tight in the editor, and pasted
 * as Markdown text it was written tight; it now reads with the space of a loose list and is written
 * with its blank lines.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, testOverFiles } from './specbenchTest.js';

const looseMixed = '- Milestones\n\n- [ ] Draft announcement\n\n- [x] Legal review\n';
const note =
  '# Launch\n\n' +
  `${looseMixed}\n` +
  'A loose bullet list:\n\n- One\n\n- Two\n\n' +
  'A tight one:\n\n- Owners\n- [ ] Ask legal\n\n' +
  'A tight bullet list:\n\n- Red\n- Blue\n\nThat is all.\n';

const test = testOverFiles({ 'Launch.md': note });

/** The space between two list items as drawn, in pixels. */
async function gapBetween(upper: Locator, lower: Locator): Promise<number> {
  const top = await upper.boundingBox();
  const bottom = await lower.boundingBox();
  return Math.round(bottom!.y - (top!.y + top!.height));
}

test('a loose list mixing tasks reads as loose as a loose bullet list, and is saved untouched', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('Launch.md');
  const item = (name: string) =>
    app.editor.getByRole('listitem').filter({ hasText: new RegExp(`^${name}$`) });
  await expect(app.editor.getByRole('checkbox')).toHaveCount(3);
  const loose = await gapBetween(item('One'), item('Two'));
  const tight = await gapBetween(item('Red'), item('Blue'));
  expect(loose).toBeGreaterThan(tight);
  // Runs of one list are spaced as that list's items: a loose list's, or a tight list's.
  expect({
    'Milestones → Draft': await gapBetween(item('Milestones'), item('Draft announcement')),
    'Draft → Legal': await gapBetween(item('Draft announcement'), item('Legal review')),
    'Owners → Ask legal': await gapBetween(item('Owners'), item('Ask legal')),
  }).toEqual({ 'Milestones → Draft': loose, 'Draft → Legal': loose, 'Owners → Ask legal': tight });
  await app.page.screenshot({ path: test.info().outputPath('loose-mixed-list.png') });
  await app.editor.getByRole('checkbox', { name: 'Draft announcement' }).click();
  await app.waitSaved();
  expect(await fs.readFile(path.join(workspaceDir, 'Launch.md'), 'utf8')).toBe(
    note.replace('[ ] Draft', '[x] Draft'),
  );
});

test('a loose list mixing tasks pasted as Markdown text is written with its blank lines', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('Launch.md');
  await app.clickEndOf('That is all.');
  await app.page.keyboard.press('Enter');
  await app.pasteText('- Risks\n\n- [ ] Call the vendor\n\n- Budget\n');
  await expect(app.editor.getByRole('checkbox', { name: 'Call the vendor' })).toBeVisible();
  await app.waitSaved();
  expect(await fs.readFile(path.join(workspaceDir, 'Launch.md'), 'utf8')).toBe(
    `${note}\n- Risks\n\n- [ ] Call the vendor\n\n- Budget\n`,
  );
});
