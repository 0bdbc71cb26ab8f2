/** The document lifecycle as people use it: create, rename by title, switch, and what each leaves on disk. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './specbenchTest.js';

test.use({ workspaceKind: 'empty' });

test('a new document after a renamed one opens empty, and what was typed just before New is kept', async ({
  app,
  workspaceDir,
}) => {
  const first = await app.createDocument('New FAQ', 'Refund window');
  expect(first).toBe('faqs/untitled-faq.md');
  await app.title.press('Enter');
  await app.expectDocument('faqs/refund-window.md', '#/FAQ-1');
  await app.page.keyboard.type('Thirty days. ');
  await app.waitSaved();
  // Typed and left at once: New must not wait for autosave to keep it.
  await app.page.keyboard.type('Store credit after that.');
  await app.page.getByRole('button', { name: 'New FAQ' }).click();
  await app.expectDocument('faqs/untitled-faq.md', '#/FAQ-2');
  await expect(app.title).toBeFocused();
  await expect(app.title).toHaveValue('');
  await expect(app.title).toHaveAttribute('placeholder', 'Untitled FAQ');
  await expect(app.editor).not.toContainText('Thirty days');
  await app.title.fill('Gift cards');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('Never expire.');
  await app.expectDocument('faqs/gift-cards.md', '#/FAQ-2');
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

test('what is typed while the rename after the title is on its way stays in the same page and reaches the file', async ({
  app,
  workspaceDir,
}) => {
  // A busy machine: the rename answers late, and the page must neither swap nor drop the keys
  // typed meanwhile (the key link's route keeps to the editor whose rename is on its way).
  let entered!: () => void;
  const renaming = new Promise<void>((resolve) => (entered = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await app.page.route('**/api/renameDocument', async (route) => {
    const response = await route.fetch();
    entered();
    await released;
    await route.fulfill({ response });
  });
  await app.createDocument('New FAQ', 'Gift cards');
  const editorElement = await app.editor.elementHandle();
  await app.title.press('Enter');
  await renaming;
  await app.page.keyboard.type('Never expire.');
  await expect(app.documentPath).toHaveText('faqs/untitled-faq.md');
  release();
  await app.expectDocument('faqs/gift-cards.md', '#/FAQ-1');
  await app.waitSaved();
  expect(await editorElement?.evaluate((element) => element.isConnected)).toBe(true);
  const text = await fs.readFile(path.join(workspaceDir, 'faqs/gift-cards.md'), 'utf8');
  expect(text).toContain('\n\nNever expire.\n\n');
  expect(await fs.readdir(path.join(workspaceDir, 'faqs'))).toEqual(['gift-cards.md']);
});

test('Enter in the Title puts the cursor where writing belongs, not in the first heading', async ({
  app,
  workspaceDir,
}) => {
  await app.createDocument('New spec', 'Saved carts');
  await app.title.press('Enter');
  await app.page.keyboard.type('Shoppers lose carts.');
  await app.expectDocument('specs/saved-carts.md', '#/SPEC-1');
  await app.waitSaved();
  const text = await fs.readFile(path.join(workspaceDir, 'specs/saved-carts.md'), 'utf8');
  expect(text).toMatch(/^## Summary\n\n<!--[^\n]*-->\n\nShoppers lose carts\.\n\n## Problem\n/m);
});

test.describe('delete, archive and move', () => {
  test.use({ workspaceKind: 'sample' });

  test('Delete saves what was typed, moves the file to the trash, and Undo brings it back', async ({
    app,
    workspaceDir,
  }) => {
    await app.openDocument('faqs/saved-cards-faq.md');
    await app.clickEndOf('');
    await app.page.keyboard.type(' Typed before deleting.');
    await app.page.getByRole('button', { name: 'Document actions' }).click();
    await screenshot(app.page, 'document-actions');
    await app.page.getByRole('menuitem', { name: 'Delete' }).click();
    // The navigator stays on FAQs, where the user was, with the list the document left.
    await expect(app.page).toHaveURL(/#\/faqs$/);
    await expect(app.section('FAQs')).toHaveAttribute('aria-current', 'page');
    const notice = app.page.getByRole('status', { name: 'Notice' });
    await expect(notice).toContainText('Deleted “Saved cards FAQ”.');
    await screenshot(app.page, 'deleted-undo');
    const trash = path.join(workspaceDir, '.specbench', 'trash');
    const [stamp] = await fs.readdir(trash);
    const trashed = await fs.readFile(path.join(trash, stamp!, 'faqs/saved-cards-faq.md'), 'utf8');
    expect({
      gone: await fs.stat(path.join(workspaceDir, 'faqs/saved-cards-faq.md')).catch(() => 'gone'),
      typed: trashed.includes('Typed before deleting.'),
    }).toEqual({ gone: 'gone', typed: true });
    await notice.getByRole('button', { name: 'Undo' }).click();
    await app.expectDocument('faqs/saved-cards-faq.md', '#/FAQ-2');
    await expect(app.editor).toContainText('Typed before deleting.');
  });

  test('Archive hides a document from the navigator, the key still opens it; Move takes it to a folder', async ({
    app,
    workspaceDir,
  }) => {
    await app.openDocument('specs/promo-codes.md');
    await app.page.getByRole('button', { name: 'Document actions' }).click();
    await app.page.getByRole('menuitem', { name: 'Archive' }).click();
    await app.waitSaved();
    const specs = app.navigator.getByRole('list', { name: 'Specs list' });
    await expect(specs.getByRole('link', { name: /SPEC-4/ })).toHaveCount(0);
    await app.navigator.getByRole('button', { name: /^archived/ }).click();
    await expect(specs.getByRole('link', { name: /SPEC-4/ })).toBeVisible();
    expect(await fs.readFile(path.join(workspaceDir, 'specs/promo-codes.md'), 'utf8')).toMatch(
      /^status: archived$/m,
    );
    // Move, from the command palette.
    await app.page.keyboard.press('Control+K');
    await expect(app.page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
    await app.page.keyboard.type('move this document');
    await app.page.keyboard.press('Enter');
    // The palette offers the folders there are; a new one can be typed.
    await expect(app.page.getByRole('listbox', { name: 'Folders' }).getByRole('option')).toHaveText([
      'faqs',
      'feedback',
      'stories',
    ]);
    await screenshot(app.page, 'move-from-palette');
    await app.page.getByRole('combobox', { name: 'Folder' }).fill('specs/old');
    await app.page.keyboard.press('Enter');
    await app.expectDocument('specs/old/promo-codes.md', '#/SPEC-4');
    await app.waitSaved();
    expect(await fs.stat(path.join(workspaceDir, 'specs/old/promo-codes.md')).then(() => 'moved')).toBe(
      'moved',
    );
  });
});

test.describe('archive', () => {
  test.use({ workspaceKind: 'sample' });

  test('Archive says so with Undo, and Undo puts back the status it had', async ({ app, workspaceDir }) => {
    const file = path.join(workspaceDir, 'specs/saved-payment-methods.md');
    const before = await fs.readFile(file, 'utf8');
    await app.openDocument('specs/saved-payment-methods.md');
    await app.page.getByRole('button', { name: 'Document actions' }).click();
    await app.page.getByRole('menuitem', { name: 'Archive' }).click();
    const notice = app.page.getByRole('status', { name: 'Notice' });
    await expect(notice).toContainText('Archived “Saved payment methods”.');
    await screenshot(app.page, 'archived-undo');
    const specs = app.navigator.getByRole('list', { name: 'Specs list' });
    await expect(specs.getByRole('link', { name: /SPEC-2/ })).toHaveCount(0);
    expect(await fs.readFile(file, 'utf8')).toMatch(/^status: archived$/m);
    // The quick switcher still finds it, marked Archived.
    await app.page.keyboard.press('Control+P');
    await app.page.getByRole('combobox', { name: 'Go to document' }).fill('saved payment');
    const results = app.page.getByRole('listbox', { name: 'Results' });
    await expect(results.getByRole('option', { name: /SPEC-2\b/ })).toContainText('Archived');
    await screenshot(app.page, 'quick-switcher-archived');
    await app.page.keyboard.press('Escape');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect(specs.getByRole('link', { name: /SPEC-2/ })).toBeVisible();
    await app.waitSaved();
    expect(await fs.readFile(file, 'utf8')).toBe(before);
  });
});

test.describe('the navigator’s right-click', () => {
  test.use({ workspaceKind: 'sample' });

  test('offers Export, Move, Archive and Delete for a document that is not open, from the mouse and the keyboard', async ({
    app,
    workspaceDir,
  }) => {
    await app.section('FAQs').click();
    const faqs = app.navigator.getByRole('list', { name: 'FAQs list' });
    const entry = faqs.getByRole('link', { name: /FAQ-1/ });
    await entry.click({ button: 'right' });
    const menu = app.page.getByRole('menu', { name: 'Document actions' });
    await expect(menu.getByRole('menuitem')).toHaveText(['Export…', 'Move to folder…', 'Archive', 'Delete']);
    await screenshot(app.page, 'navigator-context-menu');
    await menu.getByRole('menuitem', { name: 'Move to folder…' }).click();
    // Every other folder is offered in view, not only on demand; typing filters them.
    const folders = app.page.getByRole('listbox', { name: 'Folders' });
    await expect(folders.getByRole('option')).toHaveText(['/ (top folder)', 'feedback', 'specs', 'stories']);
    await screenshot(app.page, 'move-to-folder');
    await app.page.getByRole('combobox', { name: 'Folder' }).fill('st');
    await expect(folders.getByRole('option')).toHaveText(['stories']);
    await app.page.getByRole('combobox', { name: 'Folder' }).fill('faqs/answered');
    await app.page.keyboard.press('Enter');
    await expect(faqs.getByRole('link', { name: /FAQ-1/ })).toHaveAttribute(
      'title',
      'faqs/answered/guest-checkout-pr-faq.md',
    );
    // The keyboard's way to the same menu: Shift+F10 on the focused entry.
    await faqs.getByRole('link', { name: /FAQ-1/ }).focus();
    await app.page.keyboard.press('Shift+F10');
    await expect(menu.getByRole('menuitem', { name: 'Export…' })).toBeFocused();
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
    await app.page.keyboard.press('Enter');
    // The Move's notice stays above this one, with an Undo of its own.
    const notice = app.page.getByRole('status', { name: 'Notice' }).filter({ hasText: /^Deleted “/ });
    await expect(notice).toBeVisible();
    await expect(faqs.getByRole('link', { name: /FAQ-1/ })).toHaveCount(0);
    const [stamp] = await fs.readdir(path.join(workspaceDir, '.specbench', 'trash'));
    const trashed = await fs.readdir(
      path.join(workspaceDir, '.specbench', 'trash', stamp!, 'faqs', 'answered'),
    );
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect(faqs.getByRole('link', { name: /FAQ-1/ })).toHaveCount(1);
    expect(await fs.readdir(path.join(workspaceDir, 'faqs', 'answered'))).toEqual(trashed);
  });
});
