/**
 * A document renamed on disk (its title's new slug) is one "Renamed" row in Changes, ticked and
 * committed as one, with real git; a selection that still splits a deletion from a new file asks first.
 */
import { promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChangesModel } from './models/changesModel.js';
import { expect, git, projectRoot, test } from './specbenchTest.js';

// The served app must find no git identity of its own: it asks for one.
const emptyConfig = path.join(os.tmpdir(), `specbench-e2e-gitconfig-${process.pid}`);
writeFileSync(emptyConfig, '');
process.env.GIT_CONFIG_GLOBAL = emptyConfig;
process.env.GIT_CONFIG_NOSYSTEM = '1';

const before = 'stories/apply-promo-code.md';
const after = 'stories/use-a-promo-code.md';

test('a renamed story is one Renamed row, committed whole; splitting a deletion from a new file warns first', async ({
  app,
  workspaceDir,
}) => {
  test.setTimeout(90_000);
  const text = await fs.readFile(path.join(workspaceDir, before), 'utf8');
  await fs.rm(path.join(workspaceDir, before));
  await fs.writeFile(
    path.join(workspaceDir, after),
    text.replace('title: Apply a promo code', 'title: Use a promo code'),
  );
  await fs.rm(path.join(workspaceDir, 'stories/address-autocomplete.md'));
  await fs.writeFile(path.join(workspaceDir, 'stories/draft-idea.md'), '# Draft idea\n\nNothing yet.\n');

  const changes = new ChangesModel(app.page);
  await changes.open();
  await changes.setIdentity('Lee', 'lee@example.com');
  await expect(changes.files.getByRole('listitem')).toHaveCount(3);
  const row = changes.files.getByRole('listitem').filter({ hasText: 'Renamed' });
  await expect(row).toContainText(`Renamed${before} → ${after}`);
  await row.getByRole('button', { name: `${before} → ${after}` }).click();
  await expect(app.page.getByRole('region', { name: `Changes in ${after}` })).toContainText(
    'Use a promo code',
  );
  await app.page.screenshot({
    path: path.join(projectRoot, 'test-results', 'screenshots', 'renamed-row.png'),
  });
  // The navigator agrees: the story is marked renamed, not new.
  await app.goto('#/stories');
  const story = app.navigator
    .getByRole('list', { name: 'Stories list' })
    .getByRole('listitem')
    .filter({ has: app.page.locator(`a[title="${after}"]`) });
  await expect(story.locator('.git-badge')).toHaveAttribute(
    'title',
    'Renamed or moved since the last commit',
  );
  await changes.open();

  // Leaving out the new file would commit only the deletion of address-autocomplete.md.
  await changes.files.getByRole('checkbox', { name: 'Commit stories/draft-idea.md' }).uncheck();
  await app.page.getByRole('textbox', { name: 'What did you change?' }).fill('Lee: retitle STORY-10');
  await app.page.getByRole('button', { name: 'Commit 2 files' }).click();
  const warning = app.page.getByRole('alert', { name: 'Half a rename' });
  await expect(warning).toContainText(
    'This commit deletes stories/address-autocomplete.md but leaves out the new file stories/draft-idea.md.',
  );
  await app.page.screenshot({
    path: path.join(projectRoot, 'test-results', 'screenshots', 'half-rename.png'),
  });
  expect(git(workspaceDir, 'log', '--format=%s').split('\n')[0]).not.toBe('Lee: retitle STORY-10');
  await warning.getByRole('button', { name: 'Commit anyway' }).click();
  await expect(changes.lastAction).toHaveText('Committed 2 files.');
  expect(
    git(workspaceDir, 'show', '-M', '--name-status', '--format=%s', 'HEAD')
      .trim()
      .split('\n')
      .map((line) => line.replace(/^R\d+/, 'R')),
  ).toEqual(['Lee: retitle STORY-10', '', 'D\tstories/address-autocomplete.md', `R\t${before}\t${after}`]);
});
