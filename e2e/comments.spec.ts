import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CommentsModel } from './models/commentsModel.js';
import { expect, git, openApp, screenshot, serve, test } from './specbenchTest.js';

test('a PM comments on a requirement, a reviewer on serve --comments replies and comments on text, and the PM resolves', async ({
  app,
  workspaceDir,
  browser,
}) => {
  // Two servers and two browsers: the PM's and the reviewer's.
  test.setTimeout(90_000);
  const pm = new CommentsModel(app.page);
  await app.openDocument('specs/guest-checkout.md');
  await app.page.getByRole('button', { name: 'Comment on REQ-1' }).click();
  // The first time, the cursor starts in the name (posting without one was refused).
  await expect(pm.panel.getByRole('textbox', { name: 'Your name' })).toBeFocused();
  await pm.startThread('REQ-1', 'Should a guest confirm the email twice?', 'Dana PM');
  await expect(pm.thread('REQ-1')).toContainText('Dana PM');
  await expect(pm.tab).toHaveText('Comments1');

  // A reviewer who may not edit the specs opens the same folder on a read-only server with --comments.
  const reviewerServer = await serve(workspaceDir, 'comments');
  const context = await browser.newContext();
  try {
    const reviewerApp = await openApp(await context.newPage(), reviewerServer.url);
    const reviewer = new CommentsModel(reviewerApp.page);
    await reviewerApp.goto('#/doc/specs/guest-checkout.md');
    await expect(reviewerApp.page.getByText('Read-only · comments on', { exact: true })).toBeVisible();
    await reviewer.open();
    await reviewer.reply('REQ-1', 'Once is enough; show it back on the receipt.', 'Rae Reviewer');
    await reviewerApp.selectText('Forced registration');
    // Ctrl+Alt+M puts the cursor in the new comment: what is typed next goes there, not into the page.
    await reviewerApp.page.keyboard.press('Control+Alt+KeyM');
    const quoted = '“Forced registration” in “Problem”';
    const box = reviewer.panel.getByRole('textbox', { name: `Comment on ${quoted}` });
    await expect(box).toBeFocused();
    await reviewerApp.page.keyboard.type('Which study says so?');
    await expect(box).toHaveValue('Which study says so?');
    await reviewer.startThread(quoted, 'Which study says so?');
    await expect(reviewer.thread(quoted).getByRole('blockquote')).toHaveText('Forced registration');

    // The PM's open tab hears about both from the file on disk, without a reload.
    await expect(pm.thread('REQ-1')).toContainText('Once is enough; show it back on the receipt.');
    await expect(pm.tab).toHaveText('Comments2');
    await pm.thread('REQ-1').getByRole('button', { name: 'Resolve' }).click();
    await expect(pm.thread('REQ-1')).toBeHidden();
    await expect(pm.tab).toHaveText('Comments1');
    await expect(reviewer.thread('REQ-1')).toBeHidden();

    // The navigator narrows the list to documents with open comments.
    await app.page.getByRole('button', { name: /^Comments\s*1$/ }).click();
    await expect(app.page.getByRole('list', { name: 'Specs list' }).getByRole('link')).toHaveText([
      /Guest checkout/,
    ]);
    await pm.panel.getByRole('button', { name: 'Show 1 resolved thread' }).click();
    await expect(pm.thread('REQ-1')).toContainText('Resolved by Dana PM');
    await app.page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(app.page, 'comment-thread');
  } finally {
    await context.close();
    reviewerServer.process.kill('SIGTERM');
  }

  // Everything is in one readable file; no spec was touched.
  expect(git(workspaceDir, 'status', '--porcelain')).toBe('?? reviews/\n');
  const review = await fs.readFile(path.join(workspaceDir, 'reviews/SPEC-1.md'), 'utf8');
  expect(review.match(/^\*\*[^*]+\*\*/gm)).toEqual([
    '**Dana PM**',
    '**Rae Reviewer**',
    '**Dana PM**',
    '**Rae Reviewer**',
  ]);
});

test('on a serve --comments every fresh browser is asked its name: the server machine’s git user is never offered', async ({
  workspaceDir,
  browser,
}) => {
  git(workspaceDir, 'config', 'user.name', 'Owner Olga');
  git(workspaceDir, 'config', 'user.email', 'olga@owner.example');
  const server = await serve(workspaceDir, 'comments');
  const contexts = [await browser.newContext(), await browser.newContext()];
  try {
    const [first, second] = await Promise.all(
      contexts.map(async (context) => {
        const reviewerApp = await openApp(await context.newPage(), server.url);
        await reviewerApp.goto('#/doc/specs/guest-checkout.md');
        return { app: reviewerApp, comments: new CommentsModel(reviewerApp.page) };
      }),
    );
    await first!.app.page.getByRole('button', { name: 'Comment on REQ-1' }).click();
    await expect(first!.comments.panel.getByRole('textbox', { name: 'Your name' })).toBeFocused();
    await expect(first!.comments.panel).not.toContainText('Owner Olga');
    await first!.comments.startThread('REQ-1', 'Why email?', 'Rita Reviewer');
    // A second browser, signed in with the same link, knows nobody yet: it asks too.
    await second!.comments.open();
    const thread = second!.comments.thread('REQ-1');
    await expect(thread).toContainText('Rita Reviewer');
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(thread.getByRole('textbox', { name: 'Your name' })).toBeVisible();
    await expect(second!.comments.panel).not.toContainText('Owner Olga');
    await second!.comments.reply('REQ-1', 'For receipts.', 'Sam Second');
    // The first browser keeps its own name.
    await first!.app.page.reload();
    await first!.comments.open();
    await first!.comments.thread('REQ-1').getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(first!.comments.thread('REQ-1')).toContainText('As Rita Reviewer');
  } finally {
    for (const context of contexts) await context.close();
    server.process.kill('SIGTERM');
  }
  const review = await fs.readFile(path.join(workspaceDir, 'reviews/SPEC-1.md'), 'utf8');
  expect([review.match(/^\*\*[^*]+\*\*/gm), review.includes('olga')]).toEqual([
    ['**Rita Reviewer**', '**Sam Second**'],
    false,
  ]);
});
