/** What each kind of document offers: requirements belong in specs; an empty workspace starts with one. */
import { expect, test } from './specbenchTest.js';

test('stories and FAQs offer no requirement and no Delivers / Implemented by; specs do', async ({ app }) => {
  const insert = app.page.getByRole('button', { name: 'Insert requirement' });
  const slashOptions = async (paragraph: string) => {
    await app.clickEndOf(paragraph);
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.type('/');
    const menu = app.page.getByRole('listbox', { name: 'Insert block' });
    await expect(menu).toBeVisible();
    const options = await menu.getByRole('option').allTextContents();
    await app.page.keyboard.press('Escape');
    return options;
  };

  await app.openDocument('faqs/saved-cards-faq.md');
  await expect(app.toolbar).toBeVisible();
  await expect(insert).toHaveCount(0);
  await expect(app.links.getByRole('region', { name: 'Answers' })).toBeVisible();
  await expect(app.links.getByRole('heading', { name: /^(Delivers|Implemented by)/ })).toHaveCount(0);

  await app.openDocument('stories/pay-as-a-guest.md');
  await expect(app.toolbar).toBeVisible();
  await expect(insert).toHaveCount(0);
  expect(await slashOptions('As a')).not.toContain('Requirement');

  await app.openDocument('specs/guest-checkout.md');
  await expect(insert).toBeVisible();
  await expect(app.links.getByRole('heading', { name: /^Delivers/ })).toBeVisible();
  expect(await slashOptions('Let first-time shoppers buy without creating an account')).toContain(
    'Requirement',
  );
});

test('the slash menu near the bottom of the window opens above the line, inside the window', async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.openDocument('specs/guest-checkout.md');
  const paragraph = app.editor.locator('p', { hasText: 'Forced registration is the largest' });
  await paragraph.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  await app.clickEndOf('Forced registration is the largest');
  await app.page.keyboard.type(' /');
  const menu = app.page.getByRole('listbox', { name: 'Insert block' });
  await expect(menu).toBeVisible();
  const box = (await menu.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(700);
  expect(box.y).toBeGreaterThanOrEqual(0);
});

test.describe('an empty workspace', () => {
  test.use({ workspaceKind: 'empty' });

  test('says to create the first spec, and the button does', async ({ app }) => {
    await app.page.getByRole('button', { name: 'Create your first spec' }).click();
    await expect(app.title).toBeFocused();
    await expect(app.page.locator('.document-meta .path')).toHaveText(/^specs\/.+\.md$/);
  });
});
