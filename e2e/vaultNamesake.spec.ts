/**
 * A new namesake never changes what [[Name]] links mean silently (issue 11): renaming a root-level note
 * to "Plan" while `Notes/Plan.md` is linked as [[Plan]] says which links the new note takes, keeps them
 * pointing at `Notes/Plan.md` on request (written `[[Notes/Plan]]`, nothing else in the files
 * changed), and Undo writes them back.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshot, test as base } from './specbenchTest.js';

const vault: Record<string, string> = {
  'Notes/Plan.md': '# Goals\n\nShip it.\n',
  'Home.md': 'Read [[Plan]] and [[Plan#Goals|the goals]].\n',
  'Notes/Week.md': '# Week\n\nPer [[Plan]].\n',
  'Draft.md': '# Draft\n\nA plan of its own.\n',
};

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-namesake-'));
    for (const [file, text] of Object.entries(vault)) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await fs.writeFile(path.join(root, file), text);
    }
    await use(root);
    await fs.rm(root, { recursive: true, force: true });
  },
});

test('a rename that makes a name shared says which [[links]] it takes, pins them on request, and Undo puts them back', async ({
  app,
  workspaceDir,
}) => {
  const read = async () => ({
    home: await fs.readFile(path.join(workspaceDir, 'Home.md'), 'utf8'),
    week: await fs.readFile(path.join(workspaceDir, 'Notes/Week.md'), 'utf8'),
  });
  await app.openDocument('Draft.md');
  await app.title.fill('Plan');
  await app.title.press('Enter');
  await expect(app.page).toHaveURL(/#\/doc\/Plan\.md$/);
  const notice = app.page.getByRole('status', { name: 'Notice' });
  await expect(notice).toContainText(
    '2 notes are named Plan; [[Plan]] links in 2 notes now lead to Plan.md.',
  );
  await screenshot(app.page, 'vault-namesake-notice');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app.page, 'vault-namesake-notice-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });
  await notice.getByRole('button', { name: 'Keep them pointing at Notes/Plan.md' }).click();
  await expect(notice).toContainText('3 links in 2 notes now name Notes/Plan.md by its path.');
  expect(await read()).toEqual({
    home: vault['Home.md']!.replaceAll('[[Plan', '[[Notes/Plan'),
    week: vault['Notes/Week.md']!.replace('[[Plan]]', '[[Notes/Plan]]'),
  });
  // The Links panel and check agree with the notice: the links lead to Notes/Plan.md, none ambiguous.
  await app.openDocument('Notes/Plan.md');
  await expect(app.links.getByRole('region', { name: 'Mentioned by' }).getByRole('listitem')).toHaveCount(2);
  await app.openDocument('Plan.md');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toContainText('[[Plan]] links are as they were.');
  expect(await read()).toEqual({ home: vault['Home.md'], week: vault['Notes/Week.md'] });
});

test('a new spec named like a note as deep says the [[links]] are now ambiguous, as check does', async ({
  app,
}) => {
  await app.openDocument('Home.md');
  await app.navigator.getByRole('button', { name: 'Specs, stories and roadmap' }).click();
  await app.createDocument('New spec', 'Plan');
  await app.title.press('Enter');
  const notice = app.page.getByRole('status', { name: 'Notice' });
  await expect(notice).toContainText(
    '2 notes are named Plan; [[Plan]] links in 2 notes are now ambiguous and open Notes/Plan.md, the first by path.',
  );
  await notice.getByRole('button', { name: 'Close notice' }).click();
  await app.openDocument('Home.md');
  await expect(app.editor.getByRole('link', { name: 'Plan', exact: true }).locator('..')).toHaveClass(
    /\bambiguous\b/,
  );
});
