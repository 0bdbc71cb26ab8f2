import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './specbenchTest.js';

const spec = 'specs/guest-checkout.md';
const read = (workspaceDir: string) => fs.readFile(path.join(workspaceDir, spec), 'utf8');

test('[[ autocomplete writes the reference with nothing after it, shown as key and title', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument(spec);
  await app.clickEndOf('Cut the time to complete checkout on mobile');
  await app.page.keyboard.type(' See [[saved pay');
  await app.page
    .getByRole('listbox', { name: 'Link to' })
    .getByRole('option', { name: /SPEC-2/ })
    .waitFor();
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('.');
  await expect(app.editor.locator('[data-reference-key="SPEC-2"] > a')).toHaveText(
    'SPEC-2 Saved payment methods',
  );
  await app.waitSaved();
  expect(await read(workspaceDir)).toContain('by at least 30 seconds. See [[SPEC-2]].\n');
  await expect(app.editor.locator('[data-reference-key="RM-1"] > a')).toHaveText('RM-1 Guest checkout');
  await app.editor.getByRole('heading', { name: 'Summary' }).scrollIntoViewIfNeeded();
  await screenshot(app.page, 'reference-chips');
});

test('Ctrl+K on selected text links it to a document; without a selection it opens the palette', async ({
  app,
  workspaceDir,
}) => {
  const page = app.page;
  await app.openDocument(spec);
  await app.selectText('the cart page');
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Add link' });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
  await dialog.getByRole('combobox', { name: 'Link to' }).fill('saved pay');
  await expect(dialog.getByRole('option').first()).toHaveAccessibleName('SPEC-2 Saved payment methods');
  await screenshot(page, 'link-dialog');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.editor.locator('[data-reference-key="SPEC-2"] > a')).toHaveText('the cart page');
  await app.waitSaved();
  expect(await read(workspaceDir)).toContain('- Changes to [[SPEC-2|the cart page]].\n');

  await app.clickEndOf('Social sign-in');
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await expect(dialog).toBeHidden();
});

test('the toolbar links selected text to a web address, and refuses a script address', async ({
  app,
  workspaceDir,
}) => {
  const page = app.page;
  await app.openDocument(spec);
  await app.selectText('exit surveys');
  await app.toolbar.getByRole('button', { name: 'Link', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add link' });
  const input = dialog.getByRole('combobox', { name: 'Link to' });
  await input.fill('javascript:alert(1)');
  await expect(dialog).toContainText('Links may be http, https or mailto addresses, not javascript:.');
  await expect(dialog.getByRole('option')).toHaveCount(0);
  await input.fill('example.com/exit-survey');
  await expect(dialog.getByRole('option').first()).toHaveAccessibleName(
    'Link to https://example.com/exit-survey',
  );
  await page.keyboard.press('Enter');
  await expect(app.editor.getByRole('link', { name: 'exit surveys' })).toHaveAttribute(
    'href',
    'https://example.com/exit-survey',
  );
  await app.waitSaved();
  expect(await read(workspaceDir)).toContain('and [exit surveys](https://example.com/exit-survey) name');

  // In the link, the toolbar offers to change or remove it.
  await app.editor.getByRole('link', { name: 'exit surveys' }).click();
  await app.toolbar.getByRole('button', { name: 'Link', exact: true }).click();
  await dialog.getByRole('button', { name: 'Remove link' }).click();
  await app.waitSaved();
  expect(await read(workspaceDir)).toContain('and exit surveys name');

  await page.emulateMedia({ colorScheme: 'dark' });
  await app.selectText('exit surveys');
  await page.keyboard.press('Control+K');
  await dialog.getByRole('combobox', { name: 'Link to' }).fill('guest');
  await screenshot(page, 'link-dialog-dark');
});
