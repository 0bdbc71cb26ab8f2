import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceService } from '../services/workspaceService.js';
import { BackupStore, backupFolderFor } from './backupStore.js';
import { DocumentStore, type FileVersion } from './documentStore.js';
import { Workspace } from './workspace.js';

const files: Record<string, string> = {
  'specs/checkout.md': '# Checkout\n\nGuests pay.\n',
  'stories/pay.md': '# Pay\n',
  'notes.md': 'Notes\n',
};

function temporaryWorkspace(): { root: string; folder: string } {
  const parent = mkdtempSync(path.join(tmpdir(), 'specbench-backup-'));
  const root = path.join(parent, 'workspace');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  mkdirSync(path.join(parent, 'outside'));
  writeFileSync(path.join(parent, 'outside', 'secret.md'), 'secret\n');
  symlinkSync(path.join(parent, 'outside'), path.join(root, 'linked'));
  mkdirSync(path.join(parent, 'backups'));
  return { root, folder: path.join(parent, 'backups', 'workspace-hash') };
}

function storeFor(root: string, folder: string): BackupStore {
  return new BackupStore({ root, folder, documents: new DocumentStore(root) });
}

async function versionOf(root: string, file: string): Promise<FileVersion> {
  const read = await new DocumentStore(root).read(file);
  if (!read.ok) throw new Error(read.message);
  return { size: read.file.size, mtimeMs: read.file.mtimeMs, hash: read.file.hash };
}

/** Every file under `root` with its bytes and mtime, to prove a backup changed nothing there. */
function snapshot(root: string): string[] {
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).sort().map((name) => {
    const absolute = path.join(root, name);
    const stats = statSync(absolute);
    return stats.isFile()
      ? `${name} ${stats.mtimeMs} ${readFileSync(absolute, 'utf8')}`
      : `${name} ${stats.isDirectory() ? 'folder' : 'other'}`;
  });
}

type Step =
  | { write: string; text: string }
  | { discard: string }
  | { disk: string; text: string }
  | { remove: string }
  | { corrupt: string; bytes: string };

interface ListCase {
  name: string;
  steps: Step[];
  /** Passed to list(); all backups when absent. */
  path?: string;
  expected: unknown;
}

const listCases: ListCase[] = [
  {
    name: 'a written backup is listed with the disk unchanged',
    steps: [{ write: 'specs/checkout.md', text: '# Checkout\n\nGuests pay by card.\n' }],
    expected: {
      backups: [['specs/checkout.md', '# Checkout\n\nGuests pay by card.\n', 'unchanged']],
      unreadable: [],
      files: 1,
    },
  },
  {
    name: 'a later backup replaces the earlier one of the same document',
    steps: [
      { write: 'specs/checkout.md', text: 'one\n' },
      { write: './specs//checkout.md', text: 'two\n' },
      { write: 'notes.md', text: 'Notes and more\n' },
    ],
    expected: {
      backups: [
        ['notes.md', 'Notes and more\n', 'unchanged'],
        ['specs/checkout.md', 'two\n', 'unchanged'],
      ],
      unreadable: [],
      files: 2,
    },
  },
  {
    name: 'a backup equal to the disk is stale: dropped and its file removed',
    steps: [
      { write: 'specs/checkout.md', text: 'saved meanwhile\n' },
      { disk: 'specs/checkout.md', text: 'saved meanwhile\n' },
    ],
    expected: { backups: [], unreadable: [], files: 0 },
  },
  {
    name: 'a file changed on disk since the backup began is flagged',
    steps: [
      { write: 'stories/pay.md', text: '# Pay as a guest\n' },
      { disk: 'stories/pay.md', text: '# Pay, edited elsewhere\n' },
    ],
    expected: { backups: [['stories/pay.md', '# Pay as a guest\n', 'changed']], unreadable: [], files: 1 },
  },
  {
    name: 'a file deleted on disk keeps its backup, flagged missing',
    steps: [{ write: 'stories/pay.md', text: '# Pay\nmore\n' }, { remove: 'stories/pay.md' }],
    expected: { backups: [['stories/pay.md', '# Pay\nmore\n', 'missing']], unreadable: [], files: 1 },
  },
  {
    name: 'discard removes the backup and the emptied folder',
    steps: [{ write: 'notes.md', text: 'draft\n' }, { discard: 'notes.md' }],
    expected: { backups: [], unreadable: [], files: 0 },
  },
  {
    name: 'discarding one keeps the others',
    steps: [
      { write: 'notes.md', text: 'draft\n' },
      { write: 'stories/pay.md', text: 'story draft\n' },
      { discard: 'notes.md' },
    ],
    expected: { backups: [['stories/pay.md', 'story draft\n', 'unchanged']], unreadable: [], files: 1 },
  },
  {
    name: 'corrupt backup files are reported and skipped; the good one is still listed',
    steps: [
      { write: 'notes.md', text: 'draft\n' },
      { corrupt: 'torn.json', bytes: '{"format":1,"path":"notes.md","te' },
      { corrupt: 'alien.json', bytes: '{"hello":"world"}' },
      {
        corrupt: 'renamed.json',
        bytes: JSON.stringify({
          format: 1,
          workspace: '/w',
          path: 'stories/pay.md',
          text: 'x',
          base: { size: 1, mtimeMs: 1, hash: 'a'.repeat(64) },
          savedAt: 1,
        }),
      },
    ],
    expected: {
      backups: [['notes.md', 'draft\n', 'unchanged']],
      unreadable: [
        ['alien.json', 'It is not a Specbench backup.'],
        ['renamed.json', 'Its path "stories/pay.md" does not match its name.'],
        ['torn.json', 'It is not valid JSON.'],
      ],
      files: 4,
    },
  },
  {
    name: 'asking for one document lists only its backup',
    steps: [
      { write: 'notes.md', text: 'draft\n' },
      { write: 'stories/pay.md', text: 'story draft\n' },
    ],
    path: 'stories/pay.md',
    expected: { backups: [['stories/pay.md', 'story draft\n', 'unchanged']], unreadable: [], files: 2 },
  },
  {
    name: 'asking for a document without a backup lists nothing',
    steps: [{ write: 'notes.md', text: 'draft\n' }],
    path: 'specs/checkout.md',
    expected: { backups: [], unreadable: [], files: 1 },
  },
  {
    name: 'the temp file of a write a kill interrupted is swept',
    steps: [
      { write: 'notes.md', text: 'draft\n' },
      // pid 2^22 + 1 is above Linux's pid_max, so no live process owns it.
      { corrupt: '.0123.json.4194305.0123456789ab.tmp', bytes: '{"format":1' },
    ],
    expected: { backups: [['notes.md', 'draft\n', 'unchanged']], unreadable: [], files: 1 },
  },
];

describe('BackupStore.list after writes, discards and changes on disk', () => {
  it.each(listCases)('$name', async ({ steps, path: only, expected }) => {
    const { root, folder } = temporaryWorkspace();
    const before = new Map<string, FileVersion>();
    for (const file of Object.keys(files)) before.set(file, await versionOf(root, file));
    const store = storeFor(root, folder);
    const outcomes: unknown[] = [];
    for (const step of steps) {
      if ('write' in step) {
        const base = before.get(path.posix.normalize(step.write).replace(/^\.\//, ''))!;
        outcomes.push((await store.write(step.write, step.text, base)).ok);
      } else if ('discard' in step) outcomes.push((await store.discard(step.discard)).ok);
      else if ('disk' in step) writeFileSync(path.join(root, step.disk), step.text);
      else if ('remove' in step) spawnSync('rm', [path.join(root, step.remove)]);
      else writeFileSync(path.join(folder, step.corrupt), step.bytes);
    }
    const listed = await store.list(only);
    const left = readdirSync(path.dirname(folder)).includes(path.basename(folder)) ? readdirSync(folder) : [];
    expect({
      outcomes,
      backups: listed.ok ? listed.backups.map((entry) => [entry.path, entry.text, entry.disk]) : listed,
      unreadable: listed.ok ? listed.unreadable.map((entry) => [entry.file, entry.message]) : [],
      files: left.length,
    }).toEqual({ outcomes: outcomes.map(() => true), ...(expected as object) });
  });
});

describe('BackupStore refuses paths outside the workspace and text that is too large', () => {
  const cases: [string, string, string][] = [
    ['../outside/secret.md', 'x', 'outside-workspace'],
    ['linked/secret.md', 'x', 'outside-workspace'],
    ['/etc/passwd', 'x', 'outside-workspace'],
    ['specs/../../outside/secret.md', 'x', 'outside-workspace'],
    ['specs\\checkout.md', 'x', 'invalid-path'],
    ['specs/aux.md', 'x', 'invalid-path'],
    ['notes.md', 'é'.repeat(600), 'too-large'],
  ];
  it.each(cases)('%s', async (file, text, error) => {
    const { root, folder } = temporaryWorkspace();
    const store = new BackupStore({ root, folder, documents: new DocumentStore(root), maxTextBytes: 1000 });
    const base = await versionOf(root, 'notes.md');
    const results = [await store.write(file, text, base), await store.list(file), await store.discard(file)];
    expect({
      errors: results.map((result) => (result.ok ? 'ok' : result.error)),
      written: readdirSync(path.dirname(folder)),
    }).toEqual({ errors: error === 'too-large' ? [error, 'ok', 'ok'] : [error, error, error], written: [] });
  });
});

describe('backupFolderFor', () => {
  const hash = createHash('sha256').update('/work/acme').digest('hex').slice(0, 16);
  const cases: [string, NodeJS.ProcessEnv, NodeJS.Platform, string][] = [
    ['override', { SPECBENCH_BACKUP_DIR: '/tmp/b' }, 'linux', `/tmp/b/${hash}`],
    ['XDG state', { XDG_STATE_HOME: '/x/state' }, 'linux', `/x/state/specbench/backups/${hash}`],
    ['no XDG', {}, 'linux', `/home/dana/.local/state/specbench/backups/${hash}`],
    [
      'macOS',
      { XDG_STATE_HOME: '/ignored' },
      'darwin',
      `/home/dana/Library/Application Support/Specbench/backups/${hash}`,
    ],
    [
      'Windows',
      { LOCALAPPDATA: 'C:\\Users\\dana\\AppData\\Local' },
      'win32',
      `C:\\Users\\dana\\AppData\\Local\\Specbench\\backups\\${hash}`,
    ],
  ];
  it.each(cases)('%s', (_name, environment, platform, expected) => {
    expect(backupFolderFor('/work/acme', environment, platform, '/home/dana')).toEqual(expected);
  });
});

describe('backups through the service', () => {
  it('a read-only workspace (immutable folders) still backs up, and nothing in the workspace changes', async () => {
    const { root, folder } = temporaryWorkspace();
    const lock = [root, path.join(root, 'specs'), path.join(root, 'stories')];
    const locked = spawnSync('chattr', ['+i', ...lock]).status === 0;
    if (!locked)
      console.log('read-only part of the backup test runs on a writable folder: chattr +i is unavailable');
    try {
      const before = snapshot(root);
      const opened = await Workspace.open(root, { write: true, cache: false, backupFolder: folder });
      if (!opened.ok) throw new Error(opened.message);
      const service = new WorkspaceService(opened.workspace);
      const read = await service.invoke('readDocument', { path: 'specs/checkout.md' });
      if (!read.ok) throw new Error(read.message);
      const text = `${read.text}Edited while read-only.\n`;
      const saved = await service.invoke('saveDocument', {
        path: 'specs/checkout.md',
        text,
        expected: read.version,
      });
      const backedUp = await service.invoke('backupDocument', {
        path: 'specs/checkout.md',
        text,
        base: read.version,
      });
      const listed = await service.invoke('listBackups', {});
      const info = await service.invoke('getWorkspace', {});
      await opened.workspace.close();
      expect({
        writable: info.writable,
        saved: saved.ok ? 'saved' : saved.error,
        backedUp: backedUp.ok,
        listed: listed.ok ? listed.backups.map((entry) => [entry.path, entry.text, entry.base]) : listed,
        unchanged: snapshot(root),
      }).toEqual({
        writable: !locked,
        saved: locked ? 'read-only' : 'saved',
        backedUp: true,
        listed: locked ? [['specs/checkout.md', text, read.version]] : [],
        unchanged: locked ? before : snapshot(root),
      });
    } finally {
      spawnSync('chattr', ['-i', ...lock]);
    }
  });

  it('backing up, listing and discarding leave the workspace byte for byte as it was', async () => {
    const { root, folder } = temporaryWorkspace();
    const before = snapshot(root);
    const opened = await Workspace.open(root, { write: false, cache: false, backupFolder: folder });
    if (!opened.ok) throw new Error(opened.message);
    const service = new WorkspaceService(opened.workspace);
    const base = await versionOf(root, 'notes.md');
    const results: ({ ok: boolean } & { backups?: { text: string }[] })[] = [
      await service.invoke('backupDocument', { path: 'notes.md', text: 'one\n', base }),
      await service.invoke('backupDocument', { path: 'stories/pay.md', text: 'two\n', base }),
      await service.invoke('listBackups', { path: 'notes.md' }),
      await service.invoke('discardBackup', { path: 'notes.md' }),
      await service.invoke('discardBackup', { path: 'stories/pay.md' }),
      await service.invoke('listBackups', {}),
    ];
    await opened.workspace.close();
    expect({
      results: results.map((result) =>
        result.backups ? result.backups.map((entry) => entry.text) : result.ok,
      ),
      workspace: snapshot(root),
      backupsFolder: readdirSync(path.dirname(folder)),
    }).toEqual({ results: [true, true, ['one\n'], true, true, []], workspace: before, backupsFolder: [] });
  });
});
