// The built desktop app under Playwright's Electron driver, shared by the e2e/electron specs. Where no
// Electron runtime exists or `npm run build` has not run, the specs skip and print why.
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectron } from '../../scripts/electronRuntime.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const found = findElectron(path.join(root, 'node_modules', 'electron')) as
  { ok: true; binary: string } | { ok: false; reason: string };
const built = [
  'dist/electron/main/main.js',
  'dist/electron/preload/preload.cjs',
  'dist/renderer/index.html',
].find((file) => !existsSync(path.join(root, file)));
const skipReason = !found.ok
  ? `no Electron runtime: ${found.reason} (run \`npx install-electron\`)`
  : built
    ? `the app is not built: ${built} is missing (run \`npm run build\`)`
    : undefined;

export interface LaunchedElectronApp {
  /** A temp folder holding the workspace and user data; removed on close. */
  base: string;
  workspace: string;
  /** The profile (SPECBENCH_USER_DATA): the single-instance lock lives here. */
  userData: string;
  app: ElectronApplication;
  page: Page;
}

/** Inside a describe: skips it, printing why under `suite`, where the app cannot be launched. */
export function skipWithoutElectron(suite: string): void {
  if (skipReason) process.stdout.write(`[${suite}] skipped: ${skipReason}\n`);
  test.skip(skipReason !== undefined, skipReason ?? '');
}

/** The Electron binary, for specs that start it themselves (a second instance, a failing start). */
export function electronBinary(): string {
  if (!found.ok) throw new Error(`cannot launch Electron: ${found.reason}`);
  return found.binary;
}

/** A fresh copy of the sample workspace at `folder`. */
export async function copySample(folder: string): Promise<string> {
  await fs.cp(path.join(root, 'samples', 'acme-checkout'), folder, {
    recursive: true,
    filter: (source) => path.basename(source) !== '.specbench',
  });
  return folder;
}

/** Launches the app on a fresh copy of the sample workspace and waits for its window to be ready. */
export async function launchElectronApp(
  tempPrefix: string,
  options: { base?: string; userData?: string } = {},
): Promise<LaunchedElectronApp> {
  const binary = electronBinary();
  const base = options.base ?? (await fs.mkdtemp(path.join(os.tmpdir(), tempPrefix)));
  const workspace = await copySample(path.join(base, 'workspace'));
  const userData = options.userData ?? path.join(base, 'user-data');
  let app: ElectronApplication | undefined;
  try {
    app = await electron.launch({
      executablePath: binary,
      args: [root, workspace],
      env: { ...process.env, SPECBENCH_USER_DATA: userData },
    });
    const page = await app.firstWindow();
    await page.waitForSelector('body[data-ready=true]');
    return { base, workspace, userData, app, page };
  } catch (error) {
    await app?.close();
    await fs.rm(base, { recursive: true, force: true });
    throw error;
  }
}

export async function closeElectronApp(launched: LaunchedElectronApp | undefined): Promise<void> {
  if (!launched) return;
  await launched.app.close();
  await fs.rm(launched.base, { recursive: true, force: true });
}
