import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from './workspace.js';

const folders: string[] = [];
const opened: Workspace[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((workspace) => workspace.close()));
  await Promise.all(folders.splice(0).map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

const vault: Record<string, string> = {
  'Notes/Plan.md': '# Plan\n',
  'Home.md': 'See [[Plan]] and [[Plan#Plan|the plan]]; pinned [[Notes/Plan]].\n',
  'Notes/Week.md': 'Per [[Plan]].\n',
  'Draft.md': 'A draft, linked as [[Draft]] nowhere.\n',
};

async function openVault(): Promise<{
  root: string;
  workspace: Workspace;
  read: (file: string) => Promise<string>;
}> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-namesake-'));
  folders.push(root);
  for (const [file, text] of Object.entries(vault)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), text);
  }
  const result = await Workspace.open(root, { write: true, cache: false });
  if (!result.ok) throw new Error(result.message);
  opened.push(result.workspace);
  return { root, workspace: result.workspace, read: (file) => fs.readFile(path.join(root, file), 'utf8') };
}

const nameFindings = (workspace: Workspace) =>
  workspace
    .check()
    .filter((finding) => finding.rule === 'ambiguous-link' || finding.rule === 'broken-link')
    .map((finding) => [finding.rule, finding.path, finding.line]);

describe('a new namesake never changes what [[Name]] links mean silently', () => {
  it('a rename to a root-level Plan names the links it took; pinning them rewrites only the link text, Undo puts it back', async () => {
    const { workspace, read } = await openVault();
    const renamed = await workspace.renameDocumentTo('Draft.md', 'Plan', { updateLinks: true });
    if (!renamed.ok || !renamed.namesake) throw new Error(`no notice: ${JSON.stringify(renamed)}`);
    const { namesake } = renamed;
    expect(namesake).toEqual({
      name: 'Plan',
      notes: ['Notes/Plan.md', 'Plan.md'],
      now: 'Plan.md',
      ambiguous: false,
      was: ['Notes/Plan.md'],
      links: [
        { path: 'Home.md', line: 1, column: 5, from: 'Plan', to: 'Notes/Plan' },
        { path: 'Home.md', line: 1, column: 18, from: 'Plan', to: 'Notes/Plan' },
        // Notes/Week.md's [[Plan]] meant its neighbour, yet the root file is shallower: Obsidian
        // prefers the linking folder only for paths and attachments, so it is taken too.
        { path: 'Notes/Week.md', line: 1, column: 5, from: 'Plan', to: 'Notes/Plan' },
      ],
      files: ['Home.md', 'Notes/Week.md'],
    });
    const before = { home: await read('Home.md'), week: await read('Notes/Week.md') };
    const pinned = await workspace.rewriteNameLinks(namesake.links);
    if (!pinned.ok) throw new Error(pinned.message);
    const after = { home: await read('Home.md'), week: await read('Notes/Week.md') };
    const findingsPinned = nameFindings(workspace);
    const backlinks = workspace.documentLinks('Notes/Plan.md').incoming.map((link) => [link.path, link.line]);
    const undone = await workspace.rewriteNameLinks(pinned.undo);
    expect([
      pinned.changedFiles,
      after,
      backlinks,
      findingsPinned,
      undone.ok,
      { home: await read('Home.md'), week: await read('Notes/Week.md') },
    ]).toEqual([
      ['Home.md', 'Notes/Week.md'],
      {
        home: 'See [[Notes/Plan]] and [[Notes/Plan#Plan|the plan]]; pinned [[Notes/Plan]].\n',
        week: 'Per [[Notes/Plan]].\n',
      },
      [
        ['Home.md', 1],
        ['Notes/Week.md', 1],
      ],
      [],
      true,
      before,
    ]);
  });

  it('a new spec in another folder makes its links ambiguous, as check says; a stale edit writes nothing', async () => {
    const { workspace, read } = await openVault();
    const created = await workspace.createDocument('spec', 'Plan');
    if (!created.ok || !created.namesake) throw new Error(`no notice: ${JSON.stringify(created)}`);
    const ambiguous = nameFindings(workspace).filter(([rule]) => rule === 'ambiguous-link');
    const noticed = created.namesake.links.map((link) => ['ambiguous-link', link.path, link.line]);
    const home = await read('Home.md');
    const stale = await workspace.rewriteNameLinks([
      ...created.namesake.links,
      { path: 'Notes/Week.md', line: 1, column: 5, from: 'Elsewhere', to: 'Notes/Plan' },
    ]);
    expect([
      created.path,
      created.namesake.ambiguous,
      created.namesake.notes,
      ambiguous,
      stale.ok ? 'written' : stale.error,
      await read('Home.md'),
    ]).toEqual(['specs/plan.md', true, ['Notes/Plan.md', 'specs/plan.md'], noticed, 'conflict', home]);
  });

  it('a spec renamed after its new title (the slug rename) names the links it made ambiguous', async () => {
    const { workspace } = await openVault();
    const created = await workspace.createDocument('spec', 'Draft spec');
    if (!created.ok) throw new Error(created.message);
    const read = await workspace.readDocument(created.path);
    if (!read.ok) throw new Error(read.message);
    const saved = await workspace.saveDocument(
      created.path,
      read.file.text.replace('title: Draft spec', 'title: Plan'),
      read.file,
    );
    if (!saved.ok) throw new Error(saved.message);
    const renamed = await workspace.renameDocument(created.path);
    expect(
      renamed.ok && [
        renamed.path,
        renamed.namesake?.ambiguous,
        renamed.namesake?.files,
        renamed.namesake?.now,
      ],
      // Notes/Week.md's [[Plan]] keeps Notes/Plan.md, beside it, as Obsidian does.
    ).toEqual(['specs/plan.md', true, ['Home.md'], 'Notes/Plan.md']);
  });

  it('a move deeper than the note takes nothing and says nothing', async () => {
    const { workspace } = await openVault();
    const moved = await workspace.moveDocument('Draft.md', 'archive/old');
    expect(moved).toEqual({ ok: true, path: 'archive/old/Draft.md', undo: expect.any(String) });
  });
});
