/**
 * The app's git methods against real git: a bare remote and two clones of the sample, commits,
 * pulls and pushes, a push rejected, a conflict resolved block by block after a merge and after a
 * rebase, and git missing from the PATH.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleWorkspaceFolder } from '../cli/packageRoot.js';
import type { GitSandbox } from '../git/testing/gitSandbox.js';
import { call, sampleTeam, type SampleTeam } from './testing/sampleTeam.js';

let team: SampleTeam;
let sandbox: GitSandbox;
let serviceFor: SampleTeam['serviceFor'];
let dana: string;
let sam: string;
const req2 = 'Guests give an email address once';

async function edit(folder: string, file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(folder, file);
  await fs.writeFile(target, change(await fs.readFile(target, 'utf8')));
}

const log = (folder: string) =>
  sandbox.git(folder, ['log', '--format=%s', '-n', '3']).output.trim().split('\n');

beforeAll(async () => {
  team = await sampleTeam();
  ({ sandbox, dana, sam, serviceFor } = team);
}, 120_000);

afterAll(() => team.close());

describe('the Changes panel’s git methods', () => {
  it('shows the branch, its upstream and the changed files, and commits only the files chosen', async () => {
    const service = await serviceFor(dana);
    await edit(dana, 'specs/guest-checkout.md', (text) => text.replace(req2, 'Guests give an email once'));
    await edit(dana, 'roadmap.json', (text) => text.replace('"Guest checkout"', '"Guest checkout v2"'));
    await fs.writeFile(path.join(dana, 'specs/notes.md'), '# Notes\n');
    const status = await call(service, 'gitStatus', {});
    if (!status.ok) throw new Error(status.message);
    expect([
      status.status.branch,
      status.status.upstream,
      status.status.ahead,
      status.status.files.map((file) => [file.path, file.change]),
    ]).toEqual([
      'main',
      'origin/main',
      0,
      [
        ['roadmap.json', 'modified'],
        ['specs/guest-checkout.md', 'modified'],
        ['specs/notes.md', 'added'],
      ],
    ]);
    const diff = await call(service, 'gitFileDiff', { path: 'specs/guest-checkout.md' });
    if (!diff.ok) throw new Error(diff.message);
    expect(
      diff.diff.blocks.map((block) => [
        block.what,
        block.change,
        block.diff.filter((line) => /^[-+]/.test(line)),
      ]),
    ).toEqual([
      [
        'REQ-2',
        'changed',
        [
          `-${req2}, and it is used for the receipt and every order update.`,
          '+Guests give an email once, and it is used for the receipt and every order update.',
        ],
      ],
    ]);
    const committed = await call(service, 'gitCommit', {
      paths: ['specs/guest-checkout.md', 'specs/notes.md', 'outside/not-listed.md'],
      message: 'REQ-2: an email once',
    });
    expect([committed.ok, committed.ok && committed.files]).toEqual([true, 2]);
    const after = await call(service, 'gitStatus', {});
    expect(after.ok && [after.status.ahead, after.status.files.map((file) => file.path)]).toEqual([
      1,
      ['roadmap.json'],
    ]);
    expect(log(dana)[0]).toBe('REQ-2: an email once');
  });

  it('pushes, and a push the remote rejects says to pull first; the pull merges and the push goes through', async () => {
    const danaService = await serviceFor(dana);
    const pushed = await call(danaService, 'gitPush', { operationId: 'push-a' });
    expect(pushed).toEqual({ ok: true, message: 'Pushed your commits.' });
    const samService = await serviceFor(sam);
    const pulled = await call(samService, 'gitPull', { operationId: 'pull-a' });
    expect(pulled.ok && pulled.outcome).toBe('fast-forward');
    // Sam adds a roadmap item and pushes; Dana commits her roadmap change and pushes after him.
    await edit(sam, 'roadmap.json', (text) => text.replace('"lane": "later"', '"lane": "next"'));
    sandbox.git(sam, ['commit', '-q', '-am', 'Sam moves an item']);
    sandbox.git(sam, ['push', '-q']);
    expect(
      (await call(danaService, 'gitCommit', { paths: ['roadmap.json'], message: 'Renamed RM-1' })).ok,
    ).toBe(true);
    const rejected = await call(danaService, 'gitPush', { operationId: 'push-b' });
    expect(rejected).toEqual({
      ok: false,
      error: 'rejected',
      message: 'The remote has new commits you do not have yet. Pull first, then push.',
    });
    // Fetched after the rejection: the bar counts Sam's commit to pull before Dana pulls it.
    const counted = await call(danaService, 'gitStatus', {});
    expect(counted.ok && [counted.status.ahead, counted.status.behind]).toEqual([1, 1]);
    const merged = await call(danaService, 'gitPull', { operationId: 'pull-b' });
    expect(merged.ok && [merged.outcome, merged.conflicts]).toEqual(['merged', []]);
    expect((await call(danaService, 'gitPush', { operationId: 'push-c' })).ok).toBe(true);
    // Sam lands on Dana's merge commit: a fast-forward, though the commit he gets is a merge.
    const forwarded = await call(samService, 'gitPull', { operationId: 'pull-f' });
    expect(forwarded.ok && [forwarded.outcome, forwarded.message]).toEqual([
      'fast-forward',
      'Pulled the remote’s new commits.',
    ]);
  });

  it('a block both changed stops the pull; the resolver shows that block alone, and Finish commits the merge', async () => {
    await edit(sam, 'specs/guest-checkout.md', (text) =>
      text.replace('Guests give an email once', 'Guests type an email once'),
    );
    sandbox.git(sam, ['pull', '-q', '--no-rebase']);
    sandbox.git(sam, ['commit', '-q', '-am', 'Sam rewords REQ-2']);
    sandbox.git(sam, ['push', '-q']);
    await edit(dana, 'specs/guest-checkout.md', (text) =>
      text.replace('Guests give an email once', 'Guests enter an email once'),
    );
    sandbox.git(dana, ['commit', '-q', '-am', 'Dana rewords REQ-2']);
    const service = await serviceFor(dana);
    const pulled = await call(service, 'gitPull', { operationId: 'pull-c' });
    expect(pulled.ok && [pulled.outcome, pulled.conflicts]).toEqual([
      'conflicts',
      ['specs/guest-checkout.md'],
    ]);
    // The branch line names what is being merged in, as a rebase's names what it replays onto.
    const stopped = await call(service, 'gitStatus', {});
    expect(
      stopped.ok && [stopped.status.operation, stopped.status.branch, stopped.status.mergingWith],
    ).toEqual(['merge', 'main', 'origin/main']);
    const shown = await call(service, 'gitConflict', { path: 'specs/guest-checkout.md' });
    if (!shown.ok) throw new Error(shown.message);
    const conflicts = shown.conflict.parts.filter((part) => part.kind === 'conflict');
    expect(
      conflicts.map((part) => [
        part.what,
        /enter an email/.test(part.mine),
        /type an email/.test(part.theirs),
      ]),
    ).toEqual([['REQ-2', true, true]]);
    expect([shown.conflict.operation, shown.conflict.mineLabel, shown.conflict.theirsLabel]).toEqual([
      'merge',
      'Yours',
      'Theirs (origin/main)',
    ]);
    const early = await call(service, 'gitFinish', {});
    expect(early).toEqual({
      ok: false,
      error: 'in-progress',
      message: '1 file still has conflicts: resolve it first.',
    });
    // A hand edit made outside the app after the resolver showed the file is not overwritten by it.
    const file = path.join(dana, 'specs/guest-checkout.md');
    const conflicted = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, `${conflicted}\nFixed by hand.\n`);
    const refused = await call(service, 'gitResolve', {
      path: 'specs/guest-checkout.md',
      choices: ['theirs'],
      onDisk: shown.conflict.onDisk!,
    });
    expect([refused.ok, !refused.ok && refused.error, await fs.readFile(file, 'utf8')]).toEqual([
      false,
      'changed',
      `${conflicted}\nFixed by hand.\n`,
    ]);
    await fs.writeFile(file, conflicted);
    expect(
      await call(service, 'gitResolve', {
        path: 'specs/guest-checkout.md',
        choices: ['theirs'],
        onDisk: shown.conflict.onDisk!,
      }),
    ).toEqual({
      ok: true,
      remaining: 0,
    });
    const text = await fs.readFile(path.join(dana, 'specs/guest-checkout.md'), 'utf8');
    expect([
      text.includes('<<<<<<<'),
      text.includes('Guests type an email once'),
      text.includes('enter an email'),
    ]).toEqual([false, true, false]);
    const finished = await call(service, 'gitFinish', {});
    expect(finished).toEqual({ ok: true, done: true, conflicts: [], message: 'Merge committed.' });
    expect(
      sandbox.git(dana, ['rev-list', '--parents', '-n', '1', 'HEAD']).output.trim().split(' '),
    ).toHaveLength(3);
  });

  it('during a rebase "mine" is the commit being replayed (stage 3), and Finish continues the rebase', async () => {
    const service = await serviceFor(dana);
    expect((await call(service, 'gitPush', { operationId: 'push-d' })).ok).toBe(true);
    sandbox.git(sam, ['pull', '-q', '--no-rebase']);
    await edit(sam, 'specs/guest-checkout.md', (text) =>
      text.replace('Guests type an email once', 'Sam’s wording'),
    );
    sandbox.git(sam, ['commit', '-q', '-am', 'Sam again']);
    sandbox.git(sam, ['push', '-q']);
    await edit(dana, 'specs/guest-checkout.md', (text) =>
      text.replace('Guests type an email once', 'Dana’s wording'),
    );
    sandbox.git(dana, ['commit', '-q', '-am', 'Dana again']);
    sandbox.git(dana, ['config', 'pull.rebase', 'true']);
    const pulled = await call(service, 'gitPull', { operationId: 'pull-d' });
    expect(pulled.ok && pulled.outcome).toBe('conflicts');
    const status = await call(service, 'gitStatus', {});
    expect(
      status.ok && [
        status.status.operation,
        status.status.branch,
        status.status.rebasing,
        status.status.rebasingOnto,
      ],
    ).toEqual(['rebase', undefined, 'main', 'origin/main']);
    const shown = await call(service, 'gitConflict', { path: 'specs/guest-checkout.md' });
    if (!shown.ok) throw new Error(shown.message);
    const conflict = shown.conflict.parts.find((part) => part.kind === 'conflict');
    expect(
      conflict?.kind === 'conflict' && [conflict.mine.includes('Dana’s'), conflict.theirs.includes('Sam’s')],
    ).toEqual([true, true]);
    // The same words as a merge's: the remote branch by its name, never origin/HEAD.
    expect([shown.conflict.mineLabel, shown.conflict.theirsLabel]).toEqual(['Yours', 'Theirs (origin/main)']);
    // The block as the user edited it in the resolver: here, mine with a word of theirs.
    const edited = conflict?.kind === 'conflict' ? conflict.mine.replace('Dana’s', 'Dana’s (and Sam’s)') : '';
    expect(
      (await call(service, 'gitResolve', { path: 'specs/guest-checkout.md', choices: [{ text: edited }] }))
        .ok,
    ).toBe(true);
    expect(await fs.readFile(path.join(dana, 'specs/guest-checkout.md'), 'utf8')).toContain(
      'Dana’s (and Sam’s) wording, and it is used',
    );
    const finished = await call(service, 'gitFinish', {});
    expect(finished.ok && [finished.done, finished.message]).toEqual([
      true,
      'Rebase finished: your commits are on top of theirs.',
    ]);
    expect(log(dana).slice(0, 2)).toEqual(['Dana again', 'Sam again']);
    sandbox.git(dana, ['config', '--unset', 'pull.rebase']);
  });

  it('history, baselines and the reviewed text come from the same repository', async () => {
    const service = await serviceFor(dana);
    const history = await call(service, 'itemHistory', { key: 'REQ-2' });
    // Dana's own rewording, then the merge where she took Sam's: a resolution, listed as one.
    expect(
      history.ok && history.changes.map((change) => `${change.merge ? 'merge: ' : ''}${change.message}`),
    ).toEqual([
      'Dana again',
      'Sam again',
      expect.stringMatching(/^merge: Merge branch 'main' of /),
      'Dana rewords REQ-2',
      'Sam rewords REQ-2',
      'REQ-2: an email once',
      'Sample workspace',
    ]);
    const byPath = await call(service, 'itemHistory', { path: 'specs/notes.md' });
    expect(byPath.ok && byPath.changes.map((change) => [change.change, change.message])).toEqual([
      ['added', 'REQ-2: an email once'],
    ]);
    const first = sandbox.git(dana, ['rev-list', '--max-parents=0', 'HEAD']).output.trim();
    sandbox.git(dana, ['tag', 'v1', first]);
    const revisions = await call(service, 'listRevisions', {});
    expect(
      revisions.ok &&
        revisions.revisions.filter((revision) => revision.kind !== 'commit').map((revision) => revision.name),
    ).toEqual(['v1', 'main', 'origin/main']);
    const report = await call(service, 'compareRevisions', { from: 'v1', to: 'HEAD' });
    expect(report.ok && report.report.requirements.changed.map((change) => change.key)).toEqual(['REQ-2']);
    const unknown = await call(service, 'compareRevisions', { from: 'v9' });
    expect(unknown).toEqual({
      ok: false,
      error: 'unknown-revision',
      message: "no commit, branch or tag is called 'v9'.",
    });
    const reviewed = await call(service, 'reviewedVersions', { path: 'stories/guest-receipt-email.md' });
    if (!reviewed.ok) throw new Error('reviewedVersions failed');
    expect(
      reviewed.versions.map((version) => [
        version.key,
        version.found?.diff.filter((line) => /^[-+]/.test(line)),
        // Who changed it since the review, not who wrote the reviewed text.
        version.found?.changedBy.map((change) => change.author),
      ]),
    ).toEqual([
      [
        'REQ-2',
        [
          `-${req2}, and it is used for the receipt and every order update.`,
          '+Dana’s (and Sam’s) wording, and it is used for the receipt and every order update.',
        ],
        // Sam Tester made the merge commit through the service (the sandbox's default identity).
        ['Dana', 'Sam', 'Sam Tester'],
      ],
    ]);
  });

  it('says in one line when there is no remote, and when git is not installed', async () => {
    const alone = path.join(sandbox.root, 'alone');
    await fs.cp(sampleWorkspaceFolder(), alone, {
      recursive: true,
      filter: (file) => path.basename(file) !== '.specbench',
    });
    sandbox.git(alone, ['init', '-q']);
    sandbox.git(alone, ['add', '-A']);
    sandbox.git(alone, ['commit', '-q', '-m', 'alone']);
    const service = await serviceFor(alone);
    expect(await call(service, 'gitPull', { operationId: 'pull-e' })).toEqual({
      ok: false,
      error: 'no-remote',
      message:
        'This repository has no remote to pull from. Add one (git remote add origin <address>) and try again.',
    });
    const missing = await serviceFor(alone);
    const pathBefore = process.env.PATH;
    process.env.PATH = path.join(sandbox.root, 'no-such-bin');
    try {
      expect(await call(missing, 'gitStatus', {})).toEqual({
        ok: false,
        error: 'no-git',
        message:
          'git is not installed or not on the PATH, so git features are off (install git 2.30 or newer)',
      });
    } finally {
      process.env.PATH = pathBefore;
    }
  });
});
