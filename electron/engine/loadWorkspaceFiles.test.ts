import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DocumentStore } from './documentStore.js';
import { compareWithCache } from './indexCache.js';
import { isDocumentPath, listQuickly, loadWorkspaceFiles, readQuickly } from './loadWorkspaceFiles.js';
import { writeFiles } from '../testing/writeFiles.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

async function workspace(files: Record<string, string | Buffer>): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-load-'));
  folders.push(root);
  await writeFiles(root, files);
  return root;
}

const files = {
  'README.md': '# Read me\n',
  'specs/a.md': '---\nkey: SPEC-1\n---\n',
  'specs/deep/b.MD': '# B\n',
  'specs/image.png': 'not markdown',
  '.git/c.md': '# in git\n',
  'node_modules/d.md': '# dependency\n',
  '.specbench/e.md': '# cache folder\n',
  'templates/spec.md': '# template\n',
};

describe('listQuickly', () => {
  it('lists what the document store lists', async () => {
    const root = await workspace(files);
    expect(listQuickly(root)).toEqual(await new DocumentStore(root).listMarkdownFiles());
  });

  it('leaves a workspace with a symbolic link to the store', async () => {
    const root = await workspace(files);
    await fs.symlink(path.join(root, 'specs'), path.join(root, 'linked'));
    expect(listQuickly(root)).toBeUndefined();
  });
});

describe('loadWorkspaceFiles', () => {
  it('indexes every document, with the store’s message for a file it refuses', async () => {
    const root = await workspace({
      ...files,
      'specs/binary.md': Buffer.from([0x23, 0, 0x41]),
      'specs/latin1.md': Buffer.from([0xe9, 0x0a]),
    });
    const loaded = await loadWorkspaceFiles(new DocumentStore(root), { cache: false });
    expect(
      loaded.files.map((file) => [file.entry.path, file.entry.problem?.message ?? file.entry.title]).sort(),
    ).toEqual([
      ['README.md', 'README'],
      ['specs/a.md', 'a'],
      ['specs/binary.md', 'specs/binary.md is a binary file, not Markdown text.'],
      ['specs/deep/b.MD', 'b'],
      ['specs/latin1.md', 'specs/latin1.md is not valid UTF-8 text.'],
    ]);
  });

  it('gives each entry the version the document store would', async () => {
    const root = await workspace({ 'a.md': 'Some text\n' });
    const store = new DocumentStore(root);
    const [loaded] = (await loadWorkspaceFiles(store, { cache: false })).files;
    const read = await store.read('a.md');
    if (!read.ok) throw new Error(read.message);
    expect([loaded?.entry.size, loaded?.entry.mtimeMs, loaded?.entry.hash]).toEqual([
      read.file.size,
      read.file.mtimeMs,
      read.file.hash,
    ]);
  });
});

describe('isDocumentPath', () => {
  const cases: [string, boolean][] = [
    ['README.md', true],
    ['specs/a.md', true],
    ['templates/spec.md', false],
    ['specs/templates/x.md', true],
  ];
  it.each(cases)('%s', (file, expected) => {
    expect(isDocumentPath(file)).toBe(expected);
  });
});

describe('indexing with a worker thread', () => {
  const compiled = path.resolve(import.meta.dirname, '../../dist/electron/engine/indexWorker.js');
  const script = `
    const { DocumentStore } = await import(${JSON.stringify(path.resolve(import.meta.dirname, '../../dist/electron/engine/documentStore.js'))});
    const { loadWorkspaceFiles } = await import(${JSON.stringify(path.resolve(import.meta.dirname, '../../dist/electron/engine/loadWorkspaceFiles.js'))});
    const loaded = await loadWorkspaceFiles(new DocumentStore(process.argv[1]), { cache: false });
    const files = loaded.files.map((file) => file.entry).sort((a, b) => (a.path < b.path ? -1 : 1));
    process.stdout.write(JSON.stringify(files));`;
  it.skipIf(!existsSync(compiled))(
    'gives the same entries as one thread (skipped without the compiled worker: npm run build:node)',
    async () => {
      const files: Record<string, string> = {};
      for (let number = 0; number < 1200; number++) {
        files[`specs/spec-${number}.md`] =
          `---\nkey: SPEC-${number}\n---\n## Part\nText [[SPEC-${number + 1}]].\n`;
      }
      const root = await workspace(files);
      const run = (threads: string) =>
        spawnSync(process.execPath, ['--input-type=module', '-e', script, root], {
          env: { ...process.env, SPECBENCH_INDEX_THREADS: threads },
          encoding: 'utf8',
        }).stdout;
      const single = run('1');
      expect([single.length > 1000, run('2') === single]).toEqual([true, true]);
    },
  );
});

describe('a second thread that fails', () => {
  const manyFiles = (): Record<string, string> => {
    const specs: Record<string, string> = {};
    for (let number = 0; number < 1100; number++)
      specs[`specs/spec-${number}.md`] =
        `---\nkey: SPEC-${number}\n---\n## Part\nText [[SPEC-${number + 1}]].\n`;
    return specs;
  };
  const entriesOf = (loaded: Awaited<ReturnType<typeof loadWorkspaceFiles>>) =>
    loaded.files.map((file) => file.entry).sort((a, b) => (a.path < b.path ? -1 : 1));
  const failing: [string, string][] = [
    ['throws as it starts', 'throw new Error("broken worker")'],
    ['ends without an answer', 'process.exit(3)'],
    [
      'answers for fewer files than it was given',
      'import { parentPort } from "node:worker_threads"; parentPort.postMessage([null])',
    ],
  ];
  // One workspace and its single-thread index for every case (afterEach removes folders: this one is its own).
  let shared: Promise<{ store: DocumentStore; single: ReturnType<typeof entriesOf> }> | undefined;
  const prepared = () =>
    (shared ??= (async () => {
      const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-load-'));
      for (const [file, content] of Object.entries(manyFiles())) {
        await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
        await fs.writeFile(path.join(root, file), content);
      }
      const store = new DocumentStore(root);
      return { store, single: entriesOf(await loadWorkspaceFiles(store, { cache: false, threads: 1 })) };
    })());
  afterAll(async () => {
    if (shared) await fs.rm((await shared).store.root, { recursive: true, force: true });
  });
  it.each(failing)('%s: this thread indexes its share, with the same result', async (_name, source) => {
    const { store, single } = await prepared();
    const workerFile = new URL(`data:text/javascript,${encodeURIComponent(source)}`);
    const withWorker = await loadWorkspaceFiles(store, { cache: false, threads: 2, workerFile });
    expect([withWorker.files.length, entriesOf(withWorker)]).toEqual([1100, single]);
  });
});

describe('a file changed while the workspace opens', () => {
  it('is indexed as read, and read again on the next open though the cache has it', async () => {
    const root = await workspace({ 'specs/a.md': '---\ntitle: Before\n---\n' });
    const [listed] = listQuickly(root)!;
    // Changed between the listing and the read, to the same size, a moment later.
    await fs.writeFile(path.join(root, 'specs/a.md'), '---\ntitle: Edited\n---\n');
    const later = new Date(listed!.mtimeMs + 5_000);
    await fs.utimes(path.join(root, 'specs/a.md'), later, later);
    const read = readQuickly(root, listed!);
    if (read === undefined || read === 'unusual') throw new Error('not read');
    const cache = { listedAt: listed!.mtimeMs + 60_000, files: [read] };
    const next = compareWithCache(listQuickly(root)!, cache);
    expect([
      read.entry.title,
      read.entry.mtimeMs,
      next.fresh.length,
      next.stale.map((file) => file.path),
    ]).toEqual(['Edited', listed!.mtimeMs, 0, ['specs/a.md']]);
  });
});
