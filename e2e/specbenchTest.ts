/**
 * The e2e fixture: each test gets a fresh temporary copy of the sample workspace (a git repository
 * with one commit) and its own `specbench serve --write --port 0`, and opens the app once it is ready.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModel } from './models/appModel.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sample = path.join(projectRoot, 'samples', 'acme-checkout');
const servingLine = /^Specbench serving .* at (http:\/\/\S+)$/m;

export interface Served {
  url: string;
  process: ChildProcess;
  output: () => string;
}

export function git(directory: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: directory,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'e2e',
      GIT_AUTHOR_EMAIL: 'e2e@example.com',
      GIT_COMMITTER_NAME: 'e2e',
      GIT_COMMITTER_EMAIL: 'e2e@example.com',
    },
  });
}

/** A fresh git repository holding a copy of the sample, or what `specbench init` makes of an empty folder. */
export async function copyWorkspace(kind: WorkspaceKind = 'sample'): Promise<string> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-'));
  if (kind === 'empty') {
    execFileSync(process.execPath, [path.join(projectRoot, 'bin', 'specbench.js'), 'init', directory]);
  } else {
    await fs.cp(sample, directory, {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}.specbench`),
    });
  }
  git(directory, 'init', '-q', '-b', 'main');
  git(directory, 'add', '-A');
  git(directory, 'commit', '-q', '-m', 'sample');
  return directory;
}

/**
 * `port` 0 takes a free one; a restart passes the port it had, as a user's link names it.
 * `write`: `--write`, or `'comments'` for a read-only `--comments` server (a reviewer's).
 */
export function serve(directory: string, write: boolean | 'comments' = true, port = 0): Promise<Served> {
  const child = spawn(
    process.execPath,
    [
      process.env.SPECBENCH_BIN ?? path.join(projectRoot, 'bin', 'specbench.js'),
      'serve',
      directory,
      '--port',
      String(port),
      ...(write === true ? ['--write'] : write === 'comments' ? ['--comments'] : []),
    ],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Backups of buffers a test leaves dirty go to a temp folder, not the user's state folder.
      env: {
        ...process.env,
        SPECBENCH_BACKUP_DIR:
          process.env.SPECBENCH_BACKUP_DIR ?? path.join(os.tmpdir(), 'specbench-e2e-backups'),
        // Serve tokens likewise: one per temp workspace would pile up in the user's config folder.
        SPECBENCH_CONFIG_DIR:
          process.env.SPECBENCH_CONFIG_DIR ?? path.join(os.tmpdir(), 'specbench-e2e-config'),
      },
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    // A slow start fails the test, but must not leave the server running after it.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`specbench serve printed no URL in 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = servingLine.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, process: child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`specbench serve exited with ${code}:\n${output}`));
    });
  });
}

export async function openApp(page: Page, url: string): Promise<AppModel> {
  await page.goto(url);
  await page.locator('body[data-ready=true]').waitFor({ timeout: 15_000 });
  return new AppModel(page);
}

export type WorkspaceKind = 'sample' | 'empty';

interface Fixtures {
  /** `test.use({ workspaceKind: 'empty' })` starts from `specbench init` instead of the sample. */
  workspaceKind: WorkspaceKind;
  workspaceDir: string;
  served: Served;
  app: AppModel;
}

export const test = base.extend<Fixtures>({
  workspaceKind: ['sample', { option: true }],
  workspaceDir: async ({ workspaceKind }, use) => {
    const directory = await copyWorkspace(workspaceKind);
    await use(directory);
    await fs.rm(directory, { recursive: true, force: true });
  },
  served: async ({ workspaceDir }, use) => {
    const served = await serve(workspaceDir);
    await use(served);
    // Closing, the server may still write its cache into the workspace: workspaceDir's teardown
    // removes the folder once it has exited (fs.rm failed with ENOTEMPTY while it wrote).
    const child = served.process;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
  },
  app: async ({ page, served }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(await openApp(page, served.url));
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/** For a spec file's servers and git calls: no git identity or pull setting of the developer's own. */
export function useEmptyGitConfig(): void {
  const emptyConfig = path.join(os.tmpdir(), `specbench-e2e-gitconfig-${process.pid}`);
  writeFileSync(emptyConfig, '');
  process.env.GIT_CONFIG_GLOBAL = emptyConfig;
  process.env.GIT_CONFIG_NOSYSTEM = '1';
}

/**
 * The same fixtures over a folder of Markdown a user brings (a vault, a repository's docs: no
 * specbench.json), written fresh for each test and removed after. `folder` names it, since a workspace
 * without a name takes its folder's.
 */
export function testOverFiles(files: Readonly<Record<string, string | Uint8Array>>, folder?: string) {
  return test.extend({
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
    workspaceDir: async ({}, use) => {
      const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-files-'));
      const root = folder === undefined ? parent : path.join(parent, folder);
      for (const [file, content] of Object.entries(files)) {
        await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
        await fs.writeFile(path.join(root, file), content);
      }
      await use(root);
      await fs.rm(parent, { recursive: true, force: true });
    },
  });
}

/** Screenshots go to test-results/ (artifacts) and docs/screenshots/ (committed, shown in the README). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const file = `${name}.png`;
  await page.screenshot({ path: path.join(projectRoot, 'test-results', 'screenshots', file) });
  await fs.mkdir(path.join(projectRoot, 'docs', 'screenshots'), { recursive: true });
  await fs.copyFile(
    path.join(projectRoot, 'test-results', 'screenshots', file),
    path.join(projectRoot, 'docs', 'screenshots', file),
  );
}
