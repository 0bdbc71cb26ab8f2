#!/usr/bin/env node
// `npm start`: build, then launch the desktop app. Where the Electron runtime is missing it first runs
// the electron package's own installer; where that fails too (offline) it explains and serves the
// sample workspace in browser mode instead (`--browser`, as `npm run serve` does, goes straight there).
// The sample is served from a private copy, never from samples/ itself. Never prints a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  explainElectronExit,
  findElectron,
  installElectron,
  installerNode,
  nodeAtLeast,
} from './electronRuntime.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const preferredPort = 4780;

function run(args) {
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, ...args], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

/** The runtime, fetched with the package's installer when it is missing; { ok: false, reason } if that fails. */
export async function getElectron(packageFolder, write = (text) => process.stdout.write(text)) {
  const found = findElectron(packageFolder);
  if (found.ok || !found.installable) return found;
  write('Getting the Electron runtime with its installer (`npx install-electron`, about 100 MB, once)…\n');
  const installed = await installElectron(packageFolder);
  if (!installed.ok)
    return { ok: false, reason: `the Electron runtime could not be downloaded (${installed.reason})` };
  const after = findElectron(packageFolder);
  return after.ok ? after : { ok: false, reason: `the installer finished but ${after.reason}` };
}

/** npm runs scripts in the package folder; a folder the user names is relative to where they typed it. */
export function absoluteArguments(args, cwd = process.env.INIT_CWD ?? process.cwd()) {
  return args.map((argument) => (argument.startsWith('-') ? argument : path.resolve(cwd, argument)));
}

/**
 * Runs the desktop app in the foreground and resolves the exit code for `npm start`: 0 when it ended
 * normally or by Ctrl+C / SIGTERM, else 1 after saying why (a crash is never a success).
 */
export function runDesktop(binary, args, cwd = root) {
  return new Promise((resolve) => {
    const child = spawn(binary, args, { cwd, stdio: ['inherit', 'inherit', 'pipe'] });
    let tail = '';
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString()).slice(-16_384);
    });
    const ignore = () => undefined;
    const forward = () => child.kill('SIGTERM');
    // Ctrl+C reaches the whole process group, the app included; we wait for it to close.
    process.on('SIGINT', ignore);
    process.on('SIGTERM', forward);
    const done = (code) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      resolve(code);
    };
    child.once('error', (error) => {
      process.stderr.write(`specbench: could not start ${path.basename(binary)}: ${error.message}\n`);
      done(1);
    });
    child.once('close', (code, signal) => {
      const outcome = explainElectronExit({
        code,
        signal,
        stderr: tail,
        root: typeof process.getuid === 'function' && process.getuid() === 0,
      });
      if (!outcome.ok) process.stderr.write(`\n${outcome.lines.join('\n')}\n`);
      done(outcome.ok ? 0 : 1);
    });
  });
}

function freePort(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The folder the user named for browser mode, or undefined for (a copy of) the sample. */
export function fallbackFolder(folders) {
  return folders.filter((argument) => !argument.startsWith('-')).at(-1);
}

/**
 * Where a development run keeps its profile, the desktop app's private sample copy included
 * (Electron's appData plus `Specbench Development`, as electron/main/main.ts names it), so browser
 * mode and the desktop app open the same copy.
 */
export function developmentProfile(platform = process.platform, env = process.env, home = os.homedir()) {
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, 'Specbench Development');
}

/** A private copy of the bundled sample (made once, then reused with the user's edits). */
async function sampleCopy() {
  const module = path.join(root, 'dist', 'electron', 'main', 'sampleWorkspace.js');
  const { installSampleWorkspace } = await import(pathToFileURL(module).href);
  return installSampleWorkspace(path.join(root, 'samples', 'acme-checkout'), developmentProfile());
}

/** Browser mode in the foreground: Ctrl+C stops the server, and its exit code becomes ours. */
function serveInBrowser(folder, port) {
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'specbench.js'), 'serve', folder, '--write', '--port', String(port)],
    { cwd: root, stdio: 'inherit' },
  );
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (error) => {
    process.stderr.write(`specbench: could not start browser mode: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) =>
    process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)),
  );
}

export function missingRuntimeExplanation(
  reason,
  nodeVersion = process.versions.node,
  folder,
  sample = false,
) {
  return [
    '',
    `The Specbench desktop app cannot start here: ${reason}.`,
    'Electron downloads its runtime on first use, which needs network access (github.com, or the mirror',
    'in ELECTRON_MIRROR). Run `npx install-electron` where you have it, or point ELECTRON_OVERRIDE_DIST_PATH',
    'at an existing Electron build; then run `npm start` again.',
    ...(nodeAtLeast(nodeVersion, installerNode)
      ? []
      : [
          `Electron's installer declares Node ${installerNode} or newer (this is Node ${nodeVersion});`,
          'the CLI and browser mode need only Node 20.19.',
        ]),
    browserModeLine(folder, sample, 'instead '),
    '',
    '',
  ].join('\n');
}

export function browserModeLine(folder, sample, instead = '') {
  return sample
    ? `Starting browser mode ${instead}on your copy of the sample workspace (${folder}; edits are saved there); open the URL below.`
    : `Starting browser mode ${instead}on ${folder} (edits are saved); open the URL below.`;
}

async function main() {
  if (run(['run', 'build']) !== 0) {
    process.stderr.write('\nspecbench: the build failed (see above), so nothing was started.\n');
    process.exit(1);
  }
  const args = absoluteArguments(process.argv.slice(2).filter((argument) => argument !== '--browser'));
  const browserOnly = process.argv.includes('--browser');
  const electron = browserOnly ? undefined : await getElectron(path.join(root, 'node_modules', 'electron'));
  if (electron?.ok) process.exit(await runDesktop(electron.binary, [root, ...args]));
  const port = (await freePort(preferredPort)) ? preferredPort : 0;
  const named = fallbackFolder(args);
  const folder = named ?? (await sampleCopy());
  process.stdout.write(
    electron
      ? missingRuntimeExplanation(electron.reason, process.versions.node, folder, named === undefined)
      : `${browserModeLine(folder, named === undefined)}\n`,
  );
  serveInBrowser(folder, port);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(
      `specbench: npm start failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
