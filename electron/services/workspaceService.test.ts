import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodNames, parseCall, type MethodName } from '../../shared/contract/apiContract.js';
import { Workspace } from '../engine/workspace.js';
import { WorkspaceService } from './workspaceService.js';
import { WorkspaceSession } from './workspaceSession.js';

const sample = path.join(import.meta.dirname, '../../samples/acme-checkout');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('base64');

let base: string;
let root: string;
let workspaces: Workspace[];

beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-service-'));
  root = path.join(base, 'acme-checkout');
  await fs.cp(sample, root, { recursive: true });
  workspaces = [];
});
afterEach(async () => {
  for (const workspace of workspaces) await workspace.close();
  await fs.rm(base, { recursive: true, force: true });
});

async function serviceFor(folder: string, write: boolean): Promise<WorkspaceService> {
  const opened = await Workspace.open(folder, {
    write,
    watch: false,
    cache: false,
    backupFolder: path.join(base, 'backups'),
  });
  if (!opened.ok) throw new Error(opened.message);
  workspaces.push(opened.workspace);
  return new WorkspaceService(opened.workspace);
}

/** Calls the way a transport does: validate first, then invoke. */
async function call(service: WorkspaceService, method: MethodName, input: unknown): Promise<unknown> {
  const parsed = parseCall(method, input);
  if (!parsed.ok) throw new Error(parsed.message);
  return service.invoke(parsed.method, parsed.input as never);
}

/** One observation per method, so the table shows every method reaches the workspace. */
const observations: [MethodName, unknown, (result: never) => unknown, unknown][] = [
  [
    'getWorkspace',
    {},
    (info: { name: string; folderName: string; writable: boolean }) => [
      info.name,
      info.folderName,
      info.writable,
    ],
    ['Acme Checkout', 'acme-checkout', true],
  ],
  [
    'listDocuments',
    {},
    (list: { path: string }[]) => list.some((entry) => entry.path === 'specs/guest-checkout.md'),
    true,
  ],
  [
    'readDocument',
    { path: 'specs/guest-checkout.md' },
    (read: { ok: boolean; text: string; version: object }) => [
      read.ok,
      read.text.startsWith('---'),
      Object.keys(read.version).sort(),
    ],
    [true, true, ['hash', 'mtimeMs', 'size']],
  ],
  ['readDocument', { path: '../outside.md' }, (read: { ok: boolean }) => read.ok, false],
  [
    'saveDocument',
    { path: 'specs/never-read.md', text: 'x', expected: { size: 1, mtimeMs: 1, hash: '0'.repeat(64) } },
    (saved: { ok: boolean }) => saved.ok,
    false,
  ],
  [
    'createDocument',
    { type: 'story', title: 'Pay in instalments' },
    (created: { ok: boolean; path: string }) => [created.ok, created.path],
    [true, 'stories/pay-in-instalments.md'],
  ],
  [
    'trashDocument',
    { path: 'stories/save-card.md' },
    (trashed: { ok: boolean; trashedTo: string }) => [
      trashed.ok,
      trashed.trashedTo.startsWith('.specbench/trash/'),
    ],
    [true, true],
  ],
  [
    'saveAsset',
    { name: 'Flow.png', base64: png },
    (saved: { ok: boolean; path: string }) => [saved.ok, saved.path],
    [true, 'assets/flow.png'],
  ],
  ['getLinks', { key: 'SPEC-1' }, (links: { incoming: unknown[] }) => links.incoming.length > 0, true],
  ['search', { query: 'guest' }, (hits: { path: string }[]) => hits.length > 0, true],
  [
    'quickSwitch',
    { query: 'guest', limit: 3 },
    (hits: unknown[]) => hits.length > 0 && hits.length <= 3,
    true,
  ],
  [
    'check',
    {},
    (findings: { severity: string }[]) => findings.filter((finding) => finding.severity === 'error'),
    [],
  ],
  ['trace', {}, (rows: { item: { key: string } }[]) => rows.length > 0, true],
  ['listRoadmap', {}, (items: { key: string }[]) => items.length > 0, true],
  [
    'createRoadmapItem',
    { title: 'Buy now, pay later', lane: 'later' },
    (created: { ok: boolean; item: { lane: string } }) => [created.ok, created.item.lane],
    [true, 'later'],
  ],
  [
    'updateRoadmapItem',
    { key: 'RM-1', patch: { owner: 'Priya' } },
    (updated: { ok: boolean; item: { owner: string } }) => [updated.ok, updated.item.owner],
    [true, 'Priya'],
  ],
  [
    'moveRoadmapItem',
    { key: 'RM-1', lane: 'later', index: 0 },
    (moved: { ok: boolean; items: { key: string; lane: string }[] }) => [
      moved.ok,
      moved.items.find((item) => item.key === 'RM-1')?.lane,
    ],
    [true, 'later'],
  ],
  [
    'exportBundle',
    { exportId: 'service', specs: ['SPEC-1'], format: 'md', include: [] },
    (exported: { ok: boolean; fileName: string }) => [exported.ok, exported.fileName],
    [true, 'SPEC-1.md'],
  ],
  [
    'backupDocument',
    {
      path: 'specs/guest-checkout.md',
      text: 'unsaved\n',
      base: { size: 1, mtimeMs: 1, hash: '0'.repeat(64) },
    },
    (backedUp: { ok: boolean; savedAt: number }) => [backedUp.ok, typeof backedUp.savedAt],
    [true, 'number'],
  ],
  [
    'listBackups',
    { path: '../outside.md' },
    (listed: { ok: boolean; error: string }) => [listed.ok, listed.error],
    [false, 'outside-workspace'],
  ],
  ['discardBackup', { path: 'specs/guest-checkout.md' }, (discarded: { ok: boolean }) => discarded.ok, true],
];

describe('WorkspaceService', () => {
  it('covers every method of the contract', () => {
    expect([...new Set(observations.map(([method]) => method))].sort()).toEqual([...methodNames].sort());
  });

  it.each(observations)('%s %j', async (method, input, observe, expected) => {
    const service = await serviceFor(root, true);
    expect(observe((await call(service, method, input)) as never)).toEqual(expected);
  });

  it('saves a document it read, and the index sees the change', async () => {
    const service = await serviceFor(root, true);
    const file = 'faqs/saved-cards-faq.md';
    const read = (await call(service, 'readDocument', { path: file })) as { text: string; version: object };
    const text = read.text.replace(/^title: .*$/m, 'title: Saved cards, answered');
    const saved = (await call(service, 'saveDocument', { path: file, text, expected: read.version })) as {
      ok: boolean;
    };
    const listed = (await call(service, 'listDocuments', {})) as { path: string; title: string }[];
    expect([
      saved.ok,
      await fs.readFile(path.join(root, file), 'utf8'),
      listed.find((entry) => entry.path === file)?.title,
    ]).toEqual([true, text, 'Saved cards, answered']);
  });

  it('saves through the conflict check and returns the disk version on a conflict', async () => {
    const service = await serviceFor(root, true);
    const file = 'specs/promo-codes.md';
    const read = (await call(service, 'readDocument', { path: file })) as { text: string; version: object };
    await fs.writeFile(path.join(root, file), `${read.text}\nChanged outside.\n`);
    const saved = (await call(service, 'saveDocument', {
      path: file,
      text: 'mine',
      expected: read.version,
    })) as {
      ok: boolean;
      error: string;
      current: { text: string };
    };
    expect([saved.ok, saved.error, saved.current.text.endsWith('Changed outside.\n')]).toEqual([
      false,
      'conflict',
      true,
    ]);
  });

  const readOnlyCases: [MethodName, unknown][] = [
    ['createDocument', { type: 'spec', title: 'Nope' }],
    ['saveAsset', { name: 'a.png', base64: png }],
    ['trashDocument', { path: 'specs/promo-codes.md' }],
    ['updateRoadmapItem', { key: 'RM-1', patch: { owner: 'Nope' } }],
  ];
  it.each(readOnlyCases)('a read-only workspace refuses %s', async (method, input) => {
    const service = await serviceFor(root, false);
    expect(((await call(service, method, input)) as { error?: string }).error).toEqual('read-only');
  });
});

describe('WorkspaceSession', () => {
  function session(): WorkspaceSession {
    return new WorkspaceSession(async (folder) => {
      const opened = await Workspace.open(folder, { write: true, watch: false, cache: false });
      if (!opened.ok) return opened;
      return {
        ok: true,
        opened: {
          root: folder,
          service: new WorkspaceService(opened.workspace),
          close: () => opened.workspace.close(),
        },
      };
    });
  }

  it('answers no-workspace before one is open', async () => {
    expect(await session().invoke('createDocument', { type: 'spec', title: 'x' })).toEqual({
      ok: false,
      error: 'no-workspace',
      message: 'No workspace is open.',
    });
  });

  it('switches workspaces and keeps the old one when the new one cannot open', async () => {
    const other = path.join(base, 'other');
    await fs.cp(sample, other, { recursive: true });
    await fs.writeFile(path.join(other, 'specbench.json'), '{"name": "Other"}\n');
    const current = session();
    await current.open(root);
    const failed = await current.open(path.join(base, 'missing'));
    const stillFirst = ((await current.invoke('getWorkspace', {})) as { name: string }).name;
    await current.open(other);
    const second = ((await current.invoke('getWorkspace', {})) as { name: string }).name;
    await current.close();
    expect([failed.ok, stillFirst, second]).toEqual([false, 'Acme Checkout', 'Other']);
  });
});

describe('clearing optional roadmap fields over the contract', () => {
  const fields = ['owner', 'quarter', 'theme', 'rice'] as const;
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['null clears the owner only', { owner: null }, ['quarter', 'theme', 'rice']],
    ['null clears every optional field at once', { owner: null, quarter: null, theme: null, rice: null }, []],
    ['a value beside a null is kept', { owner: null, theme: 'Growth' }, ['quarter', 'theme', 'rice']],
  ];
  it.each(cases)('%s, in the service and on disk', async (_name, patch, expected) => {
    const service = await serviceFor(root, true);
    const full = {
      owner: 'Dana',
      quarter: '2027-Q1',
      theme: 'Payments',
      rice: { reach: 10, impact: 1, confidence: 80, effort: 2 },
    };
    await call(service, 'updateRoadmapItem', { key: 'RM-1', patch: full });
    const updated = (await call(service, 'updateRoadmapItem', { key: 'RM-1', patch })) as {
      item: Record<string, unknown>;
    };
    const onDisk = JSON.parse(await fs.readFile(path.join(root, 'roadmap.json'), 'utf8')) as {
      items: Record<string, unknown>[];
    };
    const stored = onDisk.items.find((item) => item.key === 'RM-1')!;
    const present = (item: Record<string, unknown>) => fields.filter((field) => field in item);
    expect([present(updated.item), present(stored)]).toEqual([expected, expected]);
  });
});
