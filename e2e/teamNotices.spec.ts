/**
 * What the Changes panel tells a teammate after a pull (issue #12's walkthrough of Dana, Sam and Lee
 * sharing a bare remote): a roadmap item the merge renumbered, a rename after a merge that a teammate
 * pushed (listed at once, and no reason to stop this clone's Push). Real git, two clones.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ChangesModel } from './models/changesModel.js';
import { expect, git, projectRoot, test } from './specbenchTest.js';

const emptyConfig = path.join(os.tmpdir(), `specbench-e2e-gitconfig-notices-${process.pid}`);
writeFileSync(emptyConfig, '');
process.env.GIT_CONFIG_GLOBAL = emptyConfig;
process.env.GIT_CONFIG_NOSYSTEM = '1';

// Two clones, a merge driver and a pull: on a loaded machine this takes longer than the default.
test.describe.configure({ timeout: 120_000 });

let remote: string | undefined;
test.afterEach(async () => {
  if (remote) await fs.rm(remote, { recursive: true, force: true });
  if (remote) await fs.rm(`${remote}-dana`, { recursive: true, force: true });
  remote = undefined;
});

/** The served workspace is Lee's clone (then Sam's); Dana's is a second clone of the same bare remote. */
async function twoClones(workspaceDir: string): Promise<string> {
  remote = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-notices-'));
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  execFileSync(
    process.execPath,
    [path.join(projectRoot, 'bin', 'specbench.js'), 'merge-driver', 'install', '.'],
    {
      cwd: workspaceDir,
    },
  );
  git(workspaceDir, 'add', '-A');
  git(workspaceDir, 'commit', '-q', '-m', 'merge driver');
  git(workspaceDir, 'remote', 'add', 'origin', remote);
  git(workspaceDir, 'push', '-q', '-u', 'origin', 'main');
  const dana = `${remote}-dana`;
  git(os.tmpdir(), 'clone', '-q', remote, dana);
  execFileSync(
    process.execPath,
    [path.join(projectRoot, 'bin', 'specbench.js'), 'merge-driver', 'install', '.'],
    {
      cwd: dana,
    },
  );
  for (const [folder, name] of [
    [workspaceDir, 'Sam'],
    [dana, 'Dana'],
  ] as const) {
    git(folder, 'config', 'user.name', name);
    git(folder, 'config', 'user.email', `${name.toLowerCase()}@example.com`);
  }
  return dana;
}

/** The app read git's status at open, before the remote existed: read it again as a new window would. */
async function reopen(page: Page): Promise<void> {
  await page.reload();
  await page.locator('body[data-ready=true]').waitFor({ timeout: 15_000 });
}

async function addItem(folder: string, title: string): Promise<string> {
  const file = path.join(folder, 'roadmap.json');
  const data = JSON.parse(await fs.readFile(file, 'utf8')) as { items: { key: string }[] };
  const key = `RM-${Math.max(...data.items.map((item) => Number(item.key.slice(3)))) + 1}`;
  data.items.push({ key, title, lane: 'later', status: 'proposed' } as never);
  await fs.writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
  return key;
}

test('Pull says which roadmap item of mine the merge renumbered, with a link to it', async ({
  app,
  workspaceDir,
}) => {
  const dana = await twoClones(workspaceDir);
  const key = await addItem(dana, 'Saved carts');
  git(dana, 'commit', '-q', '-am', 'Dana adds an item', '--author=Dana <dana@example.com>');
  git(dana, 'push', '-q');
  expect(await addItem(workspaceDir, 'Gift wrapping')).toBe(key);
  git(workspaceDir, 'commit', '-q', '-am', 'Sam adds an item');
  const next = `RM-${Number(key.slice(3)) + 1}`;

  await reopen(app.page);
  const changes = new ChangesModel(app.page);
  await changes.open();
  await changes.pull();
  await expect(changes.lastAction).toHaveText('Pulled and merged the remote’s new commits.');
  const renumbered = app.page.getByRole('list', { name: 'Renumbered by the merge' });
  await expect(renumbered).toHaveText(
    `Your ${key} is now ${next} (Gift wrapping); Dana's ${key} was pushed first.`,
  );
  await app.page.screenshot({ path: test.info().outputPath('pull-renumbered.png') });
  await renumbered.getByRole('link', { name: next }).click();
  await expect(app.page.getByRole('heading', { name: 'Gift wrapping', level: 1 })).toBeVisible();
});

test('a requirement Sam linked to his roadmap item, renumbered by the merge, is listed to point to the new key, in one token', async ({
  app,
  workspaceDir,
}) => {
  const dana = await twoClones(workspaceDir);
  const key = await addItem(dana, 'Saved carts');
  git(dana, 'commit', '-q', '-am', 'Dana adds an item', '--author=Dana <dana@example.com>');
  git(dana, 'push', '-q');
  expect(await addItem(workspaceDir, 'Gift wrapping')).toBe(key);
  const spec = path.join(workspaceDir, 'specs/guest-checkout.md');
  const linked = (await fs.readFile(spec, 'utf8')).replace(
    '{#REQ-1 priority=must status=approved roadmap=RM-1}',
    `{#REQ-1 priority=must status=approved roadmap=RM-1,${key}}`,
  );
  await fs.writeFile(spec, linked);
  git(workspaceDir, 'commit', '-q', '-am', 'Sam adds an item and REQ-1 delivers it');
  const next = `RM-${Number(key.slice(3)) + 1}`;

  await reopen(app.page);
  const changes = new ChangesModel(app.page);
  await changes.open();
  await changes.pull();
  await expect(changes.lastAction).toHaveText('Pulled and merged the remote’s new commits.');
  const links = app.page.getByRole('list', { name: `Links to ${key} to point to ${next}` });
  await expect(links.getByRole('listitem')).toHaveText([
    new RegExp(
      `^REQ-1 delivers ${key} \\(specs/guest-checkout\\.md line 53, [^,]+, [0-9a-f]{7}\\)Point to ${next}$`,
    ),
  ]);
  await app.page.screenshot({ path: test.info().outputPath('renumbered-links.png') });
  // Push stops for it, in words that say how the link links.
  await changes.sync.getByRole('button', { name: 'Push' }).click();
  const unpointed = app.page.getByRole('alert', { name: 'Links to point before pushing' });
  await expect(unpointed).toContainText(
    `1 link still points at a key renamed after a merge: REQ-1 delivers ${key}, meant for ${next}. Teammates who pull will read it as the other roadmap item.`,
  );
  await unpointed.getByRole('button', { name: 'Cancel' }).click();
  await links.getByRole('button', { name: `Point REQ-1 line 53 to ${next}` }).click();
  await expect(links.getByRole('listitem')).toHaveText([new RegExp(`^REQ-1 delivers ${next} `)]);
  expect(await fs.readFile(spec, 'utf8')).toBe(
    linked.replace(`roadmap=RM-1,${key}}`, `roadmap=RM-1,${next}}`),
  );
});

test('a rename a teammate pushed is listed right after Pull, on the story too, and does not stop this clone’s Push', async ({
  app,
  workspaceDir,
}) => {
  const dana = await twoClones(workspaceDir);
  // Dana's clone renamed her copy of REQ-2 after a merge; STORY-2's link was written for it.
  const record = {
    key: 'REQ-2',
    newKey: 'REQ-30',
    path: 'specs/guest-checkout.md',
    at: '2026-12-07T08:00:00.000Z',
    references: [
      {
        path: 'stories/guest-receipt-email.md',
        line: 6,
        kind: 'implements',
        from: 'STORY-2',
        commit: 'abc1234',
        author: 'Dana',
      },
    ],
  };
  await fs.writeFile(path.join(dana, 'rekeys.json'), `${JSON.stringify({ rekeys: [record] }, null, 2)}\n`);
  git(dana, 'add', 'rekeys.json');
  git(dana, 'commit', '-q', '-m', 'Dana renames her copy');
  git(dana, 'push', '-q');

  await reopen(app.page);
  const changes = new ChangesModel(app.page);
  await changes.open();
  await changes.pull();
  await expect(changes.lastAction).toHaveText('Pulled the remote’s new commits.');
  // Without a reload: the list in Changes, the navigator's count in words, the story's notice.
  await expect(app.page.getByRole('list', { name: 'Links to REQ-2 to point to REQ-30' })).toBeVisible();
  await expect(changes.navigatorLink).toHaveAccessibleName(
    /^Changes 0\s*, 1 link to point at a renamed key$/,
  );
  await expect(app.page.locator('#count-relink')).toHaveAttribute('title', /renamed after a merge/);

  // Sam commits his own work and pushes: the rename is Dana's, already on the remote, so nothing stops him.
  await fs.appendFile(path.join(workspaceDir, 'specs/guest-checkout.md'), '\nA note from Sam.\n');
  await expect(changes.files).toBeVisible();
  await expect(changes.lastAction).toBeVisible();
  await changes.commit('A note', 1);
  await changes.push();
  await expect(changes.lastAction).toHaveText('Pushed your commits.');
  await expect(app.page.getByRole('alert', { name: 'Links to point before pushing' })).toHaveCount(0);
  expect(git(remote!, 'log', '-1', '--format=%s', 'main').trim()).toBe('A note');

  await app.goto('#/stories/stories/guest-receipt-email.md');
  await expect(app.page.getByRole('status', { name: 'Renamed key' })).toContainText(
    'STORY-2 implements REQ-2, written for the copy renamed to REQ-30 after a merge',
  );
  // The story's editor page says it too, with the way to Changes.
  await app.goto('#/STORY-2');
  const notice = app.page.getByRole('status', { name: 'Renamed key' });
  await expect(notice).toContainText(
    'STORY-2 implements REQ-2, written for the copy renamed to REQ-30 after a merge',
  );
  await notice.getByRole('link', { name: 'Point it in Changes' }).click();
  await expect(app.page.getByRole('list', { name: 'Links to REQ-2 to point to REQ-30' })).toBeVisible();
});

test('Push that would publish my own rename waits visibly for an answer', async ({ app, workspaceDir }) => {
  await twoClones(workspaceDir);
  const record = {
    key: 'REQ-2',
    newKey: 'REQ-30',
    path: 'specs/guest-checkout.md',
    at: '2026-12-07T08:00:00.000Z',
    references: [
      {
        path: 'stories/guest-receipt-email.md',
        line: 6,
        kind: 'implements',
        from: 'STORY-2',
        commit: 'abc1234',
        author: 'Sam',
      },
    ],
  };
  await fs.writeFile(
    path.join(workspaceDir, 'rekeys.json'),
    `${JSON.stringify({ rekeys: [record] }, null, 2)}\n`,
  );
  git(workspaceDir, 'add', 'rekeys.json');
  git(workspaceDir, 'commit', '-q', '-m', 'Sam renames his copy');
  await reopen(app.page);
  const changes = new ChangesModel(app.page);
  await changes.open();
  await changes.push();
  await expect(app.page.getByRole('alert', { name: 'Links to point before pushing' })).toBeVisible();
  await expect(changes.sync.getByRole('status', { name: 'Push waits' })).toHaveText(
    'Push waits for your answer below',
  );
  await expect(changes.sync.getByRole('button', { name: 'Push', exact: true })).toBeDisabled();
  await app.page.screenshot({ path: test.info().outputPath('push-waits.png') });
  await app.page.getByRole('button', { name: 'Push anyway' }).click();
  await expect(changes.lastAction).toHaveText('Pushed your commits.');
  await expect(changes.sync.getByRole('status', { name: 'Push waits' })).toHaveCount(0);
});

test('a Pull that stops at a conflict shows it at once: never "Nothing to commit", nor the markers’ two sides as a key defined twice, and the branch line says a rebase is under way', async ({
  app,
  workspaceDir,
}) => {
  const dana = await twoClones(workspaceDir);
  const reword = async (folder: string, words: string) => {
    const file = path.join(folder, 'specs/guest-checkout.md');
    await fs.writeFile(
      file,
      (await fs.readFile(file, 'utf8')).replace('Guests give an email address once', words),
    );
  };
  await reword(dana, 'Dana’s words');
  git(dana, 'commit', '-q', '-am', 'Dana rewords REQ-2');
  git(dana, 'push', '-q');
  await reword(workspaceDir, 'Sam’s words');
  git(workspaceDir, 'commit', '-q', '-am', 'Sam rewords REQ-2');
  git(workspaceDir, 'config', 'pull.rebase', 'true');

  await reopen(app.page);
  const changes = new ChangesModel(app.page);
  await changes.open();
  // Every state the panel passes through once the pull has answered, not only the one it settles in.
  await app.page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { wrongStates: seen });
    new MutationObserver(() => {
      if (!document.querySelector('[aria-label="Last action"]')) return;
      const text = document.body.textContent ?? '';
      for (const wrong of ['Nothing to commit', 'defined twice'])
        if (text.includes(wrong) && !seen.includes(wrong)) seen.push(wrong);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await changes.pull();
  // A rebase stopped by the merge driver took 10-20 s here on a loaded machine.
  await expect(changes.lastAction).toContainText('changed on both sides', { timeout: 60_000 });
  await changes.readResolver('specs/guest-checkout.md');
  await expect(changes.sync).toContainText('rebasing onto origin/main: resolve, then Finish rebase');
  expect(await app.page.evaluate(() => (window as unknown as { wrongStates: string[] }).wrongStates)).toEqual(
    [],
  );
  await app.page.screenshot({ path: test.info().outputPath('pull-stopped-rebase.png') });
});
