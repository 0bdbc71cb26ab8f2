import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentStore } from './documentStore.js';
import { Workspace, type WorkspaceChange } from './workspace.js';
import { conditionSkips, realDiskConditions } from './testing/diskConditions.js';
import {
  createFaultWorkspace,
  documentText,
  groupPaths,
  leftoversIn,
  runUnderCondition,
  type FaultTarget,
} from './testing/faultCases.js';

const targets: FaultTarget[] = ['document', 'group', 'roadmap', 'settings'];
let machine: Awaited<ReturnType<typeof conditionSkips>> | undefined;

beforeAll(async () => {
  machine = await conditionSkips();
  for (const needs of ['tiny disk', 'chattr'] as const) {
    const reason = machine.skipReason(needs);
    if (reason !== '')
      console.log(`conditions needing ${needs}: skipped, ${reason}; the injected faults still run`);
  }
});

afterAll(async () => {
  await machine?.disk?.unmount();
});

const reasons: Record<string, RegExp> = {
  'disk full': /could not be saved: the disk is full[.;]/,
  'read-only': /(is read-only[,.]|could not be saved: the file or its folder is read-only[.;])/,
};

describe('a real disk condition gives a clear failure, keeps the old file and lets the next save land', () => {
  const rows = realDiskConditions.flatMap((row) => targets.map((target) => ({ ...row, target })));
  it.each(rows.map((row) => [`${row.name}: ${row.target}`, row] as const))('%s', async (_name, row) => {
    const skip = machine!.skipReason(row.needs);
    if (skip !== '') {
      console.log(`skipped "${row.name}: ${row.target}": ${skip}`);
      return;
    }
    const outcome = await runUnderCondition(row.target, row.condition(machine!.disk));
    const fullDisk = row.needs === 'tiny disk';
    const failure = row.target === 'roadmap' ? 'unwritable' : fullDisk ? 'disk-full' : 'read-only';
    expect({
      error: outcome.error,
      reason: Object.keys(reasons).find((name) => reasons[name]!.test(outcome.message)) ?? outcome.message,
      onDisk: outcome.onDisk,
      leftovers: outcome.leftovers,
      nextSave: outcome.nextSave,
    }).toEqual({
      error: failure,
      reason: fullDisk ? 'disk full' : 'read-only',
      onDisk: 'old',
      leftovers: [],
      nextSave: 'ok',
    });
  });
});

describe('files changed under an open document', () => {
  it('a file deleted while open: the save is refused as deleted, nothing is recreated, and once the file is back the save lands', async () => {
    const root = await createFaultWorkspace();
    const file = groupPaths[0]!;
    const store = new DocumentStore(root);
    const loaded = await store.read(file);
    if (!loaded.ok) throw new Error(loaded.message);
    await fs.rename(path.join(root, file), path.join(root, 'elsewhere.md'));
    const refused = await store.save(file, documentText(file, 'new'), loaded.file);
    const recreated = await fs.stat(path.join(root, file)).then(
      () => true,
      () => false,
    );
    await fs.rename(path.join(root, 'elsewhere.md'), path.join(root, file));
    const next = await store.save(file, documentText(file, 'new'), loaded.file);
    expect({
      refused: refused.ok ? 'saved' : [refused.error, refused.message],
      recreated,
      leftovers: await leftoversIn(root),
      next: next.ok,
      text: await fs.readFile(path.join(root, file), 'utf8'),
    }).toEqual({
      refused: ['deleted', `${file} was deleted.`],
      recreated: false,
      leftovers: [],
      next: true,
      text: documentText(file, 'new'),
    });
  });

  it('a file replaced by a rename-style save (vim, VS Code): the save is refused as a conflict with their bytes, which stay; saving over their version lands', async () => {
    const root = await createFaultWorkspace();
    const file = groupPaths[0]!;
    const store = new DocumentStore(root);
    const loaded = await store.read(file);
    if (!loaded.ok) throw new Error(loaded.message);
    const theirs = `${documentText(file, 'old')}A line added in another editor.\n`;
    const temp = path.join(root, 'specs', '.guest-checkout.md.swp');
    await fs.writeFile(temp, theirs);
    await fs.rename(temp, path.join(root, file));
    const refused = await store.save(file, documentText(file, 'new'), loaded.file);
    const kept = await fs.readFile(path.join(root, file), 'utf8');
    const current = !refused.ok ? refused.current : undefined;
    const next = current ? await store.save(file, documentText(file, 'new'), current) : undefined;
    expect({
      refused: refused.ok ? 'saved' : [refused.error, refused.message, current?.text],
      kept: kept === theirs,
      next: next?.ok,
      text: await fs.readFile(path.join(root, file), 'utf8'),
      leftovers: await leftoversIn(root),
    }).toEqual({
      refused: ['conflict', `${file} was changed outside Specbench since it was opened.`, theirs],
      kept: true,
      next: true,
      text: documentText(file, 'new'),
      leftovers: [],
    });
  });
});

describe('a 500-file git checkout under an open workspace', () => {
  it('re-indexes every file of the other branch, and a save from the old branch is refused, not written over it', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-checkout-'));
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: root,
        stdio: 'pipe',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@t',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@t',
        },
      });
    const names = Array.from(
      { length: 500 },
      (_, index) => `specs/spec-${String(index).padStart(3, '0')}.md`,
    );
    const text = (name: string, branch: string) => `---\ntitle: ${name} on ${branch}\n---\n# ${branch}\n`;
    await fs.mkdir(path.join(root, 'specs'));
    const writeAll = (branch: string) =>
      Promise.all(names.map((name) => fs.writeFile(path.join(root, name), text(name, branch))));
    git('init', '-q', '-b', 'main');
    await writeAll('main');
    git('add', '-A');
    git('commit', '-q', '-m', 'main');
    git('checkout', '-q', '-b', 'other');
    await writeAll('other');
    git('commit', '-q', '-am', 'other');
    git('checkout', '-q', 'main');

    const opened = await Workspace.open(root, { write: true, watch: true, cache: false });
    if (!opened.ok) throw new Error(opened.message);
    const workspace = opened.workspace;
    const loaded = await workspace.readDocument(names[0]!);
    if (!loaded.ok) throw new Error(loaded.message);
    const changes: WorkspaceChange[] = [];
    const titles = () => workspace.documents().filter((entry) => entry.title.endsWith('on other')).length;
    const allSeen = new Promise<void>((resolve) => {
      workspace.onDidChange((change) => {
        changes.push(change);
        if (titles() === names.length) resolve();
      });
    });
    const started = Date.now();
    git('checkout', '-q', 'other');
    await Promise.race([allSeen, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    console.log(
      `git checkout of 500 files: re-indexed in ${Date.now() - started} ms, ${changes.length} batches`,
    );
    const refused = await workspace.saveDocument(names[0]!, text(names[0]!, 'mine'), loaded.file);
    await workspace.close();
    expect({
      reindexed: titles(),
      batches: changes.length <= 5,
      refused: refused.ok ? 'saved' : refused.error,
      onDisk: await fs.readFile(path.join(root, names[0]!), 'utf8'),
      status: execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }),
    }).toEqual({
      reindexed: 500,
      batches: true,
      refused: 'conflict',
      onDisk: text(names[0]!, 'other'),
      status: '',
    });
  }, 40_000);
});
