import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceService } from '../services/workspaceService.js';
import { pruneAbandonedBackups } from './backupPruning.js';
import { Workspace } from './workspace.js';

const spec = '---\nkey: SPEC-1\ntype: spec\ntitle: Checkout\n---\n## Problem\n\nGuests pay.\n';

describe('recovered edits: a document deleted or renamed outside Specbench, put back from its backup', () => {
  it('writes the backed-up text at its path, indexes it and drops the backup; refuses where a file is', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'specbench-recover-'));
    const root = path.join(parent, 'workspace');
    mkdirSync(path.join(root, 'specs'), { recursive: true });
    writeFileSync(path.join(root, 'specs/checkout.md'), spec);
    writeFileSync(path.join(root, 'specs/kept.md'), spec.replace('SPEC-1', 'SPEC-2'));
    const opened = await Workspace.open(root, {
      write: true,
      cache: false,
      backupFolder: path.join(parent, 'backups', 'this'),
    });
    if (!opened.ok) throw new Error(opened.message);
    const service = new WorkspaceService(opened.workspace);
    try {
      const edited = `${spec}Typed before the file was deleted.\n`;
      for (const file of ['specs/checkout.md', 'specs/kept.md']) {
        const read = await service.invoke('readDocument', { path: file });
        if (!read.ok) throw new Error(read.message);
        await service.invoke('backupDocument', { path: file, text: edited, base: read.version });
      }
      // Deleted outside Specbench (another editor, git checkout).
      rmSync(path.join(root, 'specs/checkout.md'));
      const listed = await service.invoke('listBackups', {});
      const recovered = await service.invoke('recoverBackup', { path: 'specs/checkout.md' });
      const again = await service.invoke('recoverBackup', { path: 'specs/checkout.md' });
      const refused = await service.invoke('recoverBackup', { path: 'specs/kept.md' });
      const after = await service.invoke('listBackups', {});
      const documents = await service.invoke('listDocuments', {});
      expect({
        listed: listed.ok && listed.backups.map((backup) => [backup.path, backup.disk]),
        recovered,
        text: readFileSync(path.join(root, 'specs/checkout.md'), 'utf8'),
        indexed: documents.some((document) => document.path === 'specs/checkout.md'),
        again,
        refused,
        kept: readFileSync(path.join(root, 'specs/kept.md'), 'utf8'),
        after: after.ok && after.backups.map((backup) => backup.path),
      }).toEqual({
        listed: [
          ['specs/checkout.md', 'missing'],
          ['specs/kept.md', 'unchanged'],
        ],
        recovered: { ok: true, path: 'specs/checkout.md' },
        text: edited,
        indexed: true,
        again: { ok: false, error: 'not-found', message: 'No unsaved edits of specs/checkout.md are kept.' },
        refused: {
          ok: false,
          error: 'exists',
          message:
            'specs/kept.md is in the workspace again: open it to compare and restore its unsaved edits.',
        },
        kept: spec.replace('SPEC-1', 'SPEC-2'),
        after: ['specs/kept.md'],
      });
    } finally {
      await opened.workspace.close();
    }
  });
});

describe('pruneAbandonedBackups', () => {
  const day = 24 * 60 * 60 * 1000;
  const now = Date.UTC(2026, 11, 6);

  /** A backup folder holding one backup of `workspace`, last written `age` ago. */
  function folder(base: string, name: string, workspace: string, age: number, text?: string): void {
    const file = path.join(base, name, 'a.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text ?? JSON.stringify({ format: 1, workspace, path: 'a.md', text: 'x' }));
    utimesSync(file, new Date(now - age), new Date(now - age));
  }

  it('removes only the backups of workspaces that are gone, once 30 days have passed', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'specbench-prune-'));
    const alive = mkdtempSync(path.join(tmpdir(), 'specbench-alive-'));
    const gone = path.join(tmpdir(), 'specbench-no-such-workspace', 'acme');
    folder(base, 'gone-old', gone, 31 * day);
    folder(base, 'gone-recent', gone, 5 * day);
    folder(base, 'alive-old', alive, 90 * day);
    folder(base, 'unreadable-old', gone, 90 * day, 'not json');
    folder(base, 'own', gone, 90 * day);
    const pruned = await pruneAbandonedBackups(base, { keep: path.join(base, 'own'), now });
    expect({
      pruned: pruned.map((pruned) => path.basename(pruned)),
      left: ['gone-old', 'gone-recent', 'alive-old', 'unreadable-old', 'own'].filter((name) =>
        existsSync(path.join(base, name)),
      ),
    }).toEqual({
      pruned: ['gone-old'],
      left: ['gone-recent', 'alive-old', 'unreadable-old', 'own'],
    });
  });

  it('is quiet when there is no backup folder at all', async () => {
    expect(await pruneAbandonedBackups(path.join(tmpdir(), 'specbench-no-backups-here'))).toEqual([]);
  });
});
