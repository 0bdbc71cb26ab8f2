import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from './workspace.js';
import { writeFiles } from '../testing/writeFiles.js';

const folders: string[] = [];
const opened: Workspace[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((workspace) => workspace.close()));
  await Promise.all(folders.splice(0).map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

const vault: Record<string, string> = {
  'Notes/Plan.md': '# Plan\n',
  'Home.md': 'See [[Plan]] and [[Draft]]; pinned [[Notes/Plan]].\n',
  'Notes/Week.md': 'Per [[Plan]].\n',
  'Draft.md': 'A draft that cites [[Plan]].\n',
  'Inbox/2026/Plan.md': '# Another plan\n',
};

/** The vault without `leftOut`. */
async function openVault(
  leftOut = 'Inbox/2026/Plan.md',
): Promise<{ root: string; workspace: Workspace; files: () => Promise<string[]> }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-namesake-preview-'));
  folders.push(root);
  const files = { ...vault };
  delete files[leftOut];
  await writeFiles(root, files);
  const result = await Workspace.open(root, { write: true, cache: false });
  if (!result.ok) throw new Error(result.message);
  opened.push(result.workspace);
  const list = async (folder: string): Promise<string[]> => {
    const entries = await fs.readdir(path.join(root, folder), { withFileTypes: true });
    const nested = await Promise.all(
      entries
        .filter((entry) => !entry.name.startsWith('.'))
        .map((entry) =>
          entry.isDirectory()
            ? list(path.posix.join(folder, entry.name))
            : fs
                .readFile(path.join(root, folder, entry.name), 'utf8')
                .then((text) => [`${path.posix.join(folder, entry.name)}: ${text}`]),
        ),
    );
    return nested.flat().sort();
  };
  return { root, workspace: result.workspace, files: () => list('') };
}

describe('a rename or move that would take [[Name]] links from a namesake is asked about before anything is written', () => {
  it('the preview names the links a rename to Plan would take (not those to the note itself) and writes nothing', async () => {
    const { workspace, files } = await openVault();
    const disk = await files();
    const preview = await workspace.namesakePreview('Draft.md', { name: 'Plan' });
    expect([preview, await files()]).toEqual([
      {
        name: 'Plan',
        notes: ['Notes/Plan.md', 'Plan.md'],
        now: 'Plan.md',
        ambiguous: false,
        was: ['Notes/Plan.md'],
        links: [
          // The note's own [[Plan]] is written in the file as it is named now.
          { path: 'Draft.md', line: 1, column: 20, from: 'Plan', to: 'Notes/Plan' },
          { path: 'Home.md', line: 1, column: 5, from: 'Plan', to: 'Notes/Plan' },
          { path: 'Notes/Week.md', line: 1, column: 5, from: 'Plan', to: 'Notes/Plan' },
        ],
        files: ['Draft.md', 'Home.md', 'Notes/Week.md'],
      },
      disk,
    ]);
  });

  it.each([
    ['a name nobody has', { name: 'Roadmap' }],
    ['a name refused as a file name', { name: 'a/b' }],
    ['a move deeper than the namesake', { folder: 'archive/old' }],
  ])('%s: no preview', async (_case, change) => {
    const { workspace } = await openVault();
    expect(await workspace.namesakePreview('Draft.md', change)).toBeUndefined();
  });

  it('keep: the links are pinned and the new name and links updated in one save, then the rename; no notice follows', async () => {
    const { workspace, files } = await openVault();
    const renamed = await workspace.renameDocumentTo('Draft.md', 'Plan', {
      updateLinks: true,
      namesake: 'keep',
    });
    expect([renamed, await files()]).toEqual([
      {
        ok: true,
        path: 'Plan.md',
        updatedFiles: ['Home.md', 'Draft.md', 'Notes/Week.md'],
        // The rename rewrote links: its Undo gives them back with the name (moveUndo.ts).
        updatedLinks: 4,
        undo: expect.any(String),
      },
      [
        'Home.md: See [[Notes/Plan]] and [[Plan]]; pinned [[Notes/Plan]].\n',
        'Notes/Plan.md: # Plan\n',
        'Notes/Week.md: Per [[Notes/Plan]].\n',
        'Plan.md: A draft that cites [[Notes/Plan]].\n',
      ],
    ]);
  });

  it('move: the links lead to the renamed note, nothing else is written, and no notice follows', async () => {
    const { workspace, files } = await openVault();
    const renamed = await workspace.renameDocumentTo('Draft.md', 'Plan', {
      updateLinks: false,
      namesake: 'move',
    });
    expect([renamed, await files()]).toEqual([
      { ok: true, path: 'Plan.md', updatedFiles: [] },
      [
        'Home.md: See [[Plan]] and [[Draft]]; pinned [[Notes/Plan]].\n',
        'Notes/Plan.md: # Plan\n',
        'Notes/Week.md: Per [[Plan]].\n',
        'Plan.md: A draft that cites [[Plan]].\n',
      ],
    ]);
  });

  it('a move to the root previews the takeover; keep pins the links, then moves', async () => {
    const { workspace, files } = await openVault('Draft.md');
    const preview = await workspace.namesakePreview('Inbox/2026/Plan.md', { folder: '' });
    const moved = await workspace.moveDocument('Inbox/2026/Plan.md', '', 'keep');
    expect([preview?.ambiguous, preview?.now, preview?.was, moved, await files()]).toEqual([
      false,
      'Plan.md',
      ['Notes/Plan.md'],
      {
        ok: true,
        path: 'Plan.md',
        updatedLinks: 2,
        updatedFiles: ['Home.md', 'Notes/Week.md'],
        undo: expect.any(String),
      },
      [
        'Home.md: See [[Notes/Plan]] and [[Draft]]; pinned [[Notes/Plan]].\n',
        'Notes/Plan.md: # Plan\n',
        'Notes/Week.md: Per [[Notes/Plan]].\n',
        'Plan.md: # Another plan\n',
      ],
    ]);
  });

  it('a rename that fails after the links were pinned puts every file back as it was', async () => {
    const { root, workspace, files } = await openVault();
    // Another program writes Plan.md after the prompt: the rename finds the name taken.
    await fs.writeFile(path.join(root, 'Plan.md'), 'Written elsewhere.\n');
    const disk = await files();
    const renamed = await workspace.renameDocumentTo('Draft.md', 'Plan', {
      updateLinks: true,
      namesake: 'keep',
    });
    expect([renamed.ok ? 'renamed' : renamed.error, await files()]).toEqual(['exists', disk]);
  });
});
