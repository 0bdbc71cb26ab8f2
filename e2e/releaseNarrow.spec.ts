/** The release page in a 1024×700 window: the properties panel goes under the main column, so nothing is hidden. */
import type { Locator } from '@playwright/test';
import { expect, screenshot, test } from './specbenchTest.js';

/** True when a click at the centre of the element lands on it (or inside it), not on something drawn over it. */
const hitsItself = (locator: Locator) =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  });

test('at 1024×700 the release properties sit under the items: Show on the board and Remove can be clicked', async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.goto('#/releases/REL-2');
  const table = app.page.getByRole('table', { name: 'Release items' });
  await expect(table.getByRole('row')).toHaveCount(4);
  const main = await app.page.locator('.release-view__main').boundingBox();
  const side = await app.page.getByRole('complementary', { name: 'Release properties' }).boundingBox();
  expect(side!.y).toBeGreaterThanOrEqual(main!.y + main!.height);

  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await screenshot(app.page, `release-page-1024-${scheme}`);
  }
  const remove = app.page.getByRole('button', { name: 'Remove RM-2 from the release' });
  await remove.scrollIntoViewIfNeeded();
  expect(await hitsItself(remove)).toBe(true);
  await remove.click();
  await expect(table.getByRole('row')).toHaveCount(3);

  const board = app.page.getByRole('link', { name: 'Show on the board' });
  await board.scrollIntoViewIfNeeded();
  expect(await hitsItself(board)).toBe(true);
  await board.click();
  await expect(app.page).toHaveURL(/#\/roadmap/);
});
