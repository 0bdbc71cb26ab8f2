// scripts/start.js and scripts/electronRuntime.js sit outside vitest's folders, so they are tested from
// here, in real Node processes. The Electron runtime cannot exist here: fake installers (Node scripts
// named install.js) and fake binaries (shell scripts) stand in for it.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const scripts = new URL('../../scripts/', import.meta.url);

interface Ran {
  value: unknown;
  stdout: string;
  stderr: string;
}

/** Calls `module.name(...args)` in a fresh Node process; what it printed is kept apart from its value. */
function call(
  module: 'start.js' | 'electronRuntime.js',
  name: string,
  args: unknown[],
  env: Record<string, string> = {},
): Promise<Ran> {
  const source = `const m = await import(${JSON.stringify(new URL(module, scripts).href)});
    const value = await m[${JSON.stringify(name)}](...${JSON.stringify(args)});
    process.stdout.write('\\n@@' + JSON.stringify(value ?? null));`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', source],
      { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 15_000 },
      (error, stdout, stderr) => {
        const marker = stdout.lastIndexOf('\n@@');
        if (marker < 0) return reject(error ?? new Error(`no value: ${stderr}`));
        resolve({
          value: JSON.parse(stdout.slice(marker + 3)) as unknown,
          stdout: stdout.slice(0, marker),
          stderr,
        });
      },
    );
  });
}

let base: string;
const folder = (name: string) => path.join(base, name);

/** A fake electron package whose install.js runs `body` (with the real installer's cwd and env). */
async function fakePackage(name: string, body?: string): Promise<string> {
  await fs.mkdir(folder(name), { recursive: true });
  if (body !== undefined) await fs.writeFile(path.join(folder(name), 'install.js'), body);
  return folder(name);
}

/** What the real installer does on success: a binary under dist/ and path.txt naming it. */
const installs = `const fs = require('fs');
  fs.mkdirSync('dist', { recursive: true });
  fs.writeFileSync('dist/electron', '');
  fs.writeFileSync('path.txt', 'electron');`;

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-start-'));
  await fakePackage('undownloaded', '');
  await fakePackage('missing-binary', '');
  await fs.writeFile(path.join(folder('missing-binary'), 'path.txt'), 'electron');
  await fakePackage('installed');
  await fs.writeFile(path.join(folder('installed'), 'path.txt'), 'electron');
  await fs.mkdir(path.join(folder('installed'), 'dist'));
  await fs.writeFile(path.join(folder('installed'), 'dist', 'electron'), '');
  await fs.mkdir(folder('override'));
  await fs.writeFile(path.join(folder('override'), 'electron'), '');
  await fakePackage('no-installer');
});
afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

describe('findElectron never requires electron, which would try to download it', () => {
  const cases: [string, string, Record<string, string>, string][] = [
    ['no electron package', 'absent', {}, 'the electron package is not installed'],
    ['never downloaded', 'undownloaded', {}, 'its runtime was never downloaded, installable'],
    ['binary deleted', 'missing-binary', {}, 'the Electron runtime is missing, installable'],
    ['installed', 'installed', {}, 'ok'],
    ['override pointing at a build', 'undownloaded', { ELECTRON_OVERRIDE_DIST_PATH: 'override' }, 'ok'],
    [
      'override pointing nowhere',
      'undownloaded',
      { ELECTRON_OVERRIDE_DIST_PATH: 'nowhere' },
      'does not exist',
    ],
  ];
  it.each(cases)('%s', async (_name, name, env, expected) => {
    const absoluteEnv = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, folder(value)]));
    const { value } = await call('electronRuntime.js', 'findElectron', [folder(name)], absoluteEnv);
    const found = value as { ok: boolean; reason?: string; installable?: boolean };
    const [reason] = expected.split(', ');
    const outcome = found.ok
      ? 'ok'
      : [
          found.reason?.includes(reason!) ? reason : found.reason,
          ...(found.installable ? ['installable'] : []),
        ].join(', ');
    expect(outcome).toEqual(expected);
  });
});

describe('getElectron runs the package’s own installer, quickly and quietly, when the runtime is missing', () => {
  const cases: [string, string | undefined, string][] = [
    [
      'offline: the installer fails with a stack',
      `console.error(new TypeError('fetch failed').stack); process.exit(1);`,
      'the Electron runtime could not be downloaded (TypeError: fetch failed)',
    ],
    ['the installer succeeds', installs, 'ok'],
    ['the installer exits 0 but leaves no runtime', '', 'the installer finished but'],
    ['no installer in the package: not attempted', undefined, 'its runtime was never downloaded'],
  ];
  it.each(cases)('%s', async (name, body, expected) => {
    const packageFolder = await fakePackage(`get ${name}`, body);
    const { value, stdout, stderr } = await call('start.js', 'getElectron', [packageFolder]);
    const found = value as { ok: boolean; reason?: string };
    const attempted = stdout.includes('Getting the Electron runtime');
    expect({
      outcome: found.ok ? 'ok' : found.reason?.includes(expected) ? expected : found.reason,
      attempted,
      linesPrinted: stdout.split('\n').filter(Boolean).length,
      stderr,
    }).toEqual({
      outcome: expected,
      attempted: body !== undefined,
      linesPrinted: body === undefined ? 0 : 1,
      stderr: '',
    });
  });
});

describe('installElectron stops a stalled download, never a moving one', () => {
  const cases: [string, string, string][] = [
    ['hangs with nothing arriving', 'setInterval(() => undefined, 1000);', 'no data arrived for 0.6 s'],
    [
      // 1.5 s in all, well past the 0.6 s stall limit, but never 0.6 s without a byte.
      'a slow download that keeps moving',
      `const fs = require('fs'); const os = require('os'); const path = require('path');
       const part = path.join(os.tmpdir(), 'electron-download-1', 'electron.zip');
       fs.mkdirSync(path.dirname(part), { recursive: true });
       let n = 0;
       const tick = setInterval(() => {
         fs.appendFileSync(part, 'x'.repeat(1000));
         if (++n === 10) { clearInterval(tick); ${installs} }
       }, 150);`,
      'ok',
    ],
  ];
  it.each(cases)('%s', async (name, body, expected) => {
    const packageFolder = await fakePackage(`stall ${name}`, body);
    const temp = path.join(base, `tmp ${name}`);
    await fs.mkdir(temp);
    const { value } = await call(
      'electronRuntime.js',
      'installElectron',
      [packageFolder, { stallMs: 600, pollMs: 100 }],
      {
        TMPDIR: temp,
      },
    );
    const result = value as { ok: boolean; reason?: string };
    expect([result.ok ? 'ok' : result.reason, await fs.readdir(temp)]).toEqual([expected, []]);
  });
});

describe('explainElectronExit: only a normal end or Ctrl+C/SIGTERM is success', () => {
  const sandbox =
    "[1:FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now.";
  const cases: [string, Record<string, unknown>, string][] = [
    ['exit 0', { code: 0, signal: null }, 'ok'],
    ['Ctrl+C', { code: null, signal: 'SIGINT' }, 'ok'],
    ['SIGTERM', { code: null, signal: 'SIGTERM' }, 'ok'],
    [
      'Ubuntu 24.04 sandbox abort',
      { code: null, signal: 'SIGTRAP', stderr: sandbox, platform: 'linux' },
      'chown root:root',
    ],
    ['a bare SIGTRAP on Linux', { code: null, signal: 'SIGTRAP', platform: 'linux' }, 'chmod 4755'],
    [
      'as root',
      {
        code: 1,
        signal: null,
        stderr: 'Running as root without --no-sandbox is not supported',
        platform: 'linux',
      },
      'not root',
    ],
    [
      'no display',
      { code: 1, signal: null, stderr: 'Missing X server or $DISPLAY', platform: 'linux' },
      'graphical session',
    ],
    ['a crash elsewhere', { code: null, signal: 'SIGSEGV', platform: 'darwin' }, 'was stopped by SIGSEGV'],
    ['an error exit', { code: 1, signal: null, platform: 'win32' }, 'exited with code 1'],
  ];
  it.each(cases)('%s', async (_name, exit, expected) => {
    const { value } = await call('electronRuntime.js', 'explainElectronExit', [exit]);
    const outcome = value as { ok: boolean; lines?: string[] };
    const text = outcome.lines?.join('\n') ?? '';
    expect(
      outcome.ok ? 'ok' : [text.includes(expected) ? expected : text, text.includes('npm run serve')],
    ).toEqual(expected === 'ok' ? 'ok' : [expected, true]);
  });
});

describe('runDesktop: npm start’s exit code follows the app’s', () => {
  const cases: [string, string, number, string][] = [
    ['a normal quit', 'exit 0', 0, ''],
    ['stopped with SIGTERM', 'kill -TERM $$', 0, ''],
    [
      'Chromium aborting with SIGTRAP',
      'echo "The SUID sandbox helper binary was found" >&2; kill -TRAP $$',
      1,
      'sandbox',
    ],
    ['an error exit', 'exit 3', 1, 'exited with code 3'],
  ];
  it.skipIf(process.platform === 'win32').each(cases)('%s', async (name, script, code, said) => {
    const binary = path.join(base, `electron ${name}`);
    await fs.writeFile(binary, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
    const { value, stderr } = await call('start.js', 'runDesktop', [binary, [], base]);
    expect([value, said === '' ? stderr : stderr.includes(said) && stderr.includes('npm run serve')]).toEqual(
      [code, said === '' ? '' : true],
    );
  });
});

describe('absoluteArguments: a folder is relative to where the user typed npm start', () => {
  const cases: [string[], string[]][] = [
    [['specs'], ['/home/dana/work/specs']],
    [
      ['../other', '--inspect'],
      ['/home/dana/other', '--inspect'],
    ],
    [['/abs/ws'], ['/abs/ws']],
  ];
  it.each(cases)('%j', async (args, expected) => {
    const { value } = await call('start.js', 'absoluteArguments', [args, '/home/dana/work']);
    expect(value).toEqual(expected);
  });
});

describe('offline, browser mode serves the folder the user named, else a private copy of the sample', () => {
  const copy = '/home/dana/.config/Specbench Development/Acme Checkout';
  const cases: [string[], string | undefined, string][] = [
    [[], undefined, `Starting browser mode instead on your copy of the sample workspace (${copy}; edits`],
    [
      ['/home/dana/specs', '--inspect'],
      '/home/dana/specs',
      'Starting browser mode instead on /home/dana/specs (edits are saved)',
    ],
  ];
  it.each(cases)('%j', async (args, folder, said) => {
    // A value comes back through JSON, undefined as null.
    const served = ((await call('start.js', 'fallbackFolder', [args])).value as string | null) ?? undefined;
    const explained = (
      await call('start.js', 'missingRuntimeExplanation', ['offline', '22.12.0', served ?? copy, !served])
    ).value as string;
    expect([served, explained.includes(said), explained.includes('22.12.0 or newer')]).toEqual([
      folder,
      true,
      false,
    ]);
  });
});

describe('the development profile holding the private sample copy is where the desktop app keeps it', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['linux', {}, '/home/dana/.config/Specbench Development'],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, '/xdg/Specbench Development'],
    ['darwin', {}, '/home/dana/Library/Application Support/Specbench Development'],
    ['win32', { APPDATA: '/home/dana/AppData/Roaming' }, '/home/dana/AppData/Roaming/Specbench Development'],
  ];
  it.each(cases)('%s %j', async (platform, env, expected) => {
    const { value } = await call('start.js', 'developmentProfile', [platform, env, '/home/dana']);
    expect(value).toBe(expected);
  });
});
