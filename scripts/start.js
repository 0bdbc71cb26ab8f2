#!/usr/bin/env node
// `npm start`: build, then launch the desktop app; where the Electron runtime is missing, explain
// and serve the sample workspace in browser mode instead. Never prints a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const preferredPort = 4780;

function run(args) {
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, ...args], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

/** Where the Electron binary is, without `require('electron')`, which would try to download it. */
export function findElectron(packageFolder = path.join(root, 'node_modules', 'electron')) {
  const pathFile = path.join(packageFolder, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(binary)
      ? { ok: true, binary }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH points at ${binary}, which does not exist` };
  }
  if (!existsSync(packageFolder)) return { ok: false, reason: 'the electron package is not installed' };
  if (!relative)
    return { ok: false, reason: 'the electron package is installed but its runtime was never downloaded' };
  const binary = path.join(packageFolder, 'dist', relative);
  return existsSync(binary)
    ? { ok: true, binary }
    : { ok: false, reason: `the Electron runtime is missing (${binary})` };
}

function freePort(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Runs a child in the foreground: Ctrl+C reaches it, and its exit code becomes ours. */
function foreground(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (error) => {
    process.stderr.write(`specbench: could not start ${path.basename(command)}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

async function main() {
  if (run(['run', 'build']) !== 0) {
    process.stderr.write('\nspecbench: the build failed (see above), so nothing was started.\n');
    process.exit(1);
  }
  const electron = findElectron();
  if (electron.ok) return foreground(electron.binary, [root, ...process.argv.slice(2)]);

  const port = (await freePort(preferredPort)) ? preferredPort : 0;
  process.stdout.write(
    [
      '',
      `The Specbench desktop app cannot start here: ${electron.reason}.`,
      'Electron downloads its runtime on first use, which needs network access. To get it, run',
      '`npx install-electron` (or reinstall with network: `rm -rf node_modules/electron && npm install`),',
      'or point ELECTRON_OVERRIDE_DIST_PATH at an existing Electron build. Then run `npm start` again.',
      'Starting browser mode on the sample workspace instead (edits are saved); open the URL below.',
      '',
      '',
    ].join('\n'),
  );
  foreground(process.execPath, [
    path.join(root, 'bin', 'specbench.js'),
    'serve',
    'samples/acme-checkout',
    '--write',
    '--port',
    String(port),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(
      `specbench: npm start failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
