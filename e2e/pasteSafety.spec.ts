import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from './specbenchTest.js';

const malicious = [
  '<p onclick="window.__pwned = \'onclick\'">Pasted paragraph</p>',
  '<img src="x" onerror="window.__pwned = \'onerror\'">',
  '<script>window.__pwned = "script"</script>',
  '<a href="javascript:window.__pwned = \'link\'">innocent link</a>',
  '<a href=" JaVaScRiPt:window.__pwned=\'mixed\'">mixed case</a>',
  '<iframe src="javascript:window.parent.__pwned = \'iframe\'"></iframe>',
  '<svg><script>window.__pwned = "svg"</script></svg>',
].join('');

test('pasted malicious HTML executes nothing and a javascript: link does nothing', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('specs/guest-checkout.md');
  await app.clickEndOf('Cut the time to complete checkout on mobile');
  await app.page.keyboard.press('Enter');
  await app.editor.evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'fallback');
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, malicious);
  await expect(app.editor).toContainText('Pasted paragraph');
  await expect(app.editor).toContainText('innocent link');
  const before = app.page.url();
  await app.editor.getByText('innocent link').click({ modifiers: [] });
  await app.editor.getByText('mixed case').click();
  await app.page.waitForTimeout(300);
  expect(await app.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(app.page.url()).toBe(before);
  expect(
    await app.editor.locator('a[href^="javascript" i], [onclick], [onerror], script, iframe').count(),
  ).toBe(0);
  await app.waitSaved();
  const text = await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout.md'), 'utf8');
  expect(text).not.toMatch(/javascript:|onerror|onclick|<script/i);
});
