/**
 * From the walkthrough of working as a team (issue #12): what the Changes panel says and offers at
 * the edges of syncing — a remote that does not have the branch yet — with real git in temp folders.
 */
import { promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChangesModel } from './models/changesModel.js';
import { expect, git, test } from './specbenchTest.js';

// The served app must find no git identity or pull setting of the developer's own.
const emptyConfig = path.join(os.tmpdir(), `specbench-e2e-gitconfig-sync-${process.pid}`);
writeFileSync(emptyConfig, '');
process.env.GIT_CONFIG_GLOBAL = emptyConfig;
process.env.GIT_CONFIG_NOSYSTEM = '1';

let remote: string | undefined;
test.afterEach(async () => {
  if (remote) await fs.rm(remote, { recursive: true, force: true });
  remote = undefined;
});

test('before the first push to an empty remote the branch is "not on origin yet", and Push publishes it', async ({
  app,
  workspaceDir,
}) => {
  remote = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-empty-remote-'));
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  // As a clone of an empty remote is set up: the branch tracks origin/main, which does not exist yet.
  git(workspaceDir, 'remote', 'add', 'origin', remote);
  git(workspaceDir, 'config', 'branch.main.remote', 'origin');
  git(workspaceDir, 'config', 'branch.main.merge', 'refs/heads/main');
  const changes = new ChangesModel(app.page);
  await changes.open();
  await expect(changes.sync).toContainText('not on origin yet: Push publishes it');
  await expect(changes.sync).not.toContainText('up to date');
  await expect(changes.sync.getByRole('button', { name: 'Pull' })).toBeDisabled();
  await app.page.screenshot({ path: test.info().outputPath('not-on-remote.png') });
  await changes.push();
  await expect(changes.lastAction).toHaveText('Published main as origin/main.');
  await expect(changes.sync).toContainText('up to date with origin/main');
  expect(git(remote, 'log', '-1', '--format=%s', 'main')).toBe(git(workspaceDir, 'log', '-1', '--format=%s'));
});
