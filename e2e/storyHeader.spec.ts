/** The story editor's header: Depends on as key chips with titles, Design as links, both edited in the file's own list style (issue 16, re-check finding E). */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, screenshot, test } from './specbenchTest.js';

const story = 'stories/create-account-after-order.md';

test('the story header shows Depends on and Design as chips and links, edits them minimally, and the Links panel lists dependencies both ways', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, story);
  const before = await fs.readFile(file, 'utf8');
  await app.openDocument(story);
  const page = app.page;
  const depends = page.getByRole('group', { name: 'Depends on' });
  await expect(depends).toContainText('STORY-1');
  await expect(depends).toContainText('REQ-2');
  await expect(depends).not.toContainText('[');
  const design = page.getByRole('group', { name: 'Design' });
  const receipt = design.getByRole('link', { name: /^Receipt page with the password field \(Figma\)/ });
  await expect(receipt).toHaveAttribute('href', 'https://www.figma.com/file/acme-receipt/account-offer');
  await expect(receipt).toHaveAttribute('target', '_blank');
  await expect(receipt).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.getByText('["STORY-1","REQ-2"]')).toHaveCount(0);

  const links = app.links.getByRole('region', { name: 'Depends on' });
  await expect(links.getByRole('link', { name: /STORY-1/ })).toBeVisible();
  await expect(links.getByRole('link', { name: /REQ-2/ })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(
      page,
      scheme === 'light' ? 'story-header-depends-design' : 'story-header-depends-design-dark',
    );
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // A web address only; a javascript: one is refused with one line and nothing is written.
  const add = design.getByRole('textbox', { name: 'Add a design link' });
  await add.fill('javascript:alert(1)');
  await add.press('Enter');
  await expect(design.getByRole('alert')).toHaveText('The address must start with http:// or https://.');
  expect(await fs.readFile(file, 'utf8')).toBe(before);

  await add.fill('[Error states](https://example.com/errors)');
  await add.press('Enter');
  await expect(design.getByRole('link', { name: /^Error states/ })).toBeVisible();
  await app.waitSaved();
  let text = await fs.readFile(file, 'utf8');
  // The block list stays a block list, its first entry untouched; the flow list beside it too.
  expect(text).toBe(
    before.replace(
      '/account-offer)"\n',
      '/account-offer)"\n  - "[Error states](https://example.com/errors)"\n',
    ),
  );

  await app.pickKey('Add to Depends on', 'STORY-2');
  await expect(depends.locator('.chip', { hasText: 'STORY-2' })).toBeVisible();
  await app.waitSaved();
  text = await fs.readFile(file, 'utf8');
  expect(text).toContain('depends: [STORY-1, REQ-2, STORY-2]\n');
  await depends.getByRole('button', { name: 'Remove STORY-2 from Depends on' }).click();
  await app.waitSaved();
  await expect.poll(() => fs.readFile(file, 'utf8')).toContain('depends: [STORY-1, REQ-2]\n');

  // What waits for a story shows on the story it waits for.
  await links.getByRole('link', { name: /STORY-1/ }).click();
  await expect(app.title).toHaveValue(/./);
  const neededBy = app.links.getByRole('region', { name: 'Needed by' });
  await expect(neededBy.getByRole('link', { name: /STORY-4/ })).toBeVisible();
});

test('a key the workspace does not have is marked missing in the header', async ({ app, workspaceDir }) => {
  const file = path.join(workspaceDir, story);
  const text = await fs.readFile(file, 'utf8');
  await fs.writeFile(file, text.replace('depends: [STORY-1, REQ-2]', 'depends: [STORY-1, STORY-99]'));
  await app.openDocument(story);
  const missing = app.page
    .getByRole('group', { name: 'Depends on' })
    .locator('.chip', { hasText: 'STORY-99' });
  await expect(missing).toContainText('not in this workspace');
  await expect(missing).toHaveClass(/broken/);
});
