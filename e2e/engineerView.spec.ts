/** The engineer's story page (issue 16): every implemented requirement with its criteria, and what an engineer asks next. */
import { expect, screenshot, test } from './specbenchTest.js';

test('a story implementing two requirements shows both with their criteria, the open questions, owners and the item’s score', async ({
  app,
}) => {
  await app.goto('#/stories/stories/apply-promo-code.md');
  const page = app.page;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Apply a promo code');
  await expect(page.getByRole('region', { name: 'Implements REQ-12' })).toContainText(
    'Given an expired code, when it is applied',
  );
  await expect(page.getByRole('region', { name: 'Implements REQ-14' })).toContainText(
    'when five invalid codes are tried within ten minutes',
  );
  await expect(page.getByText(/Also implements/)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Open questions' })).toContainText('Finance to confirm.');
  const roadmap = page.getByRole('region', { name: 'Roadmap item' });
  await expect(roadmap).toContainText('RM-7');
  await expect(roadmap).toContainText(/next · 2027-Q2 · proposed · RICE [\d,]+ · owner Sofia Alvarez/);
  await expect(page.getByRole('region', { name: 'Requirement', exact: true })).toContainText(
    'owner Sofia Alvarez',
  );
  await screenshot(page, 'engineer-view-two-requirements');
});
