import { expect, openApp, screenshot, test } from './specbenchTest.js';

test('search and the quick switcher say "Indexing…" until search is ready, then stop saying it', async ({
  page,
  served,
}) => {
  let releaseCheck: () => void = () => undefined;
  const checkHeld = new Promise<void>((resolve) => (releaseCheck = resolve));
  // The server prepares search after the app's first check: holding the check holds readiness.
  await page.route('**/api/check', async (route) => {
    await checkHeld;
    await route.continue();
  });
  const app = await openApp(page, served.url);
  await app.goto('#/search');
  const indexing = page.getByRole('status', { name: 'Search index' });
  await expect(indexing).toHaveText('Indexing… the first search takes a few seconds longer');
  await screenshot(page, 'search-indexing');

  await page.keyboard.press('Control+P');
  const switcher = page.getByRole('dialog', { name: 'Quick switcher' });
  await switcher.getByRole('combobox').fill('guest');
  await expect(switcher.getByRole('option').first()).toBeVisible();
  await expect(switcher.getByRole('status', { name: 'Search index' })).toBeVisible();
  await screenshot(page, 'quick-switcher-indexing');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'quick-switcher-indexing-dark');
  await page.keyboard.press('Escape');
  await screenshot(page, 'search-indexing-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  releaseCheck();
  await expect(indexing).toBeHidden();
  await page.keyboard.press('Control+P');
  await expect(switcher).toBeVisible();
  await expect(switcher.getByRole('status', { name: 'Search index' })).toBeHidden();
});
