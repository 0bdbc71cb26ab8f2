/** The review loop's rough edges, from the engineers' and reviewers' walkthrough (issue 16). */
import { CommentsModel } from './models/commentsModel.js';
import { expect, test } from './specbenchTest.js';

test('a reply typed straight after clicking Reply keeps its first words', async ({ app }) => {
  const comments = new CommentsModel(app.page);
  await app.openDocument('specs/guest-checkout.md');
  await app.page.getByRole('button', { name: 'Comment on REQ-1' }).click();
  await comments.startThread('REQ-1', 'Should a guest confirm the email twice?', 'Dana PM');
  const thread = comments.thread('REQ-1');
  // Keys already queued behind the click (a fast typist, a loaded machine) reach whatever has the
  // focus when the click's handler returns: the reply box must be there and focused by then.
  const focused = await thread.getByRole('button', { name: 'Reply', exact: true }).evaluate((button) => {
    (button as HTMLButtonElement).click();
    return document.activeElement?.getAttribute('aria-label');
  });
  expect(focused).toBe('Reply to REQ-1');
  await app.page.keyboard.type('Once is enough.');
  await expect(thread.getByRole('textbox', { name: 'Reply to REQ-1' })).toHaveValue('Once is enough.');
});
