/** L on the last note of the inbox in a 1024×700 window: the list of matches is scrolled into view, not left below it. */
import { FeedbackModel } from './models/feedbackModel.js';
import { expect, screenshot, test } from './specbenchTest.js';

test('L on the bottom note shows its whole list of matches inside the window', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  const feedback = new FeedbackModel(app);
  await feedback.open();
  await expect(feedback.notes).toHaveCount(4);
  await feedback.notes.last().focus();
  await app.page.keyboard.press('l');
  await expect(app.page.getByRole('combobox', { name: /^Link/ })).toBeFocused();
  const list = app.page.getByRole('listbox', { name: 'Roadmap items and requirements' });
  await expect(list.getByRole('option').first()).toBeVisible();
  await expect(list).toBeInViewport({ ratio: 1 });
  await screenshot(app.page, 'feedback-link-last-note');
});
