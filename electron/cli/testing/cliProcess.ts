/** Runs the compiled `specbench` as users do, as a separate process, and the helpers its tests share. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repository = fileURLToPath(new URL('../../../', import.meta.url));
export const bin = path.join(repository, 'bin', 'specbench.js');
export const sample = path.join(repository, 'samples', 'acme-checkout');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function specbench(args: string[], cwd = tmpdir(), env: NodeJS.ProcessEnv = process.env): Run {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same with stdout as bytes (`export --out -`). */
export function specbenchBytes(
  args: string[],
  cwd = tmpdir(),
): { code: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

export function temporaryFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'specbench-cli-'));
}

/** A private copy of the sample (without its cache), for commands that write or tests that break it. */
export function sampleCopy(): string {
  const root = path.join(temporaryFolder(), 'acme');
  cpSync(sample, root, { recursive: true, filter: (file) => path.basename(file) !== '.specbench' });
  return root;
}

export function json(run: Run): Record<string, unknown> {
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** Every file below a folder with its bytes (the .specbench cache aside), to prove a command wrote nothing. */
export function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || path.relative(folder, entry.parentPath).split(path.sep).includes('.specbench'))
      continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, file)] = readFileSync(file, 'base64');
  }
  return files;
}

/** The shape of a clean failure: exactly one `specbench:` line on stderr, no stack. */
export function failureShape(run: Run): {
  code: number | null;
  lines: number;
  prefixed: boolean;
  stack: boolean;
} {
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  return {
    code: run.code,
    lines: lines.length,
    prefixed: lines.every((line) => line.startsWith('specbench: ')),
    stack: /\n\s+at |Error:/.test(run.stderr),
  };
}

/**
 * Compiles the Node side unless dist/ is newer than every source (as after `npm ci`): tsc emits even
 * when files other helpers are still writing fail to typecheck; typecheck is its own step.
 */
export function buildCli(): void {
  const built = statSync(path.join(repository, 'dist', 'electron', 'cli', 'specbench.js'), {
    throwIfNoEntry: false,
  });
  if (built && newestSource() < built.mtimeMs) return;
  spawnSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { cwd: repository, stdio: 'pipe' });
}

function newestSource(): number {
  let newest = 0;
  for (const folder of ['electron', 'shared', 'bench']) {
    for (const entry of readdirSync(path.join(repository, folder), {
      recursive: true,
      withFileTypes: true,
    })) {
      if (entry.isFile() && entry.name.endsWith('.ts'))
        newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}
