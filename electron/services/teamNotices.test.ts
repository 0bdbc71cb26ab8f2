/**
 * What a teammate's clone is told after a pull (issue #12's walkthrough): a roadmap item of theirs the
 * merge driver moved to a new key, and which renames after a merge the remote already has (Push stops
 * only for the clone that has not pushed its own). Real git: a bare remote and two clones of the sample.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRekeys, RekeyLog } from '../engine/rekeyLog.js';
import type { GitSandbox } from '../git/testing/gitSandbox.js';
import { call, sampleTeam, type SampleTeam } from './testing/sampleTeam.js';

let team: SampleTeam;
let sandbox: GitSandbox;
let serviceFor: SampleTeam['serviceFor'];
let dana: string;
let sam: string;

/** Adds an item under the next key of the sample's roadmap (the same key in every clone). */
async function addItem(folder: string, title: string): Promise<string> {
  const file = path.join(folder, 'roadmap.json');
  const data = JSON.parse(await fs.readFile(file, 'utf8')) as { items: { key: string }[] };
  const key = `RM-${Math.max(...data.items.map((item) => Number(item.key.slice(3)))) + 1}`;
  data.items.push({ key, title, lane: 'later', status: 'proposed' } as never);
  await fs.writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
  return key;
}

beforeAll(async () => {
  team = await sampleTeam();
  ({ sandbox, dana, sam, serviceFor } = team);
}, 120_000);

afterAll(() => team.close());

describe('after a pull, a teammate’s clone', () => {
  it('hears that the merge moved its roadmap item to a new key, and who had the key first', async () => {
    const danaKey = await addItem(dana, 'Saved carts');
    sandbox.git(dana, ['commit', '-q', '-am', 'Dana adds an item']);
    sandbox.git(dana, ['push', '-q']);
    const samKey = await addItem(sam, 'Gift wrapping');
    sandbox.git(sam, ['commit', '-q', '-am', 'Sam adds an item']);
    expect(samKey).toBe(danaKey);
    const pulled = await call(await serviceFor(sam), 'gitPull', { operationId: 'pull-renumbered' });
    const next = `RM-${Number(samKey.slice(3)) + 1}`;
    expect(pulled.ok && [pulled.outcome, pulled.renumbered]).toEqual([
      'merged',
      [{ list: 'items', from: samKey, to: next, title: 'Gift wrapping', by: 'Dana' }],
    ]);
    // The merge commit holds the record and says what it renumbered; nothing is left for a later commit.
    expect([
      sandbox.git(sam, ['log', '-1', '--format=%B']).output.trim().split('\n').at(-1),
      sandbox
        .git(sam, ['show', '--name-only', '--format=', 'HEAD'])
        .output.split('\n')
        .includes('rekeys.json'),
      sandbox.git(sam, ['status', '--porcelain', '--', 'rekeys.json']).output,
    ]).toEqual([`Renumbered: ${samKey} (Gift wrapping) is now ${next}`, true, '']);
    sandbox.git(sam, ['push', '-q']);
  });

  it('commits the renumbering with a conflicted merge at Finish merge, with a line naming it', async () => {
    sandbox.git(dana, ['pull', '-q', '--no-rebase', '--no-edit']);
    const reword = async (folder: string, words: string) => {
      const file = path.join(folder, 'specs/guest-checkout.md');
      const text = await fs.readFile(file, 'utf8');
      await fs.writeFile(
        file,
        text.replace('Guests give an email address once', `Guests ${words} an email address once`),
      );
    };
    const danaKey = await addItem(dana, 'Pickup lockers');
    await reword(dana, 'enter');
    sandbox.git(dana, ['commit', '-q', '-am', 'Dana adds an item and rewords REQ-2']);
    sandbox.git(dana, ['push', '-q']);
    const samKey = await addItem(sam, 'Store pickup');
    await reword(sam, 'type');
    sandbox.git(sam, ['commit', '-q', '-am', 'Sam adds an item and rewords REQ-2']);
    expect(samKey).toBe(danaKey);
    const service = await serviceFor(sam);
    const pulled = await call(service, 'gitPull', { operationId: 'pull-conflicted' });
    expect(pulled.ok && pulled.outcome).toBe('conflicts');
    const shown = await call(service, 'gitConflict', { path: 'specs/guest-checkout.md' });
    if (!shown.ok) throw new Error(shown.message);
    const resolved = await call(service, 'gitResolve', {
      path: 'specs/guest-checkout.md',
      choices: ['theirs'],
      onDisk: shown.conflict.onDisk!,
    });
    expect(resolved.ok).toBe(true);
    const next = `RM-${Number(samKey.slice(3)) + 1}`;
    const line = `Renumbered: ${samKey} (Store pickup) is now ${next}`;
    // The Changes panel's message box shows the line the commit gets (it showed git's message alone).
    const status = await call(service, 'gitStatus', {});
    if (!status.ok) throw new Error(status.message);
    const box = status.status.mergeMessage ?? '';
    expect([box.split('\n').at(-1), status.status.mergeLines]).toEqual([line, [line]]);
    // The record is not a "file changed but not part of the merge": it is the merge's own.
    const finished = await call(service, 'gitFinish', { message: box });
    expect(finished).toEqual({ ok: true, done: true, conflicts: [], message: 'Merge committed.' });
    expect([
      sandbox.git(sam, ['log', '-1', '--format=%B']).output.trim(),
      sandbox.git(sam, ['show', '--stat', '--format=', 'HEAD']).output.includes('rekeys.json'),
      sandbox.git(sam, ['status', '--porcelain']).output,
    ]).toEqual([box, true, '']);
    sandbox.git(sam, ['push', '-q']);
    sandbox.git(dana, ['pull', '-q', '--no-rebase', '--no-edit']);
  });

  it('names a terminal merge’s renumbering in the later commit its record rides in', async () => {
    await addItem(dana, 'Curbside pickup');
    sandbox.git(dana, ['commit', '-q', '-am', 'Dana adds an item']);
    sandbox.git(dana, ['push', '-q']);
    const samKey = await addItem(sam, 'Gift cards');
    sandbox.git(sam, ['commit', '-q', '-am', 'Sam adds an item']);
    sandbox.git(sam, ['pull', '-q', '--no-rebase', '--no-edit']);
    const merge = sandbox.git(sam, ['rev-parse', '--short=7', 'HEAD']).output.trim();
    // A later rename of Sam's own moves the driver's waiting record into the shared file with it.
    const log = new RekeyLog(sam);
    await log.load();
    await log.record({ key: 'REQ-2', newKey: 'REQ-40', path: 'specs/guest-checkout.md', references: [] });
    const service = await serviceFor(sam);
    const committed = await call(service, 'gitCommit', {
      paths: ['rekeys.json'],
      message: 'Sam: his REQ-2 copy is REQ-40',
    });
    expect(committed.ok).toBe(true);
    expect(sandbox.git(sam, ['log', '-1', '--format=%B']).output.trim()).toBe(
      `Sam: his REQ-2 copy is REQ-40\n\nRenumbered in merge ${merge}: ${samKey} (Gift cards) is now RM-${Number(samKey.slice(3)) + 1}`,
    );
    sandbox.git(sam, ['push', '-q']);
    sandbox.git(dana, ['pull', '-q', '--no-rebase', '--no-edit']);
  });

  it('marks a rename the remote already has as pushed, and one only this clone has as not', async () => {
    const record = (key: string, newKey: string) => ({
      key,
      newKey,
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
    });
    await fs.writeFile(path.join(sam, 'rekeys.json'), formatRekeys([record('REQ-2', 'REQ-30')]));
    sandbox.git(sam, ['add', 'rekeys.json']);
    sandbox.git(sam, ['commit', '-q', '-m', 'Sam renames a copy']);
    sandbox.git(sam, ['push', '-q']);
    sandbox.git(dana, ['pull', '-q', '--no-rebase', '--no-edit']);
    const pending = await call(await serviceFor(dana), 'pendingRekeys', {});
    expect(pending.ok && pending.rekeys.map((each) => [each.key, each.newKey, each.pushed])).toEqual([
      ['REQ-2', 'REQ-30', true],
    ]);
    // A rename of Dana's own, not pushed yet: her Push stops for it.
    await fs.writeFile(
      path.join(dana, 'rekeys.json'),
      formatRekeys([record('REQ-2', 'REQ-30'), record('REQ-2', 'REQ-31')]),
    );
    const mine = await call(await serviceFor(dana, 'reopen'), 'pendingRekeys', {});
    expect(mine.ok && mine.rekeys.map((each) => [each.newKey, each.pushed])).toEqual([
      ['REQ-30', true],
      ['REQ-31', false],
    ]);
  });
});
