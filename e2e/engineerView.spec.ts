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

test('the engineer view shows the story’s and its spec’s design links and what it waits for, a dependency not done marked', async ({
  app,
}) => {
  await app.goto('#/stories/stories/pay-with-saved-card.md');
  const design = app.page.getByRole('region', { name: 'Design' });
  const own = design.getByRole('link', { name: /^Saved cards at checkout \(Figma\)/ });
  await expect(own).toHaveAttribute('href', 'https://www.figma.com/file/acme-saved-cards/checkout');
  await expect(own).toHaveAttribute('target', '_blank');
  await expect(own).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(design.getByRole('listitem').nth(1)).toContainText(
    'Payment methods overview (Figma)from SPEC-2',
  );
  // The story's own section (the Links panel beside it has a "Depends on" group too).
  const depends = app.page
    .getByRole('region', { name: 'Depends on' })
    .filter({ has: app.page.getByRole('heading', { level: 2 }) });
  await expect(depends.getByRole('heading')).toHaveText('Depends on · 1 not done');
  await expect(depends.getByRole('listitem')).toHaveText([
    /STORY-5 Save my card for next time\s*in-progress · not done/,
  ]);
  await expect(depends.getByRole('listitem')).toHaveClass(/waiting/);
  for (const [scheme, width, height] of [
    ['light', 1440, 900],
    ['dark', 1440, 900],
    ['light', 1024, 700],
  ] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.setViewportSize({ width, height });
    await screenshot(
      app.page,
      `engineer-view-plan${scheme === 'dark' ? '-dark' : ''}${width === 1024 ? '-1024' : ''}`,
    );
  }
  // A done dependency is not marked; the key link opens it.
  await app.goto('#/stories/stories/create-account-after-order.md');
  const doneFirst = app.page.getByRole('region', { name: 'Depends on' }).getByRole('listitem').first();
  await expect(doneFirst).toHaveText(/STORY-1 Pay as a guest\s*done$/);
  await expect(doneFirst).not.toHaveClass(/waiting/);
  await doneFirst.getByRole('link').click();
  await expect(app.page).toHaveURL(/#\/STORY-1$/);
});

test('an old path link to a story no longer there says the file moved and offers a search by its old name', async ({
  app,
}) => {
  await app.goto('#/stories/stories/pay-by-invoice-later.md');
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(
    'No story at stories/pay-by-invoice-later.md',
  );
  await app.page.getByRole('link', { name: 'Search for “pay by invoice later”' }).click();
  await expect(app.page).toHaveURL(/#\/search\/pay%20by%20invoice%20later/);
});
