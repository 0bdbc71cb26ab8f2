import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { releaseToSystemTrash, sweepToSystemTrash } from './systemTrash.js';

// A fake of Electron's shell.trashItem (no Electron binary here): it moves the item into a folder
// standing for the system trash, as the real one does.
function fakeSystemTrash(folder: string) {
  const received: string[] = [];
  return {
    received,
    move: async (absolute: string) => {
      received.push(absolute);
      await fs.rename(absolute, path.join(folder, `${received.length}-${path.basename(absolute)}`));
    },
  };
}

describe('system trash on the desktop', () => {
  let root: string;
  let systemTrash: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-trash-'));
    systemTrash = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-system-trash-'));
    await fs.mkdir(path.join(root, '.specbench/trash/2026-01-01T00-00-00Z/specs'), { recursive: true });
    await fs.writeFile(path.join(root, '.specbench/trash/2026-01-01T00-00-00Z/specs/a.md'), 'A\n');
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
    await fs.rm(systemTrash, { recursive: true, force: true });
  });

  it('moves a released document on to the system trash and leaves no empty folders behind', async () => {
    const fake = fakeSystemTrash(systemTrash);
    const answer = await releaseToSystemTrash(
      root,
      '.specbench/trash/2026-01-01T00-00-00Z/specs/a.md',
      fake.move,
    );
    expect({
      answer,
      inSystemTrash: await fs.readFile(path.join(systemTrash, '1-a.md'), 'utf8'),
      trashLeft: await fs.readdir(path.join(root, '.specbench/trash')),
    }).toEqual({ answer: undefined, inSystemTrash: 'A\n', trashLeft: [] });
  });

  it.each([
    ['outside the trash', 'specs/a.md', 'specs/a.md is not in .specbench/trash/.'],
    [
      'escaping it',
      '.specbench/trash/../../x.md',
      '.specbench/trash/../../x.md is not in .specbench/trash/.',
    ],
    [
      'already gone',
      '.specbench/trash/2026-01-01T00-00-00Z/specs/b.md',
      '.specbench/trash/2026-01-01T00-00-00Z/specs/b.md is no longer in .specbench/trash/.',
    ],
  ])('refuses a path %s', async (_case, trashedTo, message) => {
    const fake = fakeSystemTrash(systemTrash);
    expect([await releaseToSystemTrash(root, trashedTo, fake.move), fake.received]).toEqual([message, []]);
  });

  it('sweeps what a quit left in .specbench/trash/ at the next open', async () => {
    const fake = fakeSystemTrash(systemTrash);
    expect([
      await sweepToSystemTrash(root, fake.move),
      await fs.readdir(path.join(root, '.specbench/trash')),
    ]).toEqual([1, []]);
  });
});
