/**
 * A rename from the Title field is offered back (walkthrough walk11e, finding 1): "Renamed to “X”."
 * with Undo, which puts the old file back byte for byte, and the editor follows. Only where that holds:
 * a rename that rewrote other notes' links is not offered back (walk11f: renaming back left links
 * pinned for a namesake and a padded table row one width off). A new document's first title is its
 * creation, and offers no Undo.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { copyWorkspace, expect, test as base } from './specbenchTest.js';

const notes: Record<string, string> = {
  'Maya/Review prep.md': '# Review prep\n\nAgenda for the **review**.\n',
  'Maya/Plan.md': 'Read [[Review prep]] and [[Review prep#Agenda|the agenda]] first.\n',
};

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const root = await copyWorkspace();
    for (const [file, text] of Object.entries(notes)) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await fs.writeFile(path.join(root, file), text);
    }
    await use(root);
    await fs.rm(root, { recursive: true, force: true });
  },
});

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

test('a note nothing links to, renamed by its title, is put back byte for byte by Undo', async ({
  app,
  workspaceDir,
}) => {
  const old = path.join(workspaceDir, 'Maya/Plan.md');
  const renamed = path.join(workspaceDir, 'Maya/Plan for Q3.md');
  await app.openDocument('Maya/Plan.md');
  await app.title.fill('Plan for Q3');
  await app.title.press('Enter');
  const notice = app.page.getByRole('status', { name: 'Notice' });
  await expect(notice).toContainText('Renamed to “Plan for Q3”.');
  await expect(app.documentPath).toHaveText('Maya/Plan for Q3.md');
  await expect.poll(() => exists(renamed)).toBe(true);
  await app.page.screenshot({ path: path.join('test-results', 'screenshots', 'rename-undo-notice.png') });

  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(app.documentPath).toHaveText('Maya/Plan.md');
  await expect(app.title).toHaveValue('Plan');
  await expect(notice).toHaveCount(0);
  await expect.poll(() => exists(renamed)).toBe(false);
  expect(await fs.readFile(old, 'utf8')).toBe(notes['Maya/Plan.md']);
  await expect(app.editor).toContainText('Read Review prep');
});

test('a rename that updated the links to the note is put back, every file byte for byte, by Undo', async ({
  app,
  workspaceDir,
}) => {
  const plan = path.join(workspaceDir, 'Maya/Plan.md');
  await app.openDocument('Maya/Review prep.md');
  await app.title.fill('Review prep for Q3');
  await app.title.press('Enter');
  // Two links in one note: the verb agrees with the links (walk11f: '3 links in 1 document points').
  await expect(app.page.getByRole('alertdialog', { name: 'Update links' })).toContainText(
    '2 links in 1 document point to “Review prep”',
  );
  await app.page.getByRole('button', { name: 'Rename and update links' }).click();
  await expect(app.documentPath).toHaveText('Maya/Review prep for Q3.md');
  expect(await fs.readFile(path.join(workspaceDir, 'Maya/Plan.md'), 'utf8')).toBe(
    'Read [[Review prep for Q3]] and [[Review prep for Q3#Agenda|the agenda]] first.\n',
  );
  const notice = app.page.getByRole('status', { name: 'Notice' });
  await expect(notice).toHaveText(/^Renamed to “Review prep for Q3” · 2 links updated/);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(app.documentPath).toHaveText('Maya/Review prep.md');
  await expect(notice).toHaveCount(0);
  expect([
    await fs.readFile(plan, 'utf8'),
    await fs.readFile(path.join(workspaceDir, 'Maya/Review prep.md'), 'utf8'),
    await exists(path.join(workspaceDir, 'Maya/Review prep for Q3.md')),
  ]).toEqual([notes['Maya/Plan.md'], notes['Maya/Review prep.md'], false]);
});

test('Undo of a rename that updated links refuses, and says which file, once a file it wrote changed', async ({
  app,
  workspaceDir,
}) => {
  const plan = path.join(workspaceDir, 'Maya/Plan.md');
  await app.openDocument('Maya/Review prep.md');
  await app.title.fill('Review prep for Q3');
  await app.title.press('Enter');
  await app.page.getByRole('button', { name: 'Rename and update links' }).click();
  await expect(app.documentPath).toHaveText('Maya/Review prep for Q3.md');
  const edited = 'Read [[Review prep for Q3]] and [[Review prep for Q3#Agenda|the agenda]] later.\n';
  await fs.writeFile(plan, edited);
  const notice = app.page.getByRole('status', { name: 'Notice' });
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toHaveText(/Maya\/Plan\.md changed since the rename, so the rename was not undone\./);
  await expect(app.documentPath).toHaveText('Maya/Review prep for Q3.md');
  expect(await fs.readFile(plan, 'utf8')).toBe(edited);
});

test('a spec renamed by its title front matter is put back, title and file, by Undo', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, 'specs/order-tracking.md');
  const before = await fs.readFile(file, 'utf8');
  await app.openDocument('specs/order-tracking.md');
  await app.title.fill('Order tracking by SMS');
  await app.title.press('Enter');
  const notice = app.page.getByRole('status', { name: 'Notice' });
  await expect(notice).toContainText('Renamed to “Order tracking by SMS”.');
  await expect(app.documentPath).toHaveText('specs/order-tracking-by-sms.md');

  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(app.documentPath).toHaveText('specs/order-tracking.md');
  await expect(app.title).toHaveValue('Order tracking');
  await app.waitSaved();
  await expect.poll(() => exists(path.join(workspaceDir, 'specs/order-tracking-by-sms.md'))).toBe(false);
  expect(await fs.readFile(file, 'utf8')).toBe(before);
});

test('a new spec named by its first title offers no Undo', async ({ app }) => {
  await app.createDocument('New spec', 'Gift cards');
  await app.title.press('Enter');
  await expect(app.documentPath).toHaveText(/^specs\/gift-cards.*\.md$/);
  await expect(app.page.getByRole('status', { name: 'Notice' })).toHaveCount(0);
});

// walk11h finding 4: the bar's button took focus and vanished, so the keys typed next were lost.
for (const [button, file] of [
  ['Rename and update links', 'Maya/Review prep for Q3.md'],
  ['Rename only', 'Maya/Review prep for Q3.md'],
  ['Cancel', 'Maya/Review prep.md'],
] as const) {
  test(`typing right after “${button}” on the links bar goes into the first paragraph`, async ({
    app,
    workspaceDir,
  }) => {
    await app.openDocument('Maya/Review prep.md');
    await app.title.fill('Review prep for Q3');
    await app.title.press('Enter');
    await app.page
      .getByRole('alertdialog', { name: 'Update links' })
      .getByRole('button', { name: button })
      .click();
    await app.page.keyboard.type('Typed at once. ');
    await expect(app.documentPath).toHaveText(file);
    await app.waitSaved();
    expect(await fs.readFile(path.join(workspaceDir, file), 'utf8')).toBe(
      '# Review prep\n\nTyped at once. Agenda for the **review**.\n',
    );
  });
}
