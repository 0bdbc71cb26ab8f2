/** A review thread's Copy link opens its document with the side panel on that thread, for anyone, after a reload too (issue 16). */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CommentsModel } from './models/commentsModel.js';
import { expect, openApp, serve, test } from './specbenchTest.js';

const review = `# Review comments on SPEC-1

## On REQ-4 <!-- thread t-reqfour on="REQ-4" -->

**Dana PM** · 2026-11-20T10:00:00Z <!-- comment c-one -->

Should the account offer wait until the **receipt** is shown?

## On “Forced registration” in “Problem” <!-- thread t-quote on="#problem" quote -->

> Forced registration

**Rae Reviewer** · 2026-11-22T10:00:00Z <!-- comment c-three -->

Which study says so?

## On REQ-2 <!-- thread t-settled on="REQ-2" -->

**Dana PM** · 2026-11-23T10:00:00Z <!-- comment c-four -->

Is the confirmation email enough?

**Rae Reviewer** · 2026-11-24T10:00:00Z · resolved <!-- comment c-five -->
`;

test('a thread’s Copy link opens the document on that thread in a fresh browser, after a reload and in a narrow window', async ({
  browser,
  workspaceDir,
}) => {
  test.setTimeout(60_000);
  await fs.mkdir(path.join(workspaceDir, 'reviews'), { recursive: true });
  await fs.writeFile(path.join(workspaceDir, 'reviews', 'SPEC-1.md'), review);
  // Started on the folder as the team shares it: the review file is there from the start.
  const served = await serve(workspaceDir);
  const sender = await browser.newContext();
  const receiver = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  try {
    await sender.grantPermissions(['clipboard-read', 'clipboard-write']);
    const from = await openApp(await sender.newPage(), served.url);
    await from.goto('#/comments');
    const copy = from.page.getByRole('button', {
      name: 'Copy link to the thread on “Forced registration” in “Problem”',
    });
    await copy.click();
    await expect(copy).toHaveText('Link copied');
    const link = await from.page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#\/SPEC-1#problem\?thread=t-quote$/);

    // The receiver has never opened the Comments page: the address alone opens the thread, in the drawer.
    const page = await receiver.newPage();
    await openApp(page, served.url);
    await page.goto(link);
    await page.locator('body[data-ready=true]').waitFor();
    const comments = new CommentsModel(page);
    await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Guest checkout');
    await expect(comments.tab).toHaveAttribute('aria-selected', 'true');
    const thread = comments.thread('“Forced registration” in “Problem”');
    await expect(thread).toBeInViewport();
    await expect(thread).toContainText('Which study says so?');
    await page.reload();
    await page.locator('body[data-ready=true]').waitFor();
    await expect(comments.thread('“Forced registration” in “Problem”')).toBeInViewport();
    await page.screenshot({ path: 'test-results/screenshots/shared-thread-link-1024.png' });
  } finally {
    await sender.close();
    await receiver.close();
    served.process.kill('SIGTERM');
  }
});

test('a resolved thread’s link shows that thread, resolved, with the others still folded; each thread in the panel has its Copy link', async ({
  browser,
  workspaceDir,
}) => {
  await fs.mkdir(path.join(workspaceDir, 'reviews'), { recursive: true });
  await fs.writeFile(path.join(workspaceDir, 'reviews', 'SPEC-1.md'), review);
  const served = await serve(workspaceDir);
  const context = await browser.newContext();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const app = await openApp(await context.newPage(), served.url);
    await app.goto('#/SPEC-1#REQ-2?thread=t-settled');
    const comments = new CommentsModel(app.page);
    const settled = comments.thread('REQ-2');
    await expect(settled).toBeInViewport();
    await expect(settled).toContainText('Resolved');
    await expect(settled).toContainText('Is the confirmation email enough?');
    // Only the linked one is unfolded: there is no other resolved thread to show.
    await expect(app.page.getByRole('button', { name: /resolved thread/ })).toHaveCount(0);
    await expect(comments.thread('REQ-4')).toBeVisible();

    const copy = settled.getByRole('button', { name: 'Copy link to the thread on REQ-2' });
    await copy.click();
    await expect(copy).toHaveText('Link copied');
    expect(await app.page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /#\/SPEC-1#REQ-2\?thread=t-settled$/,
    );
    await app.page.screenshot({ path: 'test-results/screenshots/resolved-thread-link.png' });
  } finally {
    await context.close();
    served.process.kill('SIGTERM');
  }
});
