import { expect, openApp, test } from './specbenchTest.js';

test('the first screen does not wait for the rules; the Problems count follows when they answer', async ({
  page,
  served,
}) => {
  let releaseCheck: () => void = () => undefined;
  const checkHeld = new Promise<void>((resolve) => (releaseCheck = resolve));
  // The rules over 10,000 documents take seconds: here they are held back until the screen is shown.
  await page.route('**/api/check', async (route) => {
    await checkHeld;
    await route.continue();
  });
  const app = await openApp(page, served.url);
  await expect(app.section('Specs')).toBeVisible();
  const problemsLink = app.navigator.getByRole('link', { name: /^Problems/ });
  await expect(problemsLink).toHaveAccessibleName('Problems …');
  await app.goto('#/problems');
  const count = page.getByRole('status', { name: 'Problem count' });
  await expect(count).toHaveText('Checking…');
  releaseCheck();
  await expect(app.section('Problems')).toBeVisible();
  await expect(count).not.toHaveText('Checking…');
});
