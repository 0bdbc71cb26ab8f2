/**
 * The one place Specbench runs the system `git`: through execFile (never a shell), without
 * prompts, in English so its messages can be put into plain words, with a time limit.
 */
import { execFile, spawn } from 'node:child_process';

export interface GitOutput {
  ok: boolean;
  /** git's exit code (0 on success). */
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitOptions {
  cwd: string;
  /** Extra environment for this call (e.g. GIT_EDITOR). */
  env?: NodeJS.ProcessEnv;
  /** Milliseconds; pulls and pushes get longer than reads. */
  timeout?: number;
  /** Standard input, for commands that read it. */
  input?: string;
  /** Output as raw bytes (file contents from the object store). */
  encoding?: 'utf8' | 'buffer';
}

/** Thrown when no `git` can be started: every git feature says so in one line. */
export class GitMissingError extends Error {
  constructor() {
    super('git is not installed or not on the PATH, so git features are off (install git 2.30 or newer)');
  }
}

const maxOutput = 256 * 1024 * 1024;

export function gitEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Never wait for a password or an editor nobody can see; messages in English for plainMessage.
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: process.env.GIT_ASKPASS ?? '',
    SSH_ASKPASS: process.env.SSH_ASKPASS ?? '',
    GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes',
    LC_ALL: 'C',
    LANGUAGE: 'C',
    // The app reads status every few seconds beside the user's own git: a read must never take
    // .git/index.lock (git status refreshes the index when it may), or the user's `git checkout`,
    // `commit` or `rebase` fails with "index.lock: File exists". Writes take their locks as usual.
    GIT_OPTIONAL_LOCKS: '0',
    ...extra,
  };
}

export function runGit(args: string[], options: GitOptions): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd: options.cwd,
        env: gitEnvironment(options.env),
        timeout: options.timeout ?? 30_000,
        maxBuffer: maxOutput,
        windowsHide: true,
        encoding: 'buffer',
      },
      (error, stdout, stderr) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (code === 'ENOENT' && !stderr.length && !stdout.length) {
          reject(new GitMissingError());
          return;
        }
        const exitCode = error ? (typeof error.code === 'number' ? error.code : 128) : 0;
        resolve({
          ok: !error,
          code: exitCode,
          stdout: options.encoding === 'buffer' ? (stdout as unknown as string) : stdout.toString('utf8'),
          stderr: error && error.killed ? 'git took too long and was stopped' : stderr.toString('utf8'),
        });
      },
    );
    // git may exit before reading its input (most commands read none): that is not an error.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

/** The bytes of a git command's output (file contents at a revision). */
export async function runGitBytes(
  args: string[],
  options: Omit<GitOptions, 'encoding'>,
): Promise<Buffer | undefined> {
  const output = await runGit(args, { ...options, encoding: 'buffer' });
  return output.ok ? (output.stdout as unknown as Buffer) : undefined;
}

/** Whether a `git` can be started at all (cached for the process). */
let available: Promise<boolean> | undefined;
export function gitAvailable(): Promise<boolean> {
  available ??= runGit(['--version'], { cwd: process.cwd(), timeout: 5000 }).then(
    (output) => output.ok,
    () => false,
  );
  return available;
}

/** The first line of git's complaint, without its `fatal:`/`error:` prefix. */
export function gitComplaint(output: GitOutput): string {
  const line =
    output.stderr
      .split('\n')
      .map((text) => text.trim())
      .find((text) => text !== '' && !text.startsWith('hint:')) ?? `git exited with code ${output.code}`;
  return line.replace(/^(fatal|error|warning):\s*/i, '');
}

/**
 * Runs a long git command (pull, push) that reports progress on stderr: `onProgress` gets each
 * line git writes there, `\r` updates included, as it comes.
 */
export function runGitWithProgress(
  args: string[],
  options: Omit<GitOptions, 'encoding' | 'input'>,
  onProgress: (line: string) => void,
): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: gitEnvironment(options.env),
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let partial = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, options.timeout ?? 30_000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stdout.length < maxOutput) stdout += chunk;
    });
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < maxOutput) stderr += chunk;
      const lines = (partial + chunk).split(/[\r\n]/);
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') onProgress(line.trim());
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT') reject(new GitMissingError());
      else resolve({ ok: false, code: 128, stdout, stderr: error.message });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      // Git's progress lines are kept out of the complaint: only its last words explain a failure.
      const complaint = stderr
        .split('\n')
        .map((line) => line.split('\r').pop() ?? '')
        .join('\n');
      resolve({
        ok: code === 0 && !timedOut,
        code: code ?? 128,
        stdout,
        stderr: timedOut ? 'git took too long and was stopped' : complaint,
      });
    });
  });
}
