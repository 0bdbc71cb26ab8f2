/**
 * History after "Give the newer one a new key": Dana and Sam each added REQ-16 on their own branch;
 * after the merge Sam's copy became REQ-17. REQ-16's history is Dana's, REQ-17's is Sam's and the
 * rename, whether the copies were in one spec (merged by the driver) or in two, merged or rebased.
 * Likewise for a roadmap item the merge driver renumbered because both added RM-13.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeOrigin } from '../../shared/merge/changeOrigin.js';
import { RekeyLog } from '../engine/rekeyLog.js';
import { recordChoices } from './mergeMessage.js';
import { itemHistory } from './itemHistory.js';
import { createGitSandbox, runSpecbenchIn, type GitSandbox } from './testing/gitSandbox.js';
import { WorkspaceRepository } from './workspaceRepository.js';

let sandbox: GitSandbox;
const requirement = (key: string, text: string) => `:::requirement{#${key} priority=must}\n${text}\n:::\n`;
const spec = (key: string, ...blocks: string[]) =>
  `---\nkey: ${key}\ntype: spec\ntitle: ${key}\n---\n## Requirements\n\n${blocks.join('\n')}`;

async function write(clone: string, file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(clone, file)), { recursive: true });
  await fs.writeFile(path.join(clone, file), text);
}

function commitAll(clone: string, message: string): void {
  sandbox.git(clone, ['add', '-A']);
  sandbox.git(clone, ['commit', '-q', '-m', message]);
}

const dana15 = requirement('REQ-15', 'Shoppers pay by card.');
const dana16 = requirement('REQ-16', 'Shoppers save the cart for later.');
const sam16 = requirement('REQ-16', 'Shoppers choose express delivery.');

/** Two clones of one start; each adds REQ-16 (in one file or in two); Sam pulls (merge or rebase) and renames his copy. */
async function scenario(name: string, oneFile: boolean, pull: string[]): Promise<string> {
  const dana = await sandbox.clone(`${name}-dana`);
  const sam = await sandbox.clone(`${name}-sam`);
  await write(dana, 'specbench.json', '{ "name": "Team" }\n');
  await write(dana, 'specs/cart.md', spec('SPEC-1', dana15));
  await write(dana, 'specs/delivery.md', spec('SPEC-2', requirement('REQ-14', 'Orders ship.')));
  commitAll(dana, 'Start');
  sandbox.git(dana, ['push', '-q', 'origin', `HEAD:${name}`]);
  sandbox.git(sam, ['pull', '-q', 'origin', name]);
  for (const clone of [dana, sam])
    expect(runSpecbenchIn(sandbox, clone, ['merge-driver', 'install', '.']).code).toBe(0);
  await write(dana, 'specs/cart.md', spec('SPEC-1', dana15, dana16));
  commitAll(dana, 'adds REQ-16 save cart');
  sandbox.git(dana, ['push', '-q', 'origin', `HEAD:${name}`]);
  if (oneFile) await write(sam, 'specs/cart.md', spec('SPEC-1', sam16, dana15));
  else await write(sam, 'specs/delivery.md', spec('SPEC-2', requirement('REQ-14', 'Orders ship.'), sam16));
  commitAll(sam, 'Sam adds REQ-16 express delivery');
  sandbox.git(sam, [...pull, 'origin', name]);
  if (oneFile) {
    // Both copies in one spec: the app's "Give the newer one a new key" renames the one on Sam's line.
    const file = path.join(sam, 'specs/cart.md');
    const text = await fs.readFile(file, 'utf8');
    expect(text.split('#REQ-16').length).toBe(3);
    await fs.writeFile(file, text.replace(sam16, sam16.replace('REQ-16', 'REQ-17')));
  } else {
    const rekey = runSpecbenchIn(sandbox, sam, [
      'rekey',
      '.',
      'REQ-16',
      'REQ-17',
      '--file',
      'specs/delivery.md',
    ]);
    expect(rekey.stderr).toBe('');
  }
  commitAll(sam, 'Sam: his REQ-16 is REQ-17');
  return sam;
}

async function summary(clone: string, key: string): Promise<string[]> {
  const opened = await WorkspaceRepository.open(clone);
  if (!opened.ok) throw new Error(opened.message);
  // A key given to a copy reads as what was done ("renumbered by Sam: …"), as `specbench history` says it.
  return (await itemHistory(opened.repository, key)).changes.map((change) =>
    change.keyGiven
      ? `${change.change}, ${changeOrigin(change)}: ${change.message}`
      : `${change.change}${change.previousKey ? ` (was ${change.previousKey})` : ''}: ${change.message}`,
  );
}

beforeAll(async () => {
  sandbox = await createGitSandbox();
}, 60_000);

afterAll(async () => {
  await sandbox.remove();
});

describe('history after a duplicate key is given to one copy', () => {
  for (const [name, oneFile, pull] of [
    ['two-files-merge', false, ['pull', '-q', '--no-rebase', '--no-edit']],
    ['one-file-merge', true, ['pull', '-q', '--no-rebase', '--no-edit']],
    ['two-files-rebase', false, ['pull', '-q', '--rebase']],
    ['one-file-rebase', true, ['pull', '-q', '--rebase']],
  ] as const) {
    it(`follows each copy alone (${name})`, async () => {
      const sam = await scenario(name, oneFile, [...pull]);
      expect({ 'REQ-16': await summary(sam, 'REQ-16'), 'REQ-17': await summary(sam, 'REQ-17') }).toEqual({
        'REQ-16': ['added: adds REQ-16 save cart'],
        'REQ-17': [
          `changed, renumbered by ${name.charAt(0).toUpperCase()}${name.slice(1)}-sam: REQ-16 was defined twice, so this copy became REQ-17: Sam: his REQ-16 is REQ-17`,
          'added: Sam adds REQ-16 express delivery',
        ],
      });
    }, 60_000);
  }
});

const roadmap = (...items: [string, string][]) =>
  `${JSON.stringify(
    {
      version: 1,
      items: items.map(([key, title], rank) => ({ key, title, lane: 'next', rank, status: 'planned' })),
    },
    null,
    2,
  )}\n`;

describe('history after the merge driver renumbers a roadmap item both sides added', () => {
  it('lists each item’s own commits, and the renumbering on the moved one', async () => {
    const dana = await sandbox.clone('roadmap-dana');
    const sam = await sandbox.clone('roadmap-sam');
    await write(dana, 'specbench.json', '{ "name": "Team" }\n');
    await write(dana, 'roadmap.json', roadmap(['RM-12', 'Guest checkout']));
    commitAll(dana, 'Start');
    sandbox.git(dana, ['push', '-q', 'origin', 'HEAD:roadmap']);
    sandbox.git(sam, ['pull', '-q', 'origin', 'roadmap']);
    for (const clone of [dana, sam])
      expect(runSpecbenchIn(sandbox, clone, ['merge-driver', 'install', '.']).code).toBe(0);
    await write(
      dana,
      'roadmap.json',
      roadmap(['RM-12', 'Guest checkout'], ['RM-13', 'Dana: loyalty points']),
    );
    commitAll(dana, 'added RM-13 Dana: loyalty points');
    sandbox.git(dana, ['push', '-q', 'origin', 'HEAD:roadmap']);
    await write(
      sam,
      'roadmap.json',
      roadmap(['RM-12', 'Guest checkout'], ['RM-13', 'Sam: express delivery option']),
    );
    commitAll(sam, 'added RM-13 Sam: express delivery option');
    sandbox.git(sam, ['pull', '-q', '--no-rebase', '--no-edit', 'origin', 'roadmap']);
    const merged = await fs.readFile(path.join(sam, 'roadmap.json'), 'utf8');
    expect(merged).toContain('"key": "RM-14",\n      "title": "Sam: express delivery option"');
    expect({ 'RM-13': await summary(sam, 'RM-13'), 'RM-14': await summary(sam, 'RM-14') }).toEqual({
      'RM-13': ['added: added RM-13 Dana: loyalty points'],
      'RM-14': [
        expect.stringMatching(
          /^changed, renumbered in a merge by Roadmap-sam: the other side had added RM-13 too, so this one became RM-14: Merge branch 'roadmap'/,
        ),
        'added: added RM-13 Sam: express delivery option',
      ],
    });
  }, 60_000);
});

describe('history after Keep both on a requirement both sides reworded', () => {
  it('follows each copy alone and leaves out the clean merge before it', async () => {
    const dana = await sandbox.clone('keep-both-dana');
    const sam = await sandbox.clone('keep-both-sam');
    const req = (key: string, text: string) => requirement(key, text);
    const cart = (...blocks: string[]) => spec('SPEC-1', ...blocks);
    await write(dana, 'specbench.json', '{ "name": "Team" }\n');
    await write(
      dana,
      'specs/cart.md',
      cart(req('REQ-1', 'Carts.'), req('REQ-2', 'Pay.'), req('REQ-3', 'Ship.')),
    );
    commitAll(dana, 'Start');
    sandbox.git(dana, ['push', '-q', 'origin', 'HEAD:keep-both']);
    sandbox.git(sam, ['pull', '-q', 'origin', 'keep-both']);
    for (const clone of [dana, sam])
      expect(runSpecbenchIn(sandbox, clone, ['merge-driver', 'install', '.']).code).toBe(0);
    // A clean merge first: Dana changes REQ-1, Sam REQ-3; the driver combines them.
    await write(
      dana,
      'specs/cart.md',
      cart(req('REQ-1', 'Carts keep.'), req('REQ-2', 'Pay.'), req('REQ-3', 'Ship.')),
    );
    commitAll(dana, 'dana changes REQ-1');
    sandbox.git(dana, ['push', '-q', 'origin', 'HEAD:keep-both']);
    await write(
      sam,
      'specs/cart.md',
      cart(req('REQ-1', 'Carts.'), req('REQ-2', 'Pay.'), req('REQ-3', 'Ship fast.')),
    );
    commitAll(sam, 'sam changes REQ-3');
    sandbox.git(sam, ['pull', '-q', '--no-rebase', '--no-edit', 'origin', 'keep-both']);
    sandbox.git(sam, ['push', '-q', 'origin', 'HEAD:keep-both']);
    sandbox.git(dana, ['pull', '-q', '--no-rebase', 'origin', 'keep-both']);
    // Both reword REQ-2: a conflict; Sam keeps both, his copy (not pushed) gets REQ-4 as the resolver writes it.
    const reworded = (text: string) => req('REQ-2', text);
    await write(
      dana,
      'specs/cart.md',
      cart(req('REQ-1', 'Carts keep.'), reworded('Pay by card.'), req('REQ-3', 'Ship fast.')),
    );
    commitAll(dana, 'dana rewords REQ-2');
    sandbox.git(dana, ['push', '-q', 'origin', 'HEAD:keep-both']);
    await write(
      sam,
      'specs/cart.md',
      cart(req('REQ-1', 'Carts keep.'), reworded('Pay by invoice.'), req('REQ-3', 'Ship fast.')),
    );
    commitAll(sam, 'sam rewords REQ-2');
    const pulled = sandbox.git(sam, ['pull', '-q', '--no-rebase', '--no-edit', 'origin', 'keep-both'], {
      allowFailure: true,
    });
    expect(pulled.code).not.toBe(0);
    await write(
      sam,
      'specs/cart.md',
      cart(
        req('REQ-1', 'Carts keep.'),
        req('REQ-4', 'Pay by invoice.'),
        reworded('Pay by card.'),
        req('REQ-3', 'Ship fast.'),
      ),
    );
    commitAll(sam, 'Merge: Keep both, Sam’s REQ-2 is REQ-4');
    expect({
      'REQ-4': await summary(sam, 'REQ-4'),
      'REQ-2': await summary(sam, 'REQ-2'),
      'SPEC-1': await summary(sam, 'SPEC-1'),
    }).toEqual({
      'REQ-4': [
        'changed, kept both in a merge by Keep-both-sam: this copy of REQ-2 became REQ-4: Merge: Keep both, Sam’s REQ-2 is REQ-4',
        'changed: sam rewords REQ-2',
        'added: Start',
      ],
      'REQ-2': ['changed: dana rewords REQ-2', 'added: Start'],
      'SPEC-1': [
        'changed: Merge: Keep both, Sam’s REQ-2 is REQ-4',
        'changed: sam rewords REQ-2',
        'changed: dana rewords REQ-2',
        'changed: sam changes REQ-3',
        'changed: dana changes REQ-1',
        'added: Start',
      ],
    });
  }, 60_000);
});

describe('history through a change of key recorded in rekeys.json', () => {
  it('leads back when the renamed copy’s roadmap link was pointed in the same commit (merge)', async () => {
    const dana = await sandbox.clone('pointed-dana');
    const sam = await sandbox.clone('pointed-sam');
    const linked = (key: string, roadmap: string, text: string) =>
      `:::requirement{#${key} priority=should roadmap=${roadmap}}\n${text}\n:::\n`;
    await write(dana, 'specbench.json', '{ "name": "Team" }\n');
    await write(dana, 'specs/cart.md', spec('SPEC-1', dana15));
    await write(dana, 'specs/promo.md', spec('SPEC-2', requirement('REQ-14', 'Codes.')));
    commitAll(dana, 'Start');
    sandbox.git(dana, ['push', '-q', 'origin', 'HEAD:pointed']);
    sandbox.git(sam, ['pull', '-q', 'origin', 'pointed']);
    await write(
      dana,
      'specs/promo.md',
      spec('SPEC-2', requirement('REQ-14', 'Codes.'), linked('REQ-16', 'RM-15', 'Referral codes.')),
    );
    commitAll(dana, 'Dana: referral codes REQ-16');
    await write(sam, 'specs/cart.md', spec('SPEC-1', dana15, linked('REQ-16', 'RM-15', 'Express shipping.')));
    commitAll(sam, 'Sam: express shipping REQ-16');
    sandbox.git(sam, ['push', '-q', 'origin', 'HEAD:pointed']);
    sandbox.git(dana, ['pull', '-q', '--no-rebase', '--no-edit', 'origin', 'pointed']);
    const rekey = runSpecbenchIn(sandbox, dana, [
      'rekey',
      '.',
      'REQ-16',
      'REQ-17',
      '--file',
      'specs/promo.md',
    ]);
    expect(rekey.stderr).toBe('');
    // The roadmap item was renumbered too: the link is pointed in the same commit as the new key.
    const file = path.join(dana, 'specs/promo.md');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('roadmap=RM-15', 'roadmap=RM-16'));
    commitAll(dana, 'Renumber my REQ-16 to REQ-17, RM-15 link to RM-16');
    expect(await summary(dana, 'REQ-17')).toEqual([
      'changed, renumbered by Pointed-dana: REQ-16 was defined twice, so this copy became REQ-17: Renumber my REQ-16 to REQ-17, RM-15 link to RM-16',
      'added: Dana: referral codes REQ-16',
    ]);
  }, 60_000);

  it('leads the copy Keep both renamed in a merge back to its own side, not to the copy that kept the key', async () => {
    const sam = await sandbox.clone('merge-keep-sam');
    await write(sam, 'specbench.json', '{ "name": "Team" }\n');
    await write(sam, 'specs/cart.md', spec('SPEC-1', dana15));
    commitAll(sam, 'Start');
    sandbox.git(sam, ['checkout', '-q', '-b', 'hank']);
    await write(sam, 'specs/cart.md', spec('SPEC-1', dana15, sam16));
    commitAll(sam, 'hank adds REQ-16 express delivery');
    sandbox.git(sam, ['checkout', '-q', '-']);
    await write(sam, 'specs/cart.md', spec('SPEC-1', dana15, dana16));
    commitAll(sam, 'gina adds REQ-16 save cart');
    expect(sandbox.git(sam, ['merge', '-q', '--no-edit', 'hank'], { allowFailure: true }).code).not.toBe(0);
    // Keep both as the resolver does it in a merge: hank's copy (theirs) gets REQ-17, and the rename is recorded.
    await write(sam, 'specs/cart.md', spec('SPEC-1', dana15, dana16, sam16.replace('REQ-16', 'REQ-17')));
    const log = new RekeyLog(sam);
    await log.load();
    await log.record({ key: 'REQ-16', newKey: 'REQ-17', path: 'specs/cart.md', references: [] });
    commitAll(sam, "Merge branch 'hank'\n\nKeep both: REQ-16 (hank's copy) is now REQ-17");
    expect({ 'REQ-17': await summary(sam, 'REQ-17'), 'REQ-16': await summary(sam, 'REQ-16') }).toEqual({
      'REQ-17': [
        "added, kept both in a merge by Merge-keep-sam: this copy of REQ-16 became REQ-17: Merge branch 'hank'",
        'added: hank adds REQ-16 express delivery',
      ],
      'REQ-16': ['added: gina adds REQ-16 save cart'],
    });
  }, 60_000);

  it('leads back after Keep both while a rebase stopped', async () => {
    const dana = await sandbox.clone('rebase-keep-dana');
    const sam = await sandbox.clone('rebase-keep-sam');
    const cart = (...blocks: string[]) => spec('SPEC-1', ...blocks);
    const rate = (key: string, limit: string) =>
      requirement(key, `Code attempts are limited to 5 per ${limit}.`);
    await write(dana, 'specbench.json', '{ "name": "Team" }\n');
    await write(dana, 'specs/cart.md', cart(dana15, requirement('REQ-14', 'Code attempts are limited.')));
    commitAll(dana, 'Start');
    sandbox.git(dana, ['push', '-q', 'origin', 'HEAD:rebase-keep']);
    sandbox.git(sam, ['pull', '-q', 'origin', 'rebase-keep']);
    await write(dana, 'specs/cart.md', cart(dana15, rate('REQ-14', 'thirty minutes')));
    commitAll(dana, 'Dana: REQ-14 thirty minutes');
    sandbox.git(dana, ['push', '-q', 'origin', 'HEAD:rebase-keep']);
    await write(sam, 'specs/cart.md', cart(dana15, rate('REQ-14', 'one hour')));
    commitAll(sam, 'Sam: REQ-14 one hour');
    const pulled = sandbox.git(sam, ['pull', '-q', '--rebase', 'origin', 'rebase-keep'], {
      allowFailure: true,
    });
    expect(pulled.code).not.toBe(0);
    // Keep both as the resolver does it: Sam's copy gets REQ-18, the rename is recorded, and the replayed
    // commit's message names it (the history still knows the commit as Sam's own, as before the line).
    await write(
      sam,
      'specs/cart.md',
      cart(dana15, rate('REQ-14', 'thirty minutes'), rate('REQ-18', 'one hour')),
    );
    const log = new RekeyLog(sam);
    await log.load();
    await log.record({ key: 'REQ-14', newKey: 'REQ-18', path: 'specs/cart.md', references: [] });
    await recordChoices(path.join(sam, '.git'), ["Keep both: REQ-14 (Sam's copy) is now REQ-18"], 'rebase');
    sandbox.git(sam, ['add', '-A']);
    sandbox.git(sam, ['-c', 'core.editor=true', 'rebase', '--continue']);
    // The copy is Sam's: Dana's edit of REQ-14 is REQ-14's history alone, and Sam's change reads from
    // the text he started from, not from Dana's that the rebase replayed it onto.
    const opened = await WorkspaceRepository.open(sam);
    if (!opened.ok) throw new Error(opened.message);
    const renamed = (await itemHistory(opened.repository, 'REQ-18')).changes[0];
    // The spec's own History names the copy's old key too, from the same record (walk12f 095).
    const document = (await itemHistory(opened.repository, 'SPEC-1')).changes[0];
    expect({
      'REQ-18': await summary(sam, 'REQ-18'),
      'REQ-14': await summary(sam, 'REQ-14'),
      from: renamed?.before.split('\n')[1],
      'SPEC-1': document?.blocks.map((block) => [block.what, block.change, block.previousKey]),
    }).toEqual({
      'REQ-18': [
        'changed, kept both in a rebase: this copy of REQ-14 became REQ-18: Sam: REQ-14 one hour',
        'added: Start',
      ],
      'REQ-14': ['changed: Dana: REQ-14 thirty minutes', 'added: Start'],
      from: 'Code attempts are limited.',
      'SPEC-1': [['REQ-18', 'added', 'REQ-14']],
    });
  }, 60_000);
});
