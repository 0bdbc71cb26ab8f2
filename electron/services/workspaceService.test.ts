import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  methodNames,
  parseCall,
  type MethodName,
  type TraceRowView,
} from '../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import type { RoadmapItem } from '../../shared/model/roadmapModel.js';
import { traceRows } from '../../shared/contract/traceRows.js';
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
    'listDocuments',
    { paths: ['stories/pay-as-a-guest.md', 'specs/gone.md'] },
    (list: { path: string; key: string; implements: string[] }[]) =>
      list.map((entry) => [entry.path, entry.key, entry.implements]),
    [['stories/pay-as-a-guest.md', 'STORY-1', ['REQ-1']]],
  ],
  [
    'listDocuments',
    { paths: ['specs/guest-checkout.md'] },
    (list: Record<string, unknown>[]) => Object.keys(list[0]!).sort(),
    [
      'implements',
      'answers',
      'about',
      'key',
      'metrics',
      'mtimeMs',
      'owner',
      'path',
      'requirements',
      'status',
      'title',
      'type',
    ].sort(),
  ],
  [
    'getDocumentEntry',
    { path: 'specs/guest-checkout.md' },
    (found: { ok: boolean; entry: { key: string; headings: unknown[]; sections: unknown[] } }) => [
      found.ok,
      found.entry.key,
      found.entry.headings.length > 0,
      found.entry.sections.length > 0,
    ],
    [true, 'SPEC-1', true, true],
  ],
  ['getDocumentEntry', { path: 'specs/gone.md' }, (found: { error: string }) => found.error, 'not-found'],
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
    'createNote',
    { folder: 'notes', title: 'Launch retro' },
    (created: { ok: boolean; path: string }) => [created.ok, created.path],
    [true, 'notes/Launch retro.md'],
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
    'renameDocument',
    { path: 'specs/guest-checkout.md' },
    (renamed: { ok: boolean; path: string }) => [renamed.ok, renamed.path],
    [true, 'specs/guest-checkout.md'],
  ],
  [
    'moveDocument',
    { path: 'faqs/saved-cards-faq.md', folder: 'specs/answers' },
    (moved: { ok: boolean; path: string }) => [moved.ok, moved.path],
    [true, 'specs/answers/saved-cards-faq.md'],
  ],
  [
    'undoMove',
    { undo: 'unknown' },
    (undone: { ok: boolean; error: string }) => [undone.ok, undone.error],
    [false, 'gone'],
  ],
  [
    'rewriteNameLinks',
    {
      links: [{ path: 'specs/guest-checkout.md', line: 1, column: 1, from: 'Nothing', to: 'notes/Nothing' }],
    },
    (rewritten: { ok: boolean; error: string }) => [rewritten.ok, rewritten.error],
    // The link is not where the edit says: nothing is written.
    [false, 'conflict'],
  ],
  [
    'restoreDocument',
    { trashedTo: '.specbench/trash/2026/stories/save-card.md', path: 'stories/save-card.md' },
    (restored: { ok: boolean; error: string }) => [restored.ok, restored.error],
    [false, 'not-found'],
  ],
  [
    'releaseTrashed',
    { trashedTo: '.specbench/trash/2026/stories/save-card.md' },
    (released: { ok: boolean; systemTrash: boolean }) => [released.ok, released.systemTrash],
    // Browser mode (no system trash given): the file stays in .specbench/trash/.
    [true, false],
  ],
  [
    'saveAsset',
    { name: 'Flow.png', base64: png },
    (saved: { ok: boolean; path: string }) => [saved.ok, saved.path],
    [true, 'assets/flow.png'],
  ],
  ['getLinks', { key: 'SPEC-1' }, (links: { incoming: unknown[] }) => links.incoming.length > 0, true],
  [
    'getLinks',
    { path: 'specs/guest-checkout.md' },
    (links: { incoming: { from: string }[] }) => links.incoming.some((link) => link.from === 'FAQ-1'),
    true,
  ],
  ['linksToName', { path: 'specs/guest-checkout.md' }, (linking: unknown[]) => linking, []],
  [
    'namesakePreview',
    { path: 'specs/guest-checkout.md', name: 'Checkout' },
    (preview: object) => preview,
    {},
  ],
  ['listOtherFiles', {}, (files: string[]) => files.includes('assets/checkout-flow.png'), true],
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
  [
    'trace',
    {},
    (rows: { item: string; requirements: Record<string, unknown>[] }[]) => [
      rows.length > 0,
      typeof rows[0]!.item,
      Object.keys(rows.find((row) => row.requirements.length > 0)!.requirements[0]!).sort(),
    ],
    [true, 'string', ['key', 'stories']],
  ],
  ['listRoadmap', {}, (items: { key: string }[]) => items.length > 0, true],
  [
    'createRoadmapItem',
    { title: 'Buy now, pay later', lane: 'later' },
    (created: { ok: boolean; item: { lane: string } }) => [created.ok, created.item.lane],
    [true, 'later'],
  ],
  [
    'createRoadmapItem',
    { key: 'RM-1', title: 'Put back under a key that is taken', lane: 'later' },
    (created: { ok: boolean; error: string }) => [created.ok, created.error],
    [false, 'duplicate-key'],
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
    'removeRoadmapItem',
    { key: 'RM-9' },
    (removed: { ok: boolean; unlinked: string[] }) => [removed.ok, removed.unlinked],
    [true, ['feedback/large-baskets-need-instalments.md']],
  ],
  [
    'listReleases',
    {},
    (releases: { key: string }[]) => releases.map((release) => release.key),
    ['REL-1', 'REL-2'],
  ],
  [
    'createRelease',
    { name: 'Summer', date: '2027-06-01', items: ['RM-5'] },
    (created: { ok: boolean; release: { key: string; status: string } }) => [
      created.ok,
      created.release.key,
      created.release.status,
    ],
    [true, 'REL-3', 'planned'],
  ],
  [
    'updateRelease',
    { key: 'REL-2', patch: { status: 'released', summary: null } },
    (updated: { ok: boolean; release: { status: string; summary?: string } }) => [
      updated.ok,
      updated.release.status,
      updated.release.summary,
    ],
    [true, 'released', undefined],
  ],
  [
    'removeRelease',
    { key: 'REL-9' },
    (removed: { ok: boolean; error: string }) => [removed.ok, removed.error],
    [false, 'not-found'],
  ],
  [
    'releaseNotes',
    { key: 'REL-1', audience: 'customers', format: 'md' },
    (notes: { ok: boolean; fileName: string; text: string }) => [
      notes.ok,
      notes.fileName,
      notes.text.split('\n')[0],
    ],
    [true, 'guest-checkout-release-notes.md', '# Guest checkout'],
  ],
  [
    'importFeedback',
    {
      base64: Buffer.from('Company,Message\nNorthwind,"Pay later, please"\n').toString('base64'),
      fileName: 'x.csv',
      dryRun: true,
    },
    (preview: {
      ok: boolean;
      written: boolean;
      notes: { key: string; quote: string }[];
      columns: object;
    }) => [preview.ok, preview.written, preview.notes.map((note) => [note.key, note.quote]), preview.columns],
    [true, false, [['FB-13', 'Pay later, please']], { text: 'Message', customer: 'Company' }],
  ],
  [
    'triageFeedback',
    { path: 'feedback/let-me-pay-in-pounds.md', link: ['RM-11'] },
    (triaged: { ok: boolean; summary: { about: string[]; status: string } }) => [
      triaged.ok,
      triaged.summary.about,
      triaged.summary.status,
    ],
    [true, ['RM-11'], 'triaged'],
  ],
  [
    'exportBundle',
    { exportId: 'service', specs: ['SPEC-1'], format: 'md', include: [] },
    (exported: { ok: boolean; fileName: string }) => [exported.ok, exported.fileName],
    [true, 'guest-checkout.md'],
  ],
  [
    'exportProgress',
    { exportId: 'service' },
    (progress: { ok: boolean; error: string }) => [progress.ok, progress.error],
    [false, 'unknown-export'],
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
  [
    'recoverBackup',
    { path: 'specs/guest-checkout.md' },
    (recovered: { ok: boolean; error: string }) => [recovered.ok, recovered.error],
    [false, 'not-found'],
  ],
  [
    'markReviewed',
    { path: 'stories/guest-receipt-email.md' },
    (marked: { ok: boolean; stamps: Record<string, string> }) => [marked.ok, Object.keys(marked.stamps)],
    [true, ['REQ-2']],
  ],
  [
    'approveDocument',
    { path: 'stories/guest-receipt-email.md' },
    (approved: { ok: boolean; error: string }) => [approved.ok, approved.error],
    [false, 'not-a-spec'],
  ],
  // The copied sample is in no git repository: every git method says so in the same one line.
  ['gitStatus', {}, (result: { error: string }) => result.error, 'not-a-repository'],
  ['gitFileDiff', { path: 'roadmap.json' }, (result: { error: string }) => result.error, 'not-a-repository'],
  [
    'gitCommit',
    { paths: ['roadmap.json'], message: 'Roadmap' },
    (result: { error: string }) => result.error,
    'not-a-repository',
  ],
  ['gitPull', { operationId: 'pull-1' }, (result: { error: string }) => result.error, 'not-a-repository'],
  ['gitPush', { operationId: 'push-1' }, (result: { error: string }) => result.error, 'not-a-repository'],
  ['gitConflict', { path: 'roadmap.json' }, (result: { error: string }) => result.error, 'not-a-repository'],
  [
    'keyArrivals',
    { key: 'REQ-1', paths: ['specs/guest-checkout.md', 'specs/promo-codes.md'] },
    (result: { error: string }) => result.error,
    'not-a-repository',
  ],
  [
    'rekeyDefinition',
    { key: 'REQ-99', newKey: 'REQ-100', path: 'specs/promo-codes.md' },
    (result: { ok: boolean; message: string }) => [result.ok, result.message],
    [false, 'No document, requirement or roadmap item has the key REQ-99.'],
  ],
  [
    'rekeyReferences',
    { key: 'REQ-2', newKey: 'REQ-40', path: 'specs/guest-checkout.md' },
    (result: { error: string }) => result.error,
    'not-a-repository',
  ],
  [
    'repointReferences',
    { key: 'REQ-2', newKey: 'REQ-40', references: [{ path: 'stories/guest-receipt-email.md', line: 5 }] },
    (result: { ok: boolean; message: string }) => [result.ok, result.message],
    [false, 'stories/guest-receipt-email.md line 5 no longer links to REQ-2; nothing was changed.'],
  ],
  [
    'pendingRekeys',
    {},
    (result: { ok: boolean; rekeys: unknown[] }) => [result.ok, result.rekeys],
    [true, []],
  ],
  [
    'dismissRekey',
    { key: 'REQ-2', newKey: 'REQ-40' },
    (result: { ok: boolean; dismissed: boolean }) => [result.ok, result.dismissed],
    [true, false],
  ],
  [
    'gitResolve',
    { path: 'roadmap.json', choices: ['mine'] },
    (result: { error: string }) => result.error,
    'not-a-repository',
  ],
  ['gitFinish', {}, (result: { error: string }) => result.error, 'not-a-repository'],
  ['gitAbort', {}, (result: { error: string }) => result.error, 'not-a-repository'],
  [
    'gitSetIdentity',
    { name: 'Dana', email: 'dana@example.com' },
    (result: { error: string }) => result.error,
    'not-a-repository',
  ],
  [
    'gitSetSyncSettings',
    { pullOnOpen: true },
    (result: { error: string }) => result.error,
    'not-a-repository',
  ],
  ['itemHistory', { key: 'REQ-1' }, (result: { error: string }) => result.error, 'not-a-repository'],
  ['listRevisions', {}, (result: { error: string }) => result.error, 'not-a-repository'],
  ['compareRevisions', { from: 'v1' }, (result: { error: string }) => result.error, 'not-a-repository'],
  [
    'gitProgress',
    { operationId: 'pull-1' },
    (progress: { ok: boolean; error: string }) => [progress.ok, progress.error],
    [false, 'unknown-operation'],
  ],
  [
    'reviewedVersions',
    { path: 'stories/guest-receipt-email.md' },
    (found: { ok: boolean; versions: unknown[] }) => [found.ok, found.versions],
    [true, []],
  ],
  [
    'approvedChanges',
    { path: 'specs/guest-checkout.md' },
    (found: { ok: boolean; changes?: unknown }) => [found.ok, found.changes],
    [true, undefined],
  ],
  [
    'addComment',
    {
      document: 'SPEC-1',
      anchor: { kind: 'key', key: 'REQ-1' },
      label: 'REQ-1',
      body: 'Why email?',
      author: { name: 'Rae' },
    },
    (added: { ok: boolean; thread: { anchor: unknown; entries: { name: string; body: string }[] } }) => [
      added.ok,
      added.thread.anchor,
      added.thread.entries.map((entry) => `${entry.name}: ${entry.body}`),
    ],
    [true, { kind: 'key', key: 'REQ-1' }, ['Rae: Why email?']],
  ],
  ['listComments', { document: 'SPEC-1' }, (listed: { threads: unknown[] }) => listed.threads, []],
  ['commentCounts', {}, (counts: unknown) => counts, {}],
  ['listAllComments', {}, (listed: { documents: unknown[] }) => listed.documents, []],
  [
    'commentAuthor',
    {},
    (author: object) => Object.keys(author).filter((field) => field !== 'name' && field !== 'email'),
    [],
  ],
  [
    'addCommentEntry',
    { document: 'SPEC-1', thread: 't-gone', action: 'resolved', body: '', author: { name: 'Rae' } },
    (added: { ok: boolean; error: string }) => [added.ok, added.error],
    [false, 'not-found'],
  ],
  [
    'showContextMenu',
    { requestId: 1, actions: [] },
    (shown: { ok: boolean; error: string }) => [shown.ok, shown.error],
    [false, 'desktop-only'],
  ],
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
      summary?: { path: string; title: string };
    };
    const listed = (await call(service, 'listDocuments', {})) as { path: string; title: string }[];
    expect([
      saved.ok,
      await fs.readFile(path.join(root, file), 'utf8'),
      listed.find((entry) => entry.path === file)?.title,
      saved.summary,
    ]).toEqual([true, text, 'Saved cards, answered', listed.find((entry) => entry.path === file)]);
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
    ['createNote', { folder: '', title: 'Nope' }],
    ['saveAsset', { name: 'a.png', base64: png }],
    ['trashDocument', { path: 'specs/promo-codes.md' }],
    ['moveDocument', { path: 'specs/promo-codes.md', folder: 'archive' }],
    ['undoMove', { undo: 'unknown' }],
    [
      'rewriteNameLinks',
      { links: [{ path: 'specs/promo-codes.md', line: 1, column: 1, from: 'Plan', to: 'notes/Plan' }] },
    ],
    ['rekeyDefinition', { key: 'SPEC-4', newKey: 'SPEC-40', path: 'specs/promo-codes.md' }],
    [
      'repointReferences',
      { key: 'REQ-2', newKey: 'REQ-40', references: [{ path: 'stories/guest-receipt-email.md', line: 6 }] },
    ],
    ['dismissRekey', { key: 'REQ-2', newKey: 'REQ-40' }],
    ['recoverBackup', { path: 'specs/promo-codes.md' }],
    [
      'restoreDocument',
      { trashedTo: '.specbench/trash/x/specs/promo-codes.md', path: 'specs/promo-codes.md' },
    ],
    ['updateRoadmapItem', { key: 'RM-1', patch: { owner: 'Nope' } }],
    ['createRelease', { name: 'Nope' }],
    ['triageFeedback', { path: 'feedback/let-me-pay-in-pounds.md', link: ['RM-11'] }],
    [
      'importFeedback',
      { base64: Buffer.from('text\nhi\n').toString('base64'), fileName: 'x.csv', dryRun: false },
    ],
    ['releaseTrashed', { trashedTo: '.specbench/trash/x/specs/promo-codes.md' }],
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

describe('renaming a document after its title', () => {
  /** Saves a new title into `file` through the service, as the editor does. */
  async function retitle(service: WorkspaceService, file: string, title: string): Promise<void> {
    const read = (await call(service, 'readDocument', { path: file })) as { text: string; version: object };
    const text = read.text.replace(/^title: .*$/m, `title: ${title}`);
    await call(service, 'saveDocument', { path: file, text, expected: read.version });
  }

  async function observe(service: WorkspaceService, file: string, title: string) {
    const before = await fs.readFile(path.join(root, file), 'utf8');
    await retitle(service, file, title);
    const renamed = (await call(service, 'renameDocument', { path: file })) as { ok: boolean; path?: string };
    const listed = (await call(service, 'listDocuments', {})) as { path: string; key: string }[];
    const moved = renamed.path ?? file;
    return {
      renamed: renamed.ok ? moved : renamed,
      oldGone: moved === file || !(await fs.stat(path.join(root, file)).catch(() => undefined)),
      sameBody:
        (await fs.readFile(path.join(root, moved), 'utf8')) ===
        before.replace(/^title: .*$/m, `title: ${title}`),
      listedKey: listed.find((entry) => entry.path === moved)?.key,
      listedOld: moved !== file && listed.some((entry) => entry.path === file),
    };
  }

  const cases: [string, string, string, (folder: string) => Promise<void>, unknown][] = [
    [
      'a new title gives a new file name, the key stays',
      'specs/guest-checkout.md',
      'Checkout without an account',
      async () => undefined,
      {
        renamed: 'specs/checkout-without-an-account.md',
        oldGone: true,
        sameBody: true,
        listedKey: 'SPEC-1',
        listedOld: false,
      },
    ],
    [
      'a taken name gets a suffix, and nothing is overwritten',
      'specs/guest-checkout.md',
      'Promo codes',
      async () => undefined,
      {
        renamed: 'specs/promo-codes-2.md',
        oldGone: true,
        sameBody: true,
        listedKey: 'SPEC-1',
        listedOld: false,
      },
    ],
    [
      'a file already named after its title keeps its name',
      'stories/pay-as-a-guest.md',
      'Pay as a guest!',
      async () => undefined,
      {
        renamed: 'stories/pay-as-a-guest.md',
        oldGone: true,
        sameBody: true,
        listedKey: 'STORY-1',
        listedOld: false,
      },
    ],
  ];
  it.each(cases)('%s', async (_name, file, title, prepare, expected) => {
    await prepare(root);
    const service = await serviceFor(root, true);
    expect(await observe(service, file, title)).toEqual(expected);
  });

  it('a read-only workspace refuses, and the file keeps its name', async () => {
    const service = await serviceFor(root, false);
    const renamed = (await call(service, 'renameDocument', { path: 'specs/promo-codes.md' })) as {
      error: string;
    };
    expect([renamed.error, existsSync(path.join(root, 'specs/promo-codes.md'))]).toEqual(['read-only', true]);
  });

  it('while the watcher runs, the rename raises no change event (no deleted banner, no reload)', async () => {
    const opened = await Workspace.open(root, { write: true, watch: true, cache: false });
    if (!opened.ok) throw new Error(opened.message);
    workspaces.push(opened.workspace);
    const service = new WorkspaceService(opened.workspace);
    const events: string[] = [];
    service.onDidChangeWorkspace((event) => events.push(...event.paths));
    await retitle(service, 'specs/order-tracking.md', 'Where is my order');
    const renamed = (await call(service, 'renameDocument', { path: 'specs/order-tracking.md' })) as {
      path: string;
    };
    // Longer than the watcher's batch and its folder reconcile (1.5 s), so a late echo would be seen.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    // An outside edit afterwards still arrives, so the silence above is not a dead watcher.
    await fs.appendFile(path.join(root, 'specs/promo-codes.md'), '\nEdited outside.\n');
    await expect.poll(() => events.length, { timeout: 10_000 }).toBeGreaterThan(0);
    // One outside append may arrive as two batches under load: paths, not batches, are compared.
    expect([renamed.path, [...new Set(events)]]).toEqual([
      'specs/where-is-my-order.md',
      ['specs/promo-codes.md'],
    ]);
  });
});

describe('the trace matrix the app computes from summaries', () => {
  it('equals the trace method’s answer on the sample, item by item', async () => {
    const service = await serviceFor(root, false);
    const documents = (await call(service, 'listDocuments', {})) as DocumentSummary[];
    const roadmap = (await call(service, 'listRoadmap', {})) as RoadmapItem[];
    const answered = (await call(service, 'trace', {})) as TraceRowView[];
    const sorted = (rows: TraceRowView[]) =>
      rows.map((row) => ({
        item: row.item,
        requirements: row.requirements
          .map((requirement) => `${requirement.key}:${[...requirement.stories].sort().join(',')}`)
          .sort(),
      }));
    const computed = sorted(traceRows(documents, roadmap));
    expect([computed.length > 0, computed]).toEqual([true, sorted(answered)]);
  });
});
