import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from './documentStore.js';
import { Workspace } from './workspace.js';
import {
  crashDocumentCount,
  crashDocumentHeader,
  crashDocumentPath,
  crashDocumentText,
} from './testing/crashDocuments.js';

const repository = fileURLToPath(new URL('../../', import.meta.url));
const kills = Number(process.env.SPECBENCH_CRASH_KILLS ?? 300);
const minimumKills = Math.min(kills, 150);
const budgetMs = 50_000;

const scripts = ['saveLoop', 'commitAndDie'] as const;

/** Emits the child scripts and what they import (plain Node, no type check) into a temp folder. */
function compileScripts(): Record<(typeof scripts)[number], string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'specbench-crash-build-'));
  const entries = scripts.map((script) => path.join(repository, `electron/engine/testing/${script}.ts`));
  const program = ts.createProgram(entries, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    rootDir: repository,
    outDir,
    noCheck: true,
    skipLibCheck: true,
    types: [],
  });
  program.emit();
  writeFileSync(path.join(outDir, 'package.json'), '{ "type": "module" }\n');
  const compiled = (script: string) => path.join(outDir, `electron/engine/testing/${script}.js`);
  return { saveLoop: compiled('saveLoop'), commitAndDie: compiled('commitAndDie') };
}

/** Starts the loop, waits until it is saving, lets it run a random while, then SIGKILLs it. */
function runAndKill(script: string, root: string, runMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), runMs));
    child.once('error', reject);
    child.once('exit', (_code, signal) =>
      resolve(signal === 'SIGKILL' ? '' : `exited without a kill: ${stderr}`),
    );
  });
}

/**
 * What is wrong with the workspace now: a file that is not exactly one of the versions written, or
 * a file saved in a group whose partners are older (a group commit that was only half done).
 */
function inspect(root: string): string[] {
  const problems: string[] = [];
  const headers = new Map<number, { version: number; group: number[] }>();
  for (let file = 0; file < crashDocumentCount; file++) {
    const text = readFileSync(path.join(root, crashDocumentPath(file)), 'utf8');
    const header = crashDocumentHeader(text);
    if (text === '') problems.push(`${crashDocumentPath(file)} is empty`);
    else if (header === undefined || text !== crashDocumentText(file, header.version, header.group)) {
      problems.push(`${crashDocumentPath(file)} is torn (${text.length} bytes)`);
    } else headers.set(file, header);
  }
  for (const [file, { version, group }] of headers) {
    for (const partner of group) {
      const partnerVersion = headers.get(partner)?.version ?? Infinity;
      if (partnerVersion < version) {
        problems.push(
          `${crashDocumentPath(file)} is at version ${version} but its group partner ${partner} at ${partnerVersion}`,
        );
      }
    }
  }
  return problems;
}

function createWorkspace(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'specbench-crash-'));
  for (let file = 0; file < crashDocumentCount; file++) {
    mkdirSync(path.dirname(path.join(root, crashDocumentPath(file))), { recursive: true });
    writeFileSync(path.join(root, crashDocumentPath(file)), crashDocumentText(file, 0));
  }
  return root;
}

/**
 * Kills a save loop over one workspace `rounds` times, checking every document after each kill;
 * on a machine busy with other work it stops at the deadline once it has the minimum.
 */
async function killRepeatedly(
  script: string,
  root: string,
  rounds: number,
  deadline: number,
): Promise<{ problems: string[]; kills: number }> {
  const problems: string[] = [];
  let round = 0;
  for (; round < rounds && problems.length === 0; round++) {
    if (round >= minimumKills / 2 && Date.now() > deadline) break;
    const failure = await runAndKill(script, root, Math.floor(Math.random() * 60));
    if (failure !== '') problems.push(failure);
    // What the app does when it opens the workspace again.
    await new DocumentStore(root).recover();
    problems.push(...inspect(root).map((problem) => `after kill ${round + 1}: ${problem}`));
  }
  return { problems, kills: round };
}

describe('crash safety of document saves', () => {
  it(`leaves every document whole after ${minimumKills}–${kills} SIGKILLs during saves`, async () => {
    const script = compileScripts().saveLoop;
    const started = Date.now();
    // Two workspaces at once, to fit the kills in about half a minute on two cores.
    const roots = [createWorkspace(), createWorkspace()];
    const lanes = await Promise.all(
      roots.map((root) => killRepeatedly(script, root, kills / 2, started + budgetMs)),
    );
    const problems = lanes.flatMap((lane) => lane.problems);
    const done = lanes.reduce((sum, lane) => sum + lane.kills, 0);
    const listed = await Promise.all(
      roots.map(async (root) => (await new DocumentStore(root).listMarkdownFiles()).map((file) => file.path)),
    );
    const versions = roots.flatMap((root) =>
      Array.from(
        { length: crashDocumentCount },
        (_, file) =>
          crashDocumentHeader(readFileSync(path.join(root, crashDocumentPath(file)), 'utf8'))?.version,
      ),
    );
    const tempFiles = () =>
      roots.flatMap((root) =>
        readdirSync(root, { recursive: true }).filter((name) => String(name).endsWith('.tmp')),
      );
    const leftovers = tempFiles();
    for (const root of roots) await new DocumentStore(root).removeStaleTempFiles({ olderThanMs: 0 });
    console.log(
      `crash safety: ${done} kills in ${Date.now() - started} ms; highest version ${Math.max(...(versions as number[]))}; ` +
        `${leftovers.length} temp files left behind (none listed as documents), all removed as stale`,
    );
    const documents = Array.from({ length: crashDocumentCount }, (_, file) => crashDocumentPath(file)).sort();
    // Each workspace got saves: some document moved past its first version.
    const saved = roots.map((_, lane) =>
      versions
        .slice(lane * crashDocumentCount, (lane + 1) * crashDocumentCount)
        .some((version) => (version ?? 0) > 0),
    );
    expect({
      problems: [...problems, ...roots.flatMap(inspect)],
      listed,
      saved,
      tempFilesAfterCleanup: tempFiles(),
      enoughKills: done >= minimumKills,
    }).toEqual({
      enoughKills: true,
      problems: [],
      listed: [documents, documents],
      saved: [true, true],
      tempFilesAfterCleanup: [],
    });
  }, 180_000);

  it('rolls back an all-or-none save that was killed before its last rename, when the workspace reopens', async () => {
    const root = createWorkspace();
    const before = Array.from({ length: crashDocumentCount }, (_, file) =>
      readFileSync(path.join(root, crashDocumentPath(file)), 'utf8'),
    );
    const child = spawnSync(process.execPath, [compileScripts().commitAndDie, root], { encoding: 'utf8' });
    const halfDone = inspect(root).length > 0;
    const opened = await Workspace.open(root, { write: true, cache: false });
    if (opened.ok) await opened.workspace.close();
    const after = Array.from({ length: crashDocumentCount }, (_, file) =>
      readFileSync(path.join(root, crashDocumentPath(file)), 'utf8'),
    );
    expect({
      signal: child.signal,
      halfDone,
      opened: opened.ok,
      same: after.every((text, file) => text === before[file]),
      left: readdirSync(path.join(root, '.specbench', 'transactions')),
    }).toEqual({ signal: 'SIGKILL', halfDone: true, opened: true, same: true, left: [] });
  });
});
