/** The Metrics view in a 1024×700 window: two verdict badges in one cell wrap inside it, not past the card. */
import { expect, screenshot, test } from './specbenchTest.js';

test('at 1024×700 the "unmeasured after release" badge stays inside its cell and card', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.goto('#/releases/REL-2');
  await app.page.getByLabel('Status').selectOption('released');
  await app.page.getByLabel('Released on').fill('2020-01-02');
  await app.page.getByLabel('Released on').blur();
  await expect(app.page.locator('.status-shipped')).toHaveText('released');
  await app.goto('#/metrics');
  const badges = app.page.locator('.verdict--overdue');
  await expect(badges.first()).toBeVisible();
  const overflowing = await badges.evaluateAll(
    (elements) =>
      elements.filter((badge) => {
        const cell = badge.closest('td')!.getBoundingClientRect();
        return badge.getBoundingClientRect().right > cell.right + 0.5;
      }).length,
  );
  expect(overflowing).toBe(0);
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await badges.first().scrollIntoViewIfNeeded();
    await screenshot(app.page, `metrics-1024-${scheme}`);
  }
});
