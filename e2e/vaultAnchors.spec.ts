/**
 * Links into a place in a note (`[[#Heading]]`, `[[Note#Heading]]`, `[x](#heading)`,
 * `[x](other.md#heading)`, `[[Note#^block]]`) open the note scrolled to that heading or block, marked
 * a moment; the address names the place, so a reload opens there again.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test as base } from './specbenchTest.js';

const filler = (topic: string) =>
  Array.from({ length: 30 }, (_, index) => `${topic} paragraph ${index + 1} says a little more.`).join(
    '\n\n',
  );

const guide =
  '# Guide\n\n' +
  'Jump to [[#Limits]] or [the setup](#setup-steps).\n\n' +
  `${filler('Intro')}\n\n` +
  '## Setup steps\n\n' +
  `${filler('Setup')}\n\n` +
  '## Limits\n\n' +
  'Forty requests per second. ^rate\n\n' +
  `${filler('Limits')}\n`;

const index =
  '# Index\n\n' + 'See [[Guide#Setup steps]], [the limits](Guide.md#limits) and [[Guide#^rate|the rate]].\n';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-anchors-'));
    const root = path.join(parent, 'Vault');
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'Guide.md'), guide);
    await fs.writeFile(path.join(root, 'Index.md'), index);
    await use(root);
    await fs.rm(parent, { recursive: true, force: true });
  },
});

/** The place a link opened at: on screen and marked as the jump's target. */
async function expectOpenedAt(target: Locator): Promise<void> {
  await expect(target).toBeInViewport();
  await expect(target).toHaveClass(/\banchor-target\b/);
}

test('links into another note open it at the heading or block, and the address keeps the place', async ({
  app,
}) => {
  await app.openDocument('Index.md');
  await app.editor.getByRole('link', { name: 'Guide › Setup steps' }).click();
  await expect(app.page).toHaveURL(/#\/doc\/Guide\.md\?anchor=Setup%20steps$/);
  const setup = app.editor.getByRole('heading', { name: 'Setup steps' });
  await expectOpenedAt(setup);

  await app.page.goBack();
  await expect(app.title).toHaveValue('Index');
  await app.editor.getByRole('link', { name: 'the limits' }).click();
  await expect(app.page).toHaveURL(/#\/doc\/Guide\.md\?anchor=limits$/);
  await expectOpenedAt(app.editor.getByRole('heading', { name: 'Limits' }));

  await app.page.goBack();
  await expect(app.title).toHaveValue('Index');
  await app.editor.getByRole('link', { name: 'the rate' }).click();
  await expect(app.page).toHaveURL(/#\/doc\/Guide\.md\?anchor=%5Erate$/);
  await expectOpenedAt(app.editor.locator('p').filter({ hasText: /^Forty requests per second\./ }));

  // A deep link survives a reload: the note opens at the block again.
  await app.page.reload();
  await app.page.locator('body[data-ready=true]').waitFor();
  await expectOpenedAt(app.editor.locator('p').filter({ hasText: /^Forty requests per second\./ }));
});

test('links to headings of the same note scroll to them, every time they are clicked', async ({ app }) => {
  await app.page.emulateMedia({ reducedMotion: 'reduce' });
  await app.openDocument('Guide.md');
  // The note's own heading, not the one in the [[#Limits]] link's hover preview.
  const limits = app.editor
    .getByRole('heading', { name: 'Limits' })
    .and(app.page.locator(':not(.link-preview *)'));
  await expect(limits).not.toBeInViewport();
  await app.editor.getByRole('link', { name: 'Limits', exact: true }).click();
  await expect(app.page).toHaveURL(/#\/doc\/Guide\.md\?anchor=Limits$/);
  await expectOpenedAt(limits);
  // Without motion the mark does not fade: it stays until it is taken away.
  await expect(limits).toHaveCSS('animation-name', 'none');

  // The same link again, the address unchanged: it scrolls there again.
  const jump = app.editor.getByRole('link', { name: 'Limits', exact: true });
  await jump.scrollIntoViewIfNeeded();
  await expect(limits).not.toBeInViewport();
  await jump.click();
  await expectOpenedAt(limits);

  await app.editor.getByRole('link', { name: 'the setup' }).click();
  await expect(app.page).toHaveURL(/#\/doc\/Guide\.md\?anchor=setup-steps$/);
  await expectOpenedAt(app.editor.getByRole('heading', { name: 'Setup steps' }));
});
