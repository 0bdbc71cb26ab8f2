/**
 * Working as a team through the Changes panel, with real git: the served workspace is Dana's clone
 * of a bare remote in a temp folder, and Sam's clone beside it changes the same spec from the command line.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { violations } from './axeViolations.js';
import { ChangesModel } from './models/changesModel.js';
import type { Page } from '@playwright/test';
import { copyWorkspace, expect, git, openApp, screenshot, serve, test } from './specbenchTest.js';

// The served app must find no git identity of its own: it asks for one (the fixture's git gives its own).
const emptyConfig = path.join(os.tmpdir(), `specbench-e2e-gitconfig-${process.pid}`);
writeFileSync(emptyConfig, '');
process.env.GIT_CONFIG_GLOBAL = emptyConfig;
process.env.GIT_CONFIG_NOSYSTEM = '1';

const spec = 'specs/guest-checkout.md';
const req2 = 'Guests give an email address once';

interface Team {
  remote: string;
  sam: string;
}

/** A bare remote Sam has cloned; `as` names who commits in the workspace (its git config). */
async function shareWithSam(workspaceDir: string, { as }: { as?: string } = {}): Promise<Team> {
  if (as !== undefined) {
    git(workspaceDir, 'config', 'user.name', as);
    git(workspaceDir, 'config', 'user.email', `${as.toLowerCase()}@example.com`);
  }
  const remote = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-remote-'));
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  git(workspaceDir, 'remote', 'add', 'origin', remote);
  git(workspaceDir, 'push', '-q', '-u', 'origin', 'main');
  const sam = `${remote}-sam`;
  git(os.tmpdir(), 'clone', '-q', remote, sam);
  return { remote, sam };
}

async function samChanges(team: Team, from: string, to: string, message: string): Promise<void> {
  const file = path.join(team.sam, spec);
  await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(from, to));
  git(team.sam, 'commit', '-q', '-am', message);
  git(team.sam, 'push', '-q');
}

/** axe over the page as it stands, in both themes (the views the accessibility suite cannot reach). */
async function expectAccessible(page: Page): Promise<void> {
  const found: Record<string, string[]> = {};
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const list = await violations(page);
    if (list.length > 0) found[scheme] = list;
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect(found).toEqual({});
}

/** The navigator's git badge on the spec: its name (what it says on hover), or '' without one. */
async function specBadge(app: { goto: (hash: string) => Promise<void>; page: Page }): Promise<string> {
  await app.goto('#/specs');
  const row = app.page
    .getByRole('list', { name: 'Specs list' })
    .getByRole('listitem')
    .filter({ has: app.page.locator(`a[title="${spec}"]`) });
  await expect(row).toHaveCount(1);
  const badge = row.locator('.git-badge');
  return (await badge.count()) === 0 ? '' : ((await badge.getAttribute('title')) ?? '');
}

async function edit(workspaceDir: string, from: string, to: string): Promise<void> {
  const file = path.join(workspaceDir, spec);
  await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(from, to));
}

let team: Team | undefined;
test.afterEach(async () => {
  if (!team) return;
  await fs.rm(team.remote, { recursive: true, force: true });
  await fs.rm(team.sam, { recursive: true, force: true });
  team = undefined;
});

test('a PM commits, is told to pull first, resolves the conflict block by block without markers, and pushes', async ({
  app,
  workspaceDir,
}) => {
  // Two pulls, two pushes and axe in both themes twice: about 30 s on a quiet machine.
  test.setTimeout(120_000);
  team = await shareWithSam(workspaceDir);
  const changes = new ChangesModel(app.page);
  await edit(workspaceDir, req2, 'Guests enter an email address once');
  await expect.poll(() => specBadge(app)).toBe('Changed since the last commit');
  await changes.open();
  await expect(changes.navigatorLink).toHaveAccessibleName('Changes 1');
  await expect(changes.sync).toContainText('Branch main');
  await expect(changes.sync).toContainText('up to date with origin/main');

  await changes.setIdentity('Dana', 'dana@example.com');
  await changes.files.getByRole('button', { name: spec }).click();
  const diff = app.page.getByRole('region', { name: `Changes in ${spec}` });
  await expect(diff.getByRole('heading', { name: /REQ-2/ })).toBeVisible();
  await expect(diff).toContainText('Guests [removed: give][added: enter] an email address once');
  await screenshot(app.page, 'changes-panel');
  await expectAccessible(app.page);
  await changes.commit('Dana rewords REQ-2', 1);
  await expect(app.page.getByRole('status', { name: 'Changed files' })).toHaveText(
    'Nothing to commit: every change is committed.',
  );
  expect(git(workspaceDir, 'log', '-1', '--format=%an %s')).toBe('Dana Dana rewords REQ-2\n');

  await samChanges(team, req2, 'Guests type an email address once', 'Sam rewords REQ-2');
  await changes.push();
  const failure = changes.sync.getByRole('alert');
  await expect(failure).toContainText(
    'The remote has new commits you do not have yet. Pull first, then push.',
  );
  await failure.getByRole('button', { name: 'Pull now' }).click();

  await expect(
    app.page.getByRole('heading', { name: 'The merge stopped: 1 file needs your choice' }),
  ).toBeVisible();
  await expect(changes.navigatorLink).toHaveAccessibleName('Changes 1');
  const resolver = await changes.readResolver(spec);
  const block = resolver.getByRole('region', { name: 'Conflict in REQ-2' });
  await expect(block).toContainText('Guests [only on this side: enter] an email address once');
  await expect(block).toContainText('Guests [only on this side: type] an email address once');
  await expect(app.page.getByText('<<<<<<<')).toHaveCount(0);
  await screenshot(app.page, 'conflict-resolver');
  await expectAccessible(app.page);
  expect(await specBadge(app)).toBe('Both sides changed it in a merge: resolve it in Changes');

  // The conflicted document never opens in the rich editor.
  await app.goto(`#/doc/${spec}`);
  await expect(app.page.getByRole('heading', { name: 'This document has merge conflicts' })).toBeVisible();
  await app.page.getByRole('link', { name: 'Resolve them in Changes' }).click();

  await block.getByRole('radio', { name: 'Edit' }).check();
  // The requirement's words, without the :::requirement fence around them.
  await expect(block.getByRole('textbox', { name: 'Your text for REQ-2' })).toHaveValue(
    /^Guests enter an email address once, and it is used[^]*[^:]$/,
  );
  await block
    .getByRole('textbox', { name: 'Your text for REQ-2' })
    .fill(
      (await block.getByRole('textbox', { name: 'Your text for REQ-2' }).inputValue()).replace(
        'enter an email address',
        'enter or paste an email address',
      ),
    );
  await resolver.getByRole('button', { name: 'Save this file' }).click();
  await expect(changes.conflicts).toHaveText(`✓ Resolved${spec}`);
  // git's message, without its "# Conflicts:" lines, to edit before the merge is committed with it.
  await expect(changes.mergeMessage).toHaveValue(/^Merge branch 'main' of [^\n#]+$/);
  await changes.mergeMessage.fill('Merge Sam’s REQ-2 wording\n\n#2 asked for paste.');
  await screenshot(app.page, 'changes-finish-merge-message');
  await app.page.getByRole('button', { name: 'Finish merge' }).click();
  await expect(changes.lastAction).toHaveText('Merge committed.');
  expect(git(workspaceDir, 'log', '-1', '--format=%B').trim()).toBe(
    'Merge Sam’s REQ-2 wording\n\n#2 asked for paste.',
  );
  await expect(changes.sync).toContainText('2 commits to push');
  expect(await specBadge(app)).toBe('');
  await changes.open();
  await changes.push();
  await expect(changes.sync).toContainText('up to date with origin/main');

  git(team.sam, 'pull', '-q');
  const merged = await fs.readFile(path.join(team.sam, spec), 'utf8');
  expect([
    merged.includes('Guests enter or paste an email address once'),
    merged.includes('<<<<<<<'),
    merged.match(/^:::requirement\{#REQ-2 /gm)?.length,
  ]).toEqual([true, false, 1]);
});

test('automatic sync: pull when Specbench opens, then commit, pull and push on the timer', async ({
  app,
  workspaceDir,
}) => {
  test.setTimeout(120_000);
  team = await shareWithSam(workspaceDir);
  const changes = new ChangesModel(app.page);
  await changes.open();
  await changes.setIdentity('Dana', 'dana@example.com');
  await app.page.getByRole('checkbox', { name: 'Pull when Specbench opens' }).check();
  await app.page.getByRole('combobox', { name: 'Commit and push my changes' }).selectOption('5');
  // This clone's own choice, in its git config; never in the shared workspace.
  await expect
    .poll(() => {
      try {
        return git(workspaceDir, 'config', '--get-regexp', '^specbench\\.');
      } catch {
        return '';
      }
    })
    .toBe('specbench.pullonopen true\nspecbench.syncminutes 5\n');

  // Sam pushes while Dana is away; opening Specbench again brings it in. The page's clock is ours
  // from here, so the five minutes can pass at once.
  await samChanges(team, req2, 'Guests type an email address once', 'Sam rewords REQ-2');
  await app.page.clock.install();
  await app.page.reload();
  await changes.open();
  const autoSync = app.page.getByRole('status', { name: 'Automatic sync' });
  await expect(autoSync).toContainText(/^Pulled when Specbench opened: /);
  expect(await fs.readFile(path.join(workspaceDir, spec), 'utf8')).toContain(
    'Guests type an email address once',
  );
  await app.page.screenshot({ path: test.info().outputPath('auto-sync-message.png') });
  // Read, it goes (it stayed for the whole session).
  await autoSync.getByRole('button', { name: 'Dismiss' }).click();
  await expect(autoSync).toBeHidden();

  await edit(
    workspaceDir,
    'Guest shoppers can pay without creating an account.',
    'Guests pay without an account.',
  );
  await expect(changes.navigatorLink).toHaveAccessibleName('Changes 1');
  await app.page.clock.fastForward('05:01');
  await expect(app.page.getByText(/^Synced at /)).toBeVisible();
  // The commit says what changed: the spec and the requirement, then a line per file.
  expect(git(workspaceDir, 'log', '-1', '--format=%an %s%n%b')).toBe(
    'Dana Sync: SPEC-1 (REQ-1)\n- specs/guest-checkout.md (SPEC-1 Guest checkout): REQ-1 changed\n\n',
  );
  git(team.sam, 'pull', '-q');
  expect(await fs.readFile(path.join(team.sam, spec), 'utf8')).toContain('Guests pay without an account.');
  await expect(changes.navigatorLink).toHaveAccessibleName('Changes 0');
});

test('an automatic pull that stops at a conflict says "Pulling…" until it has ended, as a Pull from the bar does', async ({
  app,
  workspaceDir,
}) => {
  team = await shareWithSam(workspaceDir, { as: 'Dana' });
  git(workspaceDir, 'config', 'specbench.syncMinutes', '5');
  await samChanges(team, req2, 'Guests type an email address once', 'Sam rewords REQ-2');
  // The timer's pull ends in git before its answer reaches the page: held here, as a slow answer would be.
  let pulled: () => void = () => undefined;
  const pullDone = new Promise<void>((resolve) => (pulled = resolve));
  let holdPull = true;
  await app.page.route('**/api/gitPull', async (route) => {
    const response = await route.fetch();
    pulled();
    while (holdPull) await new Promise((resolve) => setTimeout(resolve, 100));
    await route.fulfill({ response });
  });
  await app.page.clock.install();
  await app.page.reload();
  const changes = new ChangesModel(app.page);
  await changes.open();
  await edit(workspaceDir, req2, 'Guests enter an email address once');
  await expect(changes.navigatorLink).toHaveAccessibleName('Changes 1');
  await app.page.clock.fastForward('05:01');
  await pullDone;
  // A status read meanwhile sees git's merge: the panel still waits for the pull, as for a manual one.
  await app.page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect.poll(() => git(workspaceDir, 'status', '--porcelain', '--', spec)).toMatch(/^UU /);
  const waiting = app.page.getByRole('status', { name: 'Changed files' });
  await expect(waiting).toHaveText('Pulling…');
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.page.screenshot({ path: test.info().outputPath('auto-pull-waiting-1024.png') });
  await expect(
    app.page.getByRole('heading', { name: /^(Every conflict is resolved|The merge stopped)/ }),
  ).toHaveCount(0);
  holdPull = false;
  await expect(
    app.page.getByRole('heading', { name: 'The merge stopped: 1 file needs your choice' }),
  ).toBeVisible();
  await expect(app.page.getByRole('status', { name: 'Automatic sync' })).toContainText(
    'Automatic sync stopped at a conflict: resolve it in Changes.',
  );
});

test('automatic sync without a remote commits, says there is nowhere to push, and the list empties', async ({
  app,
  workspaceDir,
}) => {
  const changes = new ChangesModel(app.page);
  await changes.open();
  // Pull and Push are off without a remote: the bar says how to add one, the command ready to copy.
  await expect(changes.sync).toContainText(
    'To share this workspace, run git remote add origin <address> in a terminal in this folder',
  );
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await changes.sync.getByRole('button', { name: 'Copy command' }).click();
  await expect(changes.sync.getByRole('button', { name: 'Command copied' })).toBeVisible();
  expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(
    'git remote add origin <address>',
  );
  await app.page.screenshot({ path: test.info().outputPath('no-remote-hint.png') });
  await changes.setIdentity('Dana', 'dana@example.com');
  await app.page.getByRole('combobox', { name: 'Commit and push my changes' }).selectOption('5');
  // git config --get fails until the setting is written: read that as not yet.
  await expect
    .poll(() => {
      try {
        return git(workspaceDir, 'config', '--get', 'specbench.syncMinutes').trim();
      } catch {
        return '';
      }
    })
    .toBe('5');
  await app.page.clock.install();
  await app.page.reload();
  await changes.open();
  await edit(workspaceDir, req2, 'Guests enter an email address once');
  await expect(changes.navigatorLink).toHaveAccessibleName('Changes 1');
  await app.page.clock.fastForward('05:01');
  await expect(app.page.getByText('Saved a commit; there is no remote to push to.')).toBeVisible();
  expect(git(workspaceDir, 'log', '-1', '--format=%s')).toBe('Sync: SPEC-1 (REQ-2)\n');
  // The commit emptied the list: it must not go on showing the file (it did until a reload).
  await expect(changes.navigatorLink).toHaveAccessibleName('Changes 0');
  await expect(changes.files).toHaveCount(0);
});

test('Keep both on a requirement both sides reworded keeps the copy already on origin/main under its key and gives mine (not pushed) the next one', async ({
  app,
  workspaceDir,
}) => {
  team = await shareWithSam(workspaceDir, { as: 'Dana' });
  await edit(workspaceDir, req2, 'Guests enter an email address once');
  git(workspaceDir, 'commit', '-q', '-am', 'Dana rewords REQ-2');
  await samChanges(team, req2, 'Guests type an email address once', 'Sam rewords REQ-2');
  const changes = new ChangesModel(app.page);
  await changes.open();
  await changes.pull();
  const resolver = await changes.readResolver(spec);
  const block = resolver.getByRole('region', { name: 'Conflict in REQ-2' });
  // Before the click: which copy Keep both renames, and why: Sam's is already shared, Dana's is not.
  await expect(block).toContainText(
    'Keep both: yours gets the new key REQ-15; theirs (origin/main) keeps REQ-2. Theirs is already on ' +
      'origin/main, so teammates’ links to REQ-2 keep meaning it; yours is not pushed yet, so no teammate has linked to it.',
  );
  await screenshot(app.page, 'conflict-keep-both-note');
  await block.getByRole('radio', { name: 'Keep both' }).check();
  await resolver.getByRole('button', { name: 'Save this file' }).click();
  await expect(changes.lastAction).toHaveText(
    'REQ-2 “Guests type an email address once, and it is used for the receipt and every order update.”, theirs (origin/main), already on origin/main, keeps its key, so links to ' +
      'REQ-2 keep meaning it; REQ-2 “Guests enter…”, yours, not pushed yet, ' +
      'is now REQ-15.',
  );
  const text = await fs.readFile(path.join(workspaceDir, spec), 'utf8');
  expect([
    text.match(/^:::requirement\{#REQ-2 [^\n]*\n[^\n]*/m)?.[0].split('\n')[1],
    text.match(/^:::requirement\{#REQ-15 [^\n]*\n[^\n]*/m)?.[0].split('\n')[1],
  ]).toEqual([
    expect.stringContaining('Guests type an email address once'),
    expect.stringContaining('Guests enter an email address once'),
  ]);
});

test('a key both sides created is found after the pull, the newer copy gets a new key in one click, and the links its side wrote follow it', async ({
  app,
  workspaceDir,
}) => {
  // Two clones, a rename, pointing, Undo, a reload and history: longer than one view's budget.
  test.slow();
  team = await shareWithSam(workspaceDir);
  const block = (text: string) => `\n:::requirement{#REQ-15 priority=should status=draft}\n${text}\n:::\n`;
  const append = (folder: string, file: string, text: string) =>
    fs.appendFile(path.join(folder, file), block(text));
  // Dana writes REQ-15 first; Sam, a day later on his clone, writes another REQ-15.
  await append(workspaceDir, spec, 'Guests can download a receipt as PDF.');
  await fs.appendFile(path.join(workspaceDir, spec), '\nReceipts as PDF: [[REQ-15]].\n');
  git(
    workspaceDir,
    'commit',
    '-q',
    '-am',
    'REQ-15 receipts',
    '--date=2026-12-01T10:00:00Z',
    '--author=Dana <dana@example.com>',
  );
  await append(team.sam, 'specs/promo-codes.md', 'A promo code can be shared by link.');
  // Sam's own links to his REQ-15: a story that implements it, and a mention in his spec.
  await fs.appendFile(path.join(team.sam, 'specs/promo-codes.md'), '\nShared codes: [[REQ-15]].\n');
  const story = path.join(team.sam, 'stories/apply-promo-code.md');
  await fs.writeFile(
    story,
    (await fs.readFile(story, 'utf8')).replace(
      'implements: [REQ-12, REQ-14]',
      'implements: [REQ-12, REQ-14, REQ-15]',
    ),
  );
  git(
    team.sam,
    'commit',
    '-q',
    '-am',
    'REQ-15 shared codes',
    '--date=2026-12-02T10:00:00Z',
    '--author=Sam <sam@example.com>',
  );
  git(team.sam, 'push', '-q');
  git(workspaceDir, 'pull', '-q', '--no-rebase', '--no-edit');
  // Both copies are on the remote now: the one added later gets the new key.
  git(workspaceDir, 'push', '-q');

  const changes = new ChangesModel(app.page);
  await changes.open();
  const duplicates = app.page.getByRole('region', { name: '1 key is defined twice' });
  const places = duplicates.getByRole('list', { name: 'Where REQ-15 is defined' });
  await expect(places.getByRole('listitem')).toHaveText([
    /^specs\/guest-checkout\.md added Dec 1, 2026 by Dana$/,
    /^specs\/promo-codes\.md added Dec 2, 2026 by Sam gets REQ-16$/,
  ]);
  await expect(changes.sync).toContainText('up to date with origin/main');
  await screenshot(app.page, 'changes-duplicate-keys');
  await duplicates.getByRole('button', { name: 'Give the newer one a new key' }).click();
  await expect(app.page.getByRole('region', { name: 'No duplicate keys left' })).toContainText(
    'REQ-15 in specs/promo-codes.md is now REQ-16; links to REQ-15 keep meaning the other.',
  );
  const [mine = '', theirs = ''] = await Promise.all(
    [spec, 'specs/promo-codes.md'].map((file) => fs.readFile(path.join(workspaceDir, file), 'utf8')),
  );
  expect([mine.includes(':::requirement{#REQ-15 '), theirs.includes(':::requirement{#REQ-16 ')]).toEqual([
    true,
    true,
  ]);
  // git blame finds the links Sam wrote beside his copy, and not Dana's link to hers.
  const links = app.page.getByRole('list', { name: 'Links to REQ-15 to point to REQ-16' });
  await expect(links.getByRole('listitem')).toHaveText([
    /^SPEC-4 mentions REQ-15 \(specs\/promo-codes\.md line \d+, Sam, [0-9a-f]{7}\)Point to REQ-16$/,
    /^STORY-10 implements REQ-15 \(stories\/apply-promo-code\.md line 6, Sam, [0-9a-f]{7}\)Point to REQ-16$/,
  ]);
  await screenshot(app.page, 'changes-repoint-links');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app.page, 'changes-repoint-links-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });
  // Until they are pointed, the navigator's Changes entry, Push and the story's page say so.
  await expect(app.page.locator('#count-relink')).toContainText('↻2');
  await expect(changes.navigatorLink).toHaveAccessibleName(/2 links to point at a renamed key$/);
  await changes.sync.getByRole('button', { name: 'Push' }).click();
  const unpointed = app.page.getByRole('alert', { name: 'Links to point before pushing' });
  // Each link says how it links, a mention on which line, and no parentheses nest.
  await expect(unpointed).toContainText(
    /^2 links still point at a key renamed after a merge: SPEC-4 mentions REQ-15 on line \d+, meant for REQ-16; STORY-10 implements REQ-15, meant for REQ-16\. Teammates who pull will read them as the other requirement\. Point or keep them below first\./,
  );
  await app.page.screenshot({ path: test.info().outputPath('push-warns-unpointed.png') });
  await unpointed.getByRole('button', { name: 'Cancel' }).click();
  await expect(unpointed).toBeHidden();
  await app.goto('#/stories/stories/apply-promo-code.md');
  await expect(app.page.getByRole('status', { name: 'Renamed key' })).toContainText(
    'STORY-10 implements REQ-15, written for the copy renamed to REQ-16 after a merge: point it to REQ-16 or keep REQ-15.',
  );
  await app.page.screenshot({ path: test.info().outputPath('story-rekeyed-link.png') });
  await changes.open();
  const read = (file: string) => fs.readFile(path.join(workspaceDir, file), 'utf8');
  const [promoBefore, storyBefore] = await Promise.all([
    read('specs/promo-codes.md'),
    read('stories/apply-promo-code.md'),
  ]);
  await app.page.getByRole('button', { name: 'Point all 2 to REQ-16' }).click();
  const notice = app.page.getByRole('status').filter({ hasText: 'point to REQ-16 now' });
  await expect(notice).toHaveText('2 links point to REQ-16 now. Undo');
  expect([
    (await read('specs/promo-codes.md')).includes('Shared codes: [[REQ-16]].'),
    await read('stories/apply-promo-code.md'),
  ]).toEqual([
    true,
    storyBefore.replace('implements: [REQ-12, REQ-14, REQ-15]', 'implements: [REQ-12, REQ-14, REQ-16]'),
  ]);
  expect(await read(spec)).toContain('Receipts as PDF: [[REQ-15]].');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(app.page.getByRole('status').filter({ hasText: 'Back to REQ-15' })).toBeVisible();
  expect([await read('specs/promo-codes.md'), await read('stories/apply-promo-code.md')]).toEqual([
    promoBefore,
    storyBefore,
  ]);
  await links.getByRole('button', { name: /^Point STORY-10 line 6 to REQ-16$/ }).click();
  await expect(links.getByRole('listitem').nth(1)).toHaveText(/^STORY-10 implements REQ-16 /);
  expect(await read('stories/apply-promo-code.md')).toContain('implements: [REQ-12, REQ-14, REQ-16]');
  // The offer lasts: away and back, and after a reload, the link not pointed yet is still listed.
  await app.section('Stories').click();
  await app.page.reload();
  await changes.open();
  await expect(links.getByRole('listitem')).toHaveText([
    /^SPEC-4 mentions REQ-15 \(specs\/promo-codes\.md line \d+, Sam, [0-9a-f]{7}\)Point to REQ-16$/,
  ]);
  // Keeping REQ-15 for it ends the offer, for good.
  await app.page.getByRole('button', { name: 'Keep it on REQ-15' }).click();
  await expect(links).toBeHidden();
  // The record is shared (committed beside roadmap.json), so keeping the old key is too.
  expect((JSON.parse(await read('rekeys.json')) as { rekeys: unknown[] }).rekeys).toEqual([]);
  // REQ-16's history goes back through the new key to Sam's REQ-15, and not to Dana's.
  await app.goto('#/history/REQ-16');
  const history = app.page.getByRole('list', { name: 'Changes' }).locator(':scope > li');
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText('was REQ-15');
  await expect(history.nth(1)).toContainText('REQ-15 shared codes');
  await app.page.screenshot({ path: test.info().outputPath('history-through-rekey.png') });
});

test('Abort asks first, and puts the files back as they were before the pull', async ({
  app,
  workspaceDir,
}) => {
  team = await shareWithSam(workspaceDir, { as: 'Dana' });
  await samChanges(team, req2, 'Sam’s words', 'Sam');
  await edit(workspaceDir, req2, 'Dana’s words');
  git(workspaceDir, 'commit', '-q', '-am', 'Dana');
  const changes = new ChangesModel(app.page);
  await changes.open();
  await changes.pull();
  await expect(changes.conflicts).toBeVisible();
  // Not "1 commit to push · 1 commit to pull": the merge waits, as a stopped rebase says.
  await expect(changes.sync).toContainText('Branch main (merging)');
  await expect(changes.sync).toContainText('merging origin/main: resolve, then Finish merge');
  await app.page.screenshot({ path: test.info().outputPath('stopped-merge-branch-line.png') });
  await app.page.getByRole('button', { name: 'Abort merge…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Abort the merge?' });
  await dialog.getByRole('button', { name: 'Keep resolving' }).click();
  await expect(dialog).toBeHidden();
  await expect(changes.conflicts).toBeVisible();
  await app.page.getByRole('button', { name: 'Abort merge…' }).click();
  await dialog.getByRole('button', { name: 'Abort merge' }).click();
  await expect(changes.conflicts).toBeHidden();
  await expect(changes.sync).toContainText('1 commit to push · 1 commit to pull');
  expect(await fs.readFile(path.join(workspaceDir, spec), 'utf8')).toContain('Dana’s words');
});

test('History shows who changed a requirement, with the diff, and compares two revisions', async ({
  app,
  workspaceDir,
}) => {
  await edit(workspaceDir, req2, 'Guests enter an email address once');
  git(workspaceDir, 'commit', '-q', '-am', 'Reword REQ-2');
  await app.openDocument(spec);
  await app.page.getByRole('link', { name: 'History of REQ-2' }).click();
  await expect(app.page.getByRole('heading', { name: /^History of REQ-2/, level: 1 })).toBeVisible();
  const list = app.page.getByRole('list', { name: 'Changes' });
  // Its own items only: each change lists its criteria too.
  const entries = list.locator(':scope > li');
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText('Reword REQ-2');
  await expect(entries.first()).toContainText('Guests [removed: give][added: enter] an email address once');
  const compare = app.page.getByRole('form', { name: 'Compare revisions' });
  await compare.getByRole('button', { name: 'Compare' }).click();
  await expect(compare.getByRole('region', { name: 'Comparison' })).toContainText('REQ-2 changed');
  await expect(compare.getByRole('region', { name: 'Comparison' })).toContainText('[added: enter]');
  await screenshot(app.page, 'requirement-history');

  await app.goto('#/roadmap/RM-1');
  await app.page.getByRole('link', { name: 'History of RM-1' }).click();
  await expect(app.page.getByRole('heading', { name: 'History of RM-1', level: 1 })).toBeVisible();
  await expect(entries.first()).toContainText('sample');

  await app.openDocument(spec);
  await app.page.getByRole('link', { name: 'History', exact: true }).click();
  await expect(app.page.getByRole('heading', { name: 'History of Guest checkout', level: 1 })).toBeVisible();
  await expect(entries.first()).toContainText('Reword REQ-2');
});

test('Changes and History read a change as a PM does: fields, words and criteria, the source one click away', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, spec);
  const text = await fs.readFile(file, 'utf8');
  await fs.writeFile(
    file,
    text
      .replace('#REQ-2 priority=must status=approved', '#REQ-2 priority=should status=review')
      .replace(req2, 'Guests give an email address exactly once')
      .replace(
        /- Given a placed guest order,[^\n]*\n/,
        '- Given a typo in the address, when the shopper confirms, then they can correct it.\n',
      ),
  );
  const roadmap = path.join(workspaceDir, 'roadmap.json');
  await fs.writeFile(
    roadmap,
    (await fs.readFile(roadmap, 'utf8')).replace('"lane": "now"', '"lane": "next"'),
  );
  const changes = new ChangesModel(app.page);
  await changes.open();
  await changes.files.getByRole('button', { name: spec }).click();
  const diff = app.page.getByRole('region', { name: `Changes in ${spec}` });
  const req = diff.getByRole('group', { name: 'REQ-2', exact: true });
  await expect(req.getByRole('list', { name: 'Fields' })).toHaveText(
    /priority must → should\s*status approved → review/,
  );
  await expect(req.getByRole('insertion')).toHaveText(['should', 'review', '[added: exactly ]']);
  await expect(req).toContainText('Added criterion Given a typo in the address');
  await expect(req).toContainText('Removed criterion Given a placed guest order');
  await expect(req).not.toContainText(':::requirement');
  await screenshot(app.page, 'changes-readable');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app.page, 'changes-readable-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });
  await diff.getByRole('button', { name: 'Show source diff' }).click();
  await expect(req.getByRole('group', { name: 'REQ-2 changed' })).toContainText(
    ':::requirement{#REQ-2 priority=must status=approved roadmap=RM-1}',
  );
  await changes.files.getByRole('button', { name: 'roadmap.json' }).click();
  const items = app.page.getByRole('region', { name: 'Changes in roadmap.json' });
  await expect(items.getByRole('group', { name: 'RM-1 Guest checkout', exact: true })).toHaveText(
    /RM-1 Guest checkout\s*changed.*lane now → next/,
  );
  // Opening a second file leaves the first one open, to read both.
  await expect(diff).toBeVisible();
  await expect(changes.files.getByRole('button', { name: spec })).toHaveAttribute('aria-expanded', 'true');

  git(workspaceDir, 'commit', '-q', '-am', 'REQ-2 back to review');
  await app.goto('#/history/REQ-2');
  const latest = app.page.getByRole('list', { name: 'Changes' }).getByRole('listitem').first();
  await expect(latest).toContainText('REQ-2 back to review');
  await expect(latest.getByRole('list', { name: 'Fields' })).toHaveText(/priority must → should/);
  await expect(latest.getByRole('insertion')).toHaveText(['should', 'review', '[added: exactly ]']);
  // The entry that added REQ-2 says what it started as.
  const added = app.page.getByRole('list', { name: 'Changes' }).getByRole('list', { name: 'Fields' }).last();
  await expect(added).toHaveText(/priority must\s*status approved\s*roadmap RM-1/);
  await screenshot(app.page, 'history-readable');
  await latest.getByRole('button', { name: 'Show source diff' }).click();
  await expect(latest.getByRole('button', { name: 'Show source diff' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(latest).toContainText(':::requirement{#REQ-2 priority=should status=review roadmap=RM-1}');
  await expectAccessible(app.page);
});

test('without a repository each git view says so in one line, and the rest works', async ({ page }) => {
  const folder = await copyWorkspace();
  await fs.rm(path.join(folder, '.git'), { recursive: true, force: true });
  const served = await serve(folder);
  try {
    const app = await openApp(page, served.url);
    const changes = new ChangesModel(page);
    await changes.open();
    await expect(page.getByRole('status', { name: 'Git' })).toHaveText(
      'This folder is not in a git repository, so there is nothing to commit, pull or push (git init starts one).',
    );
    await app.goto('#/history/REQ-2');
    await expect(page.getByRole('status', { name: 'Git' })).toContainText('not in a git repository');
    await app.openDocument(spec);
  } finally {
    served.process.kill('SIGTERM');
    await fs.rm(folder, { recursive: true, force: true });
  }
});

test('Approve records who approved a spec, and an edit afterwards shows it changed since', async ({
  app,
  workspaceDir,
}) => {
  git(workspaceDir, 'config', 'user.name', 'Dana');
  git(workspaceDir, 'config', 'user.email', 'dana@example.com');
  await app.openDocument(spec);
  const signOff = app.page.getByRole('group', { name: 'Sign-off' });
  // The sample's approval is current: it stands, with nothing to approve again.
  await expect(signOff).toContainText('Approved by Dana Whitfield on 2026-11-20 · nothing changed since');
  await expect(signOff.getByRole('button')).toHaveCount(0);
  await edit(workspaceDir, req2, 'Guests enter an email address once');
  await expect(signOff).toContainText('requirements changed since approval');
  await signOff.getByRole('button', { name: 'Approve again' }).click();
  await app.page
    .getByRole('dialog', { name: /^Approve .+ again\?$/ })
    .getByRole('button', { name: 'Approve with these changes' })
    .click();
  await expect(signOff).toContainText('Approved by Dana on');
  await expect(signOff).toContainText('nothing changed since');
  await expect(signOff.getByRole('button')).toHaveCount(0);
  expect(execFileSync('git', ['diff', '--stat'], { cwd: workspaceDir, encoding: 'utf8' })).toContain(spec);
});

test('a requirement changed since review: the story page shows the diff from history, and the trace cell marks it reviewed', async ({
  app,
  workspaceDir,
}) => {
  await edit(workspaceDir, req2, 'Guests give an email address exactly once');
  await app.goto('#/stories/stories/guest-receipt-email.md');
  const since = app.page.getByRole('region', { name: 'Changes since review' });
  await expect(since).toContainText('REQ-2 since this story was reviewed');
  const req2Since = since.getByRole('group', { name: 'REQ-2 since review', exact: true });
  await expect(req2Since).toContainText('Guests give an email address [added: exactly ]once');
  await since.getByRole('button', { name: 'Show source diff' }).click();
  await expect(req2Since).toContainText('removed: Guests give an email address once');
  // The editor shows it too, under the sign-off line, before Mark reviewed.
  await app.goto('#/doc/stories/guest-receipt-email.md');
  await expect(app.page.getByRole('group', { name: 'Sign-off' })).toContainText(
    'REQ-2 changed since this story was reviewed',
  );
  await expect(
    app.page
      .getByRole('region', { name: 'Changes since review' })
      .getByRole('group', { name: 'REQ-2 since review', exact: true }),
  ).toContainText('Guests give an email address [added: exactly ]once');
  await app.section('Traceability').click();
  const mark = app.page.getByRole('button', { name: /^Mark reviewed: .+ against REQ-2$/ });
  await expect(mark).toHaveCount(1);
  await expect(app.page.getByText('REQ-2 changed since review')).toBeVisible();
  await screenshot(app.page, 'trace-suspect-link');
  await expectAccessible(app.page);
  await mark.click();
  await expect(app.page.getByText('REQ-2 changed since review')).toHaveCount(0);
  expect(git(workspaceDir, 'diff', '--numstat', '--', 'stories')).toBe(
    '1\t1\tstories/guest-receipt-email.md\n',
  );
});
