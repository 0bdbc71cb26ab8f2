import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppStateStore } from './appStateStore.js';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-app-state-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

describe('AppStateStore', () => {
  const recentCases: [string, string[], string[]][] = [
    ['newest first', ['/a', '/b'], ['/b', '/a']],
    ['no duplicates', ['/a', '/b', '/a'], ['/a', '/b']],
    [
      'at most ten',
      Array.from({ length: 12 }, (_, i) => `/w${i}`),
      Array.from({ length: 10 }, (_, i) => `/w${11 - i}`),
    ],
  ];
  it.each(recentCases)('recent workspaces survive a restart: %s', async (_name, opened, expected) => {
    const file = path.join(folder, 'state', 'app-state.json');
    const store = await AppStateStore.open(file);
    for (const each of opened) await store.addRecentWorkspace(each);
    expect((await AppStateStore.open(file)).recentWorkspaces()).toEqual(expected);
  });

  it('keeps window bounds and the maximized flag', async () => {
    const file = path.join(folder, 'app-state.json');
    await (await AppStateStore.open(file)).setWindowState({ x: 4, y: 8, width: 1000, height: 700 }, true);
    expect((await AppStateStore.open(file)).windowState()).toEqual({
      bounds: { x: 4, y: 8, width: 1000, height: 700 },
      maximized: true,
    });
  });

  it('keeps the spelling choice, unset until the user makes one', async () => {
    const file = path.join(folder, 'app-state.json');
    const fresh = (await AppStateStore.open(file)).spelling();
    await (await AppStateStore.open(file)).setSpelling(true);
    expect([fresh, (await AppStateStore.open(file)).spelling()]).toEqual([undefined, true]);
  });

  const corruptCases: [string, string][] = [
    ['not JSON', '{"recentWorkspaces": ['],
    ['wrong shape', '{"recentWorkspaces": "nope"}'],
    ['empty', ''],
  ];
  it.each(corruptCases)('a corrupt file (%s) is set aside and the defaults used', async (_name, text) => {
    const file = path.join(folder, 'app-state.json');
    await fs.writeFile(file, text);
    const store = await AppStateStore.open(file);
    const setAside = store.quarantined ? await fs.readFile(store.quarantined, 'utf8') : undefined;
    expect({ recent: store.recentWorkspaces(), setAside }).toEqual({ recent: [], setAside: text });
  });

  it('leaves no temp files behind after writes', async () => {
    const file = path.join(folder, 'app-state.json');
    const store = await AppStateStore.open(file);
    await Promise.all(['/a', '/b', '/c'].map((each) => store.addRecentWorkspace(each)));
    expect(await fs.readdir(folder)).toEqual(['app-state.json']);
  });
});
