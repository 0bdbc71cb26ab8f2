/** Runs the compiled `specbench` command as users do, killing it when it outlives its time limit. */
import { spawn } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BadInputCase } from './badInputCorpus.js';
import {
  buildCaseWorkspace,
  compareSnapshots,
  snapshotFolder,
  type SnapshotDifference,
} from './caseWorkspace.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Killed after the time limit. */
  hung: boolean;
  seconds: number;
}

/** How a run went, in the terms a test compares: all of these must hold for every bad input. */
export interface CliVerdict {
  /** Exit code 0, 1, 2 or 3 (never 70, never a signal). */
  cleanExit: boolean;
  /** Nothing on stderr, or one line starting `specbench: `. */
  clearMessage: boolean;
  stackTrace: boolean;
  hung: boolean;
}

import { packageRoot } from '../../cli/packageRoot.js';

export const specbenchBin = path.join(packageRoot(), 'bin', 'specbench.js');
/** Enough for the slowest case (a 50 MB file) on a loaded 2-core machine, short of a real hang. */
export const cliTimeLimitMs = 20_000;
/** How many times the limit a run may take in wall time while its CPU time stays under it. */
const wallLimits = 3;

/** The CPU time a child process has used so far (Linux /proc; undefined elsewhere, or once it is gone). */
function childCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // The fields after the command name (which may hold spaces): utime and stime are 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
  } catch {
    return undefined;
  }
}
/** Linux's USER_HZ, 100 on every architecture Node runs on. */
const clockTicksPerSecond = 100;
const outputLimit = 64 * 1024;

export function runSpecbench(
  args: readonly string[],
  cwd: string,
  limitMs = cliTimeLimitMs,
): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [specbenchBin, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < outputLimit) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < outputLimit) stderr += chunk;
    });
    // Hung: more CPU than the limit, or the limit several times over in wall time. A busy machine
    // (a clean-clone run beside walkthroughs, load 12+) stretched a 3 s check of 100,000 links past
    // 20 s of wall time while it waited for a core, and the wall clock alone called that a hang.
    const timer = setInterval(() => {
      const cpuMs = childCpuMs(child.pid);
      const wallMs = performance.now() - started;
      if (wallMs < limitMs) return;
      if (cpuMs === undefined || cpuMs > limitMs || wallMs > limitMs * wallLimits) {
        hung = true;
        child.kill('SIGKILL');
        clearInterval(timer);
      }
    }, 500);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, stdout, stderr, hung, seconds: (performance.now() - started) / 1000 });
    });
  });
}

export function judgeCliRun(run: CliRun): CliVerdict {
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  return {
    // The documented exits: 0 clean, 1 findings, 2 bad usage or input, 3 a key not in the workspace.
    cleanExit: run.code === 0 || run.code === 1 || run.code === 2 || run.code === 3,
    clearMessage: lines.length === 0 || (lines.length === 1 && lines[0]!.startsWith('specbench: ')),
    stackTrace: /\n\s+at \S/.test(run.stdout + run.stderr) || /Error:|internal error/.test(run.stderr),
    hung: run.hung,
  };
}

export const cleanVerdict: CliVerdict = {
  cleanExit: true,
  clearMessage: true,
  stackTrace: false,
  hung: false,
};

export interface CliCaseResult {
  /** Each command's verdict with its exit code and the start of its stderr, by command name. */
  commands: Record<string, CliVerdict & { code: number | null; stderr: string }>;
  difference: SnapshotDifference;
  seconds: number;
}

/** A small, healthy export for `import feedback --dry-run` to read against each case's workspace. */
export const feedbackCsv = 'Company,Message,Created at\nNorthwind,"I want to pay, fast",2026-10-04\n';

/**
 * The commands every case goes through, run from the case folder against `workspace/`; `exportFile`
 * names a file in a folder outside the workspace, where exports go and the CSV to import lies.
 */
export function cliCommandsFor(exportFile: string): Record<string, string[]> {
  const outside = path.dirname(exportFile);
  return {
    check: ['check', 'workspace'],
    doctor: ['doctor', 'workspace', '--json'],
    search: ['search', 'workspace', 'guest'],
    show: ['show', 'workspace', 'SPEC-1'],
    trace: ['trace', 'workspace'],
    export: ['export', 'workspace', '--all', '--format', 'html', '--out', exportFile],
    feature: ['export', 'workspace', '--all', '--format', 'feature', '--out', path.join(outside, 'features')],
    'release-notes': ['release-notes', 'workspace', 'REL-1', '--audience', 'internal'],
    import: ['import', 'feedback', 'workspace', path.join(outside, 'feedback.csv'), '--dry-run'],
  };
}

/** Builds the case, runs every command on it, and compares the folder before and after. */
export async function runCliCase(badInput: BadInputCase, limitMs = cliTimeLimitMs): Promise<CliCaseResult> {
  const started = performance.now();
  const workspace = await buildCaseWorkspace(badInput);
  const exportFolder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-bad-export-'));
  try {
    await fs.writeFile(path.join(exportFolder, 'feedback.csv'), feedbackCsv);
    const before = await snapshotFolder(workspace.folder);
    // Two at a time: the commands only read, and each waits mostly on starting Node.
    const pending = Object.entries(cliCommandsFor(path.join(exportFolder, 'bundle.html')));
    const commands: CliCaseResult['commands'] = {};
    const worker = async (): Promise<void> => {
      for (let next = pending.shift(); next; next = pending.shift()) {
        const run = await runSpecbench(next[1], workspace.folder, limitMs);
        commands[next[0]] = { ...judgeCliRun(run), code: run.code, stderr: run.stderr.slice(0, 300) };
      }
    };
    await Promise.all([worker(), worker()]);
    const difference = compareSnapshots(before, await snapshotFolder(workspace.folder));
    return { commands, difference, seconds: (performance.now() - started) / 1000 };
  } finally {
    await workspace.remove();
    await fs.rm(exportFolder, { recursive: true, force: true });
  }
}
