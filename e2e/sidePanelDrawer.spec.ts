import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CommentsModel } from './models/commentsModel.js';
import { violations } from './axeViolations.js';
import { expect, openApp, screenshot, serve, test } from './specbenchTest.js';

test('at 1024×700 a reviewer on serve --comments opens Links and Comments as a drawer: Comment writes there, Escape closes it', async ({
  workspaceDir,
  page,
}) => {
  test.setTimeout(60_000);
  const served = await serve(workspaceDir, 'comments');
  try {
    await page.setViewportSize({ width: 1024, height: 700 });
    const app = await openApp(page, served.url);
    const comments = new CommentsModel(page);
    await app.goto('#/SPEC-1');
    const drawer = page.getByRole('complementary', { name: 'Document panels' });
    const toggle = page.getByRole('button', { name: /^Links & comments/ });
    await expect(drawer).toBeHidden();

    // Comment on a requirement opens the drawer with the new thread's form.
    await page.getByRole('button', { name: 'Comment on REQ-1' }).click();
    await expect(drawer).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await comments.startThread('REQ-1', 'Is one email enough?', 'Lee Reviewer');
    await expect(comments.thread('REQ-1')).toContainText('Lee Reviewer');
    await expect(comments.thread('REQ-1')).toContainText('Is one email enough?');
    await screenshot(page, 'side-panel-drawer-light-1024');
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'side-panel-drawer-dark-1024');
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // Escape closes it, though posting the thread left the focus on the page; the toggle (badge: one
    // open thread) opens it with the focus inside; Escape gives the focus back.
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(toggle).toHaveText('Links & comments1');
    await toggle.click();
    await expect(drawer).toBeVisible();
    await expect(comments.tab).toBeFocused();
    await expect(comments.thread('REQ-1')).toContainText('Is one email enough?');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(toggle).toBeFocused();

    // The shortcut listed under ? does the same.
    await page.keyboard.press('Control+Shift+L');
    await expect(drawer).toBeVisible();
    await page.keyboard.press('Control+Shift+L');
    await expect(drawer).toBeHidden();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
      'Show or hide Links and Comments',
    );
    await page.keyboard.press('Escape');

    // A reply typed but not sent goes with Resolve, whose label says so; nothing typed is lost.
    await toggle.click();
    const thread = comments.thread('REQ-1');
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await thread.getByRole('textbox', { name: /^Reply to/ }).fill('One is enough, says legal.');
    await thread.getByRole('button', { name: 'Reply and resolve' }).click();
    await expect(drawer.getByRole('button', { name: 'Show 1 resolved thread' })).toBeVisible();
    const review = await fs.readFile(path.join(workspaceDir, 'reviews', 'SPEC-1.md'), 'utf8');
    expect(review).toContain('One is enough, says legal.');
    expect(review.indexOf('One is enough, says legal.')).toBeLessThan(review.lastIndexOf('resolved'));
    // The focus fell to the page with the thread: Escape still closes the drawer.
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  } finally {
    served.process.kill('SIGTERM');
  }
});

test('at 1024×700 the drawer leaves the editor’s toolbar usable; at 1440×900 the panel stays a column without a toggle', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await app.openDocument('specs/guest-checkout.md');
  const drawer = page.getByRole('complementary', { name: 'Document panels' });
  await page.getByRole('button', { name: /^Links & comments/ }).click();
  await expect(drawer).toBeVisible();
  // A click on the toolbar's right end lands on Insert requirement, not on the drawer.
  await page.getByRole('button', { name: 'Insert requirement' }).click({ trial: true });
  await screenshot(page, 'side-panel-drawer-editor-1024');
  await page.getByRole('button', { name: 'Close Links and Comments' }).click();
  await expect(drawer).toBeHidden();

  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(drawer).toBeVisible();
  await expect(page.getByRole('button', { name: /^Links & comments/ })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close Links and Comments' })).toBeHidden();
});
