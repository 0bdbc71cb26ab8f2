/**
 * The persisted index in `.specbench/index-cache.bin` (v8 serialization; local, git-ignored, never
 * the truth): a warm open re-reads only files whose size or mtime changed, or whose mtime is too close
 * to when they were read to prove anything. A missing, corrupt or stale cache is ignored silently.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import { writeFileAtomic } from './atomicFile.js';
import type { ListedFile } from './documentStore.js';
import type { FieldLines } from './workspaceIndex.js';

/** Bump when the indexer, the grammar or this format changes what an entry would hold. */
export const indexCacheVersion = 2;
const cacheFormat = 'specbench-index-cache';
export const cacheFolderName = '.specbench';
export const cacheFileName = 'index-cache.bin';
/** Files changed this close to the moment they were read may have changed again within one mtime tick. */
const racyWindowMs = 2_000;

export interface CachedFile {
  entry: DocumentEntry;
  fieldLines: FieldLines;
  text: string;
}

export interface IndexCacheData {
  /** When the listing these entries were checked against began (epoch ms). */
  listedAt: number;
  files: CachedFile[];
}

/** Entries travel as one JSON string (JSON.parse is faster than v8.deserialize for plain objects), texts as strings. */
interface StoredCache {
  format: string;
  version: number;
  listedAt: number;
  entries: string;
  texts: string[];
}

export function cachePath(root: string): string {
  return path.join(root, cacheFolderName, cacheFileName);
}

/** The cache, or undefined when there is none or it cannot be trusted. */
export async function readIndexCache(root: string): Promise<IndexCacheData | undefined> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(cachePath(root));
  } catch {
    return undefined;
  }
  try {
    const stored = v8.deserialize(bytes) as Partial<StoredCache> | null;
    if (
      stored === null ||
      typeof stored !== 'object' ||
      stored.format !== cacheFormat ||
      stored.version !== indexCacheVersion ||
      typeof stored.listedAt !== 'number' ||
      typeof stored.entries !== 'string' ||
      !Array.isArray(stored.texts)
    ) {
      return undefined;
    }
    const entries = JSON.parse(stored.entries) as [DocumentEntry, FieldLines][];
    const texts = stored.texts;
    if (!Array.isArray(entries) || entries.length !== texts.length) return undefined;
    const files = entries.map(([entry, fieldLines], index) => ({ entry, fieldLines, text: texts[index]! }));
    return { listedAt: stored.listedAt, files };
  } catch {
    return undefined;
  }
}

/** Writes the cache atomically, with a `.gitignore` so the folder never reaches a commit; false if it could not. */
export async function writeIndexCache(root: string, data: IndexCacheData): Promise<boolean> {
  const stored: StoredCache = {
    format: cacheFormat,
    version: indexCacheVersion,
    listedAt: data.listedAt,
    entries: JSON.stringify(data.files.map((file) => [file.entry, file.fieldLines])),
    texts: data.files.map((file) => file.text),
  };
  try {
    const folder = path.join(root, cacheFolderName);
    await fs.mkdir(folder, { recursive: true });
    const ignore = path.join(folder, '.gitignore');
    if (!(await fs.stat(ignore).catch(() => undefined))) await writeFileAtomic(ignore, '*\n');
    await writeFileAtomic(cachePath(root), v8.serialize(stored));
    return true;
  } catch {
    return false;
  }
}

export interface CacheComparison {
  /** Cached files whose size and mtime match the listing, safely older than the cache. */
  fresh: CachedFile[];
  /** Listed files to read again: new, changed or too recent to trust. */
  stale: ListedFile[];
}

/** Splits the listing into what the cache still describes and what must be read again. */
export function compareWithCache(listed: ListedFile[], cache: IndexCacheData | undefined): CacheComparison {
  if (!cache) return { fresh: [], stale: listed };
  const cached = new Map<string, CachedFile>();
  for (const file of cache.files) cached.set(file.entry.path, file);
  const fresh: CachedFile[] = [];
  const stale: ListedFile[] = [];
  for (const file of listed) {
    const known = cached.get(file.path);
    if (
      known &&
      known.entry.size === file.size &&
      known.entry.mtimeMs === file.mtimeMs &&
      known.entry.mtimeMs < cache.listedAt - racyWindowMs &&
      known.entry.hash !== ''
    ) {
      fresh.push(known);
    } else {
      stale.push(file);
    }
  }
  return { fresh, stale };
}
