/**
 * Walk11d finding 3: a Markdown link whose target is not in the workspace looked like a working link
 * and a click did nothing. It now looks broken, says why on hover and on click, and offers the file
 * of the same name when there is one.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, screenshot, testOverFiles } from './specbenchTest.js';

const files: Record<string, string> = {
  'api/Agent.md':
    '# Agent\n\nSee [PoolOptions](/docs/api/Pool.md#options), [the plan](../missing.md) and [the pool](Pool.md).\n',
  'api/Pool.md': '# Pool\n\n## Options\n\nHow many connections.\n',
};

const test = testOverFiles(files);

test('a link to a file not in the workspace looks broken, and a click says why and offers the namesake', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('api/Agent.md');
  const broken = app.editor.locator('.broken-link');
  await expect(broken).toHaveText(['PoolOptions', 'the plan']);
  await expect(app.editor.getByText('the pool', { exact: true })).not.toHaveClass(/broken-link/);
  await expect(broken.first()).toHaveAttribute(
    'title',
    'Cannot open /docs/api/Pool.md: not found in this workspace. There is api/Pool.md: is that the one meant?',
  );
  await screenshot(app.page, 'broken-link');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app.page, 'broken-link-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });

  await app.editor.getByRole('link', { name: 'the plan' }).click();
  const notice = app.page.getByRole('status', { name: 'Notice' });
  await expect(notice).toContainText('Cannot open ../missing.md: not found in this workspace.');
  await app.editor.getByRole('link', { name: 'PoolOptions' }).click();
  await expect(notice).toContainText('There is api/Pool.md');
  await notice.getByRole('button', { name: 'Open api/Pool.md' }).click();
  await expect(app.title).toHaveValue('Pool');

  // The missing note written from outside: the link works at once.
  await fs.writeFile(path.join(workspaceDir, 'missing.md'), '# Missing\n');
  await app.openDocument('api/Agent.md');
  await expect(broken).toHaveText(['PoolOptions']);
});
