/**
 * walk12e finding 6, after a terminal `git pull`: the file git left with conflict markers holds both
 * sides' REQ-9, and Changes and Problems said "REQ-9 defined twice" until the app learnt of the merge.
 * The index reads a file with markers as conflicted: each key once, and one finding saying so.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { specbenchBin } from '../git/testing/gitSandbox.js';
import { Workspace } from './workspace.js';

const requirement = (text: string) => `:::requirement{#REQ-9 priority=must}\n${text}\n:::\n`;
const conflicted = [
  '---\nkey: SPEC-1\ntype: spec\ntitle: Checkout\n---\n## Requirements\n',
  '<<<<<<< ours: REQ-9 “Codes expire after one hour”\n',
  requirement('Codes expire after one hour.'),
  '=======\n',
  requirement('Codes expire after thirty minutes.'),
  '>>>>>>> theirs: REQ-9 “Codes expire after thirty minutes”\n',
].join('');
const story = '---\nkey: STORY-1\ntype: story\ntitle: Expiry\nimplements: [REQ-9]\n---\nAs a shopper.\n';

let root: string;

beforeEach(async () => {
  root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-conflicted-')));
  await fs.mkdir(path.join(root, 'specs'));
  await fs.mkdir(path.join(root, 'stories'));
  await fs.writeFile(path.join(root, 'specbench.json'), '{ "name": "Team" }\n');
  await fs.writeFile(path.join(root, 'specs/checkout.md'), conflicted);
  await fs.writeFile(path.join(root, 'stories/expiry.md'), story);
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('a Markdown file with git conflict markers', () => {
  it('defines each of its keys once, and has one finding saying it is conflicted', async () => {
    const opened = await Workspace.open(root, { write: false, watch: false, cache: false });
    if (!opened.ok) throw new Error(opened.message);
    const { workspace } = opened;
    try {
      const findings = workspace
        .check()
        .filter((finding) => finding.rule === 'duplicate-key' || finding.path === 'specs/checkout.md')
        .map((finding) => `${finding.rule} ${finding.line} ${finding.message.slice(0, 30)}`);
      expect([
        workspace.document('SPEC-1')?.requirements.map((each) => `${each.key} ${each.line}`),
        findings,
      ]).toEqual([['REQ-9 8'], ['malformed-file 7 This file has merge conflicts:']]);
    } finally {
      await workspace.close();
    }
  });

  it('is still conflicted when read back from the index cache', async () => {
    const findingsOf = async () => {
      const opened = await Workspace.open(root, { write: false, watch: false, cache: true });
      if (!opened.ok) throw new Error(opened.message);
      const { workspace } = opened;
      try {
        return {
          fromCache: workspace.statistics.fromCache,
          findings: workspace
            .check()
            .filter((finding) => finding.path === 'specs/checkout.md')
            .map((finding) => finding.rule),
        };
      } finally {
        await workspace.close();
      }
    };
    await findingsOf();
    // Files written this recently are not trusted from the cache; age them as if written long ago.
    const old = new Date(Date.now() - 60_000);
    for (const file of ['specs/checkout.md', 'stories/expiry.md'])
      await fs.utimes(path.join(root, file), old, old);
    await findingsOf();
    expect(await findingsOf()).toEqual({ fromCache: 2, findings: ['malformed-file'] });
  });

  it('specbench check says the file is conflicted, not that REQ-9 is defined twice', () => {
    const run = spawnSync(process.execPath, [specbenchBin, 'check', '.'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(root) },
    });
    expect([run.status, /merge conflicts/.test(run.stdout), /REQ-9/.test(run.stdout)]).toEqual([
      1,
      true,
      false,
    ]);
  });
});
