/**
 * From walk12f (findings 6 and 10): the first Approve of a draft spec asks before it signs and changes
 * the status, and Mark reviewed on the engineer view says what it marked, with an Undo that puts the
 * story back byte for byte.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, git, test } from './specbenchTest.js';

/** REQ-2 reworded under the receipt story, which was reviewed against its old text: the story's stamped bytes. */
async function rewordReq2(workspaceDir: string): Promise<{ story: string; stamped: Buffer }> {
  const spec = path.join(workspaceDir, 'specs/guest-checkout.md');
  const story = path.join(workspaceDir, 'stories/guest-receipt-email.md');
  await fs.writeFile(
    spec,
    (await fs.readFile(spec, 'utf8')).replace(
      'Guests give an email address once',
      'Guests give an email address exactly once',
    ),
  );
  return { story, stamped: await fs.readFile(story) };
}

test('the first Approve on a draft spec asks first, naming the signer and the status change; Cancel writes nothing', async ({
  app,
  workspaceDir,
}) => {
  git(workspaceDir, 'config', 'user.name', 'Dana PM');
  git(workspaceDir, 'config', 'user.email', 'dana@example.com');
  // Set in a terminal, then back to the window: the app reads git's state again on focus.
  await app.page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const file = path.join(workspaceDir, 'specs/promo-codes.md');
  const original = await fs.readFile(file);
  await app.openDocument('specs/promo-codes.md');
  const signOff = app.page.getByRole('group', { name: 'Sign-off' });
  await expect(signOff).toContainText('Not approved yet');
  await signOff.getByRole('button', { name: 'Approve' }).click();
  const confirm = app.page.getByRole('dialog', { name: 'Approve SPEC-4?' });
  await expect(confirm).toContainText('This signs it as Dana PM and sets its status from draft to approved.');
  await confirm.screenshot({ path: test.info().outputPath('approve-first-confirm.png') });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect((await fs.readFile(file)).equals(original)).toBe(true);
  await signOff.getByRole('button', { name: 'Approve' }).click();
  await confirm.getByRole('button', { name: 'Approve' }).click();
  await expect(signOff).toContainText('Approved by Dana PM on');
  expect(await fs.readFile(file, 'utf8')).toMatch(/^status: approved$/m);
});

test('Mark reviewed on the story page says what it marked, and Undo puts the old stamp back byte for byte', async ({
  app,
  workspaceDir,
}) => {
  const { story, stamped } = await rewordReq2(workspaceDir);
  await app.goto('#/stories/stories/guest-receipt-email.md');
  const banner = app.page.getByRole('status', { name: 'Review' });
  await expect(banner).toContainText('REQ-2 changed since this story was reviewed');
  await banner.getByRole('button', { name: 'Mark reviewed' }).click();
  const notice = app.page.getByRole('status', { name: 'Notice' });
  await expect(notice).toContainText(/^Marked STORY-\d+ reviewed against REQ-2’s current text\./);
  await expect(banner).toBeHidden();
  await app.page.screenshot({ path: test.info().outputPath('marked-reviewed-notice.png') });
  expect((await fs.readFile(story)).equals(stamped)).toBe(false);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(banner).toContainText('REQ-2 changed since this story was reviewed');
  expect((await fs.readFile(story)).equals(stamped)).toBe(true);
});

test('Mark reviewed in the editor header gives the same notice, and Undo puts the old stamp back', async ({
  app,
  workspaceDir,
}) => {
  const { story, stamped } = await rewordReq2(workspaceDir);
  await app.openDocument('stories/guest-receipt-email.md');
  const signOff = app.page.getByRole('group', { name: 'Sign-off' });
  await expect(signOff).toContainText('REQ-2 changed since this story was reviewed');
  await signOff.getByRole('button', { name: 'Mark reviewed' }).click();
  const notice = app.page.getByRole('status', { name: 'Notice' });
  await expect(notice).toContainText(/^Marked STORY-\d+ reviewed against REQ-2’s current text\./);
  await expect(signOff).toContainText('Reviewed against');
  await app.page.screenshot({ path: test.info().outputPath('editor-marked-reviewed-notice.png') });
  expect((await fs.readFile(story)).equals(stamped)).toBe(false);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(signOff).toContainText('REQ-2 changed since this story was reviewed');
  expect((await fs.readFile(story)).equals(stamped)).toBe(true);
});

test('Mark reviewed in the trace matrix gives the same notice, and Undo brings the suspect mark back', async ({
  app,
  workspaceDir,
}) => {
  const { story, stamped } = await rewordReq2(workspaceDir);
  await app.goto('#/trace');
  const mark = app.page.getByRole('button', { name: /^Mark reviewed: .+ against REQ-2$/ });
  await mark.click();
  const notice = app.page.getByRole('status', { name: 'Notice' });
  await expect(notice).toContainText(/^Marked STORY-\d+ reviewed against REQ-2’s current text\./);
  await expect(mark).toHaveCount(0);
  await app.page.screenshot({ path: test.info().outputPath('trace-marked-reviewed-notice.png') });
  expect((await fs.readFile(story)).equals(stamped)).toBe(false);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(mark).toHaveCount(1);
  expect((await fs.readFile(story)).equals(stamped)).toBe(true);
});
