/** Runs a Node script (or any command) in a child process and collects its output and wall time. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runProcess(args: string[], options: { cwd?: string } = {}): Promise<ProcessRun> {
  return runCommand(process.execPath, args, options);
}

const cpuTimed = fileURLToPath(new URL('./cpuTimed.js', import.meta.url));

/** Like runProcess, with the child's own CPU time (user + system, Node's start included). */
export async function runProcessTimed(
  args: string[],
  options: { cwd?: string } = {},
): Promise<ProcessRun & { cpuMs: number }> {
  const run = await runProcess([cpuTimed, ...args], options);
  const marker = /\nbench-cpu-ms ([\d.]+)\n$/.exec(run.stderr);
  return {
    ...run,
    stderr: marker ? run.stderr.slice(0, marker.index) : run.stderr,
    cpuMs: marker ? Number(marker[1]) : Number.NaN,
  };
}

/** Rejects only when the command cannot start (ENOENT for a tool that is not installed). */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string } = {},
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}
