import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from './specbenchTest.js';

// A PM who types a title, presses Enter and types straight on, without waiting for anything.

test('keys typed straight after Enter in the title go into the body, even when the next frame is late', async ({
  app,
  page,
}) => {
  await app.page.getByRole('button', { name: 'New FAQ' }).click();
  await expect(app.title).toBeFocused();
  // A busy machine paints late: hold every animation frame back half a second.
  await page.evaluate(() => {
    const later = (callback: FrameRequestCallback) =>
      window.setTimeout(() => callback(performance.now()), 500);
    window.requestAnimationFrame = later as typeof window.requestAnimationFrame;
  });
  await app.title.pressSequentially('Returns FAQ');
  await page.keyboard.press('Enter');
  await page.keyboard.type('We are changing how returns work.');
  await app.waitSaved();
  await expect(app.title).toHaveValue('Returns FAQ');
  await expect(app.editor).toContainText('We are changing how returns work.');
});

test('a new document renamed by its title while its body is typed leaves one entry in the navigator', async ({
  app,
  page,
  workspaceDir,
}) => {
  const faqs = app.section('FAQs');
  const before = await fs.readdir(path.join(workspaceDir, 'faqs'));
  await app.page.getByRole('button', { name: 'New FAQ' }).click();
  await expect(app.title).toBeFocused();
  await app.title.fill('Shipping FAQ');
  await app.title.press('Enter');
  await page.keyboard.type('Orders ship within two days.', { delay: 20 });
  await expect(page.locator('.document-meta .path')).toHaveText('faqs/shipping-faq.md');
  await app.waitSaved();
  // The views refresh a pause after typing; a stale refresh would bring the old name back then.
  await page.waitForTimeout(2500);
  await faqs.click();
  const after = await fs.readdir(path.join(workspaceDir, 'faqs'));
  expect(after.sort()).toEqual([...before, 'shipping-faq.md'].sort());
  await expect(app.navigator.getByText('Shipping FAQ', { exact: true })).toHaveCount(1);
  await expect(faqs).toContainText(String(after.length));
  await expect(page.getByRole('alert').filter({ hasText: 'also used by' })).toHaveCount(0);
});

test('opening a document warns of nothing in the console (TipTap named two extensions alike)', async ({
  app,
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('[tiptap warn]')) warnings.push(message.text());
  });
  await app.openDocument('specs/guest-checkout.md');
  await app.openDocument('faqs/saved-cards-faq.md');
  expect(warnings).toEqual([]);
});
