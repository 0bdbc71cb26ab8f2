/** ? and F1 list the keyboard shortcuts (issue 16): the dialog traps focus, Esc closes it, and ? typed in a document stays text. */
import { expect, openApp, screenshot, serve, test } from './specbenchTest.js';

test('? opens the keyboard shortcuts, Esc closes them and gives focus back; ? in the document is a character', async ({
  app,
}) => {
  const dialog = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await app.section('Specs').focus();
  await app.page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  // Every global shortcut is listed with the keys that are bound.
  await expect(dialog.getByRole('definition').filter({ hasText: 'Ctrl+Shift+F' })).toBeVisible();
  await expect(dialog.locator('.shortcuts-list__row', { hasText: 'Command palette' })).toContainText(
    'Ctrl+K',
  );
  await expect(dialog.locator('.shortcuts-list__row', { hasText: 'Keyboard shortcuts' })).toContainText(
    '? or F1',
  );
  // Ctrl+K is listed once (the palette, or a link on selected text); commenting and moving cards too.
  await expect(dialog.getByRole('definition').filter({ hasText: /^Ctrl\+K$/ })).toHaveCount(1);
  await expect(dialog.locator('.shortcuts-list__row', { hasText: 'Command palette' })).toContainText(
    'with text selected in a document, link it',
  );
  await expect(dialog.locator('.shortcuts-list__row', { hasText: 'Comment on' })).toContainText('Ctrl+Alt+M');
  await expect(dialog.getByRole('region', { name: 'On the roadmap board' })).toContainText('Alt+← or Alt+→');
  await expect(dialog.getByRole('region', { name: 'On the roadmap board' })).toContainText('Alt+↑ or Alt+↓');
  await screenshot(app.page, 'keyboard-shortcuts');
  // Focus stays inside the modal dialog.
  await app.page.keyboard.press('Tab');
  await app.page.keyboard.press('Tab');
  expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await app.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.section('Specs')).toBeFocused();

  // The bound keys do what the list says: Ctrl+Shift+F searches.
  await app.page.keyboard.press('Control+Shift+F');
  await expect(app.page).toHaveURL(/#\/search\//);

  await app.openDocument('specs/guest-checkout.md');
  await app.clickEndOf('Cut the time to complete checkout on mobile');
  await app.page.keyboard.type(' Why?');
  await expect(dialog).toBeHidden();
  await expect(app.editor).toContainText('Why?');
  await app.page.keyboard.press('F1');
  await expect(dialog).toBeVisible();
});

test('a read-only window lists no editing keys, and a serve --comments one lists Ctrl+Alt+M', async ({
  workspaceDir,
  browser,
}) => {
  for (const mode of [false, 'comments'] as const) {
    const server = await serve(workspaceDir, mode);
    const context = await browser.newContext();
    try {
      const app = await openApp(await context.newPage(), server.url);
      await app.section('Specs').focus();
      await app.page.keyboard.press('F1');
      const dialog = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(dialog.getByRole('region', { name: 'Anywhere' })).toBeVisible();
      for (const editing of ['Bold', 'Undo', 'Edit the story', 'link it'])
        await expect(dialog.getByText(editing)).toHaveCount(0);
      await expect(dialog.getByRole('region', { name: 'On the roadmap board' })).toHaveCount(0);
      await expect(dialog.getByText('Ctrl+Alt+M')).toHaveCount(mode === 'comments' ? 1 : 0);
    } finally {
      await context.close();
      server.process.kill('SIGTERM');
    }
  }
});
