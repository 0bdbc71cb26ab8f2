/**
 * Reads and indexes every document of a workspace on open: entries still described by the cache are
 * taken from it, the rest are read through the document store and indexed.
 */
import type { DocumentStore, ListedFile } from './documentStore.js';
import { compareWithCache, readIndexCache, type CachedFile } from './indexCache.js';
import { indexDocument, unreadableDocument } from './indexDocument.js';
import { frontMatterFieldLines } from './workspaceIndex.js';

export interface LoadStatistics {
  files: number;
  fromCache: number;
  read: number;
  listMs: number;
  cacheMs: number;
  indexMs: number;
}

export interface LoadedWorkspaceFiles {
  files: CachedFile[];
  /** When the listing began: the cache written from these files is trusted only for older mtimes. */
  listedAt: number;
  statistics: LoadStatistics;
}

/** Folders whose Markdown is not a workspace document: template overrides. */
const excludedTopFolders = new Set(['templates']);
const readConcurrency = 32;

export function isDocumentPath(path: string): boolean {
  const slash = path.indexOf('/');
  return slash === -1 || !excludedTopFolders.has(path.slice(0, slash));
}

export async function loadWorkspaceFiles(
  store: DocumentStore,
  options: { cache: boolean },
): Promise<LoadedWorkspaceFiles> {
  const started = performance.now();
  const listedAt = Date.now();
  const listed = (await store.listMarkdownFiles()).filter((file) => isDocumentPath(file.path));
  const listMs = performance.now() - started;
  const cache = options.cache ? await readIndexCache(store.root) : undefined;
  const { fresh, stale } = compareWithCache(listed, cache);
  const cacheMs = performance.now() - started - listMs;
  const read = await readAndIndex(store, stale);
  const files = [...fresh, ...read];
  return {
    files,
    listedAt,
    statistics: {
      files: files.length,
      fromCache: fresh.length,
      read: read.length,
      listMs,
      cacheMs,
      indexMs: performance.now() - started - listMs - cacheMs,
    },
  };
}

/** Reads one file through the store and indexes it; undefined when it vanished meanwhile. */
export async function readAndIndexFile(store: DocumentStore, path: string): Promise<CachedFile | undefined> {
  const result = await store.read(path);
  if (result.ok) {
    const { file } = result;
    const entry = indexDocument(file.path, file.text, file);
    return { entry, fieldLines: frontMatterFieldLines(file.text, entry.bodyLine), text: file.text };
  }
  if (result.error === 'not-found') return undefined;
  return {
    entry: unreadableDocument(path, result.message, { size: 0, mtimeMs: 0 }),
    fieldLines: {},
    text: '',
  };
}

async function readAndIndex(store: DocumentStore, files: ListedFile[]): Promise<CachedFile[]> {
  const results: (CachedFile | undefined)[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      results[index] = await readAndIndexFile(store, files[index]!.path);
    }
  };
  await Promise.all(Array.from({ length: Math.min(readConcurrency, files.length) }, worker));
  return results.filter((file): file is CachedFile => file !== undefined);
}
