/**
 * Two tabs on one note (issue 11 walkthrough): a save in tab B never reached tab A, which kept the old
 * text as clean and raised a conflict on its next keystroke. The server now tells every other page of a
 * save, so a clean tab reloads at once and a tab with unsaved edits asks, saying where the change came from.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, openApp, screenshot, test as base } from './specbenchTest.js';

const plan = '# Plan\n\nShip saved carts.\n';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-two-tabs-'));
    await fs.mkdir(path.join(root, 'Notes'));
    await fs.writeFile(path.join(root, 'Notes', 'Plan.md'), plan);
    await use(root);
    await fs.rm(root, { recursive: true, force: true });
  },
});

test('a save in one tab reloads the same clean note in another at once; with unsaved edits there it asks, naming the other window, and offers Keep both', async ({
  app,
  browser,
  served,
  workspaceDir,
}) => {
  // Two pages of the app, each loading and saving: twice the work of one.
  test.slow();
  // A context of its own, so tab A's paused clock (below) does not pause tab B's autosave.
  const context = await browser.newContext();
  const other = await openApp(await context.newPage(), served.url);
  await app.openDocument('Notes/Plan.md');
  await other.openDocument('Notes/Plan.md');

  await other.clickEndOf('Ship saved carts.');
  await other.page.keyboard.type(' By May.');
  await other.waitSaved();
  await expect(app.editor).toContainText('Ship saved carts. By May.');
  await expect(app.saveState).toHaveText('Saved');
  await expect(app.page.getByRole('alert')).toHaveCount(0);

  // Tab A's autosave waits on its clock, so its edit is still unsaved when tab B saves again.
  await app.page.clock.install();
  await app.page.clock.pauseAt(Date.now() + 1000);
  await app.clickEndOf('Ship saved carts. By May.');
  await app.page.keyboard.type(' Mine.');
  await expect(app.saveState).toHaveText('Unsaved');
  await other.clickEndOf('Ship saved carts. By May.');
  await other.page.keyboard.type(' Theirs.');
  await other.waitSaved();
  const banner = app.page.getByRole('alert').filter({ hasText: 'saved from another window of Specbench' });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button')).toHaveText(['Compare', 'Keep mine', 'Take theirs', 'Keep both']);
  await screenshot(app.page, 'two-tabs-conflict');
  await banner.getByRole('button', { name: 'Keep both' }).click();
  await expect(app.editor).toContainText('By May. Theirs.');
  await expect
    .poll(() => fs.readFile(path.join(workspaceDir, 'Notes', 'Plan (my copy).md'), 'utf8').catch(() => ''))
    .toBe('# Plan\n\nShip saved carts. By May. Mine.\n');
  expect(await fs.readFile(path.join(workspaceDir, 'Notes', 'Plan.md'), 'utf8')).toBe(
    '# Plan\n\nShip saved carts. By May. Theirs.\n',
  );
  await context.close();
});

test('after a save in another tab reloads this one, typing goes on where the caret was, not into another paragraph', async ({
  app,
  browser,
  served,
  workspaceDir,
}) => {
  test.slow();
  const file = path.join(workspaceDir, 'Notes', 'Plan.md');
  await fs.writeFile(
    file,
    '# Plan\n\n## Summary\n\nShip saved carts.\n\n## Problem\n\nShoppers retype cards.\n',
  );
  const context = await browser.newContext();
  const other = await openApp(await context.newPage(), served.url);
  await app.openDocument('Notes/Plan.md');
  await other.openDocument('Notes/Plan.md');

  await app.clickEndOf('Ship saved carts.');
  await app.page.keyboard.type(' By May.');
  await app.waitSaved();
  await expect(other.editor).toContainText('Ship saved carts. By May.');
  await other.clickEndOf('Shoppers retype cards.');
  await other.page.keyboard.type(' Every time.');
  await other.waitSaved();
  await expect(app.editor).toContainText('Shoppers retype cards. Every time.');

  await app.page.keyboard.type(' Switching now.');
  await app.waitSaved();
  expect(await fs.readFile(file, 'utf8')).toBe(
    '# Plan\n\n## Summary\n\nShip saved carts. By May. Switching now.\n\n## Problem\n\nShoppers retype cards. Every time.\n',
  );
  await context.close();
});

base(
  'two tabs of the sample spec: End in a paragraph ending with reference chips goes after its full stop, and typing after the other tab saved goes on there',
  async ({ app, browser, served, workspaceDir }) => {
    test.slow();
    const file = path.join(workspaceDir, 'specs', 'order-tracking.md');
    await app.page.setViewportSize({ width: 1024, height: 700 });
    const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
    const other = await openApp(await context.newPage(), served.url);
    await app.openDocument('specs/order-tracking.md');
    await other.openDocument('specs/order-tracking.md');
    // The paragraph wraps onto three lines at 1024 px: a user clicks its last line, on the word between the chips.
    const clickBetweenChips = async (model: typeof app) => {
      const box = await model.editor
        .locator('p', { hasText: 'Delivers' })
        .first()
        .evaluate((paragraph) => {
          const between = Array.from(paragraph.childNodes).find((node) => node.textContent === ' and ')!;
          const range = document.createRange();
          range.selectNodeContents(between);
          const { x, y, width, height } = range.getBoundingClientRect();
          return { x: x + width / 2, y: y + height / 2 };
        });
      await model.page.mouse.click(box.x, box.y);
    };

    await clickBetweenChips(app);
    await app.page.keyboard.press('End');
    await app.page.keyboard.type(' AAA-first.');
    await app.waitSaved();
    await expect(other.editor).toContainText('AAA-first.');
    await clickBetweenChips(other);
    await other.page.keyboard.press('End');
    await other.page.keyboard.type(' BBB-tabB.');
    await other.waitSaved();
    await expect(app.editor).toContainText('BBB-tabB.');

    await app.page.keyboard.type(' AAA-second.');
    await app.waitSaved();
    expect(await fs.readFile(file, 'utf8')).toContain(
      'Delivers [[RM-5]] and [[RM-6]]. AAA-first. BBB-tabB. AAA-second.\n',
    );
    await context.close();
  },
);
