import { promises as fs } from 'node:fs';
import path from 'node:path';
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

test('a change that arrives while the views are being refreshed does not stop the ones after it', async ({
  app,
  workspaceDir,
}) => {
  const page = app.page;
  await app.openDocument('specs/guest-checkout.md');
  // The re-read of a file changed outside is held, so the status chosen meanwhile queues behind it.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let heldReads = 0;
  await page.route('**/api/listDocuments', async (route) => {
    if (route.request().postData()?.includes('"paths"')) {
      heldReads++;
      await held;
    }
    await route.continue();
  });
  await fs.appendFile(path.join(workspaceDir, 'faqs', 'saved-cards-faq.md'), '\nOne more line.\n');
  await expect.poll(() => heldReads).toBe(1);
  const status = page.getByRole('region', { name: 'Properties' }).getByRole('combobox', { name: 'Status' });
  await status.selectOption('review');
  await expect(app.saveState).toHaveText('Saved');
  release();
  const row = app.navigator.getByRole('link', { name: /Guest checkout/ });
  await expect(row).toContainText('review');

  // Every later change still reaches the views (they stopped here: a refresh that found nothing left to do stuck).
  await status.selectOption('draft');
  await expect(row).toContainText('draft');
});
