import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from './documentStore.js';
import {
  crashDocumentCount,
  crashDocumentPath,
  crashDocumentText,
  crashDocumentVersion,
} from './testing/crashDocuments.js';

const repository = fileURLToPath(new URL('../../', import.meta.url));
const kills = Number(process.env.SPECBENCH_CRASH_KILLS ?? 300);

/** Emits the child script and what it imports (plain Node, no type check) into a temp folder. */
function compileSaveLoop(): string {
  const outDir = mkdtempSync(path.join(tmpdir(), 'specbench-crash-build-'));
  const entry = path.join(repository, 'electron/engine/testing/saveLoop.ts');
  const program = ts.createProgram([entry], {
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
  return path.join(outDir, 'electron/engine/testing/saveLoop.js');
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

/** What is wrong with the workspace now: a file that is not exactly one of the versions written. */
function inspect(root: string): string[] {
  const problems: string[] = [];
  for (let file = 0; file < crashDocumentCount; file++) {
    const text = readFileSync(path.join(root, crashDocumentPath(file)), 'utf8');
    const version = crashDocumentVersion(text);
    if (text === '') problems.push(`${crashDocumentPath(file)} is empty`);
    else if (version === undefined || text !== crashDocumentText(file, version)) {
      problems.push(`${crashDocumentPath(file)} is torn (${text.length} bytes)`);
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

/** Kills a save loop over one workspace `rounds` times, checking every document after each kill. */
async function killRepeatedly(script: string, root: string, rounds: number): Promise<string[]> {
  const problems: string[] = [];
  for (let round = 0; round < rounds && problems.length === 0; round++) {
    const failure = await runAndKill(script, root, Math.floor(Math.random() * 60));
    if (failure !== '') problems.push(failure);
    problems.push(...inspect(root).map((problem) => `after kill ${round + 1}: ${problem}`));
  }
  return problems;
}

describe('crash safety of document saves', () => {
  it(`leaves every document whole after ${kills} SIGKILLs during saves`, async () => {
    const script = compileSaveLoop();
    const started = Date.now();
    // Two workspaces at once, to fit the kills in about half a minute on two cores.
    const roots = [createWorkspace(), createWorkspace()];
    const problems = (await Promise.all(roots.map((root) => killRepeatedly(script, root, kills / 2)))).flat();
    const listed = await Promise.all(
      roots.map(async (root) => (await new DocumentStore(root).listMarkdownFiles()).map((file) => file.path)),
    );
    const versions = roots.flatMap((root) =>
      Array.from({ length: crashDocumentCount }, (_, file) =>
        crashDocumentVersion(readFileSync(path.join(root, crashDocumentPath(file)), 'utf8')),
      ),
    );
    const tempFiles = () =>
      roots.flatMap((root) =>
        readdirSync(root, { recursive: true }).filter((name) => String(name).endsWith('.tmp')),
      );
    const leftovers = tempFiles();
    for (const root of roots) await new DocumentStore(root).removeStaleTempFiles({ olderThanMs: 0 });
    console.log(
      `crash safety: ${kills} kills in ${Date.now() - started} ms; highest version ${Math.max(...(versions as number[]))}; ` +
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
    }).toEqual({
      problems: [],
      listed: [documents, documents],
      saved: [true, true],
      tempFilesAfterCleanup: [],
    });
  }, 180_000);
});
