import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../electron/engine/workspace.js';
import { waitForSettledFiles } from './settledFiles.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

/** A workspace whose files were all written just now, as the bench's generator leaves it on a fresh machine. */
async function freshWorkspace(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-settled-'));
  folders.push(root);
  await fs.writeFile(path.join(root, 'specbench.json'), '{"name": "Fresh"}\n');
  await fs.mkdir(path.join(root, 'specs'));
  for (let index = 1; index <= 3; index++) {
    await fs.writeFile(
      path.join(root, 'specs', `spec-${index}.md`),
      `---\nkey: SPEC-${index}\ntype: spec\ntitle: Spec ${index}\n---\nText.\n`,
    );
  }
  return root;
}

/** Opens with the cache and closes (which finishes the cache write); returns how many files were read. */
async function openAndClose(root: string): Promise<number> {
  const opened = await Workspace.open(root, { cache: true });
  if (!opened.ok) throw new Error(opened.message);
  await opened.workspace.close();
  return opened.workspace.statistics.read;
}

describe('a warm open after a cache primed on fresh files', () => {
  it('re-reads every file when primed at once (the bench flake: "the cache did not answer for every file")', async () => {
    const root = await freshWorkspace();
    // Dated a minute ahead, so the files stay inside the racy window however slowly this machine runs.
    const ahead = new Date(Date.now() + 60_000);
    for (const name of await fs.readdir(path.join(root, 'specs')))
      await fs.utimes(path.join(root, 'specs', name), ahead, ahead);
    expect([await openAndClose(root), await openAndClose(root)]).toEqual([3, 3]);
  });

  it('waits out the window too where the quick listing gives up (a symbolic link in the workspace)', async () => {
    const root = await freshWorkspace();
    await fs.symlink(path.join(root, 'specs'), path.join(root, 'linked'));
    const waited = await waitForSettledFiles(root);
    expect([waited > 0, await openAndClose(root), await openAndClose(root)]).toEqual([true, 3, 0]);
  });

  it('reads nothing when the files settled before priming', async () => {
    const root = await freshWorkspace();
    const waited = await waitForSettledFiles(root);
    expect([
      waited > 0,
      await openAndClose(root),
      await openAndClose(root),
      await waitForSettledFiles(root),
    ]).toEqual([true, 3, 0, 0]);
  });
});
