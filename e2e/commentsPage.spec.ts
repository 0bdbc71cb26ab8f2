/** The workspace's open comments on one page (`#/comments`), from the files in reviews/ (issue 16). */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AppModel } from './models/appModel.js';
import { CommentsModel } from './models/commentsModel.js';
import { expect, openApp, screenshot, serve, test } from './specbenchTest.js';

/** Review files as Specbench writes them: SPEC-1 with a requirement thread (answered), a quote and a resolved one; SPEC-2 with one. */
const reviews: Record<string, string> = {
  'SPEC-1.md': `# Review comments on SPEC-1

## On REQ-4 <!-- thread t-reqfour on="REQ-4" -->

**Dana PM** · 2026-11-20T10:00:00Z <!-- comment c-one -->

Should the account offer wait until the **receipt** is shown?

**Rae Reviewer** · 2026-11-21T10:00:00Z <!-- comment c-two -->

Yes, after the receipt.

## On “Forced registration” in “Problem” <!-- thread t-quote on="#problem" quote -->

> Forced registration

**Rae Reviewer** · 2026-11-22T10:00:00Z <!-- comment c-three -->

Which study says so?

## On REQ-1 <!-- thread t-done on="REQ-1" -->

**Sam Engineer** · 2026-11-18T10:00:00Z <!-- comment c-four -->

Is a guest's email confirmed twice?

**Dana PM** · 2026-11-19T10:00:00Z · resolved <!-- comment c-five -->
`,
  'SPEC-2.md': `# Review comments on SPEC-2

## On REQ-5 <!-- thread t-cards on="REQ-5" -->

**Sam Engineer** · 2026-11-25T10:00:00Z <!-- comment c-six -->

Which card brands do we store?
`,
};

async function writeReviews(workspaceDir: string): Promise<void> {
  await fs.mkdir(path.join(workspaceDir, 'reviews'), { recursive: true });
  for (const [file, text] of Object.entries(reviews))
    await fs.writeFile(path.join(workspaceDir, 'reviews', file), text);
}

function commentsPage(app: AppModel) {
  const page = app.page;
  return {
    count: page.getByRole('status', { name: 'Comment count' }),
    document: (key: string) => page.getByRole('region', { name: new RegExp(`^${key}\\b`) }),
    threads: page.locator('main').getByRole('link', { name: /^On / }),
    filter: (name: 'Document' | 'Author') => page.getByRole('combobox', { name }),
    resolved: page.getByRole('checkbox', { name: /^Show resolved/ }),
  };
}

test('every open thread of the workspace, grouped by document, filtered by document and author, opens at its thread', async ({
  app,
  workspaceDir,
}) => {
  await writeReviews(workspaceDir);
  const page = app.page;
  const comments = commentsPage(app);
  // The navigator counts the open threads of the whole workspace.
  const link = app.navigator.getByRole('link', { name: /^Comments/ });
  await expect(link).toHaveText('Comments3');
  await link.click();
  await expect(page).toHaveURL(/#\/comments$/);
  await expect(comments.count).toHaveText('3 open threads in 2 documents · 1 resolved');
  await expect(comments.threads).toHaveText([
    'On REQ-4',
    'On “Forced registration” in “Problem”',
    'On REQ-5',
  ]);
  const spec = comments.document('SPEC-1');
  await expect(spec.getByRole('heading', { level: 2 })).toContainText('Guest checkout');
  await expect(spec.getByRole('listitem').first()).toContainText(
    'Should the account offer wait until the receipt is shown?',
  );
  await expect(spec.getByRole('listitem').first()).toContainText('Dana PM');
  await expect(spec.getByRole('listitem').first()).toContainText('1 reply');
  await expect(spec.getByRole('blockquote')).toHaveText('Forced registration');
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, 'comments-page');

  // Filters combine, live in the URL and survive a reload.
  await comments.filter('Author').selectOption('Sam Engineer');
  await expect(page).toHaveURL(/#\/comments\?author=Sam\+Engineer$/);
  await expect(comments.threads).toHaveText(['On REQ-5']);
  // The heading says what is filtered, and the count is of what is shown.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open comments by Sam Engineer');
  await expect(comments.count).toHaveText('1 open thread in 1 document');
  // The box shows the address's filter, so it turns on once the address changed: click, then wait.
  await comments.resolved.click();
  await expect(comments.resolved).toBeChecked();
  await expect(comments.threads).toHaveText(['On REQ-1', 'On REQ-5']);
  await expect(comments.document('SPEC-1').getByText('Resolved', { exact: true })).toBeVisible();
  await comments.filter('Document').selectOption('SPEC-1');
  await page.reload();
  await expect(comments.threads).toHaveText(['On REQ-1']);
  await expect(comments.filter('Author')).toHaveValue('Sam Engineer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'All comments by Sam Engineer in Guest checkout',
  );
  await comments.filter('Author').selectOption('');
  await comments.resolved.click();
  await expect(comments.resolved).not.toBeChecked();
  await expect(page).toHaveURL(/#\/comments\?document=SPEC-1$/);
  await expect(comments.threads).toHaveText(['On REQ-4', 'On “Forced registration” in “Problem”']);

  // A thread opens its document at the requirement, with the Comments tab showing the thread.
  await page.getByRole('link', { name: 'On REQ-4' }).click();
  await expect(page).toHaveURL(/#\/SPEC-1#REQ-4\?thread=t-reqfour$/);
  await expect(page.getByRole('region', { name: 'Requirement REQ-4' })).toBeInViewport();
  const panel = new CommentsModel(page);
  await expect(panel.tab).toHaveAttribute('aria-selected', 'true');
  await expect(panel.thread('REQ-4')).toContainText('Yes, after the receipt.');
  // Both the card and the thread are marked a moment, as a jump-to highlight.
  await expect(page.getByRole('region', { name: 'Requirement REQ-4' })).toHaveClass(/anchor-target/);
  await expect(panel.thread('REQ-4')).toHaveClass(/anchor-target/);
  await page.screenshot({ path: 'test-results/screenshots/comments-jump-highlight.png' });
  // Back returns to the filtered page.
  await page.goBack();
  await expect(page).toHaveURL(/#\/comments\?document=SPEC-1$/);
  await expect(comments.threads).toHaveCount(2);

  // A thread resolved in the panel leaves the page and the count, without a reload.
  await page.getByRole('link', { name: 'On REQ-4' }).click();
  await panel.resolve('REQ-4', 'Dana PM');
  await expect(link).toHaveText('Comments2');
  await link.click();
  await expect(comments.threads).toHaveText(['On “Forced registration” in “Problem”', 'On REQ-5']);
});

test('the page works on a read-only serve --comments, and says so when there is nothing to list', async ({
  page,
  workspaceDir,
}) => {
  const served = await serve(workspaceDir, 'comments');
  try {
    const app = await openApp(page, served.url);
    await app.goto('#/comments');
    await expect(page.getByText('No one has commented yet.', { exact: false })).toBeVisible();
    await expect(commentsPage(app).count).toHaveText('No review threads yet');
    await writeReviews(workspaceDir);
    // The file appears on disk: the page hears of it without a reload.
    await expect(commentsPage(app).threads).toHaveCount(3);
    // The workspace's whole name shows beside the read-only badge, not cut to "Acme …".
    await page.setViewportSize({ width: 1440, height: 900 });
    const name = app.page.locator('.workspace-name');
    await expect(page.getByText('Read-only · comments on', { exact: true })).toBeVisible();
    expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await expect(name).toHaveText('Acme Checkout');
    for (const [scheme, width, height] of [
      ['light', 1024, 700],
      ['dark', 1440, 900],
      ['dark', 1024, 700],
    ] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await screenshot(page, `comments-page-${scheme}-${width}`);
    }
  } finally {
    served.process.kill('SIGTERM');
  }
});
