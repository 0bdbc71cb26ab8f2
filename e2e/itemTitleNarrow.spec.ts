/** The roadmap item page in a 1024×700 window: a title longer than its field ends in an ellipsis, not mid-word. */
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
