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

async function openVault(files: Record<string, string>) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-note-'));
  folders.push(root);
  await writeFiles(root, files);
  const result = await Workspace.open(root, { write: true, cache: false });
  if (!result.ok) throw new Error(result.message);
  opened.push(result.workspace);
  return { root, workspace: result.workspace };
}

describe('createNote', () => {
  const cases: [string, string, string, unknown][] = [
    [
      'in the root, named after its title',
      '',
      ' Meeting notes ',
      { ok: true, path: 'Meeting notes.md', title: 'Meeting notes' },
    ],
    ['in a folder', 'Notes', 'Week 2', { ok: true, path: 'Notes/Week 2.md', title: 'Week 2' }],
    ['beside a note of that name', 'Notes', 'Plan', { ok: true, path: 'Notes/Plan-2.md', title: 'Plan-2' }],
    ['refusing a slash in the title', '', 'a/b', 'A file name cannot contain / \\ : * ? " < > or |.'],
    ['refusing a folder outside', '../up', 'Escape', '"../up" is not a folder of the workspace.'],
  ];
  // A note is titled by its file name: Plan-2 beside Plan.
  it.each(cases)('%s', async (_name, folder, title, expected) => {
    const { root, workspace } = await openVault({ 'Notes/Plan.md': '# Plan\n' });
    const created = await workspace.createNote(folder, title);
    if (!created.ok) return expect(created.message).toEqual(expected);
    const written = await fs.readFile(path.join(root, created.path), 'utf8');
    const listed = workspace.documents().find((document) => document.path === created.path);
    expect({ ...created, written, type: listed?.type, title: listed?.title }).toEqual({
      ...(expected as object),
      written: '',
      type: 'doc',
    });
  });
});
