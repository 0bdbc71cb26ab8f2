/**
 * Repository docs and vault notes as their owners read them on GitHub and in Obsidian: a `<details>`
 * block folds and its body edits as rich text; hovering a link by name previews the note rendered;
 * a link into a heading (inline code and all) or a block opens it at the top of the editor, marked.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test as base } from './specbenchTest.js';

const filler = (topic: string) =>
  Array.from({ length: 24 }, (_, index) => `${topic} paragraph ${index + 1} says a little more.`).join(
    '\n\n',
  );

const cli =
  '# CLI\n\n' +
  'The command line, **for scripts** and for people.\n\n' +
  '- `specbench check` finds problems\n- `specbench export` prints\n\n' +
  '<details>\n<summary>Exit codes</summary>\n\n' +
  'Zero when **clean**, one when a rule at error level fires.\n\n' +
  '</details>\n\n' +
  `${filler('Intro')}\n\n` +
  '## The `--json` flag\n\n' +
  'Prints findings as JSON.\n\n' +
  `${filler('Json')}\n\n` +
  '## Formats\n\n' +
  '- PDF\n- HTML\n- Markdown\n\n' +
  '^formats\n\n' +
  `${filler('Formats')}\n`;

const notes = '# Notes\n\nRead [[CLI]], then [[CLI#The --json flag]] and [[CLI#^formats|the formats]].\n';

// Markdown links as a repository's docs and an Obsidian vault write them: relative, and from the site root.
// The paragraph is long enough that its last link starts near the editor's right edge at 1440.
const start =
  '# Start\n\nRead [the flag](../CLI.md#the---json-flag) and [the tool](/docs/CLI.md).\n\n' +
  'A line long enough to carry the last link to the right edge of the editor, word after word, ' +
  'and a few more words here so that the end of it wraps past the middle to [[CLI]]\n';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-preview-'));
    const root = path.join(parent, 'docs');
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'CLI.md'), cli);
    await fs.writeFile(path.join(root, 'Notes.md'), notes);
    await fs.mkdir(path.join(root, 'guide'));
    await fs.writeFile(path.join(root, 'guide', 'Start.md'), start);
    await use(root);
    await fs.rm(parent, { recursive: true, force: true });
  },
});

/** Where `target` sits: just below the editor's sticky toolbar, on screen, and marked as the jump's target. */
async function expectAtTop(page: Page, target: Locator): Promise<void> {
  await expect(target).toHaveClass(/\banchor-target\b/);
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await expect
    .poll(async () => {
      const bar = await toolbar.boundingBox();
      const box = await target.boundingBox();
      return bar && box ? Math.round(box.y - (bar.y + bar.height)) : undefined;
    })
    .toBeGreaterThanOrEqual(0);
  const bar = (await toolbar.boundingBox())!;
  const box = (await target.boundingBox())!;
  expect(box.y - (bar.y + bar.height)).toBeLessThan(40);
}

test('a <details> block folds like GitHub’s and its body edits as rich text, the file changed by the edit only', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('CLI.md');
  const details = app.editor.getByRole('group', { name: 'Details: Exit codes' });
  await expect(details).toBeVisible();
  await expect(app.editor).not.toContainText('<summary>');
  const body = details.getByText('Zero when');
  await expect(body).toBeHidden();
  await details.getByRole('button', { name: 'Expand Exit codes' }).click();
  await expect(body).toBeVisible();
  await expect(details.locator('strong', { hasText: 'clean' })).toBeVisible();
  await screenshot(app.page, 'vault-details');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app.page, 'vault-details-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });

  await app.clickEndOf('one when a rule at error level fires.');
  await app.page.keyboard.type(' Two on bad usage.');
  await app.waitSaved();
  expect(await fs.readFile(path.join(workspaceDir, 'CLI.md'), 'utf8')).toBe(
    cli.replace('error level fires.', 'error level fires. Two on bad usage.'),
  );
});

test('hovering a link by name previews the note rendered as in the editor, read-only', async ({ app }) => {
  await app.openDocument('Notes.md');
  await app.editor.getByRole('link', { name: 'CLI', exact: true }).hover();
  const preview = app.page.getByRole('tooltip').getByRole('document', { name: 'Preview of CLI' });
  await expect(preview.locator('strong', { hasText: 'for scripts' })).toBeVisible();
  await expect(preview.getByRole('listitem').first()).toContainText('specbench check finds problems');
  await expect(preview.locator('code', { hasText: 'specbench check' })).toBeVisible();
  await expect(preview).not.toContainText('**');
  await expect(preview).toHaveAttribute('contenteditable', 'false');
  await screenshot(app.page, 'vault-link-preview-rendered');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app.page, 'vault-link-preview-rendered-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });

  // A link into a heading previews that heading's section.
  await app.editor.getByRole('link', { name: 'CLI › The --json flag' }).hover();
  const section = app.page.getByRole('tooltip').getByRole('document', { name: 'Preview of CLI' }).last();
  await expect(section).toContainText('Prints findings as JSON.');
  await expect(section).not.toContainText('for scripts');
});

test('hovering a relative or a site-root Markdown link previews the note as a link by name does', async ({
  app,
}) => {
  await app.openDocument('guide/Start.md');
  await app.editor.getByRole('link', { name: 'the flag' }).hover();
  const section = app.page.getByRole('tooltip').getByRole('document', { name: 'Preview of CLI' });
  await expect(section).toContainText('Prints findings as JSON.');
  await expect(section).not.toContainText('for scripts');
  await expect(app.page.getByRole('tooltip')).toContainText('CLI.md');
  await screenshot(app.page, 'vault-markdown-link-preview');

  await app.editor.getByRole('heading', { name: 'Start' }).hover();
  await expect(app.page.getByRole('tooltip')).toHaveCount(0);
  await app.editor.getByRole('link', { name: 'the tool' }).hover();
  const whole = app.page.getByRole('tooltip').getByRole('document', { name: 'Preview of CLI' });
  await expect(whole.locator('strong', { hasText: 'for scripts' })).toBeVisible();
});

test('a preview from a link at the right end of a line stays whole, over the Links panel', async ({
  app,
}) => {
  await app.openDocument('guide/Start.md');
  const link = app.editor.locator('.wiki-link').last();
  const pane = (await app.page.locator('.editor-surface').boundingBox())!;
  // The case that was clipped: a preview from the link's left edge would pass the editor's right edge.
  expect((await link.boundingBox())!.x + 360).toBeGreaterThan(pane.x + pane.width);
  await link.hover();
  const tooltip = link.getByRole('tooltip');
  await expect(tooltip.getByRole('document', { name: 'Preview of CLI' })).toBeVisible();
  const box = (await tooltip.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(app.page.viewportSize()!.width);
  // Its right edge is the preview's own, not the panel's: nothing clips it or covers it.
  const onTop = await app.page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="tooltip"]') !== null,
    { x: box.x + box.width - 6, y: box.y + 20 },
  );
  expect(onTop).toBe(true);
  await screenshot(app.page, 'vault-link-preview-right-edge');
});

test('a link into a heading with code or into a block opens it at the top of the editor, marked, also after a reload', async ({
  app,
}) => {
  // Three opens and a reload: on a loaded two-core machine this takes longer than one open.
  test.slow();
  await app.page.emulateMedia({ reducedMotion: 'reduce' });
  await app.openDocument('Notes.md');
  await expect(app.editor.getByRole('link', { name: 'CLI › The --json flag' })).not.toHaveClass(/broken/);
  await app.editor.getByRole('link', { name: 'CLI › The --json flag' }).click();
  await expect(app.page).toHaveURL(/#\/doc\/CLI\.md\?anchor=The%20--json%20flag$/);
  await expectAtTop(app.page, app.editor.getByRole('heading', { name: 'The --json flag' }));
  await screenshot(app.page, 'vault-heading-opened');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app.page, 'vault-heading-opened-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });

  await app.page.goBack();
  await expect(app.title).toHaveValue('Notes');
  await app.editor.getByRole('link', { name: 'the formats' }).click();
  await expect(app.page).toHaveURL(/#\/doc\/CLI\.md\?anchor=%5Eformats$/);
  // The id alone under a list names the list, as in Obsidian.
  const formats = app.editor.getByRole('list').filter({ hasText: 'Markdown' });
  await expectAtTop(app.page, formats);

  await app.page.reload();
  await app.page.locator('body[data-ready=true]').waitFor();
  await expectAtTop(app.page, app.editor.getByRole('list').filter({ hasText: 'Markdown' }));
});
