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

test('the inline-code button is lit only where typing goes into the code', async ({ app, workspaceDir }) => {
  const code = app.toolbar.getByRole('button', { name: 'Inline code' });
  await app.openDocument('api/Dispatcher.md');
  await app.clickEndOf('Default:');
  await expect(code).toHaveAttribute('aria-pressed', 'false');
  await app.page.keyboard.press('ArrowLeft');
  await expect(code).toHaveAttribute('aria-pressed', 'true');
  await app.page.keyboard.press('ArrowRight');
  await expect(code).toHaveAttribute('aria-pressed', 'false');
  // Pressed there, it lights, and what is typed next goes into the code.
  await code.click();
  await expect(code).toHaveAttribute('aria-pressed', 'true');
  await app.page.keyboard.type('ish');
  await expect(code).toHaveAttribute('aria-pressed', 'true');
  await app.waitSaved();
  await expect.poll(() => saved(workspaceDir)).toBe(source.replace('`null`', '`nullish`'));
});

test('text composed with an input method after inline code is written after its backtick', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('api/Dispatcher.md');
  const code = app.editor.locator('code', { hasText: 'UndiciHeaders' });
  await code.click();
  // The caret inside the code's text, at its end, as a click on its last letter's right half leaves it.
  await code.evaluate((element) => {
    const text = element.firstChild!;
    window.getSelection()?.collapse(text, text.textContent!.length);
  });
  await expect(app.toolbar.getByRole('button', { name: 'Inline code' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  // What a Japanese or Chinese input method sends: a composition, then its committed text.
  const session = await app.page.context().newCDPSession(app.page);
  // Before, the text being composed showed inside the code and only jumped out of it when committed.
  await session.send('Input.imeSetComposition', { text: 'へ', selectionStart: 1, selectionEnd: 1 });
  await expect(code).toHaveText('UndiciHeaders');
  await session.send('Input.imeSetComposition', { text: '変更', selectionStart: 2, selectionEnd: 2 });
  await expect(code).toHaveText('UndiciHeaders');
  await expect(code.locator('xpath=..')).toContainText('UndiciHeaders変更 (optional)');
  await session.send('Input.insertText', { text: '変更' });
  await app.waitSaved();
  await expect.poll(() => saved(workspaceDir)).toBe(source.replace('`UndiciHeaders`', '`UndiciHeaders`変更'));
  await expect(code).toHaveText('UndiciHeaders');
});
