import { afterEach, describe, it, expect } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RoadmapStore } from './roadmapStore.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

async function workspace(roadmap: string): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-releases-'));
  folders.push(root);
  await fs.writeFile(path.join(root, 'roadmap.json'), roadmap);
  return root;
}

async function openWritable(root: string): Promise<RoadmapStore> {
  const opened = await RoadmapStore.open(root, { write: true });
  if (!opened.ok) throw new Error(opened.message);
  return opened.store;
}

const read = (root: string) => fs.readFile(path.join(root, 'roadmap.json'), 'utf8');

/** A roadmap.json as Specbench wrote it before releases existed. */
const oldRoadmap = `{
  "version": 1,
  "items": [
    {
      "key": "RM-1",
      "title": "Guest checkout",
      "description": "",
      "lane": "now",
      "rank": 0,
      "status": "planned"
    },
    {
      "key": "RM-2",
      "title": "Saved cards",
      "description": "",
      "lane": "next",
      "rank": 0,
      "status": "proposed"
    }
  ]
}
`;

describe('releases in roadmap.json', () => {
  it('reads a file from before releases as having none, and an item edit changes only its line', async () => {
    const root = await workspace(oldRoadmap);
    const store = await openWritable(root);
    const releases = store.releases();
    await store.update('RM-2', { title: 'Saved cards, renamed' });
    await store.close();
    expect({ releases, text: await read(root) }).toEqual({
      releases: [],
      text: oldRoadmap.replace('"Saved cards"', '"Saved cards, renamed"'),
    });
  });

  it('creates a release under the next REL key, writes it, and reads it back after a reopen', async () => {
    const root = await workspace(oldRoadmap);
    const store = await openWritable(root);
    const created = await store.createRelease({ name: 'Autumn', date: '2026-10-01', items: ['RM-1'] });
    const second = await store.createRelease({ name: 'Winter' });
    await store.close();
    const reopened = await openWritable(root);
    const releases = reopened.releases();
    await reopened.close();
    expect({ created, second: second.ok && second.release.key, releases }).toEqual({
      created: {
        ok: true,
        release: { key: 'REL-1', name: 'Autumn', date: '2026-10-01', status: 'planned', items: ['RM-1'] },
      },
      second: 'REL-2',
      releases: [
        { key: 'REL-1', name: 'Autumn', date: '2026-10-01', status: 'planned', items: ['RM-1'] },
        { key: 'REL-2', name: 'Winter', status: 'planned', items: [] },
      ],
    });
  });

  const refusals: { name: string; input: Parameters<RoadmapStore['createRelease']>[0]; message: string }[] = [
    {
      name: 'an item that does not exist',
      input: { name: 'Autumn', items: ['RM-9'] },
      message: 'REL-1 cannot ship RM-9: there is no such roadmap item.',
    },
    {
      name: 'an item twice',
      input: { name: 'Autumn', items: ['RM-1', 'RM-1'] },
      message: 'REL-1 lists RM-1 twice.',
    },
    {
      name: 'a date that is not YYYY-MM-DD',
      input: { name: 'Autumn', date: '1 Oct 2026' },
      message: 'Release REL-1: date must be a date written YYYY-MM-DD.',
    },
    { name: 'a blank name', input: { name: '   ' }, message: 'Release REL-1: name must not be empty.' },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name} and leaves the file as it was`, async () => {
      const root = await workspace(oldRoadmap);
      const store = await openWritable(root);
      const created = await store.createRelease(refusal.input);
      await store.close();
      expect({ created, text: await read(root) }).toEqual({
        created: { ok: false, error: 'invalid', message: refusal.message },
        text: oldRoadmap,
      });
    });
  }

  it('marks a release released, clears a field, and removes a release', async () => {
    const root = await workspace(oldRoadmap);
    const store = await openWritable(root);
    await store.createRelease({ name: 'Autumn', date: '2026-10-01', summary: 'Faster checkout.' });
    await store.createRelease({ name: 'Winter' });
    const released = await store.updateRelease('REL-1', {
      status: 'released',
      summary: undefined,
      items: ['RM-2', 'RM-1'],
    });
    const removed = await store.removeRelease('REL-2');
    const missing = await store.removeRelease('REL-2');
    await store.close();
    expect({ released, removed, missing, releases: JSON.parse(await read(root)).releases }).toEqual({
      released: {
        ok: true,
        release: {
          key: 'REL-1',
          name: 'Autumn',
          date: '2026-10-01',
          status: 'released',
          items: ['RM-2', 'RM-1'],
        },
      },
      removed: { ok: true },
      missing: { ok: false, error: 'not-found', message: 'There is no release REL-2.' },
      releases: [
        { key: 'REL-1', name: 'Autumn', date: '2026-10-01', status: 'released', items: ['RM-2', 'RM-1'] },
      ],
    });
  });

  it('keeps releases in step with their items: a renamed key follows, a removed item leaves', async () => {
    const root = await workspace(oldRoadmap);
    const store = await openWritable(root);
    await store.createRelease({ name: 'Autumn', items: ['RM-1', 'RM-2'] });
    await store.update('RM-1', { key: 'RM-10' });
    const renamed = store.release('REL-1')?.items;
    await store.remove('RM-2');
    const removed = store.release('REL-1')?.items;
    await store.close();
    expect({ renamed, removed }).toEqual({ renamed: ['RM-10', 'RM-2'], removed: ['RM-10'] });
  });

  it('names the release and field of a bad release on open, and changes nothing', async () => {
    const text = JSON.stringify({
      version: 1,
      items: [],
      releases: [{ key: 'REL-1', name: 'Autumn', status: 'shipped', items: [] }],
    });
    const root = await workspace(text);
    const opened = await RoadmapStore.open(root, { write: true });
    expect({ opened, text: await read(root) }).toEqual({
      opened: {
        ok: false,
        error: 'corrupt',
        message: 'roadmap.json: release REL-1 (releases[0]) status must be one of "planned", "released".',
      },
      text,
    });
  });
});
