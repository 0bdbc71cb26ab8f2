/** Finding the work (issue 16): story filters that combine and live in the URL, and the engineer's view by default. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test, openApp, screenshot, serve } from './specbenchTest.js';

test('Ready for Now is a saved view whose filters live in the URL, survive a reload and are the sidebar’s chips', async ({
  app,
}) => {
  await app.section('Stories').click();
  await app.page
    .getByRole('navigation', { name: 'Saved views' })
    .getByRole('link', { name: 'Ready for Now' })
    .click();
  await expect(app.page).toHaveURL(/#\/stories\?lane=now&status=ready$/);
  const table = app.page.locator('.story-table tbody');
  // The same three stories `specbench list --type story --status ready --lane now` prints.
  const ready = ['STORY-4', 'STORY-7', 'STORY-6'];
  await expect(table.locator('.key')).toHaveText(ready);
  await app.page.reload();
  await app.page.locator('body[data-ready=true]').waitFor();
  await expect(table.locator('.key')).toHaveText(ready);
  const filters = app.page.getByRole('group', { name: 'Filter stories' });
  await expect(filters.getByLabel('Lane')).toHaveValue('now');
  await expect(filters.getByLabel('Status')).toHaveValue('ready');
  // The sidebar's status chips are this filter's Status.
  const chips = app.navigator.getByRole('group', { name: 'Filter Stories by status' });
  await expect(chips.getByRole('button', { name: /^ready/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(app.navigator.getByRole('list', { name: 'Stories list' }).locator('.key')).toHaveText([
    'STORY-4',
    'STORY-6',
    'STORY-7',
  ]);
  await screenshot(app.page, 'story-filters');
  await chips.getByRole('button', { name: /^in-progress/ }).click();
  await expect(app.page).toHaveURL(/#\/stories\?lane=now&status=in-progress$/);
  await expect(filters.getByLabel('Status')).toHaveValue('in-progress');
  // Combined with a release: only what ships in REL-2 and is in the Now lane.
  await filters.getByLabel('Status').selectOption('');
  // The long option lists are built when the select is reached, as a person's click or Tab does.
  await filters.getByLabel('Release').focus();
  await filters.getByLabel('Release').selectOption('REL-2');
  await expect(app.page).toHaveURL(/#\/stories\?lane=now&release=REL-2$/);
  await expect(app.page.getByRole('status', { name: 'Stories shown' })).not.toHaveText(/^0 of/);
  // A view of one's own, kept in this browser and offered again after a reload.
  await app.page.getByRole('button', { name: 'Save view…' }).click();
  await app.page.getByRole('textbox', { name: 'View name' }).fill('Now in REL-2');
  await app.page.keyboard.press('Enter');
  await app.page.evaluate(() => (window.location.hash = '#/stories'));
  await app.page.reload();
  await app.page.locator('body[data-ready=true]').waitFor();
  await app.page.getByRole('link', { name: 'Now in REL-2' }).click();
  await expect(app.page).toHaveURL(/#\/stories\?lane=now&release=REL-2$/);
});

test('in a read-only serve the sidebar, the quick switcher and the roadmap open stories in the engineer’s view', async ({
  page,
  workspaceDir,
}) => {
  const served = await serve(workspaceDir, false);
  try {
    const app = await openApp(page, served.url);
    await app.section('Stories').click();
    await app.navigator.getByRole('link', { name: /STORY-4/ }).click();
    await expect(page).toHaveURL(/#\/STORY-4$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an account after ordering');
    // Nothing to edit here, so no Edit button and E does nothing.
    await expect(page.getByRole('link', { name: /Edit story/ })).toHaveCount(0);
    await page.keyboard.press('e');
    await expect(page).toHaveURL(/#\/STORY-4$/);
    await page.keyboard.press('Control+P');
    await page.getByRole('combobox', { name: 'Go to document' }).fill('STORY-6');
    await page
      .getByRole('option', { name: /STORY-6/ })
      .first()
      .click();
    await expect(page).toHaveURL(/#\/STORY-6$/);
    await page.evaluate(() => (window.location.hash = '#/roadmap/RM-3'));
    await page
      .getByRole('list', { name: /Stories implementing/ })
      .first()
      .getByRole('link')
      .first()
      .click();
    // Every way in uses the story's key, which opens the engineer's view here.
    await expect(page).toHaveURL(/#\/STORY-\d+$/);
    await expect(page.getByRole('region', { name: 'Acceptance criteria' })).toBeVisible();
  } finally {
    served.process.kill('SIGTERM');
  }
});

test('E on the engineer’s view opens the editor where writing is allowed', async ({ app }) => {
  await app.section('Stories').click();
  await app.page
    .locator('.story-table')
    .getByRole('link', { name: /STORY-4/ })
    .click();
  await expect(app.page.getByRole('link', { name: /Edit story/ })).toBeVisible();
  await expect(app.page.getByRole('region', { name: 'Acceptance criteria' })).not.toContainText('Loading…');
  await screenshot(app.page, 'engineer-view');
  await app.page.keyboard.press('e');
  // The editor is where this workspace opens stories, so its link is the key.
  await app.expectDocument('stories/create-account-after-order.md', '#/STORY-4');
  await app.waitSaved();
});

test('the engineer’s view leaves out the PM’s template guidance and shows criteria checkboxes as read-only', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, 'stories/create-account-after-order.md');
  const text = await fs.readFile(file, 'utf8');
  await fs.writeFile(
    file,
    text.replace(
      '## Acceptance criteria\n',
      '## Acceptance criteria\n\n<!-- Required. A note for the PM. -->\n',
    ),
  );
  await app.goto('#/stories/stories/create-account-after-order.md');
  const criteria = app.page.getByRole('region', { name: 'Acceptance criteria' });
  await expect(criteria).toContainText('when I set a password');
  await expect(criteria).not.toContainText('A note for the PM');
  await expect(criteria.getByRole('checkbox')).toBeDisabled();
  await screenshot(app.page, 'engineer-view-criteria');
  // A new story's sample criterion is the template's, not one to build to.
  const created = await app.createDocument('New story', 'Fresh story');
  await app.goto(`#/stories/${created}`);
  await expect(criteria).toContainText('No acceptance criteria written yet.');
  await expect(app.page.getByRole('main')).not.toContainText('Required. One checkbox');
});
