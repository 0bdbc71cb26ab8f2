/**
 * Real notes: a table whose cells hold no-break spaces renders as a table, and a block still shown
 * as Markdown source says why beside it.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshot, test as base } from './specbenchTest.js';

const note =
  '# Sync\n\n' +
  '| Option   | Description                               |\n' +
  '| -------- | ----------------------------------------- |\n' +
  '| `--mode` | Sync mode:\u00a0`pull-only`\u00a0(only download) |\n\n' +
  '%%\nThese headings use HTML on purpose.\n%%\n';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-source-reason-'));
    const root = path.join(parent, 'Vault');
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'Sync.md'), note);
    await use(root);
    await fs.rm(parent, { recursive: true, force: true });
  },
});

test('a table with no-break spaces renders, and a block kept as source says why', async ({ app }) => {
  await app.openDocument('Sync.md');
  await expect(app.editor.getByRole('table')).toContainText('Sync mode:\u00a0pull-only\u00a0(only download)');
  const source = app.editor.getByRole('textbox', { name: 'Markdown source kept as written' });
  await expect(source).toHaveCount(1);
  await expect(source).toHaveAccessibleDescription('Shown as source: Obsidian %% comment');
  await expect(app.editor.locator('.raw-label')).toHaveText('Markdown source · Obsidian %% comment');
  await screenshot(app.page, 'source-reason');
});
