// The Electron runtime for `npm start`: where it is, getting it with the electron package's own
// installer (Electron 42+ has no postinstall: it downloads on first run), and what an exit means.
import { spawn } from 'node:child_process';
import { clearInterval, setInterval, setTimeout } from 'node:timers';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The Node version Electron's installer (`@electron/get`) declares; the CLI and browser mode need only 20.19. */
export const installerNode = '22.12.0';

/** Where the Electron binary is, without `require('electron')`, which would try to download it. */
export function findElectron(packageFolder, env = process.env) {
  const pathFile = path.join(packageFolder, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(binary)
      ? { ok: true, binary }
      : {
          ok: false,
          installable: false,
          reason: `ELECTRON_OVERRIDE_DIST_PATH points at ${binary}, which does not exist`,
        };
  }
  if (!existsSync(packageFolder))
    return { ok: false, installable: false, reason: 'the electron package is not installed' };
  const installable = existsSync(path.join(packageFolder, 'install.js'));
  if (!relative)
    return {
      ok: false,
      installable,
      reason: 'the electron package is installed but its runtime was never downloaded',
    };
  const binary = path.join(packageFolder, 'dist', relative);
  return existsSync(binary)
    ? { ok: true, binary }
    : { ok: false, installable, reason: `the Electron runtime is missing (${binary})` };
}

/** Whether `version` (e.g. process.versions.node) is at least `minimum`. */
export function nodeAtLeast(version, minimum) {
  const [a = 0, b = 0, c = 0] = version.split('.').map(Number);
  const [x = 0, y = 0, z = 0] = minimum.split('.').map(Number);
  return a !== x ? a > x : b !== y ? b > y : c >= z;
}

async function bytesUnder(folder) {
  let total = 0;
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const stat = await fs.stat(path.join(entry.parentPath ?? entry.path, entry.name)).catch(() => undefined);
    total += stat?.size ?? 0;
  }
  return total;
}

/**
 * Runs the electron package's own installer (`npx install-electron`) quietly. It downloads into its
 * temp folder, which is pointed at one of ours so progress can be seen: the attempt stops when no
 * byte has arrived for `stallMs` (offline it fails at once, or after the connect timeout), never
 * while a slow download is still moving. Resolves { ok } or { ok: false, reason } in one line.
 */
export async function installElectron(packageFolder, { stallMs = 15_000, pollMs = 500 } = {}) {
  const folder = path.resolve(packageFolder);
  const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-electron-install-'));
  const env = { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp };
  try {
    const child = spawn(process.execPath, [path.join(folder, 'install.js')], {
      cwd: folder,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk.toString()).slice(-8192);
    });
    let stalled = false;
    let lastBytes = -1;
    let lastProgress = Date.now();
    const watch = setInterval(() => {
      void bytesUnder(temp).then((bytes) => {
        if (bytes !== lastBytes) {
          lastBytes = bytes;
          lastProgress = Date.now();
        } else if (Date.now() - lastProgress >= stallMs && child.exitCode === null && !stalled) {
          stalled = true;
          child.kill('SIGTERM');
          setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 2000).unref();
        }
      });
    }, pollMs);
    const exit = await new Promise((resolve) => {
      child.once('error', (error) => resolve({ error }));
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    clearInterval(watch);
    if (exit.error) return { ok: false, reason: `the installer could not start: ${exit.error.message}` };
    if (stalled) return { ok: false, reason: `no data arrived for ${stallMs / 1000} s` };
    if (exit.code === 0) return { ok: true };
    return {
      ok: false,
      reason: firstErrorLine(stderr) ?? `the installer exited with ${exit.code ?? exit.signal}`,
    };
  } finally {
    await fs.rm(temp, { recursive: true, force: true });
  }
}

/** The installer prints a whole stack; the user sees its error line only ("TypeError: fetch failed"). */
export function firstErrorLine(stderr) {
  const lines = stderr
    .split(/\r?\n/)
    .map((each) => each.trim())
    .filter((each) => each !== '' && !each.startsWith('at '));
  const line = lines.find((each) => /^[\w.]*Error\b/.test(each)) ?? lines[0];
  return line === undefined ? undefined : line.slice(0, 200);
}

/** Ctrl+C, or a SIGTERM we forwarded: the user ended the app, which is not a failure. */
const cleanSignals = new Set(['SIGINT', 'SIGTERM']);

/**
 * What an Electron exit means for `npm start`: { ok: true } for a clean end, else the lines that
 * explain it. `stderr` is the tail of what Electron printed; Chromium names the usual causes there.
 */
export function explainElectronExit({
  code,
  signal,
  stderr = '',
  platform = process.platform,
  root = false,
}) {
  if (code === 0 || (signal && cleanSignals.has(signal))) return { ok: true };
  const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
  const lines = [`The Specbench desktop app ${how}.`];
  if (/Running as root without --no-sandbox/i.test(stderr) || root) {
    lines.push(
      'Chromium refuses to run as root with its sandbox on. Run `npm start` as your own user, not root.',
    );
  } else if (
    platform === 'linux' &&
    (/chrome-sandbox|SUID sandbox|setuid_sandbox|namespace sandbox|No usable sandbox/i.test(stderr) ||
      signal === 'SIGTRAP')
  ) {
    lines.push(
      "Chromium's sandbox could not start. On Ubuntu 23.10 and later AppArmor blocks the unprivileged",
      'user namespaces it uses, and the setuid fallback needs its helper owned by root:',
      '  sudo chown root:root node_modules/electron/dist/chrome-sandbox',
      '  sudo chmod 4755 node_modules/electron/dist/chrome-sandbox',
      'Running with --no-sandbox also starts it, but turns off the isolation that keeps a hostile',
      'document from reaching your files, so it is not recommended for folders you did not write.',
    );
  } else if (platform === 'linux' && /Missing X server|\$DISPLAY|cannot open display|Ozone/i.test(stderr)) {
    lines.push('No display was found: the desktop app needs a graphical session (X11 or Wayland).');
  }
  lines.push(
    'Browser mode runs the same app without Electron: `npm run serve` (then open the URL it prints).',
  );
  return { ok: false, lines };
}
