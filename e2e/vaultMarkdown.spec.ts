/**
 * What a vault's notes are written with, shown as what it means: callouts and GitHub alerts as
 * boxes edited in place (the file changes by what was typed), links by name as chips that open the
 * note at the heading with a preview on hover, and embeds of images and notes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, screenshot, testOverFiles } from './specbenchTest.js';

// A 4×4 PNG (one colour), enough for the browser to decode and size.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGMwTpsJRwzEcQDrIxMhwmPP/AAAAABJRU5ErkJggg==',
  'base64',
);

const plan =
  '# Plan\n\n' +
  'Owner: [[People/Dana|Dana]] · see [[Roadmap#Q2]] and [[Nowhere yet]].\n\n' +
  '> [!note] Why now\n> Mobile traffic grew to 61 %.\n\n' +
  '> [!warning]- Open risk\n> Provider limits: 40 requests per second.\n\n' +
  '> [!IMPORTANT]\n> Legal signed off.\n\n' +
  '![[chart.png|120]]\n\n' +
  '![[Roadmap#Q2]]\n';

const vault: Record<string, string> = {
  'Plan.md': plan,
  'People/Dana.md': '# Dana\n\nRuns checkout.\n',
  'Projects/Launch.md': '---\ntags: [launch]\n---\n# Launch\n\nSoon.\n',
  'Roadmap.md': '# Roadmap\n\n## Q1\n\nSearch.\n\n## Q2\n\nGuest checkout ships in May.\n',
};

const test = testOverFiles({ ...vault, 'chart.png': png }, 'Vault');

test('callouts and alerts are boxes edited in place: the file changes by what was typed', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('Plan.md');
  const note = app.editor.getByRole('note', { name: 'Note callout' });
  await expect(note).toContainText('Why now');
  await expect(note).toContainText('Mobile traffic grew to 61 %.');
  await expect(app.editor.getByRole('note', { name: 'Important callout' })).toContainText(
    'Legal signed off.',
  );
  const warning = app.editor.getByRole('note', { name: 'Warning callout' });
  const fold = warning.getByRole('button', { name: 'Expand callout' });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(warning.getByText('Provider limits')).toBeHidden();
  await fold.click();
  await expect(warning.getByText('Provider limits')).toBeVisible();
  await expect(app.editor).not.toContainText('[!note]');
  await screenshot(app.page, 'vault-callouts');

  await note.getByText('Why now').click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.type(' and not later');
  await note.getByText('Mobile traffic grew to 61 %.').click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.type(' Desktop fell.');
  await app.waitSaved();
  expect(await fs.readFile(path.join(workspaceDir, 'Plan.md'), 'utf8')).toBe(
    plan.replace('Why now', 'Why now and not later').replace('grew to 61 %.', 'grew to 61 %. Desktop fell.'),
  );
});

test('links by name are chips that open the note at the heading, with a preview on hover', async ({
  app,
}) => {
  await app.openDocument('Plan.md');
  const owner = app.editor.locator('p', { hasText: 'Owner:' });
  await expect(owner.getByRole('link', { name: 'Dana', exact: true })).toBeVisible();
  await expect(owner.getByRole('link', { name: 'Nowhere yet' })).toBeVisible();
  const roadmap = owner.getByRole('link', { name: 'Roadmap › Q2' });
  await roadmap.hover();
  await expect(
    app.page.getByRole('tooltip').filter({ hasText: 'Guest checkout ships in May.' }),
  ).toBeVisible();
  await screenshot(app.page, 'vault-link-preview');
  await roadmap.click();
  await expect(app.page).toHaveURL(/#\/doc\/Roadmap\.md\?anchor=Q2$/);
  await expect(app.title).toHaveValue('Roadmap');
});

test('embeds show the image at its size and the note section read-only', async ({ app }) => {
  await app.openDocument('Plan.md');
  const image = app.editor.getByRole('img', { name: 'chart' });
  await expect(image).toHaveAttribute('width', '120');
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(4);
  const embedded = app.editor.getByRole('document', { name: 'Embedded from Roadmap' });
  await expect(embedded).toContainText('Guest checkout ships in May.');
  await expect(embedded).not.toContainText('Search.');
  await screenshot(app.page, 'vault-embeds');
});

test('[[ offers notes by name as well as keys, and writes the shortest name that finds the note', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('People/Dana.md');
  await app.clickEndOf('Runs checkout.');
  await app.page.keyboard.type(' Plans in [[roadm');
  const options = app.page.getByRole('listbox', { name: 'Link to' });
  await options.getByRole('option', { name: /Roadmap/ }).waitFor();
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('.');
  await expect(app.editor.getByRole('link', { name: 'Roadmap', exact: true })).toBeVisible();
  await app.waitSaved();
  expect(await fs.readFile(path.join(workspaceDir, 'People/Dana.md'), 'utf8')).toBe(
    '# Dana\n\nRuns checkout. Plans in [[Roadmap]].\n',
  );
});

test('a vault opens on its notes, listed in their folders, which fold, and filtered by tag', async ({
  app,
}) => {
  await expect(app.section('Notes')).toHaveAttribute('aria-current', 'page');
  const list = app.navigator.getByRole('list', { name: 'Notes list' });
  const people = list.getByRole('button', { name: /People/ });
  await expect(people).toHaveAttribute('aria-expanded', 'true');
  await expect(list.getByRole('link', { name: 'Dana' })).toBeVisible();
  await screenshot(app.page, 'vault-navigator');
  await people.click();
  await expect(list.getByRole('link', { name: 'Dana' })).toHaveCount(0);
  await app.navigator.getByRole('combobox', { name: 'Filter Notes by tag' }).selectOption('launch');
  await expect(list.getByRole('link')).toHaveText(['Launch']);
});

test('a folder of notes leads with its notes: the PM sections wait behind one disclosure, rows take one line', async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  const list = app.navigator.getByRole('list', { name: 'Notes list' });
  await expect(list.getByRole('link', { name: 'Plan' })).toBeInViewport();
  await expect(app.section('Specs')).toHaveCount(0);
  await expect(app.navigator.getByRole('link', { name: 'Timeline' })).toHaveCount(0);
  await expect(app.page.getByRole('button', { name: 'New spec' })).toHaveCount(0);
  // Problems and Changes concern any folder, and stay.
  await expect(app.section('Problems')).toBeVisible();
  const rows = await list
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getBoundingClientRect().height));
  expect(Math.max(...rows)).toBeLessThanOrEqual(30);
  await screenshot(app.page, 'vault-navigator-1024');

  const disclosure = app.navigator.getByRole('button', { name: 'Specs, stories and roadmap' });
  await disclosure.click();
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  await expect(app.section('Specs')).toBeVisible();
  await expect(app.navigator.getByRole('link', { name: 'Timeline' })).toBeVisible();
  await expect(app.page.getByRole('button', { name: 'New spec' })).toBeVisible();
});
