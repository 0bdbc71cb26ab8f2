import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, git, screenshot, test } from './specbenchTest.js';

test('a story whose requirement changed shows the notice, and Mark reviewed stamps it with a one-line change', async ({
  app,
  workspaceDir,
}) => {
  const spec = path.join(workspaceDir, 'specs/guest-checkout.md');
  const text = await fs.readFile(spec, 'utf8');
  // Someone else rewrites REQ-2 (an outside edit: the app picks it up from disk).
  await fs.writeFile(
    spec,
    text.replace('Guests give an email address once', 'Guests give an email address exactly once'),
  );
  await app.goto('#/stories/stories/guest-receipt-email.md');
  const notice = app.page.getByRole('status', { name: 'Review' });
  await expect(notice).toContainText('REQ-2 changed since this story was reviewed');
  await screenshot(app.page, 'story-suspect-link');
  await notice.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(notice).toBeHidden();
  expect(git(workspaceDir, 'diff', '--numstat', '--', 'stories')).toBe(
    '1\t1\tstories/guest-receipt-email.md\n',
  );
});
