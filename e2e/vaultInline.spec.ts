/**
 * The rest of what vault notes are written with, shown as what it means and edited as typed:
 * ==highlights==, #tags, %%comments%%, $math$ and $$ blocks, footnotes, and HTML blocks rendered safely.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshot, test as base } from './specbenchTest.js';

const idea = "# Saved carts\n\nKeep a guest's cart for 30 days.\n";

const note =
  '# Research\n\n' +
  'Guests ==drop off== at sign-up #checkout %%ask Ravi%% and pay $x^2$ more[^1].\n\n' +
  '$$\n\\sum_{i=1}^{n} x_i\n$$\n\n' +
  '<div align="center"><b>Bold claim</b> <img src="x" onerror="alert(1)"> ' +
  '<img src="img/chart.png" alt="Chart"> <img src="https://example.com/t.png" alt="tracker"></div>\n\n' +
  'Carts expire after a month[^expiry].\n\n' +
  '[^1]: From the March funnel report.\n\n' +
  '[^expiry]: Legal asked for 30 days.\n\n' +
  'See [the guide][guide].\n\n' +
  '[guide]: https://example.com/guide "Guide"\n';

/** A 1×1 PNG. */
const pixel =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-vault-inline-'));
    const root = path.join(parent, 'Vault');
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'Research.md'), note);
    await fs.writeFile(path.join(root, 'Saved carts.md'), idea);
    await fs.mkdir(path.join(root, 'img'));
    await fs.writeFile(path.join(root, 'img', 'chart.png'), Buffer.from(pixel, 'base64'));
    await use(root);
    await fs.rm(parent, { recursive: true, force: true });
  },
});

test('highlights, tags, comments, math, footnotes and HTML show as what they mean', async ({ app }) => {
  await app.openDocument('Research.md');
  await expect(app.editor.locator('.md-highlight')).toHaveText('drop off');
  await expect(app.editor.locator('.md-tag')).toHaveText('#checkout');
  await expect(app.editor.locator('.md-comment')).toHaveText('%%ask Ravi%%');
  await expect(app.editor.locator('.md-math math')).toHaveCount(1);
  await expect(app.editor.locator('.md-math-block math[display="block"]')).toHaveCount(1);
  const footnote = app.editor.getByLabel('Footnote 1', { exact: true });
  await footnote.hover();
  await expect(footnote.getByRole('tooltip')).toHaveText('From the March funnel report.');
  // A footnote with a label shows its number in the order of first reference, as GitHub shows it.
  const labelled = app.editor.getByLabel('Footnote 2', { exact: true });
  await expect(labelled.locator('sup')).toHaveText('2');
  await labelled.hover();
  await expect(labelled.getByRole('tooltip')).toHaveText('Legal asked for 30 days.');
  await expect(app.editor.locator('.footnote-definition sup')).toHaveText(['1', '2']);
  await expect(app.editor.getByText('Bold claim')).toBeVisible();
  const images = app.editor.locator('.md-html-block img');
  await expect(images).toHaveCount(3);
  for (const image of await images.all()) await expect(image).not.toHaveAttribute('onerror');
  // A workspace image loads relative to the note, as a Markdown image does; a remote one is not fetched.
  const chart = app.editor.getByRole('img', { name: 'Chart' });
  await expect(chart).toHaveAttribute('src', 'workspace-assets/img/chart.png');
  await expect.poll(() => chart.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1);
  await expect(app.editor.locator('.md-html-block img[alt="tracker"]')).not.toHaveAttribute('src');
  await expect(app.editor.getByRole('definition')).toHaveText('https://example.com/guide');
  await expect(app.editor.getByText('the guide', { exact: true })).toHaveAttribute(
    'title',
    'https://example.com/guide',
  );
  await expect(app.editor.getByRole('textbox', { name: 'Markdown source kept as written' })).toHaveCount(0);
  await screenshot(app.page, 'vault-inline');
});

test('typing in a highlight and editing math change the file by exactly that', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('Research.md');
  await app.editor.locator('.md-highlight').click();
  await app.page.keyboard.press('End');
  await app.selectText('drop off');
  await app.page.keyboard.press('ArrowRight');
  await app.page.keyboard.type(' quickly');
  await app.waitSaved();
  await app.editor.locator('.md-math').click();
  const source = app.editor.getByRole('textbox', { name: 'Math source' });
  await expect(source).toHaveValue('$x^2$');
  await source.fill('$x^3$');
  await source.press('Enter');
  await expect(app.editor.locator('.md-math')).toHaveAttribute('title', '$x^3$');
  await app.waitSaved();
  expect(await fs.readFile(path.join(workspaceDir, 'Research.md'), 'utf8')).toBe(
    note.replace('==drop off==', '==drop off quickly==').replace('$x^2$', '$x^3$'),
  );
});

test('Make this a spec adds a key and the type to the front matter and changes nothing else', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('Saved carts.md');
  await screenshot(app.page, 'vault-make-spec');
  await app.page.getByRole('button', { name: 'Make this a spec' }).click();
  await app.waitSaved();
  await expect(app.page.getByRole('button', { name: 'Make this a spec', exact: true })).toHaveCount(0);
  await expect(app.section('Specs')).toHaveAccessibleName(/Specs\s*1/);
  expect(await fs.readFile(path.join(workspaceDir, 'Saved carts.md'), 'utf8')).toBe(
    `---\nkey: SPEC-1\ntype: spec\n---\n${idea}`,
  );
});
