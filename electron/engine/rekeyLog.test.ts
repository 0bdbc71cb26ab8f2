import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRekeys, recordLocally, RekeyLog, rekeysFile } from './rekeyLog.js';
import { stateFolderName } from './stateFolder.js';

let root: string | undefined;
afterEach(async () => {
  if (root) await fs.rm(root, { recursive: true, force: true });
});

const renumbered = { key: 'RM-15', newKey: 'RM-16', path: 'roadmap.json', references: [] };

describe('RekeyLog', () => {
  it('keeps a rename that had no links: nothing to point, but the rename is not forgotten', async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-rekeylog-'));
    const log = new RekeyLog(root);
    await log.load();
    await log.record(renumbered);
    const shared = parseRekeys(await fs.readFile(path.join(root, rekeysFile), 'utf8'));
    expect([shared?.map(({ key, newKey }) => `${key}→${newKey}`), log.pending([])]).toEqual([
      ['RM-15→RM-16'],
      [],
    ]);
  });

  it("reads the merge driver's local records, and moves them to the shared file at the next change", async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-rekeylog-'));
    await recordLocally(root, [renumbered]);
    const log = new RekeyLog(root);
    await log.load();
    expect(log.all().map(({ key, newKey }) => `${key}→${newKey}`)).toEqual(['RM-15→RM-16']);
    await log.record({ ...renumbered, key: 'REQ-2', newKey: 'REQ-30', path: 'specs/a.md' });
    const shared = parseRekeys(await fs.readFile(path.join(root, rekeysFile), 'utf8'));
    const local = await fs.stat(path.join(root, stateFolderName, rekeysFile)).catch(() => undefined);
    expect([shared?.map(({ key }) => key), local]).toEqual([['RM-15', 'REQ-2'], undefined]);
  });

  it('writes each record in one field order, so a new record is the only change to the file', async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-rekeylog-'));
    const file = path.join(root, rekeysFile);
    const link = {
      path: 'specs/a.md',
      line: 4,
      kind: 'delivers',
      from: 'REQ-2',
      commit: 'abc1234',
      author: 'Dana',
    };
    await new RekeyLog(root).record({ ...renumbered, references: [link] });
    const before = await fs.readFile(file, 'utf8');
    const log = new RekeyLog(root);
    await log.load();
    await log.record({ ...renumbered, key: 'REQ-2', newKey: 'REQ-30', path: 'specs/a.md' });
    const after = await fs.readFile(file, 'utf8');
    const end = '    }\n  ]\n}\n';
    expect(before.endsWith(end)).toBe(true);
    expect(after.startsWith(before.slice(0, -end.length))).toBe(true);
    expect(after.indexOf('"at"')).toBeLessThan(after.indexOf('"references"'));
  });
});
