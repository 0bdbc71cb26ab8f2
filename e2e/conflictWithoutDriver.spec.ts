/**
 * A clone where `merge-driver install` has not been run (the re-check walkthrough's finding C): git's own
 * line merge stops on two branches that each added only a new REQ-15, and leaves its markers across both
 * blocks. The resolver still shows both blocks as the editor reads them, with Keep both, and never the markers.
 */
import { promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ChangesModel } from './models/changesModel.js';
import { expect, git, screenshot, test } from './specbenchTest.js';

// The served app must find no git identity but the repository's own.
const emptyConfig = path.join(os.tmpdir(), `specbench-e2e-gitconfig-nodriver-${process.pid}`);
writeFileSync(emptyConfig, '');
process.env.GIT_CONFIG_GLOBAL = emptyConfig;
process.env.GIT_CONFIG_NOSYSTEM = '1';

const spec = 'specs/guest-checkout.md';
const block = (key: string, text: string) =>
  `:::requirement{#${key} priority=should status=draft}\n${text}\n:::\n`;

test('without the merge driver, two new copies of REQ-15 are one choice with both texts; Keep both and Finish leave no markers', async ({
  app,
  workspaceDir,
}) => {
  git(workspaceDir, 'config', 'user.name', 'Lead');
  git(workspaceDir, 'config', 'user.email', 'lead@example.com');
  git(workspaceDir, 'config', 'merge.conflictStyle', 'diff3');
  const before = await fs.readFile(path.join(workspaceDir, spec), 'utf8');
  for (const [name, text] of [
    ['alex', 'Guests can cancel an order within ten minutes.'],
    ['sam', 'Guests can add a gift message.'],
  ] as const) {
    git(workspaceDir, 'checkout', '-q', '-b', name, 'main');
    await fs.appendFile(path.join(workspaceDir, spec), `\n${block('REQ-15', text)}`);
    git(workspaceDir, 'commit', '-q', '-am', `${name}: REQ-15`);
  }
  git(workspaceDir, 'checkout', '-q', 'main');
  git(workspaceDir, 'merge', '-q', '--no-ff', '--no-edit', 'alex');
  expect(() =>
    execFileSync('git', ['merge', '-q', '--no-edit', 'sam'], { cwd: workspaceDir, stdio: 'pipe' }),
  ).toThrow();
  expect(await fs.readFile(path.join(workspaceDir, spec), 'utf8')).toMatch(/^\|{7} /m);

  const changes = new ChangesModel(app.page);
  await changes.open();
  const resolver = await changes.readResolver(spec);
  const conflict = resolver.getByRole('region', { name: 'Conflict in REQ-15' });
  // The words each side has and the other lacks are marked, and said in words.
  await expect(conflict.getByRole('figure', { name: 'Yours' })).toContainText(
    'Guests can [only on this side: cancel an order within ten minutes].',
  );
  await expect(conflict.getByRole('figure', { name: 'Theirs (sam)' })).toContainText(
    'Guests can [only on this side: add a gift message].',
  );
  await expect(resolver).not.toContainText('<<<<<<<');
  await expect(resolver).not.toContainText('|||||||');
  await expect(conflict.getByRole('radio')).toHaveCount(4);
  await screenshot(app.page, 'changes-resolver-without-driver');
  await conflict.getByRole('radio', { name: 'Keep both' }).check();
  await resolver.getByRole('button', { name: 'Save this file' }).click();
  await expect(changes.lastAction).toContainText('committed later, is now REQ-16.');
  await app.page.getByRole('button', { name: 'Finish merge' }).click();
  await expect(changes.lastAction).toHaveText('Merge committed.');
  expect(await fs.readFile(path.join(workspaceDir, spec), 'utf8')).toBe(
    `${before}\n${block('REQ-15', 'Guests can cancel an order within ten minutes.')}\n${block('REQ-16', 'Guests can add a gift message.')}`,
  );
  expect(git(workspaceDir, 'status', '--porcelain')).toBe('');
});

test('in a rebase (sides swapped: yours is the commit replayed), Keep both keeps the key for the upstream copy, committed first, and renames yours', async ({
  app,
  workspaceDir,
}) => {
  git(workspaceDir, 'config', 'user.name', 'Lead');
  git(workspaceDir, 'config', 'user.email', 'lead@example.com');
  const before = await fs.readFile(path.join(workspaceDir, spec), 'utf8');
  const [upstream, mine] = [
    'Guests can cancel an order within ten minutes.',
    'Guests can add a gift message.',
  ];
  // Neither is on a remote: the copy committed later (yours, replayed) is the one renamed.
  git(workspaceDir, 'branch', 'sam', 'main');
  await fs.appendFile(path.join(workspaceDir, spec), `\n${block('REQ-15', upstream)}`);
  git(workspaceDir, 'commit', '-q', '-am', 'main: REQ-15');
  git(workspaceDir, 'checkout', '-q', 'sam');
  await fs.appendFile(path.join(workspaceDir, spec), `\n${block('REQ-15', mine)}`);
  git(workspaceDir, 'commit', '-q', '-am', 'sam: REQ-15');
  expect(() => execFileSync('git', ['rebase', '-q', 'main'], { cwd: workspaceDir, stdio: 'pipe' })).toThrow();

  const changes = new ChangesModel(app.page);
  await changes.open();
  const conflict = (await changes.readResolver(spec)).getByRole('region', { name: 'Conflict in REQ-15' });
  await expect(conflict.getByRole('figure', { name: 'Yours' })).toContainText(
    'Guests can [only on this side: add a gift message].',
  );
  await expect(conflict.getByRole('figure', { name: /^Theirs/ })).toContainText(
    'Guests can [only on this side: cancel an order within ten minutes].',
  );
  await conflict.getByRole('radio', { name: 'Keep both' }).check();
  await changes.resolver(spec).getByRole('button', { name: 'Save this file' }).click();
  await expect(changes.lastAction).toContainText(`REQ-15 “${mine}”, yours, committed later, is now REQ-16.`);
  await app.page.getByRole('button', { name: 'Finish rebase' }).click();
  await expect(changes.lastAction).toHaveText('Rebase finished: your commits are on top of theirs.');
  expect(await fs.readFile(path.join(workspaceDir, spec), 'utf8')).toBe(
    `${before}\n${block('REQ-16', mine)}\n${block('REQ-15', upstream)}`,
  );
  expect(git(workspaceDir, 'log', '--format=%s', '-n', '2').trim().split('\n')).toEqual([
    'sam: REQ-15',
    'main: REQ-15',
  ]);
});

test('a file git stopped on that merges cleanly block by block is saved as merged, with no choice to make', async ({
  app,
  workspaceDir,
}) => {
  git(workspaceDir, 'config', 'user.name', 'Lead');
  git(workspaceDir, 'config', 'user.email', 'lead@example.com');
  const file = path.join(workspaceDir, spec);
  for (const [name, from, to] of [
    ['status', '{#REQ-1 priority=must status=approved', '{#REQ-1 priority=must status=review'],
    ['wording', 'Guest shoppers can pay', 'Guest shoppers can always pay'],
  ] as const) {
    git(workspaceDir, 'checkout', '-q', '-b', name, 'main');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(from, to));
    git(workspaceDir, 'commit', '-q', '-am', name);
  }
  git(workspaceDir, 'checkout', '-q', 'main');
  git(workspaceDir, 'merge', '-q', '--no-edit', 'status');
  expect(() =>
    execFileSync('git', ['merge', '-q', '--no-edit', 'wording'], { cwd: workspaceDir, stdio: 'pipe' }),
  ).toThrow();
  const changes = new ChangesModel(app.page);
  await changes.open();
  const resolver = await changes.readResolver(spec);
  await expect(resolver).toContainText('block by block nothing conflicts');
  await screenshot(app.page, 'changes-resolver-merged-blockwise');
  await resolver.getByRole('button', { name: 'Save this file' }).click();
  await app.page.getByRole('button', { name: 'Finish merge' }).click();
  await expect(changes.lastAction).toHaveText('Merge committed.');
  expect(await fs.readFile(file, 'utf8')).toContain(
    ':::requirement{#REQ-1 priority=must status=review roadmap=RM-1}\nGuest shoppers can always pay',
  );
});
