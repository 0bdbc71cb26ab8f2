/**
 * Two notices alive at once both show, one above the other, each with its own Undo (the CI rehearsal's
 * journey, seed 20261206: a Delete's notice covered a "Renamed to …" and its Undo). The newest sits where
 * a single notice always stood, nearest the bottom edge; the strip beside them takes no clicks.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { AppModel } from './models/appModel.js';
import { expect, testOverFiles } from './specbenchTest.js';

const notes: Record<string, string> = {
  'Maya/Review prep.md': '# Review prep\n\nAgenda for the **review**.\n',
  'Maya/Plan.md': 'Read [[Review prep]] and [[Review prep#Agenda|the agenda]] first.\n',
  'Maya/Old ideas.md': '# Old ideas\n\nNothing here yet.\n',
};

const test = testOverFiles(notes);

test.use({ viewport: { width: 1024, height: 720 } });

const read = (root: string, file: string) => fs.readFile(path.join(root, file), 'utf8').catch(() => 'gone');

/** Deletes a note that is not open, from the navigator's right-click, leaving the open one where it is. */
async function deleteFromNavigator(app: AppModel, name: string): Promise<void> {
  await app.navigator
    .getByRole('list', { name: 'Notes list' })
    .getByRole('link', { name })
    .click({ button: 'right' });
  await app.page
    .getByRole('menu', { name: 'Document actions' })
    .getByRole('menuitem', { name: 'Delete' })
    .click();
}

/** Both in view, apart, the newer under the older at the spot one notice had; the page beside them clickable. */
async function expectStacked(page: Page, older: Locator, newer: Locator, shot: string): Promise<void> {
  await expect(older).toBeVisible();
  await expect(newer).toBeVisible();
  const [top, bottom] = [(await older.boundingBox())!, (await newer.boundingBox())!];
  const height = page.viewportSize()!.height;
  const beside = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('.notice-region') === null,
    { x: 8, y: bottom.y + bottom.height / 2 },
  );
  expect({
    apart: top.y + top.height <= bottom.y,
    newestAtTheEdge: Math.round(height - (bottom.y + bottom.height)),
    centred: [top, bottom].map((box) => Math.abs(Math.round(box.x + box.width / 2 - 512)) <= 1),
    beside,
  }).toEqual({ apart: true, newestAtTheEdge: 20, centred: [true, true], beside: true });
  await page.screenshot({ path: path.join('test-results', 'screenshots', `${shot}.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join('test-results', 'screenshots', `${shot}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a retitle’s notice and a Delete’s both show, and each Undo puts back its own', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('Maya/Plan.md');
  await app.title.fill('Plan for Q3');
  await app.title.press('Enter');
  const notices = app.page.getByRole('status', { name: 'Notice' });
  const renamed = notices.filter({ hasText: /^Renamed to “Plan for Q3”\./ });
  await expect(renamed).toBeVisible();
  await deleteFromNavigator(app, 'Old ideas');
  const deleted = notices.filter({ hasText: /^Deleted “Old ideas”\./ });
  await expectStacked(app.page, renamed, deleted, 'notices-stacked');
  await expect(notices).toHaveCount(2);

  await renamed.getByRole('button', { name: 'Undo' }).click();
  await expect(app.documentPath).toHaveText('Maya/Plan.md');
  await expect(renamed).toHaveCount(0);
  await deleted.getByRole('button', { name: 'Undo' }).click();
  await expect(notices).toHaveCount(0);
  await expect.poll(() => read(workspaceDir, 'Maya/Old ideas.md')).toBe(notes['Maya/Old ideas.md']);
  expect([await read(workspaceDir, 'Maya/Plan.md'), await read(workspaceDir, 'Maya/Plan for Q3.md')]).toEqual(
    [notes['Maya/Plan.md'], 'gone'],
  );
});

test('a rename that updated links keeps its Undo when a Delete follows', async ({ app, workspaceDir }) => {
  await app.openDocument('Maya/Review prep.md');
  await app.title.fill('Review prep for Q3');
  await app.title.press('Enter');
  await app.page.getByRole('button', { name: 'Rename and update links' }).click();
  await expect(app.documentPath).toHaveText('Maya/Review prep for Q3.md');
  const notices = app.page.getByRole('status', { name: 'Notice' });
  const renamed = notices.filter({ hasText: /^Renamed to “Review prep for Q3” · 2 links updated/ });
  await expect(renamed).toBeVisible();
  await deleteFromNavigator(app, 'Old ideas');
  const deleted = notices.filter({ hasText: /^Deleted “Old ideas”\./ });
  await expectStacked(app.page, renamed, deleted, 'notices-stacked-links');

  await deleted.getByRole('button', { name: 'Undo' }).click();
  await expect(deleted).toHaveCount(0);
  await expect(renamed).toBeVisible();
  // Undo of the Delete opened the note it put back; the rename's Undo puts its files back all the same.
  await renamed.getByRole('button', { name: 'Undo' }).click();
  await expect(notices).toHaveCount(0);
  await expect.poll(() => read(workspaceDir, 'Maya/Review prep for Q3.md')).toBe('gone');
  expect(
    await Promise.all(
      ['Maya/Plan.md', 'Maya/Review prep.md', 'Maya/Old ideas.md'].map((file) => read(workspaceDir, file)),
    ),
  ).toEqual([notes['Maya/Plan.md'], notes['Maya/Review prep.md'], notes['Maya/Old ideas.md']]);
});
