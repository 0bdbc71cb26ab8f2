/**
 * From the walkthrough of working as a team (issue #12): what the Changes panel says and offers at
 * the edges of syncing — a remote that does not have the branch yet, a merge waiting for its
 * conflicts — with real git in temp folders.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChangesModel } from './models/changesModel.js';
import { expect, git, projectRoot, screenshot, test, useEmptyGitConfig } from './specbenchTest.js';

useEmptyGitConfig();

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

test('the line about the last action goes when the repository moves under it in a terminal', async ({
  app,
  workspaceDir,
}) => {
  remote = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-remote-'));
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  git(workspaceDir, 'remote', 'add', 'origin', remote);
  git(workspaceDir, 'push', '-q', '-u', 'origin', 'main');
  git(workspaceDir, 'config', 'user.name', 'Sam');
  git(workspaceDir, 'config', 'user.email', 'sam@example.com');
  const changes = new ChangesModel(app.page);
  await changes.open();
  await fs.appendFile(path.join(workspaceDir, 'specs/guest-checkout.md'), '\nA note from Sam.\n');
  await expect(changes.files).toBeVisible();
  await changes.commit('A note', 1);
  await expect(changes.sync).toContainText('1 commit to push');
  // Pushed from a terminal, then back to the window: "Committed 1 file." no longer describes the branch.
  git(workspaceDir, 'push', '-q');
  await app.page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(changes.sync).toContainText('up to date with origin/main');
  await expect(changes.lastAction).toHaveCount(0);
});

test('a save in the editor counts in Changes at once, not after typing stops', async ({ app }) => {
  const changes = new ChangesModel(app.page);
  await expect(changes.navigatorLink).toHaveAccessibleName('Changes 0');
  await app.openDocument('specs/guest-checkout.md');
  await app.clickEndOf('Cut the time to complete checkout on mobile');
  await app.page.keyboard.type(' Saved.');
  await app.waitSaved();
  // The views learn of a save once per pause in typing (1.2 s), and git's status 0.8 s after that.
  await expect(changes.navigatorLink).toHaveAccessibleName('Changes 1', { timeout: 1_500 });
});

const spec = 'specs/guest-checkout.md';
const req2 = 'Guests give an email address once';

/**
 * Replaces `from` in the spec's text as a person in another editor would: on its first line that is
 * not a conflict marker (since 36de708 the driver's `<<<<<<< ours: REQ-2 “…”` quotes this side's own
 * title, so the first match can be in the label, an edit the resolver rightly ignores).
 */
async function edit(workspaceDir: string, from: string, to: string): Promise<void> {
  const file = path.join(workspaceDir, spec);
  const lines = (await fs.readFile(file, 'utf8')).split('\n');
  const at = lines.findIndex((line) => !/^([<=>|])\1{6}/.test(line) && line.includes(from));
  expect(at, `${from} in the text of ${spec}`).toBeGreaterThanOrEqual(0);
  lines[at] = lines[at]!.replace(from, to);
  await fs.writeFile(file, lines.join('\n'));
}

const req3 = 'suggests verified addresses';

/** Two branches reword REQ-2 (and REQ-3 when asked); merging them stops with the merge driver's markers around both copies. */
async function stopAtConflict(workspaceDir: string, alsoReq3 = false): Promise<void> {
  execFileSync(
    process.execPath,
    [path.join(projectRoot, 'bin', 'specbench.js'), 'merge-driver', 'install', '.'],
    {
      cwd: workspaceDir,
    },
  );
  git(workspaceDir, 'add', '-A');
  git(workspaceDir, 'commit', '-q', '-m', 'merge driver');
  git(workspaceDir, 'checkout', '-q', '-b', 'sam');
  await edit(workspaceDir, req2, 'Guests type an email address once');
  if (alsoReq3) await edit(workspaceDir, req3, 'suggests checked addresses');
  git(workspaceDir, 'commit', '-q', '-am', 'Sam rewords REQ-2');
  git(workspaceDir, 'checkout', '-q', 'main');
  await edit(workspaceDir, req2, 'Guests enter an email address once');
  if (alsoReq3) await edit(workspaceDir, req3, 'suggests known addresses');
  git(workspaceDir, 'commit', '-q', '-am', 'Dana rewords REQ-2');
  expect(() => git(workspaceDir, 'merge', '-q', 'sam')).toThrow();
  expect(await fs.readFile(path.join(workspaceDir, spec), 'utf8')).toMatch(/^<<<<<<< /m);
}

test('mid-merge, Problems says the conflicted spec waits in Changes instead of calling its requirements duplicate keys', async ({
  app,
  workspaceDir,
}) => {
  await stopAtConflict(workspaceDir);
  await app.section('Problems').click();
  const finding = app.page.getByRole('link', { name: /^Merge in progress: this file has conflicts/ });
  await expect(finding).toContainText(spec);
  await expect(app.page.getByText(/REQ-2 is also used in/)).toHaveCount(0);
  await app.page.screenshot({ path: test.info().outputPath('problems-mid-merge.png') });
  // The spec itself sends the user to Changes: a conflicted file never opens in the editor.
  await finding.click();
  await expect(app.page.getByRole('link', { name: 'Resolve them in Changes' })).toBeVisible();
});

test('a key both sides added to the same spec is listed in Changes, and the later copy gets a new key in one click', async ({
  app,
  workspaceDir,
}) => {
  const block = (text: string) => `\n:::requirement{#REQ-15 priority=should status=draft}\n${text}\n:::\n`;
  // As a merge leaves it when Dana and Sam each appended a REQ-15 to the same spec.
  await fs.appendFile(
    path.join(workspaceDir, spec),
    block('Guests can download a receipt as PDF.') + block('A promo code can be shared by link.'),
  );
  const lines = (await fs.readFile(path.join(workspaceDir, spec), 'utf8'))
    .split('\n')
    .flatMap((line, index) => (line.startsWith(':::requirement{#REQ-15 ') ? [index + 1] : []));
  const changes = new ChangesModel(app.page);
  await changes.open();
  const duplicates = app.page.getByRole('region', { name: '1 key is defined twice' });
  // True whether a pull, a merge or the user made the second copy (here nothing was pulled).
  await expect(duplicates).toContainText('The same key is defined more than once in this workspace');
  await expect(
    duplicates.getByRole('list', { name: `The copies of REQ-15 in ${spec}` }).getByRole('listitem'),
  ).toHaveText([
    `line ${lines[0]} “Guests can download a receipt as PDF.” not committed yet`,
    `line ${lines[1]} “A promo code can be shared by link.” not committed yet gets REQ-16`,
  ]);
  await expect(duplicates).toContainText(
    `The copy, line ${lines[1]}, not committed yet, becomes REQ-16; the one, line ${lines[0]}, not committed yet, keeps REQ-15 (neither is older, so the later one is renamed).`,
  );
  await app.page.screenshot({ path: test.info().outputPath('duplicate-within-file.png') });
  await duplicates.getByRole('button', { name: 'Give the newer one a new key' }).click();
  await expect(app.page.getByRole('region', { name: 'No duplicate keys left' })).toContainText(
    `REQ-15 in ${spec} at line ${lines[1]} is now REQ-16; links to REQ-15 keep meaning the other.`,
  );
  const text = await fs.readFile(path.join(workspaceDir, spec), 'utf8');
  expect([
    text.match(/^:::requirement\{#REQ-15 [^\n]*\n[^\n]*/m)?.[0].split('\n')[1],
    text.match(/^:::requirement\{#REQ-16 [^\n]*\n[^\n]*/m)?.[0].split('\n')[1],
  ]).toEqual(['Guests can download a receipt as PDF.', 'A promo code can be shared by link.']);
});

test('a key two branches added to one spec names each copy with its title, author and which is newer, and the newer one is renamed even when it comes first', async ({
  app,
  workspaceDir,
}) => {
  const block = (text: string) => `:::requirement{#REQ-15 priority=should status=draft}\n${text}\n:::\n\n`;
  const file = path.join(workspaceDir, spec);
  const commitAs = (who: string, date: string) =>
    git(
      workspaceDir,
      'commit',
      '-q',
      '-am',
      `${who}: REQ-15`,
      `--date=${date}`,
      `--author=${who} <${who}@example.com>`,
    );
  git(workspaceDir, 'checkout', '-q', '-b', 'erin');
  await fs.appendFile(file, `\n${block('Guests can download a receipt as PDF.')}`);
  commitAs('Erin', '2026-12-01T10:00:00Z');
  git(workspaceDir, 'checkout', '-q', '-b', 'finn', 'main');
  // Finn's copy, a day later, sits earlier in the file than Erin's.
  await fs.writeFile(
    file,
    (await fs.readFile(file, 'utf8')).replace(
      '## Release plan',
      `${block('A promo code can be shared by link.')}## Release plan`,
    ),
  );
  commitAs('Finn', '2026-12-02T10:00:00Z');
  git(workspaceDir, 'checkout', '-q', 'main');
  git(workspaceDir, 'merge', '-q', '--no-edit', 'erin');
  git(workspaceDir, 'merge', '-q', '--no-edit', 'finn');
  const lines = (await fs.readFile(file, 'utf8'))
    .split('\n')
    .flatMap((line, index) => (line.startsWith(':::requirement{#REQ-15 ') ? [index + 1] : []));

  const changes = new ChangesModel(app.page);
  await changes.open();
  const copies = app.page.getByRole('list', { name: `The copies of REQ-15 in ${spec}` });
  await expect(copies.getByRole('listitem')).toHaveText([
    `line ${lines[0]} “A promo code can be shared by link.” added Dec 2, 2026 by Finn gets REQ-16`,
    `line ${lines[1]} “Guests can download a receipt as PDF.” added Dec 1, 2026 by Erin`,
  ]);
  await screenshot(app.page, 'changes-duplicate-within-spec');
  await app.page.getByRole('button', { name: 'Give the newer one a new key' }).click();
  await expect(app.page.getByRole('region', { name: 'No duplicate keys left' })).toContainText(
    `REQ-15 in ${spec} at line ${lines[0]} is now REQ-16`,
  );
  const text = await fs.readFile(file, 'utf8');
  expect([
    /:::requirement\{#REQ-15 [^\n]*\n([^\n]*)/.exec(text)?.[1],
    /:::requirement\{#REQ-16 [^\n]*\n([^\n]*)/.exec(text)?.[1],
  ]).toEqual(['Guests can download a receipt as PDF.', 'A promo code can be shared by link.']);
});

test('a key both sides added to one spec: the copy not pushed yet gets the new key, though the one already on the remote is newer, and the panel says so before the click', async ({
  app,
  workspaceDir,
}) => {
  remote = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-remote-'));
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  git(workspaceDir, 'remote', 'add', 'origin', remote);
  git(workspaceDir, 'push', '-q', '-u', 'origin', 'main');
  const kim = `${remote}-kim`;
  git(os.tmpdir(), 'clone', '-q', remote, kim);
  const block = (text: string) => `:::requirement{#REQ-15 priority=should status=draft}\n${text}\n:::\n\n`;
  const commitAs = (folder: string, who: string, date: string) =>
    git(
      folder,
      'commit',
      '-q',
      '-am',
      `${who}: REQ-15`,
      `--date=${date}`,
      `--author=${who} <${who}@example.com>`,
    );
  try {
    // Sam (this clone) writes his REQ-15 first and does not push; Kim writes hers a day later and pushes.
    const file = path.join(workspaceDir, spec);
    await fs.writeFile(
      file,
      (await fs.readFile(file, 'utf8')).replace(
        '## Release plan',
        `${block('A promo code can be shared by link.')}## Release plan`,
      ),
    );
    commitAs(workspaceDir, 'Sam', '2026-12-01T10:00:00Z');
    await fs.appendFile(path.join(kim, spec), `\n${block('Guests can download a receipt as PDF.')}`);
    commitAs(kim, 'Kim', '2026-12-02T10:00:00Z');
    git(kim, 'push', '-q');
    git(workspaceDir, 'pull', '-q', '--no-rebase', '--no-edit');
    const lines = (await fs.readFile(file, 'utf8'))
      .split('\n')
      .flatMap((line, index) => (line.startsWith(':::requirement{#REQ-15 ') ? [index + 1] : []));

    const changes = new ChangesModel(app.page);
    await changes.open();
    const duplicates = app.page.getByRole('region', { name: '1 key is defined twice' });
    await expect(
      duplicates.getByRole('list', { name: `The copies of REQ-15 in ${spec}` }).getByRole('listitem'),
    ).toHaveText([
      `line ${lines[0]} “A promo code can be shared by link.” added Dec 1, 2026 by Sam gets REQ-16`,
      `line ${lines[1]} “Guests can download a receipt as PDF.” added Dec 2, 2026 by Kim`,
    ]);
    await expect(duplicates).toContainText(
      `Sam's copy, line ${lines[0]}, not pushed yet, becomes REQ-16; Kim's, line ${lines[1]}, already on origin/main, keeps REQ-15 (teammates may already link to the copy on the remote).`,
    );
    await expect(changes.sync).toContainText('2 commits to push');
    await screenshot(app.page, 'changes-duplicate-published');
    await duplicates.getByRole('button', { name: 'Give the newer one a new key' }).click();
    await expect(app.page.getByRole('region', { name: 'No duplicate keys left' })).toContainText(
      `REQ-15 in ${spec} at line ${lines[0]} is now REQ-16`,
    );
    const text = await fs.readFile(file, 'utf8');
    expect([
      /:::requirement\{#REQ-15 [^\n]*\n([^\n]*)/.exec(text)?.[1],
      /:::requirement\{#REQ-16 [^\n]*\n([^\n]*)/.exec(text)?.[1],
    ]).toEqual(['Guests can download a receipt as PDF.', 'A promo code can be shared by link.']);
  } finally {
    await fs.rm(kim, { recursive: true, force: true });
  }
});

test('an edit made in another editor inside the merge markers is Yours in the resolver, and Keep mine saves it', async ({
  app,
  workspaceDir,
}) => {
  await stopAtConflict(workspaceDir);
  // As the walkthrough did in vim: the user's side of REQ-2, edited between git's markers.
  const edited = 'Guests enter an email address once (edited in vim)';
  await edit(workspaceDir, 'Guests enter an email address once', edited);
  const changes = new ChangesModel(app.page);
  await changes.open();
  const resolver = await changes.readResolver(spec);
  await expect(resolver.getByRole('status')).toContainText(
    `${spec} was edited outside Specbench after git merged it: “Yours” shows the text as it is in the file now`,
  );
  const conflict = resolver.getByRole('region', { name: 'Conflict in REQ-2' });
  await expect(conflict.getByRole('figure', { name: 'Yours, as edited in the file' })).toContainText(
    '(edited in vim)',
  );
  await app.page.screenshot({ path: test.info().outputPath('resolver-edited-outside.png') });
  await conflict.getByRole('radio', { name: 'Keep mine' }).check();
  await resolver.getByRole('button', { name: 'Save this file' }).click();
  await expect(changes.conflicts).toHaveText(`✓ Resolved${spec}`);
  const saved = await fs.readFile(path.join(workspaceDir, spec), 'utf8');
  expect([saved.includes(edited), /^[<=>]{7}/m.test(saved)]).toEqual([true, false]);
});

test('a conflict resolved by hand in another editor is not replaced unannounced: the resolver says so before saving', async ({
  app,
  workspaceDir,
}) => {
  await stopAtConflict(workspaceDir);
  // The markers taken out by hand, both sides left: git's index still holds the conflict.
  const file = path.join(workspaceDir, spec);
  await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/^[<=>]{7}.*\n/gm, ''));
  const changes = new ChangesModel(app.page);
  await changes.open();
  await expect((await changes.readResolver(spec)).getByRole('status')).toHaveText(
    `${spec} was edited outside Specbench after git merged it, and that edit cannot be shown here: saving your choices replaces it with git’s sides. To keep the edit instead, finish it in your editor and run git add ${spec}.`,
  );
  await app.page.screenshot({ path: test.info().outputPath('resolver-edit-replaced.png') });
});

test('an edit made in another editor while the resolver is open shows at once, and the choices for blocks it left alone stay', async ({
  app,
  workspaceDir,
}) => {
  // The resolver reads the file twice here, each read a dozen git processes (3–8 s under load).
  test.setTimeout(120_000);
  await stopAtConflict(workspaceDir, true);
  const changes = new ChangesModel(app.page);
  await changes.open();
  const resolver = await changes.readResolver(spec);
  const email = resolver.getByRole('region', { name: 'Conflict in REQ-2' });
  const address = resolver.getByRole('region', { name: 'Conflict in REQ-3' });
  await address.getByRole('radio', { name: 'Take theirs' }).check();
  await email.getByRole('radio', { name: 'Keep mine' }).check();
  // walk12e finding 7: the user edits their side of REQ-2 in vim while the resolver shows the file.
  const edited = 'Guests enter an email address once (edited in vim)';
  await edit(workspaceDir, 'Guests enter an email address once', edited);
  await expect(resolver.getByText('The file changed on disk; the view now shows it.')).toBeVisible({
    timeout: 30_000,
  });
  await expect(email.getByRole('figure', { name: 'Yours, as edited in the file' })).toContainText(
    '(edited in vim)',
  );
  // Keep mine was chosen for other text; Take theirs on REQ-3, which the edit left alone, stays.
  await expect(email.getByRole('radio', { name: 'Keep mine' })).not.toBeChecked();
  await expect(address.getByRole('radio', { name: 'Take theirs' })).toBeChecked();
  await app.page.screenshot({ path: test.info().outputPath('resolver-reread.png'), fullPage: true });
  await email.getByRole('radio', { name: 'Keep mine' }).check();
  await resolver.getByRole('button', { name: 'Save this file' }).click();
  await expect(changes.conflicts).toHaveText(`✓ Resolved${spec}`);
  const saved = await fs.readFile(path.join(workspaceDir, spec), 'utf8');
  expect([
    saved.includes(edited),
    saved.includes('suggests checked addresses'),
    /^[<=>]{7}/m.test(saved),
  ]).toEqual([true, true, false]);
});

test('text typed into Edit stays when the file changes on disk under it, with a line asking to check it', async ({
  app,
  workspaceDir,
}) => {
  test.setTimeout(120_000);
  await stopAtConflict(workspaceDir);
  const changes = new ChangesModel(app.page);
  await changes.open();
  const resolver = await changes.readResolver(spec);
  const email = resolver.getByRole('region', { name: 'Conflict in REQ-2' });
  await email.getByRole('radio', { name: 'Edit' }).check();
  await expect(email).toContainText('Edit: write the block yourself, starting from both.');
  const typed = 'Guests give an email address once, combined by hand.';
  await email.getByRole('textbox', { name: 'Your text for REQ-2' }).fill(typed);
  // walk12f finding 3: the user's own side edited in vim while they were typing.
  await edit(workspaceDir, 'Guests enter an email address once', 'Guests enter an email address once (vim)');
  await expect(email.getByRole('status')).toHaveText(
    'Yours changed on disk since you started this edit: check it.',
    { timeout: 30_000 },
  );
  await expect(email.getByRole('textbox', { name: 'Your text for REQ-2' })).toHaveValue(typed);
  await expect(email.getByRole('figure', { name: 'Yours, as edited in the file' })).toContainText('(vim)');
  await email.screenshot({ path: test.info().outputPath('resolver-edit-kept.png') });
  await resolver.getByRole('button', { name: 'Save this file' }).click();
  await expect(changes.conflicts).toHaveText(`✓ Resolved${spec}`);
  const saved = await fs.readFile(path.join(workspaceDir, spec), 'utf8');
  expect([saved.includes(typed), saved.includes('(vim)'), /^[<=>]{7}/m.test(saved)]).toEqual([
    true,
    false,
    false,
  ]);
});
