/**
 * A paragraph's single newline: a line break in an Obsidian vault (its default), a space elsewhere
 * (GitHub's way), in the editor as in print; either way the file keeps its bytes when typed in.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, screenshot, testOverFiles } from './specbenchTest.js';
import type { Page } from '@playwright/test';

const note =
  'Walk through sync security first.\nThen publish limits.\n\n> [!note] Agenda\n> Pricing first.\n> Then the launch date.\n\nOne line.\n';

/** How many lines the paragraph showing `text` takes, from its height against a one-line paragraph's. */
async function linesOf(page: Page, text: string): Promise<number> {
  const editor = page.locator('.editor-surface');
  const oneLine = await editor.locator('p', { hasText: 'One line.' }).boundingBox();
  const paragraph = await editor.locator('p', { hasText: text }).boundingBox();
  return Math.round(paragraph!.height / oneLine!.height);
}

const vault = testOverFiles({ '.obsidian/app.json': '{}', 'Meeting.md': note }, 'Vault');

vault(
  'in an Obsidian vault a single newline shows as a line break, and typing keeps it',
  async ({ app, page, workspaceDir }) => {
    await app.openDocument('Meeting.md');
    await expect.poll(() => linesOf(page, 'Walk through sync security')).toBe(2);
    await expect.poll(() => linesOf(page, 'Pricing first.')).toBe(2);
    await screenshot(page, 'vault-line-breaks');
    await app.editor.getByText('Then publish limits.').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Today.');
    await app.waitSaved();
    expect(await fs.readFile(path.join(workspaceDir, 'Meeting.md'), 'utf8')).toBe(
      note.replace('Then publish limits.', 'Then publish limits. Today.'),
    );
  },
);

const strict = testOverFiles(
  { '.obsidian/app.json': '{"strictLineBreaks":true}', 'Meeting.md': note },
  'Vault',
);

strict('with Strict line breaks on, or outside a vault, it shows as a space', async ({ app, page }) => {
  await app.openDocument('Meeting.md');
  await expect(app.editor.getByText('Then publish limits.')).toBeVisible();
  expect(await linesOf(page, 'Walk through sync security')).toBe(1);
});
