/**
 * The crash loop: starts crashChild (saving documents and roadmap items at once), SIGKILLs it at a
 * random moment, does what the app does on the next open (roll back cut-short group commits), and
 * checks that every file parses and is exactly one of the versions written. Used by the crash test
 * (from the TypeScript sources, built into a temp folder) and by the benchmark (from dist/).
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DocumentStore } from '../documentStore.js';
import { lanes, type RoadmapFile } from '../../../shared/model/roadmapModel.js';
import { formatRoadmapJson, parseRoadmapText } from '../roadmapAdapter.js';
import { RoadmapStore } from '../roadmapStore.js';
import { roadmapDigest } from './crashChild.js';
import { leftoversIn } from './faultCases.js';
import {
  crashDocumentCount,
  crashDocumentHeader,
  crashDocumentPath,
  crashDocumentText,
} from './crashDocuments.js';

export interface CrashLoopOptions {
  /** Kills in all, shared by the lanes. */
  kills: number;
  /** Workspaces killed side by side (one per core keeps the machine busy but not swamped). */
  lanes?: number;
  /** Stops early once past this many milliseconds, if at least `minimumKills` are done. */
  budgetMs?: number;
  minimumKills?: number;
  /** The longest random wait between the child's "ready" and its kill. */
  maxDelayMs?: number;
  /** The child to kill, if not `crashChildScript()` (a deliberately broken build proves the checks). */
  script?: string;
}

export interface CrashLoopResult {
  kills: number;
  /** Every file not parseable or not one of the versions written, and every half-done group. */
  problems: string[];
  /** Files checked after all kills that were not a version written (0 when nothing was lost). */
  filesLost: number;
  /** Highest document version and roadmap versions announced: proof the child was writing. */
  documentVersion: number;
  roadmapVersions: number;
  milliseconds: number;
}

/** Twelve items across the lanes, as a small real roadmap has. */
function initialRoadmap(): RoadmapFile {
  return {
    version: 1,
    releases: [],
    items: Array.from({ length: 12 }, (_, index) => ({
      key: `RM-${index + 1}`,
      title: `Roadmap item ${index + 1}`,
      description: `What item ${index + 1} delivers.`,
      lane: lanes[index % 3]!,
      rank: Math.floor(index / 3),
      status: 'planned' as const,
    })),
  };
}

/** The child as runnable JavaScript: beside this module in dist/, or built from the sources under vitest. */
export async function crashChildScript(): Promise<string> {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return path.join(path.dirname(here), 'crashChild.js');
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-crash-build-'));
  // Loaded only here: it pulls in the TypeScript compiler, which the benchmark does not need.
  const { buildForChildProcess } = await import('./roadmapChildBuild.js');
  return buildForChildProcess(path.join(path.dirname(here), 'crashChild.ts'), folder);
}

export async function createCrashWorkspace(): Promise<{ root: string; log: string }> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-crash-'));
  const root = path.join(folder, 'workspace');
  for (let file = 0; file < crashDocumentCount; file++) {
    await fs.mkdir(path.dirname(path.join(root, crashDocumentPath(file))), { recursive: true });
    await fs.writeFile(path.join(root, crashDocumentPath(file)), crashDocumentText(file, 0));
  }
  const roadmap = initialRoadmap();
  await fs.writeFile(path.join(root, 'roadmap.json'), formatRoadmapJson(roadmap));
  const log = path.join(folder, 'roadmap-versions.log');
  await fs.writeFile(log, `${roadmapDigest(roadmap.items)}\n`);
  return { root, log };
}

/** Starts the child, waits until it holds the stores, lets it write for `delayMs`, then SIGKILLs it. */
export function killDuringWrites(
  script: string,
  root: string,
  log: string,
  seed: number,
  delayMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, root, log, String(seed)], {
      env: { ...process.env, SPECBENCH_CRASH_CHILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.once('error', reject);
    child.once('exit', (_code, signal) =>
      resolve(signal === 'SIGKILL' ? '' : `the child exited without a kill: ${firstError(stderr)}`),
    );
  });
}

/** The error line of a child's stderr (a stack starts with the file and line), else its first line. */
function firstError(stderr: string): string {
  const lines = stderr.trim().split('\n');
  return lines.find((line) => /^\w*Error\b/.test(line)) ?? lines[0] ?? '';
}

/** What is wrong with the workspace: files that are no version written, and groups only half saved. */
export async function inspectCrashWorkspace(
  root: string,
  log: string,
): Promise<{ problems: string[]; checked: number; documentVersion: number }> {
  const problems: string[] = [];
  const headers = new Map<number, { version: number; group: number[] }>();
  for (let file = 0; file < crashDocumentCount; file++) {
    const text = await fs.readFile(path.join(root, crashDocumentPath(file)), 'utf8').catch(() => undefined);
    const header = text === undefined ? undefined : crashDocumentHeader(text);
    if (text === undefined) problems.push(`${crashDocumentPath(file)} is missing`);
    else if (header === undefined || text !== crashDocumentText(file, header.version, header.group)) {
      problems.push(`${crashDocumentPath(file)} is torn (${text.length} bytes)`);
    } else headers.set(file, header);
  }
  for (const [file, { version, group }] of headers) {
    for (const partner of group) {
      const partnerVersion = headers.get(partner)?.version ?? Infinity;
      if (partnerVersion < version)
        problems.push(
          `${crashDocumentPath(file)} is at version ${version}, its group partner ${partner} at ${partnerVersion}`,
        );
    }
  }
  const announced = new Set((await fs.readFile(log, 'utf8')).split('\n'));
  for (const name of ['roadmap.json', 'roadmap.json.bak']) {
    const text = await fs.readFile(path.join(root, name), 'utf8').catch(() => undefined);
    // The backup appears with the first write; roadmap.json itself must always be there.
    if (text === undefined && name === 'roadmap.json.bak') continue;
    const parsed = parseRoadmapText(text ?? '', name);
    if (!parsed.ok) problems.push(parsed.message);
    else if (!announced.has(roadmapDigest(parsed.data.items))) problems.push(`${name} is no version written`);
  }
  const versions = [...headers.values()].map((header) => header.version);
  return { problems, checked: crashDocumentCount + 2, documentVersion: Math.max(0, ...versions) };
}

async function killRepeatedly(
  script: string,
  rounds: number,
  deadline: number,
  minimum: number,
  maxDelayMs: number,
  seed: number,
): Promise<{
  kills: number;
  problems: string[];
  filesLost: number;
  documentVersion: number;
  roadmapVersions: number;
}> {
  const { root, log } = await createCrashWorkspace();
  const problems: string[] = [];
  let round = 0;
  for (; round < rounds && problems.length === 0; round++) {
    if (round >= minimum && Date.now() > deadline) break;
    const failure = await killDuringWrites(
      script,
      root,
      log,
      seed + round,
      Math.floor(Math.random() * maxDelayMs),
    );
    if (failure !== '') problems.push(failure);
    // What the app does when it opens the workspace again.
    await new DocumentStore(root).recover();
    const inspected = await inspectCrashWorkspace(root, log);
    problems.push(...inspected.problems.map((problem) => `after kill ${round + 1}: ${problem}`));
  }
  const final = await inspectCrashWorkspace(root, log);
  // The last round's own inspection saw no problem when the loop ran out of rounds, so a problem
  // found only now (something changed the files after it) is named here, not only counted.
  const seen = new Set(problems.map((problem) => problem.replace(/^after kill \d+: /, '')));
  problems.push(
    ...final.problems.filter((problem) => !seen.has(problem)).map((problem) => `at the end: ${problem}`),
  );
  // What the app removes on its next open: temp files of the killed writers, none of them live.
  await new DocumentStore(root).removeStaleTempFiles({ olderThanMs: 0 });
  const reopened = await RoadmapStore.open(root, { write: true });
  if (reopened.ok) await reopened.store.close();
  const leftovers = await leftoversIn(root);
  if (leftovers.length > 0) problems.push(`left behind after cleanup: ${leftovers.join(', ')}`);
  const roadmapVersions = (await fs.readFile(log, 'utf8')).split('\n').length - 2;
  await fs.rm(path.dirname(root), { recursive: true, force: true });
  return {
    kills: round,
    problems,
    filesLost: final.problems.length,
    documentVersion: final.documentVersion,
    roadmapVersions,
  };
}

export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashLoopResult> {
  const started = Date.now();
  const script = options.script ?? (await crashChildScript());
  const parallel = options.lanes ?? 2;
  const deadline = started + (options.budgetMs ?? Infinity);
  const results = await Promise.all(
    Array.from({ length: parallel }, (_, lane) =>
      killRepeatedly(
        script,
        Math.ceil(options.kills / parallel),
        deadline,
        Math.ceil((options.minimumKills ?? options.kills) / parallel),
        options.maxDelayMs ?? 40,
        1 + lane * 100_000,
      ),
    ),
  );
  return {
    kills: results.reduce((sum, result) => sum + result.kills, 0),
    problems: results.flatMap((result) => result.problems),
    filesLost: results.reduce((sum, result) => sum + result.filesLost, 0),
    documentVersion: Math.min(...results.map((result) => result.documentVersion)),
    roadmapVersions: Math.min(...results.map((result) => result.roadmapVersions)),
    milliseconds: Date.now() - started,
  };
}
