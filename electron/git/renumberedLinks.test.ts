/**
 * Issue #12's walkthrough (walk12d, finding 1): both clones added RM-15, and in Sam's same commit REQ-10
 * got `roadmap=RM-6,RM-15`, meaning his item. Dana pushed first; Sam ran plain `git pull`, the driver
 * made his item RM-16, and REQ-10 went on delivering Dana's. Now the driver records the links Sam's
 * side wrote for it: `check` reports them, and pointing changes exactly that one token.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../engine/workspace.js';
import { createGitSandbox, runSpecbenchIn, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let dana: string;
let sam: string;
let lee: string;
let pulled: string;

const roadmap = (items: { key: string; title: string }[]) =>
  `${JSON.stringify({ items: items.map((item) => ({ ...item, lane: 'later' })), releases: [] }, null, 2)}\n`;
const spec = (requirements: string, body = '') =>
  `---\nkey: SPEC-1\ntype: spec\ntitle: Checkout\n---\n# Checkout\n\n${requirements}${body}`;
const requirement = (key: string, links: string) =>
  `:::requirement{#${key} priority=must roadmap=${links}}\nShoppers pay.\n:::\n\n`;
const base = [{ key: 'RM-6', title: 'Payments' }];

async function write(clone: string, file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(clone, 'ws', file)), { recursive: true });
  await fs.writeFile(path.join(clone, 'ws', file), text);
}

beforeAll(async () => {
  sandbox = await createGitSandbox();
  const seed = await sandbox.clone('seed');
  await write(seed, 'specbench.json', '{ "name": "Team" }\n');
  await write(seed, 'roadmap.json', roadmap(base));
  await write(seed, 'specs/checkout.md', spec(requirement('REQ-10', 'RM-6')));
  const installed = runSpecbenchIn(sandbox, seed, ['merge-driver', 'install', 'ws']);
  expect(installed.code, installed.stderr).toBe(0);
  sandbox.git(seed, ['add', '-A']);
  sandbox.git(seed, ['commit', '-q', '-m', 'Start']);
  sandbox.git(seed, ['push', '-q', 'origin', 'HEAD:main']);
  [dana, sam, lee] = [await sandbox.clone('dana'), await sandbox.clone('sam'), await sandbox.clone('lee')];
  for (const clone of [dana, sam, lee])
    expect(runSpecbenchIn(sandbox, clone, ['merge-driver', 'install', 'ws']).code).toBe(0);
  await write(dana, 'roadmap.json', roadmap([...base, { key: 'RM-15', title: 'Dana item' }]));
  sandbox.git(dana, ['commit', '-q', '-am', 'Dana adds RM-15']);
  sandbox.git(dana, ['push', '-q']);
  // Sam pulls with a merge, Lee (who made the same change) with a rebase.
  for (const clone of [sam, lee]) {
    await write(clone, 'roadmap.json', roadmap([...base, { key: 'RM-15', title: 'Sam item' }]));
    await write(
      clone,
      'specs/checkout.md',
      spec(requirement('REQ-10', 'RM-6,RM-15'), 'Gift wrap comes with [[RM-15]].\n'),
    );
    sandbox.git(clone, ['commit', '-q', '-am', 'Adds RM-15 and links REQ-10 to it']);
  }
  // git prints the driver's lines on stderr, which the sandbox's git() does not keep.
  const pull = (clone: string, how: string) =>
    spawnSync('git', ['pull', how, '--no-edit'], { cwd: clone, env: sandbox.env, encoding: 'utf8' }).stderr;
  pulled = pull(sam, '--no-rebase');
  pull(lee, '--rebase');
}, 120_000);

afterAll(async () => {
  await sandbox.remove();
});

describe('a roadmap item the merge driver renumbered', () => {
  it('says on the pull how many links were written for it', () => {
    expect(pulled).toContain(
      'specbench: 2 links to RM-15 written for the item that is now RM-16: open Changes in Specbench to point them to RM-16',
    );
  });

  it('check reports the requirement’s roadmap= link and the mention Sam wrote, as rekeyed-reference', () => {
    const run = runSpecbenchIn(sandbox, path.join(sam, 'ws'), ['check', '.', '--json']);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; line: number; message: string }[] };
    expect(
      report.findings
        .filter((finding) => finding.rule === 'rekeyed-reference')
        .map((finding) => `${finding.line} ${finding.message}`),
    ).toEqual([
      '8 REQ-10 delivers RM-15, written for the copy renamed to RM-16 after a merge: point it to RM-16 or keep RM-15 (Changes).',
      '12 SPEC-1 mentions RM-15, written for the copy renamed to RM-16 after a merge: point it to RM-16 or keep RM-15 (Changes).',
    ]);
  });

  it('after git pull --rebase too: the links of the replayed commit are found', () => {
    const run = runSpecbenchIn(sandbox, path.join(lee, 'ws'), ['check', '.', '--json']);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; line: number }[] };
    expect([
      sandbox.git(lee, ['rev-list', '--merges', '--count', 'HEAD']).output.trim(),
      report.findings
        .filter((finding) => finding.rule === 'rekeyed-reference')
        .map((finding) => finding.line),
    ]).toEqual(['0', [8, 12]]);
  });

  it('Point rewrites exactly the one roadmap= token, and the record stays until then', async () => {
    const opened = await Workspace.open(path.join(sam, 'ws'), { write: true, cache: false });
    if (!opened.ok) throw new Error(opened.message);
    const { workspace } = opened;
    try {
      expect(workspace.pendingRekeys().map((record) => record.references.map((each) => each.kind))).toEqual([
        ['delivers', 'mentions'],
      ]);
      const pointed = await workspace.repoint('RM-15', 'RM-16', [{ path: 'specs/checkout.md', line: 8 }]);
      expect(pointed.ok).toBe(true);
      const diff = sandbox.git(sam, [
        'diff',
        '-U0',
        '--word-diff=porcelain',
        '--word-diff-regex=[A-Z]+-[0-9]+|.',
        '--',
        'ws',
      ]).output;
      expect(diff.split('\n').filter((line) => /^[-+][^-+]/.test(line))).toEqual(['-RM-15', '+RM-16']);
      expect(workspace.pendingRekeys().map((record) => record.references.map((each) => each.line))).toEqual([
        [12],
      ]);
    } finally {
      await workspace.close();
    }
  });
});
