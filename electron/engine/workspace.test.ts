import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachePath } from './indexCache.js';
import { Workspace, type WorkspaceChange } from './workspace.js';
import { writeFiles } from '../testing/writeFiles.js';

const folders: string[] = [];
const opened: Workspace[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((workspace) => workspace.close()));
  await Promise.all(folders.splice(0).map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

const sample: Record<string, string> = {
  'specbench.json': JSON.stringify({ name: 'Acme' }),
  'roadmap.json': JSON.stringify({
    version: 1,
    items: [
      { key: 'RM-3', title: 'Guest checkout', lane: 'now', rank: 0, status: 'planned' },
      { key: 'RM-4', title: 'Wallets', lane: 'later', rank: 0, status: 'proposed' },
    ],
  }),
  'specs/guest-checkout.md': `---
key: SPEC-3
type: spec
title: Guest checkout
status: draft
---
## Requirements
:::requirement{#REQ-12 priority=must status=approved roadmap=RM-3}
Guest shoppers can pay without an account.
:::

See [[FAQ-2]].
`,
  'stories/pay-as-a-guest.md': `---
key: STORY-8
type: story
title: Pay as a guest
implements: [REQ-12]
---
As a shopper I want to pay without an account.

## Acceptance criteria
- [ ] Given a guest cart, when I pay, then I see the receipt.
`,
  'faqs/guest.md': '---\nkey: FAQ-2\ntype: faq\ntitle: Guest FAQ\nanswers: [SPEC-3]\n---\nQuestions.\n',
  'README.md': '# Read me\nNotes about the workspace.\n',
  'templates/story.md':
    '---\nkey: {{key}}\ntype: story\ntitle: {{title}}\n---\n## Acceptance criteria\n<!-- Required. -->\n',
  '.git/ignored.md': '# Not indexed\n',
};

async function writeWorkspace(files: Record<string, string> = sample): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-workspace-'));
  folders.push(root);
  await writeFiles(root, files);
  return root;
}

async function open(root: string, options: Parameters<typeof Workspace.open>[1] = {}): Promise<Workspace> {
  const result = await Workspace.open(root, { write: true, ...options });
  if (!result.ok) throw new Error(result.message);
  opened.push(result.workspace);
  return result.workspace;
}

describe('Workspace.open', () => {
  const failures: [string, (root: string) => Promise<string>, string][] = [
    ['a missing folder', async (root) => path.join(root, 'nope'), 'not-found'],
    ['a file', async (root) => path.join(root, 'README.md'), 'not-a-folder'],
    [
      'bad settings',
      async (root) => {
        await fs.writeFile(path.join(root, 'specbench.json'), '{ "name": 3 }');
        return root;
      },
      'invalid-settings',
    ],
    [
      'a corrupt roadmap',
      async (root) => {
        await fs.writeFile(path.join(root, 'roadmap.json'), '{ not json');
        return root;
      },
      'corrupt-roadmap',
    ],
  ];
  it.each(failures)('refuses %s', async (_name, prepare, error) => {
    const result = await Workspace.open(await prepare(await writeWorkspace()));
    expect(result.ok ? 'opened' : result.error).toBe(error);
  });

  it('opens read-only while another process holds the roadmap', async () => {
    const root = await writeWorkspace();
    const first = await open(root);
    const second = await open(root);
    expect([first.writable, second.writable, (await second.createDocument('spec', 'X')).ok]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('Workspace queries', () => {
  it('indexes documents but not templates or .git', async () => {
    const workspace = await open(await writeWorkspace());
    expect(workspace.documents().map((entry) => `${entry.path}:${entry.type}`)).toEqual([
      'README.md:doc',
      'faqs/guest.md:faq',
      'specs/guest-checkout.md:spec',
      'stories/pay-as-a-guest.md:story',
    ]);
  });

  it('answers lookups, links, trace, search, quick switch and check', async () => {
    const workspace = await open(await writeWorkspace());
    const links = workspace.links('REQ-12');
    expect({
      settings: workspace.settings.name,
      byKey: workspace.document('SPEC-3')?.path,
      requirement: workspace.requirement('REQ-12')?.document.key,
      outgoing: links.outgoing.map((link) => `${link.kind} ${link.to}`),
      incoming: links.incoming.map((link) => `${link.from} ${link.kind}`),
      trace: workspace
        .trace()
        .map((row) => [
          row.item.key,
          row.requirements.map((requirement) => requirement.stories),
          row.covered,
        ]),
      search: workspace.search('pay without').map((hit) => hit.path),
      quickSwitch: workspace.quickSwitch('guest', 3).map((hit) => hit.key),
      rules: workspace.check().map((finding) => `${finding.rule} ${finding.path}`),
    }).toEqual({
      settings: 'Acme',
      byKey: 'specs/guest-checkout.md',
      requirement: 'SPEC-3',
      outgoing: ['delivers RM-3'],
      incoming: ['STORY-8 implements'],
      trace: [
        ['RM-3', [['STORY-8']], 1],
        ['RM-4', [], 0],
      ],
      search: ['stories/pay-as-a-guest.md', 'specs/guest-checkout.md'],
      quickSwitch: ['FAQ-2', 'SPEC-3', 'RM-3'],
      rules: [],
    });
  });
});

describe('check', () => {
  it('points a broken implements at the line listing the key, and flags a story without front matter', async () => {
    const workspace = await open(
      await writeWorkspace({
        ...sample,
        'stories/block.md':
          '---\nkey: STORY-9\ntype: story\ntitle: Block\nimplements:\n  - REQ-12\n  - REQ-99\n---\n## Acceptance criteria\n- [ ] Given a cart, when I pay, then I see it.\n',
        'stories/plain.md': 'As a shopper I want to pay.\n',
      }),
    );
    expect(
      workspace
        .check()
        .filter((finding) => finding.path.startsWith('stories/'))
        .map((finding) => `${finding.rule} ${finding.path}:${finding.line}`),
    ).toEqual(['broken-link stories/block.md:7', 'missing-front-matter stories/plain.md:1']);
  });
});

describe('searching for a key', () => {
  it('lists where it is defined and every line linking to it first, one hit per line, then the text hits', async () => {
    const workspace = await open(
      await writeWorkspace({
        ...sample,
        'stories/refund.md':
          '---\nkey: STORY-9\ntype: story\ntitle: Refund\nimplements:\n  - REQ-12\n---\nLike [[SPEC-3#REQ-12]] and [[REQ-12]].\n\nREQ-12 in plain words; REQ-120 is another.\n',
      }),
    );
    const describe = (query: string) => workspace.search(query).map((hit) => `${hit.path}:${hit.line}`);
    expect([describe('REQ-12'), describe('[[REQ-12]]'), describe('SPEC-3')]).toEqual([
      [
        'specs/guest-checkout.md:8',
        'stories/pay-as-a-guest.md:5',
        'stories/refund.md:6',
        'stories/refund.md:8',
        'stories/refund.md:10',
      ],
      [
        'specs/guest-checkout.md:8',
        'stories/pay-as-a-guest.md:5',
        'stories/refund.md:6',
        'stories/refund.md:8',
        'stories/refund.md:10',
      ],
      ['specs/guest-checkout.md:2', 'faqs/guest.md:5', 'stories/refund.md:8'],
    ]);
  });
});

describe('Workspace changes', () => {
  it('re-indexes a save and refuses one over an outside change', async () => {
    const root = await writeWorkspace();
    const workspace = await open(root);
    const read = await workspace.readDocument('faqs/guest.md');
    if (!read.ok) throw new Error(read.message);
    const saved = await workspace.saveDocument(
      'faqs/guest.md',
      read.file.text.replace('Guest FAQ', 'Guest questions'),
      read.file,
    );
    const stale = await workspace.saveDocument('faqs/guest.md', 'lost', read.file);
    expect([saved.ok, workspace.document('FAQ-2')?.title, stale.ok ? 'saved' : stale.error]).toEqual([
      true,
      'Guest questions',
      'conflict',
    ]);
  });

  it('creates documents from the workspace template under the next key, never clobbering', async () => {
    const workspace = await open(await writeWorkspace());
    const before = workspace.quickSwitch('STORY-10').length;
    const first = await workspace.createDocument('story', 'Pay as a guest');
    const second = await workspace.createDocument('story', 'Pay as a guest');
    const created = workspace.document('STORY-10');
    const switched = workspace.quickSwitch('STORY-10').map((hit) => hit.path);
    expect([
      before,
      switched,
      first,
      second,
      created?.title,
      created?.sections.map((section) => section.title),
    ]).toEqual([
      0,
      ['stories/pay-as-a-guest-3.md'],
      { ok: true, path: 'stories/pay-as-a-guest-2.md', key: 'STORY-9' },
      { ok: true, path: 'stories/pay-as-a-guest-3.md', key: 'STORY-10' },
      'Pay as a guest',
      ['Acceptance criteria'],
    ]);
  });

  it('trashes a document out of the index', async () => {
    const workspace = await open(await writeWorkspace());
    const trashed = await workspace.trashDocument('./faqs/guest.md');
    expect([
      trashed.ok,
      workspace.document('FAQ-2'),
      workspace.links('SPEC-3').incoming.map((link) => link.from),
    ]).toEqual([true, undefined, []]);
  });

  it('never gives a new document the key of one in the trash, which Undo would bring back as a duplicate', async () => {
    const root = await writeWorkspace();
    const workspace = await open(root);
    const trashed = await workspace.trashDocument('faqs/guest.md');
    if (!trashed.ok) throw new Error(trashed.message);
    const created = await workspace.createDocument('faq', 'Guest FAQ');
    // Opened again, the workspace finds the deleted document's key in the trash.
    opened.splice(opened.indexOf(workspace), 1);
    await workspace.close();
    const reopened = await open(root);
    const again = await reopened.createDocument('faq', 'Guest FAQ');
    const restored = await reopened.restoreDocument(trashed.trashedTo, 'faqs/guest.md');
    expect([created, again, restored, reopened.document('FAQ-2')?.path]).toEqual([
      { ok: true, path: 'faqs/guest-faq.md', key: 'FAQ-3' },
      { ok: true, path: 'faqs/guest-faq-2.md', key: 'FAQ-4' },
      { ok: true, path: 'faqs/guest.md' },
      'faqs/guest.md',
    ]);
  });

  it('never gives a new document a key that a link still names, though its file is long gone', async () => {
    // FAQ-2 was deleted outside the app (no trash); the spec still says "See [[FAQ-2]]".
    const { ['faqs/guest.md']: _deleted, ...rest } = sample;
    const workspace = await open(await writeWorkspace(rest));
    const created = await workspace.createDocument('faq', 'Guest FAQ');
    expect(created).toEqual({ ok: true, path: 'faqs/guest-faq.md', key: 'FAQ-3' });
  });

  it('puts a trashed document back, beside a file that took its name meanwhile', async () => {
    const root = await writeWorkspace();
    const workspace = await open(root);
    const trashed = await workspace.trashDocument('faqs/guest.md');
    if (!trashed.ok) throw new Error(trashed.message);
    await fs.writeFile(path.join(root, 'faqs/guest.md'), '# Someone else\n');
    const restored = await workspace.restoreDocument(trashed.trashedTo, 'faqs/guest.md');
    const refused = await workspace.restoreDocument('specs/checkout.md', 'faqs/guest.md');
    expect([restored, workspace.document('FAQ-2')?.path, refused.ok]).toEqual([
      { ok: true, path: 'faqs/guest-2.md' },
      'faqs/guest-2.md',
      false,
    ]);
  });

  it('moves a document into another folder, keeping its key; never out of the workspace', async () => {
    const workspace = await open(await writeWorkspace());
    const moved = await workspace.moveDocument('faqs/guest.md', 'specs/answers/');
    const outside = await Promise.all(
      ['../elsewhere', '.specbench', 'specs/../..'].map((folder) =>
        workspace.moveDocument('specs/answers/guest.md', folder).then((result) => result.ok),
      ),
    );
    expect([moved, workspace.document('FAQ-2')?.path, outside]).toEqual([
      { ok: true, path: 'specs/answers/guest.md', undo: expect.any(String) },
      'specs/answers/guest.md',
      [false, false, false],
    ]);
  });

  it('rekeys in files and the roadmap, then re-indexes', async () => {
    const workspace = await open(await writeWorkspace());
    const result = await workspace.rekey('RM-3', 'RM-30');
    expect([
      result.ok,
      workspace.requirement('REQ-12')?.requirement.roadmap,
      workspace.roadmap().map((item) => item.key),
      workspace.trace()[0]?.requirements.map((requirement) => requirement.key),
    ]).toEqual([true, ['RM-30'], ['RM-30', 'RM-4'], ['REQ-12']]);
  });

  it('re-indexes outside edits and tells listeners once per batch', async () => {
    const root = await writeWorkspace();
    const workspace = await open(root, { watch: true });
    const changed = new Promise<WorkspaceChange>((resolve) => workspace.onDidChange(resolve));
    await fs.writeFile(path.join(root, 'README.md'), '---\ntitle: Renamed notes\n---\n# Notes\n');
    await fs.rm(path.join(root, 'faqs/guest.md'));
    const change = await changed;
    const more =
      change.paths.length < 2
        ? await new Promise<WorkspaceChange>((resolve) => workspace.onDidChange(resolve))
        : undefined;
    expect([
      [...change.paths, ...(more?.paths ?? [])].sort(),
      workspace.document('README.md')?.title,
      workspace.document('FAQ-2'),
    ]).toEqual([['README.md', 'faqs/guest.md'], 'Renamed notes', undefined]);
  });

  it('finds what changed between the open and the start of watching (serve starts watching late)', async () => {
    const root = await writeWorkspace();
    const workspace = await open(root);
    await fs.writeFile(path.join(root, 'README.md'), '---\ntitle: Edited meanwhile\n---\n# Notes\n');
    await fs.rm(path.join(root, 'faqs/guest.md'));
    await fs.writeFile(path.join(root, 'notes.md'), '# New meanwhile\n');
    const changed = new Promise<WorkspaceChange>((resolve) => workspace.onDidChange(resolve));
    await workspace.watch();
    const change = await changed;
    expect([
      [...change.paths].sort(),
      workspace.document('README.md')?.title,
      workspace.document('FAQ-2'),
      workspace.document('notes.md')?.title,
    ]).toEqual([['README.md', 'faqs/guest.md', 'notes.md'], 'Edited meanwhile', undefined, 'notes']);
  });

  it('tells listeners once when search is ready: after prepareSearch, or after a first search', async () => {
    const root = await writeWorkspace();
    const prepared = await open(root);
    const searched = await open(root, { write: false });
    const told: string[] = [];
    prepared.onDidChange((change) => told.push(`prepared ${JSON.stringify(change)}`));
    searched.onDidChange((change) => told.push(`searched ${JSON.stringify(change)}`));
    const before = [prepared.searchReady, searched.searchReady];
    prepared.prepareSearch();
    prepared.prepareSearch();
    searched.search('guest');
    searched.search('guest');
    expect([before, prepared.searchReady, searched.searchReady, told]).toEqual([
      [false, false],
      true,
      true,
      [
        'prepared {"paths":[],"roadmap":false,"comments":[],"searchReady":true}',
        'searched {"paths":[],"roadmap":false,"comments":[],"searchReady":true}',
      ],
    ]);
  });
});

describe('Workspace cache', () => {
  it('reads only changed files on a warm open', async () => {
    const root = await writeWorkspace();
    const cold = await open(root);
    await cold.close();
    // Files written this recently are not trusted from the cache; age them as if written long ago.
    const old = new Date(Date.now() - 60_000);
    for (const file of [
      'README.md',
      'faqs/guest.md',
      'specs/guest-checkout.md',
      'stories/pay-as-a-guest.md',
    ]) {
      await fs.utimes(path.join(root, file), old, old);
    }
    await (await open(root)).close();
    await fs.writeFile(path.join(root, 'README.md'), '---\ntitle: Changed\n---\n');
    const warm = await open(root);
    expect([
      cold.statistics.read,
      warm.statistics.fromCache,
      warm.statistics.read,
      warm.document('README.md')?.title,
    ]).toEqual([4, 3, 1, 'Changed']);
  });

  /** The sample workspace with a cache that answers for every file (aged past the cache's racy window). */
  async function workspaceWithCache(): Promise<string> {
    const root = await writeWorkspace();
    await (await open(root)).close();
    const old = new Date(Date.now() - 60_000);
    for (const file of ['README.md', 'faqs/guest.md', 'specs/guest-checkout.md', 'stories/pay-as-a-guest.md'])
      await fs.utimes(path.join(root, file), old, old);
    await (await open(root)).close();
    return root;
  }

  const searchCases: [string, boolean][] = [
    ['from the cache', false],
    ['from the files, once the cache lost them', true],
  ];
  it.each(searchCases)('finds the text of a document opened from the cache, %s', async (_name, lose) => {
    const root = await workspaceWithCache();
    const warm = await open(root);
    if (lose) await fs.writeFile(cachePath(root), 'garbage');
    const hit = warm.search('receipt')[0];
    expect([warm.statistics.fromCache, hit?.path, hit?.line, hit?.snippet]).toEqual([
      4,
      'stories/pay-as-a-guest.md',
      10,
      '- [ ] Given a guest cart, when I pay, then I see the receipt.',
    ]);
  });

  const wholeCases: [string, boolean][] = [
    ['when an entry is first read', false],
    ['at once, for a command that reads every entry', true],
  ];
  it.each(wholeCases)(
    'reads a file again when its cached entry is of another shape under a valid header, %s',
    async (_name, wholeEntries) => {
      const root = await workspaceWithCache();
      // The sizes and times still match the files: only the entries' fields are not what an index holds.
      const bytes = await fs.readFile(cachePath(root), 'utf8');
      await fs.writeFile(cachePath(root), bytes.replace(/"requirements":\[\]/g, '"requirements":{}'));
      const warm = await open(root, { wholeEntries });
      expect([
        warm.statistics.fromCache,
        warm.documents().length,
        Array.isArray(warm.check()),
        warm.document('faqs/guest.md')?.requirements,
        warm.requirement('REQ-12')?.document.path,
      ]).toEqual([4, 4, true, [], 'specs/guest-checkout.md']);
    },
  );

  it('ignores a corrupt cache', async () => {
    const root = await writeWorkspace();
    await fs.mkdir(path.join(root, '.specbench'), { recursive: true });
    await fs.writeFile(cachePath(root), 'garbage');
    const workspace = await open(root);
    expect([workspace.statistics.fromCache, workspace.documents().length]).toEqual([0, 4]);
  });
});
