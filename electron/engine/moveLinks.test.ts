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

const note = 'Obsidian Publish/Security and privacy.md';

const vault: Record<string, string> = {
  [note]: [
    '# Security',
    'See [the other note](Other.md#top), [[Other]] and ![diagram](../Attachments/a.png).',
    '## Add a site password',
    '',
  ].join('\n'),
  'Obsidian Publish/Other.md': '# top\n',
  'Attachments/a.png': 'not really a png',
  'Index.md': [
    '[[Obsidian Publish/Security and privacy#Add a site password|Set a password]]',
    '[text](Obsidian%20Publish/Security%20and%20privacy.md#add-a-site-password) and [[Security and privacy]]',
    '',
    '| Link                                        | Note |',
    '| ------------------------------------------- | ---- |',
    '| [[Obsidian Publish/Security and privacy]]   | x    |',
    '',
  ].join('\r\n'),
  'Guides/Deep.md':
    '[a](<../Obsidian Publish/Security and privacy.md>) and [b](../Obsidian%20Publish/Other.md)\n',
  'Archive/Sync/Plan.md': 'a namesake of Plan\n',
  'Plan.md': 'See [[Index]].\n',
  'Home.md': 'Read [[Plan]] and [[Archive/Sync/Plan]].\n',
};

async function openVault(): Promise<{ root: string; workspace: Workspace }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-move-links-'));
  folders.push(root);
  for (const [file, text] of Object.entries(vault)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), text);
  }
  const result = await Workspace.open(root, { write: true, watch: false, cache: false });
  if (!result.ok) throw new Error(result.message);
  opened.push(result.workspace);
  return { root, workspace: result.workspace };
}

/** Every file of the vault and its text (the cache folder left out). */
async function filesIn(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
    const file = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (entry.isFile() && !file.startsWith('.specbench'))
      files[file] = await fs.readFile(path.join(root, file), 'utf8');
  }
  return files;
}

const linkFindings = (workspace: Workspace) =>
  workspace
    .check()
    .filter((finding) => finding.rule.includes('link'))
    .map((finding) => `${finding.path}:${finding.line} ${finding.message}`);

describe('moving a note to another folder', () => {
  it('rewrites only the path inside each link that would break, and the note’s own relative links', async () => {
    const { root, workspace } = await openVault();
    const broken = linkFindings(workspace);
    const moved = await workspace.moveDocument(note, 'Archive/Sync');
    const read = (file: string) => fs.readFile(path.join(root, file), 'utf8');
    expect({
      moved,
      note: await read('Archive/Sync/Security and privacy.md'),
      index: (await read('Index.md')).split('\r\n'),
      deep: await read('Guides/Deep.md'),
      gone: await fs.access(path.join(root, note)).then(
        () => 'still there',
        () => 'gone',
      ),
      broken: linkFindings(workspace),
    }).toEqual({
      moved: {
        ok: true,
        path: 'Archive/Sync/Security and privacy.md',
        updatedLinks: 6,
        // The note itself too, under its old path: its own relative links changed (an open editor reads it again).
        updatedFiles: ['Guides/Deep.md', 'Index.md', 'Obsidian Publish/Security and privacy.md'],
        undo: expect.any(String),
      },
      note: [
        '# Security',
        'See [the other note](../../Obsidian%20Publish/Other.md#top), [[Other]] and ![diagram](../../Attachments/a.png).',
        '## Add a site password',
        '',
      ].join('\n'),
      index: [
        '[[Archive/Sync/Security and privacy#Add a site password|Set a password]]',
        '[text](Archive/Sync/Security%20and%20privacy.md#add-a-site-password) and [[Security and privacy]]',
        '',
        '| Link                                        | Note |',
        '| ------------------------------------------- | ---- |',
        '| [[Archive/Sync/Security and privacy]]       | x    |',
        '',
      ],
      deep: '[a](<../Archive/Sync/Security and privacy.md>) and [b](../Obsidian%20Publish/Other.md)\n',
      gone: 'gone',
      broken,
    });
  });

  it('carries the bare links of a note that takes a new name next to its namesake', async () => {
    const { root, workspace } = await openVault();
    const moved = await workspace.moveDocument('Plan.md', 'Archive/Sync', undefined, 'Plan 2');
    expect({
      moved,
      home: await fs.readFile(path.join(root, 'Home.md'), 'utf8'),
      plan: await fs.readFile(path.join(root, 'Archive/Sync/Plan 2.md'), 'utf8'),
    }).toEqual({
      moved: {
        ok: true,
        path: 'Archive/Sync/Plan 2.md',
        updatedLinks: 1,
        updatedFiles: ['Home.md'],
        undo: expect.any(String),
      },
      home: 'Read [[Plan 2]] and [[Archive/Sync/Plan]].\n',
      plan: 'See [[Index]].\n',
    });
  });

  it('writes nothing when every link still leads to the note', async () => {
    const { root, workspace } = await openVault();
    const moved = await workspace.moveDocument('Home.md', 'Guides');
    expect([moved, await fs.readFile(path.join(root, 'Guides/Home.md'), 'utf8')]).toEqual([
      { ok: true, path: 'Guides/Home.md', undo: expect.any(String) },
      vault['Home.md'],
    ]);
  });

  it('Undo gives back every byte, and refuses (writing nothing) once a file it wrote has changed', async () => {
    const { root, workspace } = await openVault();
    const disk = () => filesIn(root);
    const first = await workspace.moveDocument(note, 'Archive/Sync');
    const undone = first.ok && first.undo ? await workspace.undoMove(first.undo) : first;
    const afterUndo = await disk();
    const again = first.ok && first.undo ? await workspace.undoMove(first.undo) : first;

    const second = await workspace.moveDocument(note, 'Archive/Sync');
    await fs.appendFile(path.join(root, 'Guides/Deep.md'), 'Typed since.\n');
    const moved = await disk();
    const refused = second.ok && second.undo ? await workspace.undoMove(second.undo) : second;
    expect([undone, afterUndo, again.ok, refused, await disk()]).toEqual([
      { ok: true, path: note, changedFiles: ['Guides/Deep.md', 'Index.md'] },
      vault,
      false,
      {
        ok: false,
        error: 'conflict',
        message: 'Guides/Deep.md changed since the move, so the move was not undone.',
      },
      moved,
    ]);
  });

  it('a rename that rewrote links is undone as a move within its folder, every byte back', async () => {
    const { root, workspace } = await openVault();
    const renamed = await workspace.renameDocumentTo(note, 'Privacy', { updateLinks: true });
    const undone = renamed.ok && renamed.undo ? await workspace.undoMove(renamed.undo) : renamed;
    expect([renamed.ok && renamed.updatedLinks, undone, await filesIn(root)]).toEqual([
      5,
      { ok: true, path: note, changedFiles: ['Guides/Deep.md', 'Index.md'] },
      vault,
    ]);
  });

  it("a rename's refused Undo speaks of the rename, not of a move", async () => {
    const { root, workspace } = await openVault();
    const renamed = await workspace.renameDocumentTo(note, 'Privacy', { updateLinks: true });
    await fs.appendFile(path.join(root, 'Index.md'), 'Typed since.\n');
    const refused = renamed.ok && renamed.undo ? await workspace.undoMove(renamed.undo) : renamed;
    expect(refused).toEqual({
      ok: false,
      error: 'conflict',
      message: 'Index.md changed since the rename, so the rename was not undone.',
    });
  });
});
