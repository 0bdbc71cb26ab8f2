/**
 * Real git in a temp folder for tests: a bare "remote", clones of it, and an environment that
 * never reads the developer's own git config (HOME is the sandbox; no system config), with a
 * fixed author and committer, so the tests pass the same on a fresh machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../../cli/packageRoot.js';

export const specbenchBin = path.join(packageRoot(), 'bin', 'specbench.js');

export interface GitSandbox {
  root: string;
  remote: string;
  env: NodeJS.ProcessEnv;
  /** Runs git in `cwd`; throws with git's stderr on failure unless `allowFailure`. */
  git(cwd: string, args: string[], options?: { allowFailure?: boolean }): { code: number; output: string };
  /** Clones the remote into `root/<name>`; commits made there are by `Name <name@example.com>`. */
  clone(name: string): Promise<string>;
  remove(): Promise<void>;
}

/** The sandbox's git environment, for code under test that starts git itself. */
export function sandboxEnvironment(home: string, author = 'Sam Tester'): NodeJS.ProcessEnv {
  const email = `${author.toLowerCase().replace(/\s+/g, '.')}@example.com`;
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: author,
    GIT_COMMITTER_EMAIL: email,
    GIT_AUTHOR_DATE: '2026-12-01T10:00:00Z',
    GIT_COMMITTER_DATE: '2026-12-01T10:00:00Z',
    GIT_TERMINAL_PROMPT: '0',
    GIT_EDITOR: 'true',
    GIT_MERGE_AUTOEDIT: 'no',
    LC_ALL: 'C',
  };
}

export async function createGitSandbox(): Promise<GitSandbox> {
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-git-')));
  const env = sandboxEnvironment(root);
  await fs.writeFile(
    path.join(root, '.gitconfig'),
    '[init]\n\tdefaultBranch = main\n[pull]\n\trebase = false\n[advice]\n\tdetachedHead = false\n',
  );
  const authors = new Map<string, string>();
  let minute = 0;
  const git: GitSandbox['git'] = (cwd, args, options = {}) => {
    // Each call a minute later, so history reads newest first the same way every run.
    const date = new Date(Date.UTC(2026, 11, 1, 10, minute++)).toISOString();
    const callEnv = {
      ...sandboxEnvironment(root, authors.get(cwd)),
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    };
    try {
      const output = execFileSync('git', args, {
        cwd,
        env: callEnv,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { code: 0, output };
    } catch (error) {
      const failure = error as { status?: number; stdout?: string; stderr?: string };
      if (options.allowFailure) {
        return { code: failure.status ?? 128, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
      }
      throw new Error(`git ${args.join(' ')} failed: ${failure.stderr ?? failure.stdout ?? ''}`, {
        cause: error,
      });
    }
  };
  const remote = path.join(root, 'remote.git');
  git(root, ['init', '-q', '--bare', remote]);
  return {
    root,
    remote,
    env,
    git,
    async clone(name) {
      const folder = path.join(root, name);
      git(root, ['clone', '-q', remote, folder]);
      authors.set(folder, name.charAt(0).toUpperCase() + name.slice(1));
      return folder;
    },
    remove: () => fs.rm(root, { recursive: true, force: true }),
  };
}

/** Runs the compiled `specbench` command with the sandbox's environment (as git runs the driver). */
export function runSpecbenchIn(
  sandbox: GitSandbox,
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [specbenchBin, ...args], {
    cwd,
    env: { ...sandbox.env, ...env },
    encoding: 'utf8',
  });
  return { code: result.status ?? 128, stdout: result.stdout, stderr: result.stderr };
}
