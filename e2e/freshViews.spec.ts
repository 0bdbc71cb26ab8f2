import { expect, test } from './specbenchTest.js';

// The page's clock stands still in these tests: nothing may wait for a pause in typing (autosave's
// 0.8 s, the coalesced 1.2 s index refresh) to reach the other views.
test('a status or roadmap item chosen in a spec reaches the navigator, Links panel and board at once', async ({
  app,
}) => {
  const page = app.page;
  await app.openDocument('specs/guest-checkout.md');
  await page.clock.install();
  await page.clock.pauseAt(new Date('2030-01-01T00:00:00Z'));

  await page
    .getByRole('region', { name: 'Properties' })
    .getByRole('combobox', { name: 'Status' })
    .selectOption('review');
  const row = app.navigator.getByRole('link', { name: /Guest checkout/ });
  await expect(row).toContainText('review');

  await app.pickKey('Link REQ-1 to a roadmap item', 'RM-5');
  await page.locator('[data-requirement="REQ-2"] .requirement-body').click();
  await page.locator('[data-requirement="REQ-1"] .requirement-body').click();
  await expect(app.links.getByRole('region', { name: 'Delivers' })).toContainText('RM-5');
  await expect(app.saveState).toHaveText('Saved');

  await app.goto('#/roadmap');
  await expect(page.locator('[data-key="RM-5"]')).toContainText('3 requirements');
});
