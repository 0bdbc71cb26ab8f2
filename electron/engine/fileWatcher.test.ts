import {
  promises as fs,
  mkdirSync,
  mkdtempSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentStore } from './documentStore.js';
import { FileWatcher, isWatchedPath, maxBatchDelayMs, type FileChange } from './fileWatcher.js';

interface Fixture {
  root: string;
  store: DocumentStore;
  watcher: FileWatcher;
  batches: FileChange[][];
  /** Resolves with every batch so far once `done` holds for them, or after `timeoutMs`. */
  until(done: (batches: FileChange[][]) => boolean, timeoutMs?: number): Promise<FileChange[][]>;
}

const open: FileWatcher[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((watcher) => watcher.close()));
});

async function watchedWorkspace(files: Record<string, string> = {}): Promise<Fixture> {
  const root = mkdtempSync(path.join(tmpdir(), 'specbench-watch-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  const store = new DocumentStore(root);
  const watcher = new FileWatcher(root, store);
  open.push(watcher);
  const batches: FileChange[][] = [];
  const waiters = new Set<() => void>();
  watcher.onDidChangeFiles((changes) => {
    batches.push(changes);
    for (const waiter of waiters) waiter();
  });
  await watcher.start();
  const until = (done: (batches: FileChange[][]) => boolean, timeoutMs = 5000) =>
    new Promise<FileChange[][]>((resolve) => {
      const check = () => {
        if (!done(batches)) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(batches);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        resolve(batches);
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return { root, store, watcher, batches, until };
}

const anyBatch = (batches: FileChange[][]) => batches.length > 0;
const settle = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('isWatchedPath', () => {
  const cases: [string, boolean][] = [
    ['a.md', true],
    ['specs/deep/a.MD', true],
    ['specbench.json', true],
    ['roadmap.json', true],
    ['specs/roadmap.json', false],
    ['notes.txt', false],
    ['specs/.a.md.123.abc.tmp', false],
    ['.git/a.md', false],
    ['node_modules/x/a.md', false],
    ['.specbench/trash/a.md', false],
  ];
  it.each(cases)('%s → %s', (relativePath, expected) => {
    expect(isWatchedPath(relativePath)).toBe(expected);
  });
});

describe('FileWatcher', () => {
  it('reports an external edit as one change', async () => {
    const fixture = await watchedWorkspace({ 'specs/a.md': 'one\n' });
    writeFileSync(path.join(fixture.root, 'specs/a.md'), 'two\n');
    await fixture.until(anyBatch);
    await settle(300);
    expect(fixture.batches).toEqual([[{ path: 'specs/a.md', kind: 'changed' }]]);
  });

  it('reports a vim-style save (write a temp file, rename it over) as one change', async () => {
    const fixture = await watchedWorkspace({ 'a.md': 'one\n' });
    const temp = path.join(fixture.root, '.a.md.swp');
    writeFileSync(temp, 'two\n');
    renameSync(temp, path.join(fixture.root, 'a.md'));
    await fixture.until(anyBatch);
    await settle(300);
    expect(fixture.batches).toEqual([[{ path: 'a.md', kind: 'changed' }]]);
  });

  it('reports a save by delete and re-create as one change', async () => {
    const fixture = await watchedWorkspace({ 'a.md': 'one\n' });
    unlinkSync(path.join(fixture.root, 'a.md'));
    writeFileSync(path.join(fixture.root, 'a.md'), 'two\n');
    await fixture.until(anyBatch);
    await settle(300);
    expect(fixture.batches).toEqual([[{ path: 'a.md', kind: 'changed' }]]);
  });

  it("reports vim's default save (original renamed to a~ backup, new file written) as one change", async () => {
    const fixture = await watchedWorkspace({ 'a.md': 'one\n' });
    renameSync(path.join(fixture.root, 'a.md'), path.join(fixture.root, 'a.md~'));
    writeFileSync(path.join(fixture.root, 'a.md'), 'two\n');
    unlinkSync(path.join(fixture.root, 'a.md~'));
    await fixture.until(anyBatch);
    await settle(300);
    expect(fixture.batches).toEqual([[{ path: 'a.md', kind: 'changed' }]]);
  });

  it('reports every file of a deleted folder', async () => {
    const fixture = await watchedWorkspace({ 'keep.md': '', 'specs/a.md': '', 'specs/deep/b.md': '' });
    await fs.rm(path.join(fixture.root, 'specs'), { recursive: true });
    await fixture.until((batches) => batches.flat().length >= 2);
    await settle(300);
    expect(fixture.batches.flat().sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'specs/a.md', kind: 'deleted' },
      { path: 'specs/deep/b.md', kind: 'deleted' },
    ]);
  });

  it('reports a deleted file', async () => {
    const fixture = await watchedWorkspace({ 'a.md': 'one\n', 'b.md': 'two\n' });
    unlinkSync(path.join(fixture.root, 'b.md'));
    await fixture.until(anyBatch);
    await settle(300);
    expect(fixture.batches).toEqual([[{ path: 'b.md', kind: 'deleted' }]]);
  });

  it('does not echo our own saves and creates, but still reports the next external edit', async () => {
    const fixture = await watchedWorkspace({ 'a.md': 'one\n' });
    const read = await fixture.store.read('a.md');
    if (read.ok) await fixture.store.save('a.md', 'ours\n', read.file);
    await fixture.store.create('specs/new.md', 'ours too\n');
    await settle(500);
    writeFileSync(path.join(fixture.root, 'a.md'), 'theirs\n');
    await fixture.until(anyBatch);
    await settle(300);
    expect(fixture.batches).toEqual([[{ path: 'a.md', kind: 'changed' }]]);
  });

  // On a share with 2-second times (or a coarse clock) an edit just after our save can keep its mtime:
  // the echo check must compare content, never times or sizes.
  it('reports an outside write made right after our save, even with the same file time', async () => {
    const fixture = await watchedWorkspace({ 'a.md': 'one\n' });
    const file = path.join(fixture.root, 'a.md');
    const read = await fixture.store.read('a.md');
    if (read.ok) await fixture.store.save('a.md', 'ours: draft\n', read.file);
    await settle(600);
    const saved = statSync(file);
    // The same length and the same time as our save: only the content tells them apart.
    writeFileSync(file, 'ours: final\n');
    utimesSync(file, new Date(saved.mtimeMs + 5000), saved.mtime);
    await fixture.until(anyBatch);
    expect(fixture.batches).toEqual([[{ path: 'a.md', kind: 'changed' }]]);
  });

  it('reports an external edit back to the text we last wrote', async () => {
    const fixture = await watchedWorkspace({ 'a.md': 'one\n' });
    const read = await fixture.store.read('a.md');
    if (read.ok) await fixture.store.save('a.md', 'ours\n', read.file);
    await settle(300);
    writeFileSync(path.join(fixture.root, 'a.md'), 'theirs\n');
    await fixture.until(anyBatch);
    writeFileSync(path.join(fixture.root, 'a.md'), 'ours\n');
    await fixture.until((batches) => batches.length >= 2);
    expect(fixture.batches).toEqual([
      [{ path: 'a.md', kind: 'changed' }],
      [{ path: 'a.md', kind: 'changed' }],
    ]);
  });

  it('ignores tool folders, other files and root-only names elsewhere', async () => {
    const fixture = await watchedWorkspace({
      '.git/HEAD': '',
      'node_modules/x/a.md': '',
      '.specbench/c.md': '',
    });
    writeFileSync(path.join(fixture.root, '.git', 'a.md'), 'x');
    writeFileSync(path.join(fixture.root, 'node_modules', 'x', 'a.md'), 'x');
    writeFileSync(path.join(fixture.root, '.specbench', 'c.md'), 'x');
    writeFileSync(path.join(fixture.root, 'notes.txt'), 'x');
    mkdirSync(path.join(fixture.root, 'specs'));
    writeFileSync(path.join(fixture.root, 'specs', 'roadmap.json'), '{}');
    await settle(300);
    writeFileSync(path.join(fixture.root, 'roadmap.json'), '{}');
    writeFileSync(path.join(fixture.root, 'specbench.json'), '{}');
    await fixture.until(anyBatch);
    await settle(300);
    expect(fixture.batches).toEqual([
      [
        { path: 'roadmap.json', kind: 'changed' },
        { path: 'specbench.json', kind: 'changed' },
      ],
    ]);
  });

  it('delivers a burst of 500 files (a git checkout) in one or a few batches with every path', async () => {
    const fixture = await watchedWorkspace({ 'README.md': '' });
    const expected: string[] = [];
    const started = Date.now();
    for (let folder = 0; folder < 5; folder++) {
      await fs.mkdir(path.join(fixture.root, `folder-${folder}`));
      const names = Array.from(
        { length: 100 },
        (_, file) => `folder-${folder}/file-${String(file).padStart(3, '0')}.md`,
      );
      expected.push(...names);
      await Promise.all(names.map((name) => fs.writeFile(path.join(fixture.root, name), `# ${name}\n`)));
    }
    const writingMs = Date.now() - started;
    const seen = (batches: FileChange[][]) => new Set(batches.flat().map((change) => change.path));
    await fixture.until((batches) => seen(batches).size >= 500, 15_000);
    await settle(300);
    // One batch normally; a burst that itself lasts longer than the longest batch delay may take more.
    const allowed = 2 + Math.floor(writingMs / maxBatchDelayMs);
    expect({
      fewBatches: fixture.batches.length <= allowed,
      paths: [...seen(fixture.batches)].sort(),
      kinds: [...new Set(fixture.batches.flat().map((change) => change.kind))],
    }).toEqual({ fewBatches: true, paths: expected.sort(), kinds: ['changed'] });
  });

  it('stops delivering once closed', async () => {
    const fixture = await watchedWorkspace({ 'a.md': 'one\n' });
    await fixture.watcher.close();
    writeFileSync(path.join(fixture.root, 'a.md'), 'two\n');
    await settle(300);
    expect(fixture.batches).toEqual([]);
  });
});
