/**
 * A repository's `docs/` folder opened as the workspace, linking from the site root as GitHub reads
 * it (`[x](/docs/api/Client.md#closed)`): the link opens the note at the heading, the Links panel
 * counts it, and a link to the repository's README (outside the workspace) is not called broken.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base } from './specbenchTest.js';

const files: Record<string, string> = {
  'README.md': '# Project\n',
  'docs/Index.md': '# Index\n\nSee [the client](/docs/api/Client.md#closed) and [the README](/README.md).\n',
  'docs/api/Client.md': '# Client\n\nOpens connections.\n\n## Closed\n\nA closed client refuses requests.\n',
};

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const repository = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-site-root-'));
    for (const [file, text] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(repository, file)), { recursive: true });
      await fs.writeFile(path.join(repository, file), text);
    }
    execFileSync('git', ['init', '-q'], { cwd: repository });
    await use(path.join(repository, 'docs'));
    await fs.rm(repository, { recursive: true, force: true });
  },
});

test('a site-root link in a docs folder opens the note at the heading and is listed as a mention', async ({
  app,
}) => {
  await app.openDocument('Index.md');
  const client = app.editor.getByRole('link', { name: 'the client' });
  await client.hover();
  await expect(client).toHaveAttribute('href', '/docs/api/Client.md#closed');
  // The README is outside the workspace, not a missing note: only the client is listed.
  await expect(app.links.getByRole('region', { name: 'Links to' }).getByRole('listitem')).toHaveText([
    'Client',
  ]);
  await client.click();
  await expect(app.page).toHaveURL(/#\/doc\/api\/Client\.md\?anchor=closed$/);
  await expect(app.title).toHaveValue('Client');
  const mentionedBy = app.links.getByRole('region', { name: 'Mentioned by' });
  await expect(mentionedBy.getByRole('listitem')).toHaveText([' Index']);
});
