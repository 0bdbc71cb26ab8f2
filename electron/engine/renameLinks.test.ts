import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyEdits } from './renameLinks.js';
import { Workspace } from './workspace.js';

const folders: string[] = [];
const opened: Workspace[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((workspace) => workspace.close()));
  await Promise.all(folders.splice(0).map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

const vault: Record<string, string> = {
  'Notes/Pricing ideas.md': '# Tiers\nSee ^tiers\n',
  'Home.md': [
    'Read [[Pricing ideas]], [[Notes/Pricing ideas#Tiers|the tiers]] and ![[Pricing ideas]].',
    '| [[Pricing ideas\\|table]] | `[[Pricing ideas]]` in code stays |',
    'Also [md](Notes/Pricing%20ideas.md#tiers) and [angled](<Notes/Pricing ideas.md>).',
    'Not this: [[Pricing]] or [[Other/Pricing ideas]].',
  ].join('\r\n'),
  'Other/Pricing ideas.md': 'A namesake elsewhere.\n',
};

async function openVault(): Promise<{ root: string; workspace: Workspace }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-rename-links-'));
  folders.push(root);
  for (const [file, text] of Object.entries(vault)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), text);
  }
  const result = await Workspace.open(root, { write: true, cache: false });
  if (!result.ok) throw new Error(result.message);
  opened.push(result.workspace);
  return { root, workspace: result.workspace };
}

describe('renaming a document by name', () => {
  it('offers, then rewrites only the name inside each link to it, and renames the file', async () => {
    const { root, workspace } = await openVault();
    const offered = workspace.linksToName('Notes/Pricing ideas.md');
    const renamed = await workspace.renameDocumentTo('Notes/Pricing ideas.md', 'Pricing & plans', {
      updateLinks: true,
    });
    expect([
      offered,
      renamed,
      (await fs.readFile(path.join(root, 'Home.md'), 'utf8')).split('\r\n'),
      await fs.readdir(path.join(root, 'Notes')),
      workspace.documentLinks('Notes/Pricing & plans.md').incoming.map((link) => link.line),
    ]).toEqual([
      [{ path: 'Home.md', count: 6 }],
      {
        ok: true,
        path: 'Notes/Pricing & plans.md',
        updatedFiles: ['Home.md'],
        updatedLinks: 6,
        undo: expect.any(String),
      },
      [
        'Read [[Pricing & plans]], [[Notes/Pricing & plans#Tiers|the tiers]] and ![[Pricing & plans]].',
        '| [[Pricing & plans\\|table]] | `[[Pricing ideas]]` in code stays |',
        'Also [md](Notes/Pricing%20%26%20plans.md#tiers) and [angled](<Notes/Pricing & plans.md>).',
        'Not this: [[Pricing]] or [[Other/Pricing ideas]].',
      ],
      ['Pricing & plans.md'],
      [1, 2, 3],
    ]);
  });

  it('without updateLinks leaves the links, and refuses names a file system cannot hold or that are taken', async () => {
    const { root, workspace } = await openVault();
    const results = [
      await workspace.renameDocumentTo('Notes/Pricing ideas.md', 'a/b'),
      await workspace.renameDocumentTo('Notes/Pricing ideas.md', ' '),
      await workspace.renameDocumentTo('Home.md', 'Notes/../x'),
      await workspace.renameDocumentTo('Notes/Pricing ideas.md', 'Pricing v2'),
    ].map((result) => (result.ok ? result.path : result.message));
    expect([
      results,
      (await fs.readFile(path.join(root, 'Home.md'), 'utf8')).includes('[[Pricing ideas]]'),
    ]).toEqual([
      [
        'A file name cannot contain / \\ : * ? " < > or |.',
        'A document needs a name.',
        'A file name cannot contain / \\ : * ? " < > or |.',
        'Notes/Pricing v2.md',
      ],
      true,
    ]);
  });
});

describe('rewriting a link inside a padded table row', () => {
  const rename = (text: string): string => {
    const start = text.indexOf('Callouts');
    return applyEdits(text, [
      { start, end: start + 'Callouts'.length, text: 'Editing and formatting/Callouts' },
    ]);
  };

  it('gives a longer name room from the cell padding, never below one space', () => {
    expect(
      rename(
        '| Link                                     | Note |\n| [[Callouts]]                             | x    |\n',
      ),
    ).toBe(
      '| Link                                     | Note |\n| [[Editing and formatting/Callouts]]      | x    |\n',
    );
    expect(rename('| [[Callouts]]      | x |\n')).toBe('| [[Editing and formatting/Callouts]] | x |\n');
    expect(rename('| [[Callouts\\|see]] text    | x |\n')).toBe(
      '| [[Editing and formatting/Callouts\\|see]] text | x |\n',
    );
  });

  it('gives the room a shorter name frees back to the cell padding, so the row keeps its width', () => {
    const shorten = (text: string): string => {
      const start = text.indexOf('Review prep');
      return applyEdits(text, [{ start, end: start + 'Review prep'.length, text: 'Callouts' }]);
    };
    expect(shorten('| Link                 | Note |\n| [[Review prep]]      | x    |\n')).toBe(
      '| Link                 | Note |\n| [[Callouts]]         | x    |\n',
    );
    expect(shorten('| [[Review prep]] |\n| --------------- |\n')).toBe(
      '| [[Callouts]]    |\n| --------------- |\n',
    );
    expect(shorten('| [[Review prep]] | x |\n| - | - |\n')).toBe('| [[Callouts]] | x |\n| - | - |\n');
  });

  it('changes only the name outside tables and in cells with one space of padding', () => {
    expect(rename('See [[Callouts]]    here.\n')).toBe('See [[Editing and formatting/Callouts]]    here.\n');
    expect(rename('| [[Callouts]] | x |\n')).toBe('| [[Editing and formatting/Callouts]] | x |\n');
  });
});
