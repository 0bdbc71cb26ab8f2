/** Marking a release released: a target date still to come becomes today, the page says so, and Undo puts it back. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './specbenchTest.js';

const releaseDate = async (directory: string, key: string) =>
  (
    JSON.parse(await fs.readFile(path.join(directory, 'roadmap.json'), 'utf8')) as {
      releases: { key: string; date?: string }[];
    }
  ).releases.find((release) => release.key === key)?.date;

test('released with a target still to come: the date becomes today, the customer notes say so, Undo restores it', async ({
  app,
  workspaceDir,
}) => {
  // Noon local time, so the local date is 6 December whatever the machine's time zone.
  await app.page.clock.setFixedTime(new Date(2026, 11, 6, 12, 0));
  await app.goto('#/releases/REL-2');
  await app.page.getByLabel('Status').selectOption('released');
  await expect(app.page.getByRole('status').filter({ hasText: 'Released on' })).toHaveText(
    'Released on 6 December 2026 (today); the target was 2 March 2027. Undo',
  );
  await expect(app.page.getByLabel('Released on')).toHaveValue('2026-12-06');
  await expect.poll(() => releaseDate(workspaceDir, 'REL-2')).toBe('2026-12-06');
  const preview = app.page.frameLocator('iframe[title^="Release notes preview"]');
  await expect(preview.locator('body')).toContainText('Released on 6 December 2026.');
  await screenshot(app.page, 'release-released-today');

  await app.page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => releaseDate(workspaceDir, 'REL-2')).toBe('2027-03-02');
  await expect(app.page.getByLabel('Released on')).toHaveValue('2027-03-02');
  await expect(app.page.getByRole('status').filter({ hasText: 'Released on' })).toHaveCount(0);
});

test('readiness agrees with itself: the sample’s could-have is named as not counted, and "not yet" says why', async ({
  app,
}) => {
  await app.goto('#/releases/REL-1');
  const readiness = app.page.getByRole('region', { name: /Readiness/ });
  await expect(readiness.getByRole('heading')).toHaveText('Readiness ready to ship');
  await expect(readiness.locator('dd')).toHaveText(['1 of 1', '2 of 2', /^([0-9]+) of \1$/, /^[0-9]+$/]);
  await expect(readiness).toContainText('Not counted: REQ-4 (could-have).');
  const table = app.page.getByRole('table', { name: 'Release items' });
  await expect(table.getByRole('row', { name: /RM-1/ })).toContainText('2 of 2 done+ 1 not counted');
  await screenshot(app.page, 'release-readiness');

  await app.goto('#/releases/REL-2');
  await expect(
    app.page.getByRole('table', { name: 'Release items' }).getByRole('row', { name: /RM-3/ }),
  ).toContainText(/not yet(REQ-[0-9]+(, )?)+ not done\./);
});
