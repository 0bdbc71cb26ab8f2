/**
 * A reviewer on `serve --comments` reads stories in the engineer view (there is no editor): Comment
 * in its header starts a thread on the story, and Comment on a requirement shown in it goes to that
 * requirement's spec, where its threads live, with the form open (the #16 walkthrough's finding 5).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CommentsModel } from './models/commentsModel.js';
import { expect, openApp, serve, test } from './specbenchTest.js';

test('from a story’s engineer view a reviewer comments on the story, and on a requirement shown in it', async ({
  workspaceDir,
  page,
}) => {
  test.setTimeout(60_000);
  const served = await serve(workspaceDir, 'comments');
  try {
    const app = await openApp(page, served.url);
    const comments = new CommentsModel(page);
    await app.goto('#/STORY-4');
    const header = page.locator('.story-header');
    await header.getByRole('button', { name: 'Comment', exact: true }).click();
    await comments.startThread('STORY-4', 'Which email do we send the password link to?', 'Rita Reviewer');
    await expect(comments.thread('STORY-4')).toContainText('Which email do we send the password link to?');
    expect(await fs.readFile(path.join(workspaceDir, 'reviews', 'STORY-4.md'), 'utf8')).toContain(
      'Which email do we send the password link to?',
    );

    await page.getByRole('button', { name: 'Comment on REQ-4' }).click();
    await expect(page).toHaveURL(/#\/SPEC-1#REQ-4$/);
    await comments.startThread('REQ-4', 'Should the password rules be listed here?');
    expect(await fs.readFile(path.join(workspaceDir, 'reviews', 'SPEC-1.md'), 'utf8')).toContain(
      'Should the password rules be listed here?',
    );
  } finally {
    served.process.kill('SIGTERM');
  }
});
