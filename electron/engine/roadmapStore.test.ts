import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RoadmapStore } from './roadmapStore.js';
import { formatRoadmapJson, parseRoadmapText, roadmapText } from './roadmapAdapter.js';
import type { Lane, RoadmapFile } from '../../shared/model/roadmapModel.js';

const sampleRoadmap = fileURLToPath(new URL('../../samples/acme-checkout/roadmap.json', import.meta.url));

async function workspace(roadmap?: string): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-roadmap-'));
  if (roadmap !== undefined) await fs.writeFile(path.join(root, 'roadmap.json'), roadmap);
  return root;
}

async function openWritable(root: string): Promise<RoadmapStore> {
  const opened = await RoadmapStore.open(root, { write: true });
  if (!opened.ok) throw new Error(opened.message);
  return opened.store;
}

const item = (key: string, lane: Lane, rank: number) => ({ key, title: `Item ${key}`, lane, rank });
const threeLanes = JSON.stringify({
  version: 1,
  items: [
    item('RM-1', 'now', 0),
    item('RM-2', 'now', 1),
    item('RM-3', 'now', 2),
    item('RM-4', 'next', 0),
    item('RM-5', 'later', 0),
  ],
});

/** `now: RM-1@0 RM-2@1 | next: … | later: …` */
function lanesOf(store: RoadmapStore): string {
  const lanes: Record<Lane, string[]> = { now: [], next: [], later: [] };
  for (const entry of store.items()) lanes[entry.lane].push(`${entry.key}@${entry.rank}`);
  return `now: ${lanes.now.join(' ')} | next: ${lanes.next.join(' ')} | later: ${lanes.later.join(' ')}`;
}

describe('roadmap.json format', () => {
  const cases: { name: string; data: unknown; expected: string }[] = [
    { name: 'empty', data: { version: 1, items: [] }, expected: '{\n  "version": 1,\n  "items": []\n}\n' },
    {
      name: 'an item stays multi-line; its leaf objects and arrays go on one line',
      data: {
        version: 1,
        items: [
          { key: 'RM-1', tags: ['a', 'b'], rice: { reach: 1, impact: 0.5 }, nested: { deep: { x: 1 } } },
        ],
      },
      expected:
        '{\n  "version": 1,\n  "items": [\n    {\n      "key": "RM-1",\n      "tags": ["a", "b"],\n      "rice": { "reach": 1, "impact": 0.5 },\n' +
        '      "nested": {\n        "deep": { "x": 1 }\n      }\n    }\n  ]\n}\n',
    },
    {
      name: 'strings with quotes, commas and escaped newlines',
      data: { version: 1, items: [{ key: 'RM-2', extra: { note: 'a "b",\n c' } }] },
      expected:
        '{\n  "version": 1,\n  "items": [\n    {\n      "key": "RM-2",\n      "extra": { "note": "a \\"b\\",\\n c" }\n    }\n  ]\n}\n',
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(formatRoadmapJson(testCase.data as RoadmapFile)).toBe(testCase.expected);
    });
  }

  it('writes the sample back byte for byte, so a first save does not reformat the file', async () => {
    const text = await fs.readFile(sampleRoadmap, 'utf8');
    const parsed = parseRoadmapText(text);
    expect(parsed.ok && roadmapText(parsed.data)).toBe(text);
  });
});

describe('RoadmapStore.open', () => {
  const corruptCases: { name: string; text: string; message: string }[] = [
    {
      name: 'a trailing comma',
      text: '{\n  "version": 1,\n  "items": [],\n}\n',
      message: 'roadmap.json is not valid JSON (line 4): Expected double-quoted property name.',
    },
    {
      name: 'a file cut short',
      text: '{\n  "version": 1,\n  "items": [\n',
      message: 'roadmap.json is not valid JSON (line 4): Unexpected end of JSON input.',
    },
    {
      name: 'an unknown lane names the item',
      text: JSON.stringify({ items: [item('RM-1', 'now', 0), { ...item('RM-2', 'now', 1), lane: 'soon' }] }),
      message: 'roadmap.json: item RM-2 (items[1]) lane must be one of "now", "next", "later".',
    },
    {
      name: 'a RICE impact off the scale',
      text: JSON.stringify({
        items: [{ ...item('RM-1', 'now', 0), rice: { reach: 1, impact: 4, confidence: 80, effort: 1 } }],
      }),
      message: 'roadmap.json: item RM-1 (items[0]) rice.impact must be one of 3, 2, 1, 0.5, 0.25.',
    },
    { name: 'not an object', text: '[]', message: 'roadmap.json must be an object.' },
  ];
  for (const testCase of corruptCases) {
    it(`reports a corrupt file clearly and leaves it untouched: ${testCase.name}`, async () => {
      const root = await workspace(testCase.text);
      const opened = await RoadmapStore.open(root, { write: true });
      const after = await fs.readFile(path.join(root, 'roadmap.json'), 'utf8');
      const files = await fs.readdir(root);
      expect({ opened, unchanged: after === testCase.text, files }).toEqual({
        opened: { ok: false, error: 'corrupt', message: testCase.message },
        unchanged: true,
        files: ['.specbench', 'roadmap.json'],
      });
    });
  }

  it('a missing file is an empty roadmap, created on the first write', async () => {
    const root = await workspace();
    const store = await openWritable(root);
    const before = store.items().length;
    await store.create({ title: 'Guest checkout', lane: 'now' });
    const text = await fs.readFile(path.join(root, 'roadmap.json'), 'utf8');
    await store.close();
    expect({ before, text }).toEqual({
      before: 0,
      text: '{\n  "version": 1,\n  "items": [\n    {\n      "key": "RM-1",\n      "title": "Guest checkout",\n      "description": "",\n      "lane": "now",\n      "rank": 0,\n      "status": "proposed"\n    }\n  ]\n}\n',
    });
  });

  it('keeps fields it does not know', async () => {
    const root = await workspace(
      JSON.stringify({ version: 1, custom: true, items: [{ ...item('RM-1', 'now', 0), jira: 'CHK-12' }] }),
    );
    const store = await openWritable(root);
    await store.update('RM-1', { title: 'Renamed' });
    await store.close();
    const written = JSON.parse(await fs.readFile(path.join(root, 'roadmap.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(written).toEqual({
      version: 1,
      custom: true,
      items: [
        {
          key: 'RM-1',
          title: 'Renamed',
          description: '',
          lane: 'now',
          rank: 0,
          status: 'proposed',
          jira: 'CHK-12',
        },
      ],
    });
  });
});

describe('RoadmapStore changes', () => {
  const cases: { name: string; run: (store: RoadmapStore) => Promise<unknown>; expected: unknown }[] = [
    {
      name: 'create takes the next free key and the end of its lane',
      run: async (store) => {
        const created = await store.create({ title: 'Wallets', lane: 'now', owner: 'Priya' });
        return created.ok && [created.item.key, created.item.rank, created.item.owner];
      },
      expected: ['RM-6', 3, 'Priya'],
    },
    {
      name: 'create refuses a key in use',
      run: (store) => store.create({ key: 'RM-2', title: 'Again', lane: 'next' }),
      expected: { ok: false, error: 'duplicate-key', message: 'Roadmap item RM-2 already exists.' },
    },
    {
      name: 'create validates',
      run: (store) => store.create({ title: 'Bad quarter', lane: 'next', quarter: 'Q3' }),
      expected: {
        ok: false,
        error: 'invalid',
        message: 'Roadmap item RM-6: quarter must match pattern /^[0-9]{4}-Q[1-4]$/.',
      },
    },
    {
      name: 'update changes fields and clears one set to undefined',
      run: async (store) => {
        await store.update('RM-4', { owner: 'Dana', quarter: '2027-Q1' });
        const updated = await store.update('RM-4', { owner: undefined, status: 'planned' });
        return updated.ok && updated.item;
      },
      expected: {
        key: 'RM-4',
        title: 'Item RM-4',
        description: '',
        lane: 'next',
        rank: 0,
        status: 'planned',
        quarter: '2027-Q1',
      },
    },
    {
      name: 'update to another lane appends there',
      run: async (store) => {
        await store.update('RM-1', { lane: 'later' });
        return lanesOf(store);
      },
      expected: 'now: RM-2@1 RM-3@2 | next: RM-4@0 | later: RM-5@0 RM-1@1',
    },
    {
      name: 'update of a missing item',
      run: (store) => store.update('RM-99', { title: 'x' }),
      expected: { ok: false, error: 'not-found', message: 'There is no roadmap item RM-99.' },
    },
    {
      name: 'update validates',
      run: (store) => store.update('RM-1', { title: '' }),
      expected: {
        ok: false,
        error: 'invalid',
        message: 'Roadmap item RM-1: title Too small: expected string to have >=1 characters.',
      },
    },
    {
      name: 'move within a lane renumbers it',
      run: async (store) => {
        await store.move('RM-3', 'now', 0);
        return lanesOf(store);
      },
      expected: 'now: RM-3@0 RM-1@1 RM-2@2 | next: RM-4@0 | later: RM-5@0',
    },
    {
      name: 'move to another lane renumbers both',
      run: async (store) => {
        await store.move('RM-1', 'next', 1);
        return lanesOf(store);
      },
      expected: 'now: RM-2@0 RM-3@1 | next: RM-4@0 RM-1@1 | later: RM-5@0',
    },
    {
      name: 'move past the end clamps',
      run: async (store) => {
        await store.move('RM-1', 'later', 50);
        return lanesOf(store);
      },
      expected: 'now: RM-2@0 RM-3@1 | next: RM-4@0 | later: RM-5@0 RM-1@1',
    },
    {
      name: 'move returns every item in order',
      run: async (store) => {
        const moved = await store.move('RM-5', 'now', 1);
        return moved.ok && moved.items.map((entry) => entry.key);
      },
      expected: ['RM-1', 'RM-5', 'RM-2', 'RM-3', 'RM-4'],
    },
    {
      name: 'remove',
      run: async (store) => {
        await store.remove('RM-2');
        return [lanesOf(store), await store.remove('RM-2')];
      },
      expected: [
        'now: RM-1@0 RM-3@2 | next: RM-4@0 | later: RM-5@0',
        { ok: false, error: 'not-found', message: 'There is no roadmap item RM-2.' },
      ],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const root = await workspace(threeLanes);
      const store = await openWritable(root);
      const result = await testCase.run(store);
      await store.close();
      expect(result).toEqual(testCase.expected);
    });
  }

  it('what it reports is what a fresh open reads back', async () => {
    const root = await workspace(threeLanes);
    const store = await openWritable(root);
    await store.move('RM-4', 'now', 0);
    await store.create({ title: 'New', lane: 'later' });
    const before = lanesOf(store);
    await store.close();
    const reopened = await openWritable(root);
    expect(lanesOf(reopened)).toBe(before);
  });

  it('updates made in one tick are written once', async () => {
    const root = await workspace(threeLanes);
    const store = await openWritable(root);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, count) => store.update('RM-1', { description: `edit ${count}` })),
    );
    const backup = await fs.readFile(path.join(root, 'roadmap.json.bak'), 'utf8');
    await store.close();
    // With more than one write the backup would hold an intermediate edit.
    expect({ allOk: results.every((result) => result.ok), backup }).toEqual({
      allOk: true,
      backup: threeLanes,
    });
  });

  it('keeps the previous good file as roadmap.json.bak', async () => {
    const root = await workspace(threeLanes);
    const store = await openWritable(root);
    await store.update('RM-1', { title: 'First' });
    const first = await fs.readFile(path.join(root, 'roadmap.json'), 'utf8');
    await store.update('RM-1', { title: 'Second' });
    const backup = await fs.readFile(path.join(root, 'roadmap.json.bak'), 'utf8');
    await store.close();
    expect(backup).toBe(first);
  });

  it('knows the line of each item in the file', async () => {
    const root = await workspace(await fs.readFile(sampleRoadmap, 'utf8'));
    const opened = await RoadmapStore.open(root);
    const lines = opened.ok ? opened.store.itemLines() : new Map();
    expect([lines.get('RM-1'), lines.get('RM-2'), lines.get('REL-2'), lines.size]).toEqual([
      [5],
      [18],
      [163],
      14,
    ]);
  });

  it('a read-only store refuses changes', async () => {
    const root = await workspace(threeLanes);
    const opened = await RoadmapStore.open(root);
    const result = opened.ok && (await opened.store.create({ title: 'x', lane: 'now' }));
    expect(result).toEqual({ ok: false, error: 'read-only', message: 'The roadmap is open read-only here.' });
  });
});

describe('one writer', () => {
  it('a second store cannot write, can read, and can write once the first closes', async () => {
    const root = await workspace(threeLanes);
    const first = await openWritable(root);
    const second = await RoadmapStore.open(root, { write: true });
    const reader = await RoadmapStore.open(root);
    await first.close();
    const third = await RoadmapStore.open(root, { write: true });
    if (third.ok) await third.store.close();
    expect({
      second: second.ok ? 'opened' : second.error,
      reader: reader.ok && reader.store.items().length,
      third: third.ok,
    }).toEqual({ second: 'locked', reader: 5, third: true });
  });

  it('takes over a lock left by a process that died', async () => {
    const root = await workspace(threeLanes);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    await fs.mkdir(path.join(root, '.specbench'));
    const lock = {
      pid: Number(dead.stdout),
      host: os.hostname(),
      token: 'stale',
      since: '2026-01-01T00:00:00Z',
    };
    await fs.writeFile(path.join(root, '.specbench', 'roadmap.lock'), JSON.stringify(lock));
    const opened = await RoadmapStore.open(root, { write: true });
    const created = opened.ok && (await opened.store.create({ title: 'After a crash', lane: 'now' }));
    if (opened.ok) await opened.store.close();
    expect(created && created.ok).toBe(true);
  });

  it('releases the lock on close', async () => {
    const root = await workspace(threeLanes);
    const store = await openWritable(root);
    // What stays is the folder's own .gitignore (see stateFolder.ts), not the lock.
    await store.close();
    expect(await fs.readdir(path.join(root, '.specbench'))).toEqual(['.gitignore']);
  });
});

describe('external edits', () => {
  it('a write over a file changed on disk is refused and rolled back', async () => {
    const root = await workspace(threeLanes);
    const store = await openWritable(root);
    const edited = threeLanes.replace('Item RM-1', 'Edited elsewhere');
    await fs.writeFile(path.join(root, 'roadmap.json'), edited);
    let changes = 0;
    store.onDidChange(() => changes++);
    const result = await store.update('RM-2', { title: 'Mine' });
    const onDisk = await fs.readFile(path.join(root, 'roadmap.json'), 'utf8');
    expect({ result, title: store.item('RM-2')?.title, kept: onDisk === edited, changes }).toEqual({
      result: {
        ok: false,
        error: 'conflict',
        message: 'roadmap.json changed on disk since it was loaded; reload it first.',
      },
      title: 'Item RM-2',
      kept: true,
      changes: 1,
    });
  });

  it('reload picks up an external edit, and ignores our own writes', async () => {
    const root = await workspace(threeLanes);
    const store = await openWritable(root);
    let changes = 0;
    store.onDidChange(() => changes++);
    await store.update('RM-1', { title: 'Ours' });
    await store.reload();
    const afterOwn = changes;
    await fs.writeFile(path.join(root, 'roadmap.json'), threeLanes.replace('Item RM-2', 'Theirs'));
    await store.reload();
    const titles = [store.item('RM-1')?.title, store.item('RM-2')?.title];
    await store.close();
    expect({ afterOwn, changes, titles }).toEqual({
      afterOwn: 1,
      changes: 2,
      titles: ['Item RM-1', 'Theirs'],
    });
  });

  it('a corrupt edit keeps the loaded roadmap, refuses writes, and restores from the backup', async () => {
    const root = await workspace(threeLanes);
    const store = await openWritable(root);
    await store.update('RM-1', { title: 'Saved' });
    const saved = await fs.readFile(path.join(root, 'roadmap.json'), 'utf8');
    await fs.writeFile(path.join(root, 'roadmap.json'), '{ "items": [ oops');
    const reloaded = await store.reload();
    const write = await store.update('RM-2', { title: 'Lost?' });
    const restored = await store.restoreBackup();
    const files = (await fs.readdir(root)).filter((name) => name.startsWith('roadmap.corrupt-'));
    const quarantined = await fs.readFile(path.join(root, files[0] ?? 'missing'), 'utf8');
    const current = await fs.readFile(path.join(root, 'roadmap.json'), 'utf8');
    await store.close();
    expect({
      reloaded: reloaded.ok ? 'ok' : reloaded.error,
      write: write.ok ? 'ok' : write.error,
      restored: restored.ok,
      quarantined,
      current,
      title: store.item('RM-1')?.title,
      backupIsOlder: saved !== threeLanes,
    }).toEqual({
      reloaded: 'corrupt',
      write: 'corrupt',
      restored: true,
      quarantined: '{ "items": [ oops',
      current: threeLanes,
      title: 'Item RM-1',
      backupIsOlder: true,
    });
  });

  it('restores the backup of a roadmap that cannot be opened at all', async () => {
    const root = await workspace('{ broken');
    await fs.writeFile(path.join(root, 'roadmap.json.bak'), threeLanes);
    const restored = await RoadmapStore.restoreBackup(root);
    const opened = await RoadmapStore.open(root);
    expect({ restored: restored.ok, items: opened.ok && opened.store.items().length }).toEqual({
      restored: true,
      items: 5,
    });
  });

  it('without a backup there is nothing to restore', async () => {
    const root = await workspace('{ broken');
    expect(await RoadmapStore.restoreBackup(root)).toEqual({
      ok: false,
      error: 'no-backup',
      message: 'There is no roadmap.json.bak to restore.',
    });
  });
});

describe('a lock copied with its folder', () => {
  it('does not hold the copy: a cp -a of an open workspace opens for writing', async () => {
    const root = await workspace(threeLanes);
    const first = await openWritable(root);
    const copy = `${root}-copy`;
    await fs.cp(root, copy, { recursive: true });
    const inCopy = await RoadmapStore.open(copy, { write: true });
    const inOriginal = await RoadmapStore.open(root, { write: true });
    if (inCopy.ok) await inCopy.store.close();
    await first.close();
    await fs.rm(copy, { recursive: true, force: true });
    expect({
      copy: inCopy.ok ? 'opened' : inCopy.error,
      original: inOriginal.ok ? 'opened' : inOriginal.error,
    }).toEqual({ copy: 'opened', original: 'locked' });
  });
});
