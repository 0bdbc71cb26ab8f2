/**
 * Keep both on a key two branches created, as the #12 walkthrough met it: Gina's REQ-15 and the story
 * implementing it were merged first, Hank's REQ-15 arrives later. Gina's copy (already on main) keeps
 * its key; Hank's gets a new one, and the links Hank wrote are offered to follow it.
 */
import { promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ChangesModel } from './models/changesModel.js';
import { expect, git, screenshot, test } from './specbenchTest.js';

// The served app must find no git identity but the repository's own.
const emptyConfig = path.join(os.tmpdir(), `specbench-e2e-gitconfig-keepboth-${process.pid}`);
writeFileSync(emptyConfig, '');
process.env.GIT_CONFIG_GLOBAL = emptyConfig;
process.env.GIT_CONFIG_NOSYSTEM = '1';

const spec = 'specs/guest-checkout.md';
// Each side adds its block and a line about it at the same place: git stops on them.
const requirement = (text: string, about: string) =>
  `\n:::requirement{#REQ-15 priority=should status=draft}\n${text}\n:::\n\n${about}\n`;
const story = (key: string, title: string, text: string) =>
  `---\nkey: ${key}\ntype: story\ntitle: ${title}\nstatus: draft\nimplements: [REQ-15]\n---\n${text}\n`;

async function branch(
  dir: string,
  name: string,
  author: string,
  change: { requirement: [string, string]; story: [string, string, string]; file: string },
): Promise<void> {
  git(dir, 'checkout', '-q', '-b', name, 'main');
  await fs.appendFile(path.join(dir, spec), requirement(...change.requirement));
  await fs.writeFile(path.join(dir, 'stories', change.file), story(...change.story));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', `${name}: REQ-15`, `--author=${author}`);
}

/** Gina and Hank each add a REQ-15 on a branch; gina is merged, and merging hank stops on the spec. */
async function mergeStoppedOnREQ15(workspaceDir: string): Promise<void> {
  git(workspaceDir, 'config', 'user.name', 'Lead');
  git(workspaceDir, 'config', 'user.email', 'lead@example.com');
  await branch(workspaceDir, 'gina', 'Gina <gina@example.com>', {
    requirement: ['Guests can cancel an order within ten minutes.', 'Cancelling is [[REQ-15]].'],
    story: ['STORY-11', 'Cancel my order', 'Cancel within minutes, see [[REQ-15]].'],
    file: 'cancel-order.md',
  });
  await branch(workspaceDir, 'hank', 'Hank <hank@example.com>', {
    requirement: ['Guests can add a gift message.', 'Gift messages: [[REQ-15]].'],
    story: ['STORY-12', 'Gift message', 'A gift message, as [[REQ-15]] says.'],
    file: 'gift-message.md',
  });
  git(workspaceDir, 'checkout', '-q', 'main');
  git(workspaceDir, 'merge', '-q', '--no-ff', '--no-edit', 'gina');
  expect(() =>
    execFileSync('git', ['merge', '-q', '--no-edit', 'hank'], { cwd: workspaceDir, stdio: 'pipe' }),
  ).toThrow();
}

test('Keep both on a key two branches created keeps the copy committed first (neither is on a remote) and renames the other, with its links offered', async ({
  app,
  workspaceDir,
}) => {
  // Two branches, a merge, the resolver, a held status read and the links: more than one view's budget.
  test.slow();
  await mergeStoppedOnREQ15(workspaceDir);

  const changes = new ChangesModel(app.page);
  await changes.open();
  const resolver = await changes.readResolver(spec);
  // Both sides read the same way: the requirement as its key and fields, then the text after it, and
  // each side's [[REQ-15]] labelled with that side's own REQ-15.
  const side = (name: string) => resolver.getByRole('figure', { name });
  await expect(side('Yours').locator('.resolver__fields')).toHaveText(
    'REQ-15 · priority should · status draft',
  );
  await expect(side('Theirs (hank)').locator('.resolver__fields')).toHaveText(
    'REQ-15 · priority should · status draft',
  );
  await expect(side('Yours')).toContainText(
    '[only on this side: Cancelling is] REQ-15 Guests can cancel an order within ten minutes.',
  );
  await expect(side('Theirs (hank)')).toContainText(
    '[only on this side: Gift messages:] REQ-15 Guests can add a gift message.',
  );
  // What differs is marked on each side, and said in words (not by colour alone).
  await expect(side('Yours').getByRole('document', { name: 'Yours: REQ-15' })).toHaveText(
    'Guests can [only on this side: cancel an order within ten minutes].',
  );
  await expect(side('Theirs (hank)').getByRole('document', { name: 'Theirs (hank): REQ-15' })).toHaveText(
    'Guests can [only on this side: add a gift message].',
  );
  await expect(side('Yours').locator('mark')).toHaveText([
    /cancel an order within ten minutes/,
    /Cancelling is/,
  ]);
  await screenshot(app.page, 'changes-resolver-sides');
  // The message written before choosing: Keep both's line is added to it, not lost with git's.
  await changes.mergeMessage.fill('Merge Hank’s gift message\n\n#7 asked for both.');
  await resolver
    .getByRole('region', { name: /^Conflict in / })
    .getByRole('radio', { name: 'Keep both' })
    .check();
  // The file shows resolved from the save's answer, not once a slow status read confirms it.
  let holdStatus = true;
  await app.page.route('**/api/gitStatus', async (route) => {
    while (holdStatus) await new Promise((resolve) => setTimeout(resolve, 100));
    await route.continue();
  });
  await resolver.getByRole('button', { name: 'Save this file' }).click();
  // The save itself runs git (8 s at load 15); the status stays held, so only its answer can tick the file.
  await expect(changes.conflicts).toHaveText(`✓ Resolved${spec}`, { timeout: 30_000 });
  await expect(app.page.getByRole('button', { name: 'Save this file' })).toHaveCount(0);
  holdStatus = false;
  await expect(changes.mergeMessage).toHaveValue(
    "Merge Hank’s gift message\n\n#7 asked for both.\n\nKeep both: REQ-15 (hank's copy) is now REQ-16",
  );
  await expect(changes.lastAction).toHaveText(
    'REQ-15 “Guests can cancel an order within ten minutes.”, yours, committed first, keeps its key, ' +
      'so links to REQ-15 keep meaning it; REQ-15 “Guests can add a gift message.”, theirs (hank), committed ' +
      'later, is now REQ-16.',
  );
  const text = await fs.readFile(path.join(workspaceDir, spec), 'utf8');
  expect([
    /:::requirement\{#REQ-15 [^\n]*\n([^\n]*)/.exec(text)?.[1],
    /:::requirement\{#REQ-16 [^\n]*\n([^\n]*)/.exec(text)?.[1],
  ]).toEqual(['Guests can cancel an order within ten minutes.', 'Guests can add a gift message.']);
  // Hank's links arrived with his copy; Gina's, already on main, are not offered.
  const links = app.page.getByRole('list', { name: 'Links to REQ-15 to point to REQ-16' });
  await expect(links.getByRole('listitem')).toHaveText([
    /^SPEC-1 mentions REQ-15 \(specs\/guest-checkout\.md line \d+, Hank, [0-9a-f]{7}\)Point to REQ-16$/,
    /^STORY-12 implements REQ-15 \(stories\/gift-message\.md line 6, Hank, [0-9a-f]{7}\)Point to REQ-16$/,
    /^STORY-12 mentions REQ-15 \(stories\/gift-message\.md line 8, Hank, [0-9a-f]{7}\)Point to REQ-16$/,
  ]);
  await screenshot(app.page, 'changes-keep-both-renamed');
  // Away and back, the offer is still there (it is kept until acted on).
  await app.section('Stories').click();
  await changes.open();
  await expect(links.getByRole('listitem')).toHaveCount(3);
  // Hank's links pointed at his copy while the merge is open: Finish lists the story and commits it with the merge.
  await app.page.getByRole('button', { name: 'Point all 3 to REQ-16' }).click();
  await expect(app.page.getByRole('status').filter({ hasText: 'point to REQ-16 now' })).toHaveText(
    '3 links point to REQ-16 now. Undo',
  );
  await app.page.getByRole('button', { name: 'Finish merge' }).click();
  await expect(
    app.page.getByRole('list', { name: 'Changed files not in the merge' }).getByRole('listitem'),
    // Not rekeys.json: Keep both staged its record with the file, so it is part of the merge already.
  ).toHaveText([spec, 'stories/gift-message.md']);
  await screenshot(app.page, 'changes-finish-left-over');
  await app.page.getByRole('button', { name: 'Commit them with the merge' }).click();
  await expect(changes.lastAction).toHaveText('Merge committed.');
  // The merge commit has the user's message and names the key Keep both changed.
  expect(git(workspaceDir, 'log', '-1', '--format=%B').trim()).toBe(
    "Merge Hank’s gift message\n\n#7 asked for both.\n\nKeep both: REQ-15 (hank's copy) is now REQ-16",
  );
  expect([
    git(workspaceDir, 'show', 'HEAD:stories/gift-message.md').includes('implements: [REQ-16]'),
    git(workspaceDir, 'show', `HEAD:${spec}`).includes('Gift messages: [[REQ-16]].'),
    // The rename reaches teammates' clones with the merge (rekeys.json is shared since 53ea089).
    git(workspaceDir, 'show', 'HEAD:rekeys.json').includes('REQ-16'),
    git(workspaceDir, 'status', '--porcelain'),
  ]).toEqual([true, true, true, '']);
  const [gina = '', hank = '', specText = ''] = await Promise.all(
    ['stories/cancel-order.md', 'stories/gift-message.md', spec].map((file) =>
      fs.readFile(path.join(workspaceDir, file), 'utf8'),
    ),
  );
  expect([
    specText.includes('Cancelling is [[REQ-15]].'),
    specText.includes('Gift messages: [[REQ-16]].'),
  ]).toEqual([true, true]);
  expect([
    gina.includes('implements: [REQ-15]'),
    hank.includes('implements: [REQ-16]'),
    hank.includes('[[REQ-16]]'),
  ]).toEqual([true, true, true]);
  // The spec's own History says where the renamed copy came from, as REQ-16's History does (walk12f 095).
  await app.openDocument(spec);
  await app.page.getByRole('link', { name: 'History', exact: true }).click();
  const copy = app.page
    .getByRole('list', { name: 'Changes' })
    .getByRole('listitem')
    .first()
    .getByRole('group', { name: 'REQ-16', exact: true });
  await expect(copy.getByRole('heading')).toHaveText('REQ-16 added (was REQ-15)');
  await screenshot(app.page, 'history-keep-both-copy');
  // REQ-16's own History says what the Lead did, not only that a merge resolved something.
  await app.goto('#/history/REQ-16');
  // Its older commits are Hank's, whose copy it is, not Gina's, whose copy kept REQ-15.
  const entries = app.page.getByRole('list', { name: 'Changes' }).locator(':scope > li');
  await expect(entries.locator('.history-meta')).toHaveText([
    /^Kept both in a merge by Lead: this copy of REQ-15 became REQ-16 · [^·]+ · [0-9a-f]{7}$/,
    /^Hank · /,
  ]);
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await screenshot(app.page, 'history-kept-both-1024');
});

test('Keep both, then Finish merge with git’s message left as it was: the box shows and the merge commit gets the line naming the renamed copy (walk12g 2)', async ({
  app,
  workspaceDir,
}) => {
  test.slow();
  await mergeStoppedOnREQ15(workspaceDir);

  const changes = new ChangesModel(app.page);
  await changes.open();
  const resolver = await changes.readResolver(spec);
  await expect(changes.mergeMessage).toHaveValue("Merge branch 'hank'");
  await resolver
    .getByRole('region', { name: /^Conflict in / })
    .getByRole('radio', { name: 'Keep both' })
    .check();
  await resolver.getByRole('button', { name: 'Save this file' }).click();
  await expect(changes.conflicts).toHaveText(`✓ Resolved${spec}`, { timeout: 30_000 });
  // The box shows the message Finish commits, Keep both's line with it: it showed git's alone.
  const committed = "Merge branch 'hank'\n\nKeep both: REQ-15 (hank's copy) is now REQ-16";
  await expect(changes.mergeMessage).toHaveValue(committed);
  // Taken out of the box, the line is still committed, and the panel says so.
  await changes.mergeMessage.fill("Merge branch 'hank'");
  await expect(app.page.getByText(/^Finish merge keeps/)).toHaveText(
    "Finish merge keeps “Keep both: REQ-15 (hank's copy) is now REQ-16” in the message: teammates read there which key changed.",
  );
  await screenshot(app.page, 'changes-merge-message-kept-line');
  await changes.mergeMessage.fill(committed);
  await expect(app.page.getByText(/^Finish merge keeps/)).toHaveCount(0);
  await app.page.getByRole('button', { name: 'Finish merge' }).click();
  await expect(changes.lastAction).toHaveText('Merge committed.');
  expect(git(workspaceDir, 'log', '-1', '--format=%B').trim()).toBe(committed);
});
