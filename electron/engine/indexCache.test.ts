import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import { indexDocument } from './indexDocument.js';
import {
  cachePath,
  compareWithCache,
  indexCacheVersion,
  readIndexCache,
  readSearchCache,
  writeIndexCache,
  type CachedFile,
  type IndexCacheData,
} from './indexCache.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => fs.rm(folder, { recursive: true, force: true })));
});
async function tempFolder(): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-cache-'));
  folders.push(folder);
  return folder;
}

function cached(filePath: string, size: number, mtimeMs: number, hash = 'h'): Required<CachedFile> {
  const text = '# Title\n';
  return { entry: indexDocument(filePath, text, { size, mtimeMs, hash }), fieldLines: {}, text };
}

/** A cache file with this header line and body, as a writer of another version might leave it. */
function cacheBytes(header: object | null, body = '[]'): string {
  return `${JSON.stringify(header)}\n${body}`;
}
const header = {
  format: 'specbench-index-cache',
  version: indexCacheVersion,
  listedAt: 1,
  write: 'w',
  summariesBytes: 0,
};

describe('index cache on disk', () => {
  it('round-trips entries, then texts on demand, and writes a .gitignore that ignores everything', async () => {
    const root = await tempFolder();
    const data: IndexCacheData = { listedAt: 1234, files: [cached('a.md', 8, 1), cached('b.md', 9, 2)] };
    const written = await writeIndexCache(root, data);
    const ignore = await fs.readFile(path.join(root, '.specbench', '.gitignore'), 'utf8');
    const read = await readIndexCache(root);
    expect([written, ignore, read?.listedAt, read?.files, read?.readTexts()]).toEqual([
      true,
      '*\n',
      1234,
      data.files.map(({ entry, fieldLines }) => ({ entry, fieldLines })),
      data.files.map((file) => file.text),
    ]);
  });

  it('never brings back a workspace deleted before the cache was written (a served folder removed mid-open)', async () => {
    const root = path.join(await tempFolder(), 'workspace');
    const written = await writeIndexCache(root, { listedAt: 1, files: [cached('a.md', 8, 1)] });
    expect([
      written,
      await fs.stat(root).then(
        () => 'exists',
        () => 'gone',
      ),
    ]).toEqual([false, 'gone']);
  });

  it('gives search the summaries of its entries and their texts, without the entries', async () => {
    const root = await tempFolder();
    const files = [cached('a.md', 8, 1), cached('specs/b.md', 9, 2)];
    await writeIndexCache(root, { listedAt: 1234, files });
    const read = await readSearchCache(root);
    const summary = ({
      path,
      type,
      title,
      key,
      bodyLine,
      aliases,
      tags,
      size,
      mtimeMs,
      hash,
    }: DocumentEntry) => ({ path, type, title, key, bodyLine, aliases, tags, size, mtimeMs, hash });
    expect([read?.listedAt, read?.summaries, read?.readTexts()]).toEqual([
      1234,
      files.map(({ entry }) => summary(entry)),
      files.map((file) => file.text),
    ]);
  });

  it('pairs texts only with the entries of the same write', async () => {
    const root = await tempFolder();
    await writeIndexCache(root, { listedAt: 1, files: [cached('a.md', 8, 1)] });
    const read = await readIndexCache(root);
    await writeIndexCache(root, { listedAt: 2, files: [cached('a.md', 8, 1)] });
    expect(read?.readTexts()).toBeUndefined();
  });

  const untrusted: [string, Buffer | string][] = [
    ['garbage', 'not a cache at all'],
    ['old v8', v8.serialize({ format: 'specbench-index-cache', version: 2, listedAt: 1, entries: '[]' })],
    ['truncated', cacheBytes({ ...header, entriesBytes: 100, textsBytes: 0 })],
    [
      'another version',
      cacheBytes({ ...header, version: indexCacheVersion + 1, entriesBytes: 2, textsBytes: 0 }),
    ],
    ['another format', cacheBytes({ ...header, format: 'other', entriesBytes: 2, textsBytes: 0 })],
    ['sizeless', cacheBytes(header)],
    ['non-array', cacheBytes({ ...header, summariesBytes: 2, entriesBytes: 2, textsBytes: 0 }, '{}{}')],
    [
      'summary-less',
      cacheBytes({ ...header, summariesBytes: 13, entriesBytes: 2, textsBytes: 0 }, '[{"path":1}][]'),
    ],
    [
      'version 12 (no summaries)',
      cacheBytes({ ...header, version: 12, summariesBytes: undefined, entriesBytes: 2, textsBytes: 0 }),
    ],
    ['null', cacheBytes(null)],
  ];
  it.each(untrusted)('ignores a %s cache, for an open and for search', async (_name, bytes) => {
    const root = await tempFolder();
    await fs.mkdir(path.join(root, '.specbench'));
    await fs.writeFile(cachePath(root), bytes);
    expect([await readIndexCache(root), await readSearchCache(root)]).toEqual([undefined, undefined]);
  });

  /** Runs `read` with Buffer.alloc watched; returns its result and the largest allocation asked for. */
  async function largestAllocation<T>(read: () => Promise<T>): Promise<{ value: T; largest: number }> {
    const alloc = vi.spyOn(Buffer, 'alloc');
    try {
      const value = await read();
      return { value, largest: Math.max(0, ...alloc.mock.calls.map(([size]) => size)) };
    } finally {
      alloc.mockRestore();
    }
  }

  it('allocates nothing for sizes its header claims beyond the file (a hostile or torn cache)', async () => {
    const root = await tempFolder();
    await fs.mkdir(path.join(root, '.specbench'));
    const huge = { ...header, entriesBytes: 1_500_000_000, textsBytes: 1_500_000_000 };
    await fs.writeFile(cachePath(root), cacheBytes(huge));
    const { value, largest } = await largestAllocation(() => readIndexCache(root));
    expect(value).toBeUndefined();
    expect(largest).toBeLessThanOrEqual(4_096);
  });

  it('ignores a cache whose texts were cut or grew after the entries were read', async () => {
    const root = await tempFolder();
    await writeIndexCache(root, { listedAt: 1, files: [cached('a.md', 8, 1)] });
    const read = await readIndexCache(root);
    await fs.appendFile(cachePath(root), 'more');
    expect(read?.readTexts()).toBeUndefined();
  });

  it('never throws, hangs or over-allocates on a cache cut short or with bytes flipped (fuzzed)', async () => {
    const root = await tempFolder();
    const files = [cached('a.md', 8, 1), cached('specs/b.md', 9, 2), cached('c.md', 10, 3)];
    await writeIndexCache(root, { listedAt: 1234, files });
    const good = await fs.readFile(cachePath(root));
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: good.length }),
        fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 })), {
          maxLength: 4,
        }),
        async (cut, flips) => {
          const bytes = Buffer.from(good.subarray(0, cut));
          for (const [at, mask] of flips) if (at < bytes.length) bytes[at]! ^= mask;
          await fs.writeFile(cachePath(root), bytes);
          const { value, largest } = await largestAllocation(async () => {
            const read = await readIndexCache(root);
            const whole = await readIndexCache(root, { whole: true });
            const search = await readSearchCache(root);
            // Every entry decoded too: a flipped byte in an entry's heavy part shows only then.
            for (const file of [...(read?.files ?? []), ...(whole?.files ?? [])])
              void file.entry.requirements;
            return { read, texts: read?.readTexts(), search, searchTexts: search?.readTexts() };
          });
          expect(largest).toBeLessThanOrEqual(Math.max(bytes.length, 4_096));
          // A cut cache never passes; a flipped one passes only whole, with one text per entry.
          if (cut < good.length) expect([value.read, value.search]).toEqual([undefined, undefined]);
          if (value.texts !== undefined) expect(value.texts).toHaveLength(value.read!.files.length);
          if (value.searchTexts !== undefined)
            expect(value.searchTexts).toHaveLength(value.search!.summaries.length);
        },
      ),
      { numRuns: 200, seed: 17 },
    );
  });

  it('keeps every text byte for byte, empty ones and multi-byte ones too, each where it was', async () => {
    const root = await tempFolder();
    const texts = ['', '# Café ☕\n', '# 日本語 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\n', 'lone \ud800 half\n', ''];
    const files = texts.map((text, index) => ({ ...cached(`${index}.md`, 8, 1), text }));
    await writeIndexCache(root, { listedAt: 5, files });
    const read = await readIndexCache(root, { whole: true });
    // A lone surrogate is stored as U+FFFD, as writing it to any UTF-8 file would.
    expect(read?.readTexts()).toEqual(texts.map((text) => text.replace('\ud800', '\ufffd')));
    expect(read?.files.map(({ entry }) => entry.path)).toEqual(texts.map((_text, index) => `${index}.md`));
  });

  const decodeCases: [string, boolean][] = [
    ['each entry on first use', false],
    ['every entry at once', true],
  ];
  it.each(decodeCases)('decodes %s, the same entries either way', async (_name, whole) => {
    const root = await tempFolder();
    const text =
      '---\nkey: SPEC-1\ntype: spec\ntitle: Café\n---\n## Requirements\n:::requirement{#REQ-1 priority=must}\nPay.\n:::\n';
    const spec = {
      entry: indexDocument('specs/a.md', text, { size: 9, mtimeMs: 1, hash: 'h' }),
      fieldLines: {},
      text,
    };
    const files = [spec, cached('b.md', 8, 2)];
    await writeIndexCache(root, { listedAt: 5, files });
    const read = await readIndexCache(root, { whole });
    expect(read?.files.map(({ entry }) => JSON.parse(JSON.stringify(entry)) as unknown)).toEqual(
      files.map(({ entry }) => JSON.parse(JSON.stringify(entry)) as unknown),
    );
  });

  it('rereads an entry whose heavy part is unusable, and writes what it reread rather than the bad part', async () => {
    const root = await tempFolder();
    await writeIndexCache(root, { listedAt: 1, files: [cached('a.md', 8, 1), cached('b.md', 9, 2)] });
    const bytes = await fs.readFile(cachePath(root), 'utf8');
    // Same length, so the header still matches the file: only b.md's heavy part is not an entry's.
    const at = bytes.lastIndexOf('"implements":[]');
    await fs.writeFile(cachePath(root), `${bytes.slice(0, at)}"implements":{}${bytes.slice(at + 15)}`);
    const fromFile = indexDocument('b.md', '# B\n', { size: 9, mtimeMs: 2, hash: 'h' });
    const reread = vi.fn((light: { path: string }) => (light.path === 'b.md' ? fromFile : undefined));
    const read = await readIndexCache(root, { reread });
    const before = reread.mock.calls.length;
    const headings = read?.files.map(({ entry }) => entry.headings.map((heading) => heading.text));
    await writeIndexCache(root, { listedAt: 2, files: read!.files.map((file) => ({ ...file, text: '' })) });
    const again = await readIndexCache(root);
    expect([
      before,
      reread.mock.calls.map(([light]) => light.path),
      headings,
      again?.files[1]?.entry.headings,
    ]).toEqual([0, ['b.md'], [['Title'], ['B']], fromFile.headings]);
  });

  const laterCaches: [string, (root: string) => Promise<unknown>][] = [
    [
      'rewritten by another open',
      (root) => writeIndexCache(root, { listedAt: 2, files: [cached('a.md', 8, 1), cached('b.md', 9, 2)] }),
    ],
    ['deleted', (root) => fs.rm(cachePath(root))],
    ['cut short', async (root) => fs.truncate(cachePath(root), (await fs.stat(cachePath(root))).size - 1)],
  ];
  it.each(laterCaches)(
    'reads the heavy parts when one is first needed, from the same write: a cache %s since is not read, each file is',
    async (_name, change) => {
      const root = await tempFolder();
      const text = '# Old heading\n';
      const old = (filePath: string) => ({
        entry: indexDocument(filePath, text, { size: 8, mtimeMs: 1, hash: 'h' }),
        fieldLines: {},
        text,
      });
      await writeIndexCache(root, { listedAt: 1, files: [old('a.md'), old('b.md')] });
      const fromFile = (light: { path: string }) =>
        indexDocument(light.path, `# ${light.path} on disk\n`, { size: 8, mtimeMs: 1, hash: 'h' });
      const reread = vi.fn(fromFile);
      const read = await readIndexCache(root, { reread });
      await change(root);
      expect(read?.files.map(({ entry }) => entry.headings.map((heading) => heading.text))).toEqual([
        ['a.md on disk'],
        ['b.md on disk'],
      ]);
    },
  );

  it('reads the heavy parts once, when the first is needed, for every entry', async () => {
    const root = await tempFolder();
    await writeIndexCache(root, { listedAt: 1, files: [cached('a.md', 8, 1), cached('b.md', 9, 2)] });
    const read = await readIndexCache(root);
    const first = read?.files[0]?.entry.headings;
    // Gone now, yet the other entry still decodes from the bytes read with the first.
    await fs.rm(cachePath(root));
    expect([first, read?.files[1]?.entry.headings].map((headings) => headings?.[0]?.text)).toEqual([
      'Title',
      'Title',
    ]);
  });

  const badLengths: [string, (bytes: string) => string][] = [
    [
      'a heavy part longer than its length says',
      (bytes) => bytes.replace(/,(\d+)\]\]/, (_m, n: string) => `,${Number(n) + 1}]]`),
    ],
    ['a version 13 cache', (bytes) => bytes.replace(`"version":${indexCacheVersion}`, '"version":13')],
  ];
  it.each(badLengths)('ignores %s', async (_name, change) => {
    const root = await tempFolder();
    await writeIndexCache(root, { listedAt: 1, files: [cached('a.md', 8, 1), cached('b.md', 9, 2)] });
    const bytes = await fs.readFile(cachePath(root), 'utf8');
    const changed = change(bytes);
    await fs.writeFile(cachePath(root), changed);
    expect([
      changed !== bytes,
      await readIndexCache(root),
      await readIndexCache(root, { whole: true }),
    ]).toEqual([true, undefined, undefined]);
  });

  it('reads no cache from a folder without one', async () => {
    expect(await readIndexCache(await tempFolder())).toBeUndefined();
  });

  it('reports a cache it could not write', async () => {
    const root = await tempFolder();
    await fs.writeFile(path.join(root, '.specbench'), 'a file where the folder should be');
    expect(await writeIndexCache(root, { listedAt: 1, files: [] })).toBe(false);
  });
});

describe('compareWithCache', () => {
  const listedAt = 100_000;
  const cache: IndexCacheData = {
    listedAt,
    files: [
      cached('same.md', 10, 5_000),
      cached('grown.md', 10, 5_000),
      cached('touched.md', 10, 5_000),
      cached('recent.md', 10, 99_000),
      cached('gone.md', 10, 5_000),
      cached('unreadable.md', 10, 5_000, ''),
    ],
  };
  const listed = [
    { path: 'same.md', size: 10, mtimeMs: 5_000 },
    { path: 'grown.md', size: 11, mtimeMs: 5_000 },
    { path: 'touched.md', size: 10, mtimeMs: 6_000 },
    { path: 'recent.md', size: 10, mtimeMs: 99_000 },
    { path: 'new.md', size: 1, mtimeMs: 1 },
    { path: 'unreadable.md', size: 10, mtimeMs: 5_000 },
  ];
  it('keeps only files whose size and mtime match and predate the cache', () => {
    const comparison = compareWithCache(listed, cache);
    expect([
      comparison.fresh.map((file) => file.entry.path),
      comparison.stale.map((file) => file.path),
    ]).toEqual([['same.md'], ['grown.md', 'touched.md', 'recent.md', 'new.md', 'unreadable.md']]);
  });

  it('reads everything without a cache', () => {
    expect(compareWithCache(listed, undefined).stale.length).toBe(listed.length);
  });
});
