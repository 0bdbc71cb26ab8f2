import { beforeAll, describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRoadmapText } from './roadmapAdapter.js';
import { RoadmapStore } from './roadmapStore.js';
import { buildForChildProcess } from './testing/roadmapChildBuild.js';
import { roadmapDigest } from './testing/roadmapCrashWriter.js';

const writer = fileURLToPath(new URL('./testing/roadmapCrashWriter.ts', import.meta.url));
const sample = fileURLToPath(new URL('../../samples/acme-checkout/roadmap.json', import.meta.url));
const kills = 200;
/** About 50 s on an idle 2-core machine; a loaded one stops at the budget, but never below `minimumKills`. */
const budgetMs = 90_000;
const minimumKills = 100;

/** Starts the writer, waits until it holds the store, lets it write for a random moment, then SIGKILLs it. */
function killDuringWrites(
  script: string,
  root: string,
  log: string,
  seed: number,
  delayMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, root, log, String(seed)], {
      env: { ...process.env, SPECBENCH_CRASH_CHILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited on its own: ${stderr}`)),
    );
  });
}

let script: string;
beforeAll(async () => {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-crash-build-'));
  script = await buildForChildProcess(writer, folder);
});

async function workspaceFromSample(): Promise<{ folder: string; root: string }> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-crash-'));
  const root = path.join(folder, 'workspace');
  await fs.mkdir(root);
  await fs.copyFile(sample, path.join(root, 'roadmap.json'));
  return { folder, root };
}

describe('one writer across processes', () => {
  it('while another process writes, a second store cannot, but reads a whole file; once it dies, the lock is taken over', async () => {
    const { folder, root } = await workspaceFromSample();
    const child = spawn(process.execPath, [script, root, path.join(folder, 'versions.log'), '7'], {
      env: { ...process.env, SPECBENCH_CRASH_CHILD: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await once(child.stdout, 'data');
    const second = await RoadmapStore.open(root, { write: true });
    const reader = await RoadmapStore.open(root);
    child.kill('SIGKILL');
    await once(child, 'exit');
    const after = await RoadmapStore.open(root, { write: true });
    if (after.ok) await after.store.close();
    expect({ second: second.ok ? 'opened' : second.error, reader: reader.ok, after: after.ok }).toEqual({
      second: 'locked',
      reader: true,
      after: true,
    });
  });
});

describe('roadmap.json survives being killed mid-write', () => {
  it(
    `is always one of the versions written, across ${kills} kills`,
    async () => {
      const { folder, root } = await workspaceFromSample();
      const initial = await fs.readFile(sample, 'utf8');
      const log = path.join(folder, 'versions.log');
      const initialParsed = parseRoadmapText(initial);
      await fs.writeFile(log, initialParsed.ok ? `${roadmapDigest(initialParsed.data.items)}\n` : '');

      const problems: string[] = [];
      const started = Date.now();
      let round = 0;
      for (; round < kills && (round < minimumKills || Date.now() - started < budgetMs); round++) {
        await killDuringWrites(script, root, log, round + 1, Math.floor(Math.random() * 40));
        const announced = new Set((await fs.readFile(log, 'utf8')).split('\n').slice(0, -1));
        for (const name of ['roadmap.json', 'roadmap.json.bak']) {
          const text = await fs.readFile(path.join(root, name), 'utf8').catch(() => undefined);
          // The backup appears with the first write; roadmap.json itself must always be there.
          if (text === undefined && name === 'roadmap.json.bak') continue;
          const parsed = parseRoadmapText(text ?? '', name);
          if (!parsed.ok) problems.push(`round ${round}: ${parsed.message}`);
          else if (!announced.has(roadmapDigest(parsed.data.items)))
            problems.push(`round ${round}: ${name} is no version written`);
        }
      }
      const versions = (await fs.readFile(log, 'utf8')).split('\n').length - 2;
      const leftovers = (await fs.readdir(root)).filter((name) => name.endsWith('.tmp'));
      console.log(
        `${round} kills, ${versions} versions announced, ${leftovers.length} temp files left, ${Date.now() - started} ms`,
      );
      // Enough kills, and enough writes between them, for the test to mean something.
      expect({
        problems,
        enoughKills: round >= minimumKills,
        enoughWrites: versions >= round,
        leftovers: leftovers.length <= 2,
      }).toEqual({
        problems: [],
        enoughKills: true,
        enoughWrites: true,
        leftovers: true,
      });
    },
    budgetMs * 2,
  );
});
