/**
 * The roadmap item page in a 1024×700 window: a title longer than its field ends in an ellipsis, not
 * mid-word, and the page is one column, so a requirement's sentence is not squeezed a word a line.
 */
import { expect, screenshot, test } from './specbenchTest.js';

test('at 1024×700 a long item title is cut with an ellipsis', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.goto('#/roadmap/RM-1');
  const title = app.page.getByRole('textbox', { name: 'Title' });
  await title.fill('Checkout forgets my card every time I come back to pay for another order');
  await title.press('Enter');
  await app.page.getByRole('link', { name: 'History of RM-1' }).focus();
  const field = await title.evaluate((input) => ({
    cut: input.scrollWidth > input.clientWidth,
    overflow: getComputedStyle(input).textOverflow,
  }));
  expect(field).toEqual({ cut: true, overflow: 'ellipsis' });
  await screenshot(app.page, 'roadmap-item-1024');
});

test('at 1024×700 the item page is one column: properties below the requirements, each requirement on a full-width line', async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.goto('#/roadmap/RM-1');
  const main = app.page.locator('.roadmap-item__main');
  const properties = app.page.getByRole('complementary', { name: 'Properties' });
  await expect(properties).toBeVisible();
  const [mainBox, sideBox] = [await main.boundingBox(), await properties.boundingBox()];
  expect({
    sameWidth: Math.abs(mainBox!.width - sideBox!.width) < 2,
    below: sideBox!.y >= mainBox!.y + mainBox!.height,
  }).toEqual({ sameWidth: true, below: true });
  // 'Guest shoppers can pay without creating an account.' fits on one line.
  const sentence = app.page.getByText('Guest shoppers can pay without creating an account.');
  const lines = await sentence.evaluate((element) => element.getClientRects().length);
  expect(lines).toBe(1);
});
