/**
 * Changes and Compare read a key change and an added requirement in words, with real git: the
 * rekey after a merge reads "REQ-2 → REQ-30 (new key)", an added requirement its fields and text.
 */
import { promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChangesModel } from './models/changesModel.js';
import { expect, git, test } from './specbenchTest.js';

// The served app must find no git identity of its own (the fixture's git gives its own).
const emptyConfig = path.join(os.tmpdir(), `specbench-e2e-gitconfig-${process.pid}`);
writeFileSync(emptyConfig, '');
process.env.GIT_CONFIG_GLOBAL = emptyConfig;
process.env.GIT_CONFIG_NOSYSTEM = '1';

const spec = 'specs/guest-checkout.md';

test('a key change reads "REQ-2 → REQ-30 (new key)" and an added requirement reads in words, in Changes and Compare', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, spec);
  const text = await fs.readFile(file, 'utf8');
  await fs.writeFile(
    file,
    `${text
      .replace('{#REQ-2 priority=must', '{#REQ-30 priority=must')
      .trimEnd()}\n\n:::requirement{#REQ-31 priority=could status=draft roadmap=RM-2}\nA code never combines with another code.\n\n- Given a free-shipping code, when a second code is entered, then the first one stays.\n:::\n`,
  );
  const changes = new ChangesModel(app.page);
  await changes.open();
  await changes.files.getByRole('button', { name: spec }).click();
  const diff = app.page.getByRole('region', { name: `Changes in ${spec}` });
  await expect(diff.getByRole('group', { name: 'REQ-2 → REQ-30 (new key)', exact: true })).toContainText(
    'key REQ-2 → REQ-30',
  );
  await expect(diff.getByRole('group', { name: 'REQ-2', exact: true })).toHaveCount(0);
  await expect(diff.getByRole('group', { name: 'REQ-30', exact: true })).toHaveCount(0);
  await app.page.screenshot({ path: test.info().outputPath('changes-rekeyed.png') });

  git(workspaceDir, 'commit', '-q', '-am', 'REQ-2 gets a new key; REQ-31 added');
  await app.openDocument(spec);
  await app.page.getByRole('link', { name: 'History', exact: true }).click();
  const compare = app.page.getByRole('form', { name: 'Compare revisions' });
  await compare.getByRole('button', { name: 'Compare' }).click();
  const comparison = compare.getByRole('region', { name: 'Comparison' });
  await expect(comparison).toContainText('REQ-2 → REQ-30 (new key) changed');
  const added = comparison.getByRole('group', { name: 'REQ-31', exact: true });
  await expect(added.getByRole('list', { name: 'Fields' })).toHaveText(
    /priority could\s*status draft\s*roadmap RM-2/,
  );
  await expect(added).toContainText('A code never combines with another code.');
  await expect(added).toContainText('Added criterion Given a free-shipping code');
  await expect(comparison).not.toContainText('+A code never combines');
  await comparison.screenshot({ path: test.info().outputPath('compare-in-words.png') });
});

test('a spec changed since approval lists which requirements changed, by words against the approved version', async ({
  app,
  workspaceDir,
}) => {
  git(workspaceDir, 'config', 'user.name', 'Dana');
  git(workspaceDir, 'config', 'user.email', 'dana@example.com');
  await app.openDocument(spec);
  const signOff = app.page.getByRole('group', { name: 'Sign-off' });
  // The sample's spec is approved as it stands: nothing to approve again until it changes.
  await expect(signOff).toContainText('Approved by Dana Whitfield on 2026-11-20 · nothing changed since');
  const file = path.join(workspaceDir, spec);
  await fs.writeFile(
    file,
    (await fs.readFile(file, 'utf8')).replace(
      'Guests give an email address once',
      'Guests give an email address exactly once',
    ),
  );
  await expect(signOff).toContainText('requirements changed since approval');
  const since = app.page.getByRole('region', { name: 'Changes since approval' });
  await expect(since.getByRole('group', { name: 'REQ-2', exact: true })).toContainText(
    'Guests give an email address [added: exactly ]once',
  );
  await app.page.screenshot({ path: test.info().outputPath('changed-since-approval.png') });
  // Approve again shows the same changes before it signs; Cancel signs nothing.
  await signOff.getByRole('button', { name: 'Approve again' }).click();
  const confirm = app.page.getByRole('dialog', { name: /^Approve .+ again\?$/ });
  await expect(
    confirm
      .getByRole('region', { name: 'Changes since approval' })
      .getByRole('group', { name: 'REQ-2', exact: true }),
  ).toContainText('Guests give an email address [added: exactly ]once');
  await confirm.screenshot({ path: test.info().outputPath('approve-again-confirm.png') });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(signOff).toContainText('requirements changed since approval');
  await signOff.getByRole('button', { name: 'Approve again' }).click();
  await confirm.getByRole('button', { name: 'Approve with these changes' }).click();
  await expect(signOff).not.toContainText('changed since approval');
  const approvals = /approvals: \[(.*)\]/.exec(await fs.readFile(file, 'utf8'))?.[1] ?? '';
  expect(approvals.match(/by: Dana,/g)).toHaveLength(1);
});
