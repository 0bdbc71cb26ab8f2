import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './specbenchTest.js';

test('an empty title is refused in every kind of document, and the file keeps its title and name', async ({
  app,
  workspaceDir,
}) => {
  const documents: [string, string, string][] = [
    ['specs/guest-checkout.md', 'A spec needs a title.', 'Guest checkout'],
    ['stories/pay-as-a-guest.md', 'A story needs a title.', 'Pay as a guest'],
    ['faqs/saved-cards-faq.md', 'An FAQ needs a title.', 'Saved cards FAQ'],
    ['feedback/why-no-apple-pay.md', 'A feedback note needs a title.', 'Why no Apple Pay?'],
    ['README.md', 'A document needs a title.', 'README'],
  ];
  for (const [file, refusal, title] of documents) {
    const before = await fs.readFile(path.join(workspaceDir, file), 'utf8');
    await app.openDocument(file);
    await app.title.fill('');
    await expect(app.page.getByRole('alert').filter({ hasText: refusal })).toBeVisible();
    await expect(app.title).toHaveAttribute('aria-invalid', 'true');
    if (file === 'specs/guest-checkout.md') await screenshot(app.page, 'empty-title');
    await app.title.press('Tab');
    // The title is restored, so the field is no longer in error: a plain note says what happened.
    await expect(
      app.page.getByRole('status').filter({ hasText: `${refusal} It is still “${title}”.` }),
    ).toBeVisible();
    await expect(app.title).toHaveValue(title);
    await expect(app.title).not.toHaveAttribute('aria-invalid');
    await expect(app.page.getByRole('alert')).toHaveCount(0);
    if (file === 'specs/guest-checkout.md') await screenshot(app.page, 'empty-title-restored');
    await app.waitSaved();
    expect(await fs.readFile(path.join(workspaceDir, file), 'utf8'), file).toBe(before);
  }
});

test('a long title wraps inside the field instead of running out of it', async ({ app }) => {
  await app.openDocument('specs/guest-checkout.md');
  const oneLine = await app.title.evaluate((field) => field.getBoundingClientRect().height);
  const long = 'Guests can pay without an account on every device and in every country we sell to today';
  await app.title.fill(long);
  const { height, overflow } = await app.title.evaluate((field) => ({
    height: field.getBoundingClientRect().height,
    overflow: field.scrollWidth - field.clientWidth,
  }));
  expect(height).toBeGreaterThan(oneLine * 1.5);
  expect(overflow).toBeLessThanOrEqual(0);
  await app.waitSaved();
  await expect(app.title).toHaveValue(long);
  await screenshot(app.page, 'long-title');
});

test('a title another document has names the file -2 and says so', async ({ app, workspaceDir }) => {
  const created = await app.createDocument('New spec', 'Guest checkout');
  await app.title.press('Enter');
  await expect(app.page.getByRole('status').filter({ hasText: 'is another document' })).toHaveText(
    "specs/guest-checkout.md is another document's, so this one is saved as specs/guest-checkout-2.md.",
  );
  await expect(app.page.locator('.document-meta .path')).toHaveText('specs/guest-checkout-2.md');
  expect(created).toMatch(/^specs\/untitled/);
  await app.waitSaved();
  const text = await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout-2.md'), 'utf8');
  expect(text).toMatch(/^title: Guest checkout$/m);
  await expect(app.page.getByRole('alert').filter({ hasText: 'Duplicate keys' })).toHaveCount(0);
});

test('right-to-left text reads right to left in the title and in each block, left-to-right text beside it stays', async ({
  app,
}) => {
  await app.openDocument('specs/guest-checkout.md');
  await app.title.fill('תשלום כאורח');
  await app.editor.click();
  await expect(app.page.locator('.document-meta .path')).toHaveText('specs/תשלום-כאורח.md');
  await app.clickEndOf('guests can turn their details into an account');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('שלום עולם, זו פסקה בעברית.');
  await app.waitSaved();
  const direction = (element: Element) => getComputedStyle(element).direction;
  await expect(app.title).toHaveAttribute('dir', 'auto');
  expect(await app.title.evaluate(direction)).toBe('rtl');
  const hebrew = app.editor.locator('p', { hasText: 'שלום עולם' });
  await expect(hebrew).toHaveAttribute('dir', 'auto');
  expect(await hebrew.evaluate(direction)).toBe('rtl');
  const english = app.editor.locator('p', { hasText: 'guests can turn their details into an account' });
  expect(await english.evaluate(direction)).toBe('ltr');
  await app.title.scrollIntoViewIfNeeded();
  await hebrew.scrollIntoViewIfNeeded();
  await screenshot(app.page, 'right-to-left');
});

test('a new document’s title is empty with “Untitled spec” greyed: typing after a click names it, left empty it stays untitled', async ({
  app,
  workspaceDir,
}) => {
  await app.page.getByRole('button', { name: 'New spec' }).click();
  await expect(app.title).toBeFocused();
  await expect(app.title).toHaveValue('');
  await expect(app.title).toHaveAttribute('placeholder', 'Untitled spec');
  await screenshot(app.page, 'new-spec-title-placeholder');
  await app.editor.click();
  await app.title.click();
  await app.page.keyboard.type('Checkout notes');
  await expect(app.title).toHaveValue('Checkout notes');
  // Emptied again before it is left: untitled again, not refused.
  await app.title.fill('');
  await expect(app.page.getByRole('alert')).toHaveCount(0);
  await app.page.keyboard.type('Checkout notes');
  await app.title.press('Enter');
  await expect(app.page.locator('.document-meta .path')).toHaveText('specs/checkout-notes.md');
  await app.waitSaved();
  const named = await fs.readFile(path.join(workspaceDir, 'specs', 'checkout-notes.md'), 'utf8');
  expect(named).toMatch(/^title: Checkout notes$/m);

  await app.page.getByRole('button', { name: 'New spec' }).click();
  await expect(app.title).toHaveValue('');
  await app.title.press('Enter');
  await app.waitSaved();
  const path2 = (await app.page.locator('.document-meta .path').textContent()) ?? '';
  expect(path2).toMatch(/^specs\/untitled-spec/);
  const untitled = await fs.readFile(path.join(workspaceDir, path2), 'utf8');
  expect(untitled).toMatch(/^title: Untitled spec$/m);
  await expect(app.title).toHaveValue('');
});
