// scripts/start.js sits outside vitest's folders, so its Electron detection is tested from here, in a real Node process.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const startScript = new URL('../../scripts/start.js', import.meta.url).href;

function findElectron(
  packageFolder: string,
  env: Record<string, string> = {},
): { ok: boolean; reason?: string } {
  const output = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { findElectron } = await import(${JSON.stringify(startScript)});
       process.stdout.write(JSON.stringify(findElectron(${JSON.stringify(packageFolder)})));`,
    ],
    { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' },
  );
  return JSON.parse(output) as { ok: boolean; reason?: string };
}

let base: string;
beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-start-'));
  for (const name of ['undownloaded', 'missing-binary', 'installed']) await fs.mkdir(path.join(base, name));
  await fs.writeFile(path.join(base, 'missing-binary', 'path.txt'), 'electron');
  await fs.writeFile(path.join(base, 'installed', 'path.txt'), 'electron');
  await fs.mkdir(path.join(base, 'installed', 'dist'));
  await fs.writeFile(path.join(base, 'installed', 'dist', 'electron'), '');
  await fs.mkdir(path.join(base, 'override'));
  await fs.writeFile(path.join(base, 'override', 'electron'), '');
});
afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

describe('findElectron (npm start) never requires electron, which would try to download it', () => {
  const cases: [string, string, Record<string, string>, string][] = [
    ['no electron package', 'absent', {}, 'the electron package is not installed'],
    ['never downloaded', 'undownloaded', {}, 'its runtime was never downloaded'],
    ['binary deleted', 'missing-binary', {}, 'the Electron runtime is missing'],
    ['installed', 'installed', {}, 'ok'],
    ['override pointing at a build', 'undownloaded', { ELECTRON_OVERRIDE_DIST_PATH: 'override' }, 'ok'],
    [
      'override pointing nowhere',
      'undownloaded',
      { ELECTRON_OVERRIDE_DIST_PATH: 'nowhere' },
      'does not exist',
    ],
  ];
  it.each(cases)('%s', (_name, folder, env, expected) => {
    const absoluteEnv = Object.fromEntries(
      Object.entries(env).map(([key, value]) => [key, path.join(base, value)]),
    );
    const found = findElectron(path.join(base, folder), absoluteEnv);
    expect(found.ok ? 'ok' : expected && found.reason?.includes(expected) ? expected : found.reason).toEqual(
      expected,
    );
  });
});
