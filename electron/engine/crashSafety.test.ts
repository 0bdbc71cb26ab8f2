import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { RoadmapStore } from './roadmapStore.js';
import { Workspace } from './workspace.js';
import {
  crashChildScript,
  createCrashWorkspace,
  inspectCrashWorkspace,
  runCrashLoop,
} from './testing/crashLoop.js';
import { crashDocumentCount, crashDocumentPath } from './testing/crashDocuments.js';
import { buildForChildProcess } from './testing/roadmapChildBuild.js';

const kills = Number(process.env.SPECBENCH_CRASH_KILLS ?? 160);
const minimumKills = Math.min(kills, 100);
/** A loaded machine stops at the budget, but never below `minimumKills`. */
const budgetMs = 20_000;

let child: string;
beforeAll(async () => {
  child = await crashChildScript();
});

describe('crash safety: one process saving documents and roadmap items, SIGKILLed at random', () => {
  it(`leaves every file whole and one of the versions written, across ${minimumKills}–${kills} kills`, async () => {
    const result = await runCrashLoop({ kills, minimumKills, budgetMs, lanes: 2, maxDelayMs: 40 });
    console.log(
      `crash safety: ${result.kills} kills in ${result.milliseconds} ms; documents reached version ` +
        `${result.documentVersion}, ${result.roadmapVersions} roadmap versions announced (the fewest of the two workspaces)`,
    );
    // Enough kills, and enough writes of both kinds between them, for the test to mean something.
    expect({
      problems: result.problems,
      filesLost: result.filesLost,
      enoughKills: result.kills >= minimumKills,
      documentsWritten: result.documentVersion >= 10,
      roadmapWritten: result.roadmapVersions >= 10,
    }).toEqual({
      problems: [],
      filesLost: 0,
      enoughKills: true,
      documentsWritten: true,
      roadmapWritten: true,
    });
    // A child took 0.6–1.4 s to start at a load of 18 (measured): the minimum kills can then take minutes.
  }, 300_000);

  it('rolls back an all-or-none save that was killed before its last rename, when the workspace reopens', async () => {
    const { root, log } = await createCrashWorkspace();
    const read = () =>
      Array.from({ length: crashDocumentCount }, (_, file) =>
        readFileSync(path.join(root, crashDocumentPath(file)), 'utf8'),
      );
    const before = read();
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-crash-build-'));
    const script = await buildForChildProcess(
      fileURLToPath(new URL('./testing/commitAndDie.ts', import.meta.url)),
      folder,
    );
    const killed = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
    const halfDone = (await inspectCrashWorkspace(root, log)).problems.length > 0;
    const opened = await Workspace.open(root, { write: true, cache: false });
    if (opened.ok) await opened.workspace.close();
    expect({
      signal: killed.signal,
      halfDone,
      opened: opened.ok,
      same: read().every((text, file) => text === before[file]),
      left: readdirSync(path.join(root, '.specbench', 'transactions')),
    }).toEqual({ signal: 'SIGKILL', halfDone: true, opened: true, same: true, left: [] });
  });

  it('while the child writes, a second store cannot, but reads a whole roadmap; once it dies, the lock is taken over', async () => {
    const { root, log } = await createCrashWorkspace();
    const writer = spawn(process.execPath, [child, root, log, '7'], {
      env: { ...process.env, SPECBENCH_CRASH_CHILD: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await once(writer.stdout, 'data');
    const second = await RoadmapStore.open(root, { write: true });
    const reader = await RoadmapStore.open(root);
    writer.kill('SIGKILL');
    await once(writer, 'exit');
    const after = await RoadmapStore.open(root, { write: true });
    if (after.ok) await after.store.close();
    expect({ second: second.ok ? 'opened' : second.error, reader: reader.ok, after: after.ok }).toEqual({
      second: 'locked',
      reader: true,
      after: true,
    });
  });
});
