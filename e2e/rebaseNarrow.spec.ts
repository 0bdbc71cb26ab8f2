/**
 * A stopped rebase at 1024 px (walk12g findings 4 and 9): the branch line wraps its text while Pull and
 * Push stay on one row, and the resolver marks whole words each side lacks, not "u|sing" or "(D|ana)".
 */
import { promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ChangesModel } from './models/changesModel.js';
import { expect, git, test } from './specbenchTest.js';

// The served app must find no git identity but the repository's own.
const emptyConfig = path.join(os.tmpdir(), `specbench-e2e-gitconfig-rebase-narrow-${process.pid}`);
writeFileSync(emptyConfig, '');
process.env.GIT_CONFIG_GLOBAL = emptyConfig;
process.env.GIT_CONFIG_NOSYSTEM = '1';

const spec = 'specs/guest-checkout.md';
const statement = 'Guest shoppers can pay without creating an account.';
const dana = 'A guest can check out without creating an account, using only an email address (Dana).';
const lee = 'A guest can check out without creating an account or a password, in under two minutes (Lee).';

test('during a rebase at 1024 px Pull and Push stay on one row, and the resolver marks whole words', async ({
  app,
  workspaceDir,
}) => {
  git(workspaceDir, 'config', 'user.name', 'Lee');
  git(workspaceDir, 'config', 'user.email', 'lee@example.com');
  const file = path.join(workspaceDir, spec);
  const text = await fs.readFile(file, 'utf8');
  git(workspaceDir, 'branch', 'lee-guest-checkout-wording', 'main');
  await fs.writeFile(file, text.replace(statement, dana));
  git(workspaceDir, 'commit', '-q', '-am', 'Dana: REQ-1 email only');
  git(workspaceDir, 'checkout', '-q', 'lee-guest-checkout-wording');
  await fs.writeFile(file, text.replace(statement, lee));
  git(workspaceDir, 'commit', '-q', '-am', 'Lee: REQ-1 two minutes');
  expect(() => execFileSync('git', ['rebase', '-q', 'main'], { cwd: workspaceDir, stdio: 'pipe' })).toThrow();

  const changes = new ChangesModel(app.page);
  for (const [width, height] of [
    [1024, 700],
    [1440, 900],
  ] as const) {
    await app.page.setViewportSize({ width, height });
    await changes.open();
    const conflict = (await changes.readResolver(spec)).getByRole('region', { name: 'Conflict in REQ-1' });
    await expect(conflict.getByRole('figure', { name: /^Theirs/ })).toContainText(
      'account, [only on this side: using only an email address] ([only on this side: Dana]).',
    );
    await expect(conflict.getByRole('figure', { name: 'Yours' })).toContainText(
      'account [only on this side: or a password], [only on this side: in under two minutes] ([only on this side: Lee]).',
    );
    const [pull, push] = await Promise.all(
      ['Pull', 'Push'].map((name) => changes.sync.getByRole('button', { name, exact: true }).boundingBox()),
    );
    const branch = await changes.sync.getByText('lee-guest-checkout-wording (rebasing)').boundingBox();
    // One row, beside the branch's first line: walk12g saw Push wrap alone under the branch text.
    expect({ pushRow: push!.y, onFirstLine: push!.y < branch!.y + branch!.height }).toEqual({
      pushRow: pull!.y,
      onFirstLine: true,
    });
    for (const scheme of ['light', 'dark'] as const) {
      await app.page.emulateMedia({ colorScheme: scheme });
      await app.page.screenshot({ path: test.info().outputPath(`rebase-${width}-${scheme}.png`) });
    }
    await app.page.emulateMedia({ colorScheme: 'light' });
  }
});
