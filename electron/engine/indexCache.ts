/**
 * The persisted index in `.specbench/index-cache.bin` (local, git-ignored, never the truth): a warm
 * open re-reads only files whose size or mtime changed, or whose mtime is too close to when they were
 * read to prove anything. A missing, corrupt or stale cache is ignored silently.
 *
 * Layout: a one-line JSON header; each entry's light part (what search and an open's indexes need)
 * with its field lines and its heavy part's length, as one JSON text; the heavy parts as one JSON array
 * (`cachedEntries`: read when the first is needed, each decoded when first read, or all at once); then
 * the documents' texts joined by NUL (no indexed text holds one: binary files are refused). An open
 * reads the header and the light parts alone; the heavy parts and the texts are read later, from the
 * same write of the file or not at all (`readSection`). `specbench search` reads the light parts and
 * the texts only (`readSearchCache`).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, openSync, promises as fs, readSync } from 'node:fs';
import path from 'node:path';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import { writeFileAtomic } from './atomicFile.js';
import { cachedEntries, splitEntry, type LightEntry, type Reread } from './cachedEntries.js';
import { ensureStateFolder, stateFolderName } from './stateFolder.js';
import type { ListedFile } from './documentStore.js';
import type { FieldLines } from './fieldLines.js';

/** Bump when the indexer, the grammar or this format changes what an entry would hold. */
export const indexCacheVersion = 17;
const cacheFormat = 'specbench-index-cache';
export const cacheFolderName = stateFolderName;
export const cacheFileName = 'index-cache.bin';
/** Files changed this close to the moment they were read may have changed again within one mtime tick. */
export const racyWindowMs = 2_000;
/** The header is a few hundred bytes; anything longer is not ours. */
const headerLimit = 4_096;
const textSeparator = '\u0000';

export interface CachedFile {
  entry: DocumentEntry;
  fieldLines: FieldLines;
  /** The text indexed; absent for an entry taken from the cache until search asks for it. */
  text?: string;
}

export interface IndexCacheData {
  /** When the listing these entries were checked against began (epoch ms). */
  listedAt: number;
  files: Required<CachedFile>[];
}

export interface IndexCache {
  listedAt: number;
  /** The cached entries, without their texts; each decodes its heavy fields when one is first read. */
  files: CachedFile[];
  /** The texts of `files`, in order, read now; undefined when the file changed or cannot be read. */
  readTexts(): string[] | undefined;
}

/** What a full-text search reads of an entry, and what tells whether its file changed. */
export type SearchSummary = Pick<
  DocumentEntry,
  'path' | 'type' | 'title' | 'key' | 'bodyLine' | 'aliases' | 'tags' | 'size' | 'mtimeMs' | 'hash'
>;

export interface SearchCache {
  listedAt: number;
  summaries: SearchSummary[];
  /** The texts of `summaries`, in order; undefined when the file changed or cannot be read. */
  readTexts(): string[] | undefined;
}

interface Header {
  format: string;
  version: number;
  listedAt: number;
  /** Tells this write from any other, so texts are never paired with another write's entries. */
  write: string;
  summariesBytes: number;
  entriesBytes: number;
  textsBytes: number;
}

export function cachePath(root: string): string {
  return path.join(root, cacheFolderName, cacheFileName);
}

/**
 * The cache, or undefined when there is none or it cannot be trusted. `reread` gives the heavy part of
 * an entry whose cached one turns out unusable when decoded (empty fields without it); `whole` decodes
 * every entry now, for a caller that reads them all.
 */
export async function readIndexCache(
  root: string,
  options: { reread?: Reread; whole?: boolean } = {},
): Promise<IndexCache | undefined> {
  return readSummaries(root, (bytes, header, entriesAt) => {
    const lights = parseLights(bytes);
    const section = {
      bytes: header.entriesBytes,
      read: () => readSection(cachePath(root), header, entriesAt, header.entriesBytes),
    };
    const entries =
      lights &&
      cachedEntries(
        lights.map(([light]) => light),
        lights.map((item) => item[2]),
        section,
        { reread: options.reread ?? (() => undefined), whole: options.whole === true },
      );
    if (!lights || !entries) return undefined;
    const files = entries.map((entry, index): CachedFile => ({ entry, fieldLines: lights[index]![1] }));
    const textsAt = entriesAt + header.entriesBytes;
    return {
      listedAt: header.listedAt,
      files,
      readTexts: () => readTexts(cachePath(root), header, textsAt, files.length),
    };
  });
}

/** What search needs of every cached entry, and their texts on demand; undefined as for `readIndexCache`. */
export async function readSearchCache(root: string): Promise<SearchCache | undefined> {
  return readSummaries(root, (bytes, header, entriesAt) => {
    const summaries = parseLights(bytes)?.map(([light]) => searchSummary(light));
    if (!summaries) return undefined;
    const textsAt = entriesAt + header.entriesBytes;
    return {
      listedAt: header.listedAt,
      summaries,
      readTexts: () => readTexts(cachePath(root), header, textsAt, summaries.length),
    };
  });
}

/** The light parts with their field lines; undefined when any is of another shape (the cache is untrusted). */
function parseLights(bytes: Buffer): [LightEntry, FieldLines, number][] | undefined {
  const items = JSON.parse(bytes.toString('utf8')) as unknown;
  if (!Array.isArray(items)) return undefined;
  for (const item of items as unknown[]) {
    if (!Array.isArray(item) || !isLight(item[0]) || !isObject(item[1]) || !isLength(item[2]))
      return undefined;
  }
  return items as [LightEntry, FieldLines, number][];
}

function isLength(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
 * Reads the light parts (the summaries section) after checking the header against the file; undefined
 * when anything is off. `decode` is told where the heavy parts begin.
 */
async function readSummaries<T>(
  root: string,
  decode: (bytes: Buffer, header: Header, entriesAt: number) => T | undefined,
): Promise<T | undefined> {
  let file: Awaited<ReturnType<typeof fs.open>>;
  try {
    file = await fs.open(cachePath(root), 'r');
  } catch {
    return undefined;
  }
  try {
    const start = await file.read(Buffer.alloc(headerLimit), 0, headerLimit, 0);
    const header = parseHeader(start.buffer.subarray(0, start.bytesRead));
    // The sizes are untrusted: nothing is allocated for them unless the file holds exactly that much.
    if (!header || !sizesMatch(header, (await file.stat()).size)) return undefined;
    const bytes = Buffer.alloc(header.value.summariesBytes);
    const read = await file.read(bytes, 0, bytes.length, header.length);
    if (read.bytesRead !== bytes.length) return undefined;
    return decode(bytes, header.value, header.length + header.value.summariesBytes);
  } catch {
    return undefined;
  } finally {
    await file.close().catch(() => undefined);
  }
}

/** Writes the cache atomically, with a `.gitignore` so the folder never reaches a commit; false if it could not. */
export async function writeIndexCache(root: string, data: IndexCacheData): Promise<boolean> {
  try {
    const lights: [LightEntry, FieldLines, number][] = [];
    const heavyParts: string[] = [];
    for (const file of data.files) {
      const { light, heavyPart } = splitEntry(file.entry);
      lights.push([light, file.fieldLines, Buffer.byteLength(heavyPart)]);
      heavyParts.push(heavyPart);
    }
    const summaries = JSON.stringify(lights);
    // One JSON array, so a reader of every entry parses it at once; each part's length finds it alone.
    const entries = { strings: heavyParts, before: '[', between: ',', after: ']' };
    const texts = {
      strings: data.files.map((file) => file.text),
      before: '',
      between: textSeparator,
      after: '',
    };
    const header: Header = {
      format: cacheFormat,
      version: indexCacheVersion,
      listedAt: data.listedAt,
      write: randomUUID(),
      summariesBytes: Buffer.byteLength(summaries),
      entriesBytes: joinedLength(
        entries,
        lights.map((light) => light[2]),
      ),
      textsBytes: joinedLength(texts),
    };
    const headerLine = `${JSON.stringify(header)}\n`;
    // One buffer, each string encoded straight into its place: joining and concatenating 50 MB of
    // strings and buffers first cost a third of a `check` without a cache.
    const bytes = Buffer.allocUnsafe(
      Buffer.byteLength(headerLine) + header.summariesBytes + header.entriesBytes + header.textsBytes,
    );
    let at = bytes.write(headerLine, 0);
    at += bytes.write(summaries, at);
    at = writeJoined(bytes, at, entries);
    at = writeJoined(bytes, at, texts);
    // Never write bytes that were not filled (allocUnsafe): a miscount leaves the old cache alone.
    if (at !== bytes.length) return false;
    await ensureStateFolder(root);
    await writeFileAtomic(cachePath(root), bytes);
    return true;
  } catch {
    return false;
  }
}

/** Strings written one after another, as `before + strings.join(between) + after`. */
interface Joined {
  strings: string[];
  before: string;
  between: string;
  after: string;
}

/** The UTF-8 length of `joined` (given its strings' own lengths when they are known). */
function joinedLength(joined: Joined, lengths?: number[]): number {
  let total = Buffer.byteLength(joined.before) + Buffer.byteLength(joined.after);
  total += Math.max(0, joined.strings.length - 1) * Buffer.byteLength(joined.between);
  joined.strings.forEach((text, index) => (total += lengths?.[index] ?? Buffer.byteLength(text)));
  return total;
}

/** Encodes `joined` into `bytes` at `at`; where it ends. */
function writeJoined(bytes: Buffer, at: number, joined: Joined): number {
  let end = at + bytes.write(joined.before, at);
  joined.strings.forEach((text, index) => {
    if (index > 0) end += bytes.write(joined.between, end);
    end += bytes.write(text, end);
  });
  return end + bytes.write(joined.after, end);
}

/** Whether the header's sizes add up to the file's own: a torn or padded cache, or a lying header, fails. */
function sizesMatch(header: { value: Header; length: number }, fileSize: number): boolean {
  const { summariesBytes, entriesBytes, textsBytes } = header.value;
  return header.length + summariesBytes + entriesBytes + textsBytes === fileSize;
}

function searchSummary(entry: SearchSummary): SearchSummary {
  const { path, type, title, key, bodyLine, aliases, tags, size, mtimeMs, hash } = entry;
  return { path, type, title, key, bodyLine, aliases, tags, size, mtimeMs, hash };
}

function parseHeader(bytes: Buffer): { value: Header; length: number } | undefined {
  const end = bytes.indexOf(10);
  if (end === -1) return undefined;
  let value: Partial<Header> | null;
  try {
    value = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Partial<Header> | null;
  } catch {
    return undefined;
  }
  if (
    value === null ||
    typeof value !== 'object' ||
    value.format !== cacheFormat ||
    value.version !== indexCacheVersion ||
    typeof value.listedAt !== 'number' ||
    typeof value.write !== 'string' ||
    !Number.isSafeInteger(value.summariesBytes) ||
    !Number.isSafeInteger(value.entriesBytes) ||
    !Number.isSafeInteger(value.textsBytes) ||
    value.summariesBytes! < 0 ||
    value.entriesBytes! < 0 ||
    value.textsBytes! < 0
  ) {
    return undefined;
  }
  return { value: value as Header, length: end + 1 };
}

/** Whether a cached light part has every field an open reads, of the right kind (not what each holds). */
function isLight(value: unknown): value is LightEntry {
  if (!isSummary(value)) return false;
  const light = value as unknown as Record<string, unknown>;
  return (
    (light.status === undefined || typeof light.status === 'string') &&
    (light.owner === undefined || typeof light.owner === 'string') &&
    (light.depends === undefined || isStrings(light.depends)) &&
    (light.design === undefined || Array.isArray(light.design)) &&
    (light.evidence === undefined || isObject(light.evidence)) &&
    (light.problem === undefined || isObject(light.problem)) &&
    (light.conflicted === undefined || light.conflicted === true)
  );
}

function isSummary(value: unknown): value is SearchSummary {
  if (!isObject(value)) return false;
  const summary = value as Record<string, unknown>;
  return (
    typeof summary.path === 'string' &&
    typeof summary.type === 'string' &&
    typeof summary.title === 'string' &&
    (summary.key === undefined || typeof summary.key === 'string') &&
    typeof summary.bodyLine === 'number' &&
    isStrings(summary.aliases) &&
    isStrings(summary.tags) &&
    typeof summary.size === 'number' &&
    typeof summary.mtimeMs === 'number' &&
    typeof summary.hash === 'string'
  );
}

function isStrings(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Synchronous: search asks for the texts in the middle of a query. */
function readTexts(file: string, expected: Header, at: number, count: number): string[] | undefined {
  const texts = readSection(file, expected, at, expected.textsBytes)?.toString('utf8').split(textSeparator);
  return texts?.length === count ? texts : undefined;
}

/**
 * `length` bytes at `at` of the cache, if it is still the write `expected` came from (a rewrite since,
 * by this process or another, gives undefined: never another write's bytes). Synchronous: an entry
 * reads its heavy part, and search its texts, in the middle of a call.
 */
function readSection(file: string, expected: Header, at: number, length: number): Buffer | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const start = Buffer.alloc(headerLimit);
    const header = parseHeader(start.subarray(0, readSync(descriptor, start, 0, headerLimit, 0)));
    if (header?.value.write !== expected.write || !sizesMatch(header, fstatSync(descriptor).size))
      return undefined;
    const bytes = Buffer.alloc(length);
    return readSync(descriptor, bytes, 0, length, at) === length ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

export interface CacheComparison {
  /** Cached files whose size and mtime match the listing, safely older than the cache. */
  fresh: CachedFile[];
  /** Listed files to read again: new, changed or too recent to trust. */
  stale: ListedFile[];
}

/** Splits the listing into what the cache still describes and what must be read again. */
export function compareWithCache(
  listed: ListedFile[],
  cache: Pick<IndexCache, 'listedAt' | 'files'> | undefined,
): CacheComparison {
  if (!cache) return { fresh: [], stale: listed };
  const cached = new Map<string, CachedFile>();
  for (const file of cache.files) cached.set(file.entry.path, file);
  const fresh: CachedFile[] = [];
  const stale: ListedFile[] = [];
  for (const file of listed) {
    const known = cached.get(file.path);
    if (known && isFresh(known.entry, file, cache.listedAt)) {
      fresh.push(known);
    } else {
      stale.push(file);
    }
  }
  return { fresh, stale };
}

/** Whether a cached file still describes the listed one: same size and mtime, safely older than the cache. */
export function isFresh(
  known: Pick<DocumentEntry, 'size' | 'mtimeMs' | 'hash'>,
  file: ListedFile,
  listedAt: number,
): boolean {
  return (
    known.size === file.size &&
    known.mtimeMs === file.mtimeMs &&
    known.mtimeMs < listedAt - racyWindowMs &&
    known.hash !== ''
  );
}
