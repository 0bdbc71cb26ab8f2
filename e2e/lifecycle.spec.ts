/** The document lifecycle as people use it: create, rename by title, switch, and what each leaves on disk. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from './specbenchTest.js';

test.use({ workspaceKind: 'empty' });

test('a new document after a renamed one opens empty, and what was typed just before New is kept', async ({
  app,
  workspaceDir,
}) => {
  const first = await app.createDocument('New FAQ', 'Refund window');
  expect(first).toBe('faqs/untitled-faq.md');
  await app.title.press('Enter');
  await expect(app.page).toHaveURL(/#\/doc\/faqs\/refund-window\.md$/);
  await app.page.keyboard.type('Thirty days. ');
  await app.waitSaved();
  // Typed and left at once: New must not wait for autosave to keep it.
  await app.page.keyboard.type('Store credit after that.');
  await app.page.getByRole('button', { name: 'New FAQ' }).click();
  await expect(app.page).toHaveURL(/#\/doc\/faqs\/untitled-faq\.md$/);
  await expect(app.title).toBeFocused();
  await expect(app.title).toHaveValue('Untitled FAQ');
  await expect(app.editor).not.toContainText('Thirty days');
  await app.title.fill('Gift cards');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('Never expire.');
  await expect(app.page).toHaveURL(/#\/doc\/faqs\/gift-cards\.md$/);
  await app.waitSaved();
  const read = (file: string) => fs.readFile(path.join(workspaceDir, 'faqs', file), 'utf8');
  const refund = await read('refund-window.md');
  const gift = await read('gift-cards.md');
  expect({
    files: (await fs.readdir(path.join(workspaceDir, 'faqs'))).sort(),
    refund: refund.includes('Thirty days. Store credit after that.'),
    giftHasRefund: gift.includes('Thirty days'),
    gift: gift.includes('Never expire.'),
    keys: [refund, gift].map((text) => text.match(/^key: (.+)$/m)?.[1]),
    alerts: await app.page.getByRole('alert').allTextContents(),
  }).toEqual({
    files: ['gift-cards.md', 'refund-window.md'],
    refund: true,
    giftHasRefund: false,
    gift: true,
    keys: ['FAQ-1', 'FAQ-2'],
    alerts: [],
  });
});

test('Enter in the Title puts the cursor where writing belongs, not in the first heading', async ({
  app,
  workspaceDir,
}) => {
  await app.createDocument('New spec', 'Saved carts');
  await app.title.press('Enter');
  await app.page.keyboard.type('Shoppers lose carts.');
  await expect(app.page).toHaveURL(/#\/doc\/specs\/saved-carts\.md$/);
  await app.waitSaved();
  const text = await fs.readFile(path.join(workspaceDir, 'specs/saved-carts.md'), 'utf8');
  expect(text).toMatch(/^## Summary\n\n<!--[^\n]*-->\n\nShoppers lose carts\.\n\n## Problem\n/m);
});
