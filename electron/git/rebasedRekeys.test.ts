/**
 * walk12e finding 5: after an in-app Pull with rebase, the record of a roadmap item the driver
 * renumbered named the commit that wrote its links as it was before the rebase (82c4314, in no shared
 * history; the rebased one was 5bc011b), in Changes and in the shared rekeys.json. Now it names the
 * rebased commit, whether the rebase ran through or stopped and was finished in the app.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRekeys } from '../engine/rekeyLog.js';
import { Workspace } from '../engine/workspace.js';
import { finishOperation } from './finishOperation.js';
import { rebasedRekeysText } from './rebasedRekeys.js';
import { findRepository } from './repositoryStatus.js';
import { pull } from './syncCommands.js';
import { createGitSandbox, runSpecbenchIn, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let sam: string;

const roadmap = (title: string) =>
  `${JSON.stringify(
    {
      items: [
        { key: 'RM-6', title: 'Payments', lane: 'later' },
        { key: 'RM-15', title, lane: 'later' },
      ],
      releases: [],
    },
    null,
    2,
  )}\n`;
const spec =
  '---\nkey: SPEC-1\ntype: spec\ntitle: Checkout\n---\n# Checkout\n\nGift wrap comes with [[RM-15]].\n';

async function write(clone: string, file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(clone, 'ws', file)), { recursive: true });
  await fs.writeFile(path.join(clone, 'ws', file), text);
}

/** The commit ids the rename records in `file` name for their links. */
async function recordedCommits(file: string): Promise<string[]> {
  const records = parseRekeys(await fs.readFile(file, 'utf8')) ?? [];
  return records.flatMap((record) => record.references.map((reference) => reference.commit));
}

const short = (revision: string) => sandbox.git(sam, ['rev-parse', '--short=7', revision]).output.trim();

describe('the record of an item renumbered during a rebase', () => {
  beforeEach(async () => {
    sandbox = await createGitSandbox();
    Object.assign(process.env, sandbox.env);
    const dana = await sandbox.clone('dana');
    await write(dana, 'specbench.json', '{ "name": "Team" }\n');
    await write(dana, 'notes.txt', 'Launch in May.\n');
    await write(dana, '.gitignore', '.specbench/\n');
    expect(runSpecbenchIn(sandbox, dana, ['merge-driver', 'install', 'ws']).code).toBe(0);
    sandbox.git(dana, ['add', '-A']);
    sandbox.git(dana, ['commit', '-q', '-m', 'Start']);
    sandbox.git(dana, ['push', '-q', '-u', 'origin', 'HEAD:main']);
    sam = await sandbox.clone('sam');
    expect(runSpecbenchIn(sandbox, sam, ['merge-driver', 'install', 'ws']).code).toBe(0);
    sandbox.git(sam, ['config', 'pull.rebase', 'true']);
    await write(dana, 'roadmap.json', roadmap('Dana item'));
    await write(dana, 'notes.txt', 'Launch in June.\n');
    sandbox.git(dana, ['add', '-A']);
    sandbox.git(dana, ['commit', '-q', '-m', 'Dana adds RM-15']);
    sandbox.git(dana, ['push', '-q']);
    // Sam's RM-15 and his link to it, then an unrelated edit.
    await write(sam, 'roadmap.json', roadmap('Sam item'));
    await write(sam, 'specs/checkout.md', spec);
    sandbox.git(sam, ['add', '-A']);
    sandbox.git(sam, ['commit', '-q', '-m', 'Sam adds RM-15 and links it']);
  });

  afterEach(async () => {
    await sandbox.remove();
  });

  it('names the rebased commit after an in-app Pull that ran through', async () => {
    const before = short('HEAD');
    const place = (await findRepository(path.join(sam, 'ws')))!;
    const pulled = await pull(place, () => undefined);
    expect(pulled.ok && pulled.outcome).toBe('rebased');
    const commits = await recordedCommits(path.join(sam, 'ws', '.specbench', 'rekeys.json'));
    expect([commits, commits.includes(before)]).toEqual([[short('HEAD')], false]);
  });

  it('names it in the shared file Finish rebase commits, when a later commit stopped the rebase', async () => {
    await write(sam, 'notes.txt', 'Launch in July.\n');
    sandbox.git(sam, ['commit', '-q', '-am', 'Sam moves the launch']);
    const place = (await findRepository(path.join(sam, 'ws')))!;
    const pulled = await pull(place, () => undefined);
    expect(pulled.ok && pulled.outcome).toBe('conflicts');
    // What Keep both does meanwhile: the local records go to the shared file, staged with the resolution.
    const local = path.join(sam, 'ws', '.specbench', 'rekeys.json');
    await fs.copyFile(local, path.join(sam, 'ws', 'rekeys.json'));
    await write(sam, 'notes.txt', 'Launch in July.\n');
    sandbox.git(sam, ['add', 'ws/notes.txt', 'ws/rekeys.json']);
    const finished = await finishOperation(place, []);
    expect(finished.ok && finished.done).toBe(true);
    const committed = parseRekeys(sandbox.git(sam, ['show', 'HEAD:ws/rekeys.json']).output) ?? [];
    expect([
      committed.flatMap((record) => record.references.map((reference) => reference.commit)),
      sandbox.git(sam, ['status', '--porcelain', '--', 'ws']).output,
    ]).toEqual([[short('HEAD~1')], '']);
  });

  it('names the rebased commit when the rebase ran from a terminal and the app reads the record after', async () => {
    const before = short('HEAD');
    // No Finish rebase of ours sees git's rewritten-list: the driver's record names the commit as it was.
    sandbox.git(sam, ['pull', '-q', '--rebase']);
    const local = await recordedCommits(path.join(sam, 'ws', '.specbench', 'rekeys.json'));
    const opened = await Workspace.open(path.join(sam, 'ws'), { write: false, watch: false, cache: false });
    if (!opened.ok) throw new Error(opened.message);
    try {
      const read = opened.workspace.rekeys
        .all()
        .flatMap((record) => record.references.map((each) => each.commit));
      expect([local, read]).toEqual([[before], [short('HEAD')]]);
    } finally {
      await opened.workspace.close();
    }
  });
});

describe('rebasedRekeysText', () => {
  const text = (commit: string) =>
    `${JSON.stringify({ rekeys: [{ key: 'RM-15', newKey: 'RM-16', path: 'roadmap.json', at: '2026-12-01T10:00:00Z', references: [{ path: 'specs/a.md', line: 8, kind: 'mentions', from: 'SPEC-1', commit, author: 'Sam' }] }] })}\n`;
  const ids = {
    rebased: new Map([
      ['82c4314aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '5bc011bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'],
    ]),
    pending: ['0d0e0f1a2b3c4d5e6f708192a3b4c5d6e7f80910'],
  };
  it.each([
    ['a replayed commit gets its new id', '82c4314', '5bc011b'],
    ['one still to be replayed (it cannot be named) loses its id', '0d0e0f1', ''],
    ['a commit the rebase did not touch keeps its id', 'abcdef1', undefined],
  ])('%s', (_name, commit, expected) => {
    const next = rebasedRekeysText(text(commit), ids);
    expect(next && parseRekeys(next)?.[0]?.references[0]?.commit).toBe(expected);
  });
});
