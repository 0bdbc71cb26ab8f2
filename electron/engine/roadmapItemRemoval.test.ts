import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from './workspace.js';

const sample = path.join(import.meta.dirname, '../../samples/acme-checkout');
const instalments = 'feedback/large-baskets-need-instalments.md';
let root: string;
let workspace: Workspace;

beforeEach(async () => {
  root = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-remove-item-')), 'acme');
  await fs.cp(sample, root, { recursive: true });
  const opened = await Workspace.open(root, { write: true, watch: false, cache: false });
  if (!opened.ok) throw new Error(opened.message);
  workspace = opened.workspace;
});
afterEach(async () => {
  await workspace.close();
  await fs.rm(path.dirname(root), { recursive: true, force: true });
});

const read = (file: string) => fs.readFile(path.join(root, file), 'utf8');
const itemKeys = async () =>
  (JSON.parse(await read('roadmap.json')) as { items: { key: string }[] }).items.map((item) => item.key);

describe('deleting a roadmap item', () => {
  it('takes it out of the notes that are its evidence, a note left with no link back in the inbox', async () => {
    const note = await read(instalments);
    expect(await workspace.removeRoadmapItem('RM-9')).toEqual({ ok: true, unlinked: [instalments] });
    expect(await read(instalments)).toBe(
      note.replace('status: triaged', 'status: new').replace('about: [RM-9]', 'about: []'),
    );
    expect(await itemKeys()).not.toContain('RM-9');
    expect(workspace.document(instalments)?.about).toEqual([]);
    expect(workspace.roadmap().some((item) => item.key === 'RM-9')).toBe(false);
  });

  it('keeps the note’s other links and its status', async () => {
    const file = 'feedback/checkout-takes-forever-on-my-phone.md';
    const opened = await workspace.readDocument(file);
    if (!opened.ok) throw new Error(opened.message);
    const linked = opened.file.text
      .replace(/^about: .*$/m, 'about: [RM-9, REQ-2]')
      .replace(/^status: .*$/m, 'status: triaged');
    expect((await workspace.saveDocument(file, linked, opened.file)).ok).toBe(true);
    const before = await read(file);
    const removed = await workspace.removeRoadmapItem('RM-9');
    expect(removed.ok && removed.unlinked.sort()).toEqual([file, instalments].sort());
    expect(await read(file)).toBe(before.replace('about: [RM-9, REQ-2]', 'about: [REQ-2]'));
  });

  const refusals: [string, string][] = [
    [
      'RM-1',
      'RM-1 was not deleted: REQ-1, REQ-2 and REQ-4 deliver it and REL-1 ships it. Take it out of those first.',
    ],
    ['RM-6', 'RM-6 was not deleted: REQ-10 delivers it. Take it out of that first.'],
    ['RM-99', 'There is no roadmap item RM-99.'],
  ];
  it.each(refusals)('refuses %s, changing nothing', async (key, message) => {
    const before = [await read('roadmap.json'), await read(instalments)];
    const removed = await workspace.removeRoadmapItem(key);
    expect(removed.ok ? '' : removed.message).toBe(message);
    expect([await read('roadmap.json'), await read(instalments)]).toEqual(before);
  });

  it('puts the notes back when roadmap.json cannot be written: all or none', async () => {
    const note = await read(instalments);
    // A folder where roadmap.json was: the store's rename onto it fails, as a full or broken disk would.
    await fs.rm(path.join(root, 'roadmap.json'));
    await fs.mkdir(path.join(root, 'roadmap.json'));
    const removed = await workspace.removeRoadmapItem('RM-9');
    expect(removed.ok).toBe(false);
    expect(await read(instalments)).toBe(note);
    expect(workspace.document(instalments)?.about).toEqual(['RM-9']);
  });
});
