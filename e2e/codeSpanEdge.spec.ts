/**
 * Walk11i findings 1 and 2: text typed after inline code at the end of a line went inside the code
 * (`null (edited)`), and ArrowRight to leave it typed a space nobody typed (`null` Z). What she
 * types after the closing backtick is now written after it, byte for byte.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, testOverFiles } from './specbenchTest.js';

const source =
  '# Dispatcher\n\n' +
  '* **path** `string`\n' +
  '* **headers** `UndiciHeaders` (optional) - Default: `null`\n' +
  '* **signal** `AbortSignal` (optional)\n';

const test = testOverFiles({ 'api/Dispatcher.md': source });

async function saved(workspaceDir: string): Promise<string> {
  return fs.readFile(path.join(workspaceDir, 'api/Dispatcher.md'), 'utf8');
}

test('text typed after inline code ending a line is written after its backtick', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('api/Dispatcher.md');
  await app.clickEndOf('Default:');
  await app.page.keyboard.type(' (edited)');
  await app.waitSaved();
  await expect.poll(() => saved(workspaceDir)).toBe(source.replace('`null`', '`null` (edited)'));
  await expect(app.editor.locator('code', { hasText: 'null' })).toHaveText('null');
});

test('ArrowRight at the end of inline code leaves it without adding a space', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('api/Dispatcher.md');
  await app.clickEndOf('Default:');
  await app.page.keyboard.press('ArrowRight');
  await app.page.keyboard.type('Z');
  await app.waitSaved();
  await expect.poll(() => saved(workspaceDir)).toBe(source.replace('`null`', '`null`Z'));
});
