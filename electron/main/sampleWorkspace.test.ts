import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installSampleWorkspace } from './sampleWorkspace.js';

let base: string;
let bundled: string;
let userData: string;
beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-sample-'));
  bundled = path.join(base, 'bundled');
  userData = path.join(base, 'user-data');
  await fs.mkdir(path.join(bundled, 'specs'), { recursive: true });
  await fs.mkdir(path.join(bundled, '.specbench'), { recursive: true });
  await fs.writeFile(path.join(bundled, 'specbench.json'), '{"name":"Acme Checkout"}\n');
  await fs.writeFile(path.join(bundled, 'specs', 'a.md'), '# A\n');
  await fs.writeFile(path.join(bundled, '.specbench', 'index-cache.bin'), 'cache');
});
afterEach(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

async function listFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('installSampleWorkspace', () => {
  it('copies the sample without its cache on first launch', async () => {
    const copy = await installSampleWorkspace(bundled, userData);
    expect([path.relative(base, copy), await listFiles(copy)]).toEqual([
      path.join('user-data', 'Acme Checkout'),
      ['specbench.json', path.join('specs', 'a.md')],
    ]);
  });

  it('keeps the user’s edits on later launches', async () => {
    const copy = await installSampleWorkspace(bundled, userData);
    await fs.writeFile(path.join(copy, 'specs', 'a.md'), '# Edited\n');
    await installSampleWorkspace(bundled, userData);
    expect(await fs.readFile(path.join(copy, 'specs', 'a.md'), 'utf8')).toEqual('# Edited\n');
  });

  it('never writes into the bundled sample', async () => {
    const before = await listFiles(bundled);
    const copy = await installSampleWorkspace(bundled, userData);
    await fs.writeFile(path.join(copy, 'specs', 'b.md'), '# B\n');
    expect(await listFiles(bundled)).toEqual(before);
  });
});
