import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { capturedContext } from '../testing/capturedContext.js';
import { runCli } from '../runCli.js';
import { serveTokenFile } from '../../server/serveToken.js';
import { afterQuiet, startServe } from './serve.js';

let base: string;
let root: string;
beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-serve-'));
  // Tokens go to this test's folder, never the user's config folder.
  process.env.SPECBENCH_CONFIG_DIR = path.join(base, 'config');
  root = path.join(base, 'acme checkout');
  await fs.cp(path.join(import.meta.dirname, '../../../samples/acme-checkout'), root, { recursive: true });
  await fs.writeFile(path.join(base, 'file.txt'), 'not a folder');
});
afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

describe('serve refuses bad usage with one line and exit 2', () => {
  const cases: [string, string[]][] = [
    ['no folder', []],
    ['two folders', ['a', 'b']],
    ['an unknown option', ['acme checkout', '--open']],
    ['a port that is not a number', ['acme checkout', '--port', 'eighty']],
    ['a port out of range', ['acme checkout', '--port', '70000']],
    ['a missing folder', ['missing']],
    ['a file instead of a folder', ['file.txt']],
  ];
  it.each(cases)('%s', async (_name, argv) => {
    const { context, stdout, stderr } = capturedContext(base);
    const code = await runCli(['serve', ...argv], context);
    expect([
      code,
      stdout(),
      stderr().split('\n').length,
      /^specbench: /.test(stderr()),
      /\n\s+at /.test(stderr()),
    ]).toEqual([2, '', 2, true, false]);
  });
});

describe('startServe', () => {
  const cases: [string, boolean, string][] = [
    ['read-only', false, 'Read-only (start with --write to edit). Press Ctrl+C to stop.'],
    ['with --write', true, 'Edits are saved to disk. Press Ctrl+C to stop.'],
  ];
  it.each(cases)('prints the serving line first, %s', async (_name, write, second) => {
    const { context, stdout } = capturedContext(base);
    const running = await startServe(context, 'acme checkout', { port: 0, write });
    if (typeof running === 'number') throw new Error(`exit ${running}`);
    await running.close();
    const [first, next] = stdout().split('\n');
    expect([
      /^Specbench serving acme checkout at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/.test(first!),
      next,
    ]).toEqual([true, second]);
  });
});

describe('serve on a folder that is not a workspace', () => {
  it('warns, serves it as a folder of Markdown and writes no cache into it', async () => {
    const folder = path.join(base, 'notes');
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'todo.md'), '# To do\n');
    const { context, stdout, stderr } = capturedContext(base);
    const running = await startServe(context, 'notes', { port: 0, write: false, json: true });
    if (typeof running === 'number') throw new Error(`exit ${running}`);
    await running.close();
    const started = JSON.parse(stdout()) as { workspace: boolean; write: boolean };
    expect([stderr(), started.workspace, started.write, await fs.readdir(folder)]).toEqual([
      'specbench: serve: warning: notes is not a Specbench workspace (no specbench.json; 0 of 1 Markdown files have a key); serving it as a folder of Markdown\n',
      false,
      false,
      ['todo.md'],
    ]);
  });

  it('names a missing folder by its whole path', async () => {
    const { context, stderr } = capturedContext(base);
    const code = await runCli(['serve', path.join('nested', 'missing')], context);
    expect([code, stderr()]).toEqual([
      2,
      `specbench: serve: There is no folder ${path.join(base, 'nested', 'missing')}.\n`,
    ]);
  });
});

describe('the workspace token lasts across restarts', () => {
  async function start(extra: { newToken?: boolean; port?: number; environment?: NodeJS.ProcessEnv } = {}) {
    const { context, stdout } = capturedContext(base);
    const running = await startServe(context, 'acme checkout', { port: 0, write: false, ...extra });
    if (typeof running === 'number') throw new Error(`exit ${running}`);
    return { running, url: new URL(running.server.url), stdout: stdout() };
  }
  async function login(url: URL): Promise<string> {
    const reply = await fetch(url, { redirect: 'manual' });
    return reply.headers.get('set-cookie')!.split(';')[0]!;
  }
  const page = (url: URL, cookie?: string) =>
    fetch(new URL('/', url), cookie === undefined ? {} : { headers: { cookie } });
  // Whether a session cookie still signs in, asked of the API: the page itself answers 503 until
  // `npm run build` has run, and unit tests run before the build on a clean clone.
  const signedIn = (url: URL, cookie: string) =>
    fetch(new URL('/api/listDocuments', url), {
      method: 'POST',
      headers: { cookie, origin: url.origin, 'content-type': 'application/json' },
      body: '{}',
    }).then((reply) => reply.status);

  it('keeps the token in a 0600 file outside the workspace; an open tab stays signed in after a restart', async () => {
    const first = await start();
    const cookie = await login(first.url);
    await first.running.close();
    // The same port, as `specbench serve` uses 4780 every time: the cookie's name carries the port.
    const second = await start({ port: first.running.server.port });
    const file = serveTokenFile(await fs.realpath(root));
    const stored = (await fs.readFile(file, 'utf8')).trim();
    const mode = (await fs.stat(file)).mode & 0o777;
    try {
      expect({
        sameToken: second.url.searchParams.get('token') === first.url.searchParams.get('token'),
        stored: stored === second.url.searchParams.get('token'),
        outside: path.relative(root, file).startsWith('..'),
        mode: mode.toString(8),
        oldCookie: await signedIn(second.url, cookie),
        said: second.stdout.includes('New token'),
      }).toEqual({ sameToken: true, stored: true, outside: true, mode: '600', oldCookie: 200, said: false });
    } finally {
      await second.running.close();
    }
  });

  it('says so when it makes a new token because none is kept in its config folder (another SPECBENCH_CONFIG_DIR)', async () => {
    const other = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-config-'));
    try {
      const first = await start({ environment: { ...process.env, SPECBENCH_CONFIG_DIR: other } });
      await first.running.close();
      expect(first.stdout.trimEnd().split('\n').at(-1)).toBe(
        `New token for this workspace, kept in ${path.join(other, 'serve-tokens')} (none was kept there): links from an earlier serve with another config folder will not work.`,
      );
    } finally {
      await fs.rm(other, { recursive: true, force: true });
    }
  });

  it('--new-token replaces it: the old link and session stop working', async () => {
    const first = await start();
    const cookie = await login(first.url);
    await first.running.close();
    const rotated = await start({ newToken: true, port: first.running.server.port });
    try {
      const oldLink = new URL(first.url.pathname + first.url.search, rotated.url);
      const refused = await fetch(oldLink, { redirect: 'manual' });
      expect({
        changed: rotated.url.searchParams.get('token') !== first.url.searchParams.get('token'),
        said: rotated.stdout.split('\n')[1],
        oldLink: [refused.status, (await refused.text()).includes('--new-token')],
        oldCookie: await signedIn(rotated.url, cookie),
      }).toEqual({
        changed: true,
        said: 'New token: links and sessions from before no longer work.',
        oldLink: [401, true],
        oldCookie: 401,
      });
    } finally {
      await rotated.running.close();
    }
  });

  it('a browser without the link gets a page saying how to get in; an API call gets JSON', async () => {
    const { running, url } = await start();
    try {
      const browser = await page(url);
      const api = await fetch(new URL('/api/listDocuments', url), { method: 'POST', body: '{}' });
      const html = await browser.text();
      expect({
        browser: [browser.status, browser.headers.get('content-type')],
        heading: /<h1>Open the link printed by specbench serve<\/h1>/.test(html),
        api: [api.status, api.headers.get('content-type'), ((await api.json()) as { error: string }).error],
      }).toEqual({
        browser: [401, 'text/html; charset=utf-8'],
        heading: true,
        api: [401, 'application/json; charset=utf-8', 'unauthorized'],
      });
    } finally {
      await running.close();
    }
  });

  it('is documented in help serve', async () => {
    const { context, stdout } = capturedContext(base);
    await runCli(['help', 'serve'], context);
    expect(stdout()).toMatch(/--new-token a new token for this workspace/);
  });
});

describe('a served folder that is deleted', () => {
  it('stops the server with one line, instead of running on unseen (CI found such servers hours later)', async () => {
    const { bin, sampleCopy } = await import('../testing/cliProcess.js');
    const { spawn } = await import('node:child_process');
    const folder = sampleCopy();
    const child = spawn(process.execPath, [bin, 'serve', folder, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await expect.poll(() => output, { timeout: 30_000 }).toMatch(/^Specbench serving /);
      // The server may be writing its index cache into it meanwhile (ENOTEMPTY): removed until gone.
      await expect
        .poll(async () => {
          await fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
          return fs.stat(folder).then(
            () => 'there',
            () => 'gone',
          );
        })
        .toBe('gone');
      const code = await Promise.race([
        exited,
        new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 20_000)),
      ]);
      expect([code, output.trim().split('\n').at(-1)]).toEqual([
        1,
        `specbench: serve: ${folder} is gone; stopped.`,
      ]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});

describe('serve --write on a workspace another Specbench is editing', () => {
  it('logs one true line, and the page is told why it is read-only', async () => {
    const first = capturedContext(base);
    const editing = await startServe(first.context, 'acme checkout', { port: 0, write: true });
    if (typeof editing === 'number') throw new Error(`exit ${editing}`);
    const second = capturedContext(base);
    const running = await startServe(second.context, 'acme checkout', { port: 0, write: true });
    if (typeof running === 'number') throw new Error(`exit ${running}`);
    try {
      const url = new URL(second.stdout().split('\n')[0]!.split(' at ').at(-1)!);
      const login = await fetch(url, { redirect: 'manual' });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const reply = await fetch(`${url.origin}/api/getWorkspace`, {
        method: 'POST',
        headers: { cookie, origin: url.origin, 'content-type': 'application/json' },
        body: '{}',
      });
      const info = (await reply.json()) as { writable: boolean; readOnlyReason?: string };
      expect([second.stdout().split('\n').slice(1), info.writable, info.readOnlyReason]).toEqual([
        [
          'Read-only: another Specbench is editing this workspace; close it there, then restart serve to edit here. Press Ctrl+C to stop.',
          '',
        ],
        false,
        expect.stringMatching(
          /^Specbench has this workspace open for editing \(process \d+ on .+\): make the change there, or close it and try again\.$/,
        ),
      ]);
    } finally {
      await running.close();
      await editing.close();
    }
  });
});

describe('afterQuiet (when serve starts watching without a browser)', () => {
  it('fires once, the delay after the start and after the last call since; never after cancel', () => {
    vi.useFakeTimers();
    try {
      const fired: number[] = [];
      const quiet = afterQuiet(3_000, 60_000, () => fired.push(Date.now()));
      const started = Date.now();
      quiet.touch(); // before the start: ignored
      vi.advanceTimersByTime(5_000);
      quiet.start();
      vi.advanceTimersByTime(2_000);
      quiet.touch();
      vi.advanceTimersByTime(2_000);
      quiet.touch();
      vi.advanceTimersByTime(2_999);
      const beforeQuiet = fired.length;
      vi.advanceTimersByTime(1);
      quiet.touch();
      vi.advanceTimersByTime(10_000);
      const cancelled = afterQuiet(3_000, 60_000, () => fired.push(-1));
      cancelled.start();
      cancelled.cancel();
      vi.advanceTimersByTime(10_000);
      expect([beforeQuiet, fired.map((at) => at - started)]).toEqual([0, [12_000]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fires at the latest the longest delay after the start, however often it is touched, and once', () => {
    vi.useFakeTimers();
    try {
      const fired: number[] = [];
      const started = Date.now();
      const quiet = afterQuiet(3_000, 10_000, () => fired.push(Date.now() - started));
      quiet.start();
      for (let elapsed = 0; elapsed < 20_000; elapsed += 50) {
        quiet.touch();
        vi.advanceTimersByTime(50);
      }
      vi.advanceTimersByTime(10_000);
      expect(fired).toEqual([10_000]);
    } finally {
      vi.useRealTimers();
    }
  });
});
