/** Push asks first when a key is defined twice: teammates would pull both copies (walk12f finding 4). */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChangesModel } from './models/changesModel.js';
import { expect, git, projectRoot, test, useEmptyGitConfig } from './specbenchTest.js';

useEmptyGitConfig();

let remote: string | undefined;
test.afterEach(async () => {
  if (remote) await fs.rm(remote, { recursive: true, force: true });
  remote = undefined;
});

test('Push names a key defined twice and waits for Push anyway', async ({ app, workspaceDir }) => {
  test.setTimeout(90_000);
  remote = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-remote-'));
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  git(workspaceDir, 'remote', 'add', 'origin', remote);
  git(workspaceDir, 'push', '-q', '-u', 'origin', 'main');
  const spec = path.join(workspaceDir, 'specs/guest-checkout.md');
  const text = await fs.readFile(spec, 'utf8');
  await fs.writeFile(
    spec,
    `${text}\n:::requirement{#REQ-2 priority=should}\nA second REQ-2, made here.\n:::\n`,
  );
  const line =
    (await fs.readFile(spec, 'utf8')).split('\n').lastIndexOf(':::requirement{#REQ-2 priority=should}') + 1;
  git(workspaceDir, 'commit', '-q', '-am', 'Lee: another REQ-2');

  const changes = new ChangesModel(app.page);
  await changes.open();
  await expect(changes.sync).toContainText('1 commit to push');
  await changes.push();
  const warning = changes.sync.getByRole('alert', { name: 'Keys defined twice' });
  await expect(warning).toContainText(
    `REQ-2 is defined twice (specs/guest-checkout.md:60, specs/guest-checkout.md:${line}); teammates will pull both`,
  );
  await app.page.screenshot({
    path: path.join(projectRoot, 'test-results', 'screenshots', 'push-duplicates.png'),
  });
  await warning.getByRole('button', { name: 'Cancel' }).click();
  const remoteHead = () => execFileSync('git', ['rev-parse', 'main'], { cwd: remote! }).toString().trim();
  expect(remoteHead()).not.toBe(git(workspaceDir, 'rev-parse', 'HEAD').trim());

  await changes.push();
  await warning.getByRole('button', { name: 'Push anyway' }).click();
  await expect(changes.lastAction).toHaveText('Pushed your commits.');
  expect(remoteHead()).toBe(git(workspaceDir, 'rev-parse', 'HEAD').trim());
});
