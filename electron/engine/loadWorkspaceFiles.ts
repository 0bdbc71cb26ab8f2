/**
 * Reads and indexes every document of a workspace on open: entries still described by the cache are
 * taken from it, the rest are read through the document store and indexed.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { maxDocumentBytes } from '../../shared/contract/documentLimits.js';
import { hashBytes, type DocumentStore, type ListedFile } from './documentStore.js';
import { compareWithCache, readIndexCache, type CachedFile } from './indexCache.js';
import { indexDocument, unreadableDocument } from './indexDocument.js';
import { frontMatterFieldLines } from './fieldLines.js';
import { isMarkdownPath, skippedFolderNames } from './workspacePaths.js';

export interface LoadStatistics {
  files: number;
  fromCache: number;
  read: number;
  listMs: number;
  cacheMs: number;
  indexMs: number;
}

export interface LoadedWorkspaceFiles {
  /** Files taken from the cache come without their text: `cachedTexts` has it, when search asks. */
  files: CachedFile[];
  /** The texts of the files taken from the cache, by path; empty when the cache no longer has them. */
  cachedTexts: () => Map<string, string>;
  /** When the listing began: the cache written from these files is trusted only for older mtimes. */
  listedAt: number;
  statistics: LoadStatistics;
}

/** Folders whose Markdown is not a workspace document: template overrides, review comments. */
const excludedTopFolders = new Set(['templates', 'reviews']);
const readConcurrency = 32;
/** Files read between two turns of the event loop, so a long open never freezes a server. */
const readBatch = 256;
/**
 * `SPECBENCH_INDEX_THREADS=2` indexes with a second thread. Off by default: on a 2-core machine under
 * load (load average 12) it cost 30% more CPU and no wall time; it has not yet been measured idle.
 */
const indexThreads = Number(process.env.SPECBENCH_INDEX_THREADS ?? '1');
/** Below this many files a second thread costs more to start than it saves. */
const workerThreshold = 1_000;
/** The worker starts late (its modules load first), so it gets a little less than half. */
const workerShare = 0.45;
/** The compiled worker; absent when running from TypeScript sources (tests), where one thread does all. */
const workerFile = new URL('./indexWorker.js', import.meta.url);

type QuickRead = CachedFile | 'unusual' | undefined;

export function isDocumentPath(path: string): boolean {
  const slash = path.indexOf('/');
  return slash === -1 || !excludedTopFolders.has(path.slice(0, slash));
}

export interface LoadOptions {
  cache: boolean;
  /** Decode every cached entry at once rather than each on first use: the caller reads them all (check). */
  wholeEntries?: boolean;
  /** Threads that index (1 or 2); `SPECBENCH_INDEX_THREADS` unless given. */
  threads?: number;
  /** The second thread's script; the compiled indexWorker.js unless given (tests give a failing one). */
  workerFile?: URL;
}

export async function loadWorkspaceFiles(
  store: DocumentStore,
  options: LoadOptions,
): Promise<LoadedWorkspaceFiles> {
  const started = performance.now();
  const listedAt = Date.now();
  const listed = (listQuickly(store.root) ?? (await store.listMarkdownFiles())).filter((file) =>
    isDocumentPath(file.path),
  );
  const listMs = performance.now() - started;
  // An entry whose cached line is unusable is read from its file when first used.
  const reread = (light: { path: string; size: number; mtimeMs: number }) => {
    const read = readQuickly(store.root, { path: light.path, size: light.size, mtimeMs: light.mtimeMs });
    return typeof read === 'object' ? read.entry : undefined;
  };
  const cache = options.cache
    ? await readIndexCache(store.root, { reread, whole: options.wholeEntries === true })
    : undefined;
  const { fresh, stale } = compareWithCache(listed, cache);
  const cacheMs = performance.now() - started - listMs;
  const read = await readAndIndex(
    store,
    stale,
    options.threads ?? indexThreads,
    options.workerFile ?? workerFile,
  );
  const files = [...fresh, ...read];
  return {
    files,
    cachedTexts: () => {
      const texts = new Map<string, string>();
      const cachedTexts = cache?.readTexts();
      if (cache && cachedTexts)
        cache.files.forEach((file, index) => texts.set(file.entry.path, cachedTexts[index]!));
      return texts;
    },
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

async function readAndIndex(
  store: DocumentStore,
  files: ListedFile[],
  threads: number,
  script: URL,
): Promise<CachedFile[]> {
  const useWorker =
    threads >= 2 &&
    files.length >= workerThreshold &&
    (script.protocol !== 'file:' || existsSync(fileURLToPath(script)));
  const split = useWorker ? Math.floor(files.length * (1 - workerShare)) : files.length;
  const fromWorker = useWorker ? readInWorker(script, store.root, files.slice(split)) : undefined;
  const results: (CachedFile | undefined)[] = [];
  const unusual: string[] = [];
  const collect = (file: ListedFile, read: QuickRead): void => {
    if (read === 'unusual') unusual.push(file.path);
    else if (read) results.push(read);
  };
  for (let batch = 0; batch < split; batch += readBatch) {
    if (batch > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const file of files.slice(batch, Math.min(batch + readBatch, split)))
      collect(file, readQuickly(store.root, file));
  }
  if (fromWorker) {
    const read = await fromWorker;
    files
      .slice(split)
      .forEach((file, index) => collect(file, read ? read[index] : readQuickly(store.root, file)));
  }
  // Anything odd (binary, invalid UTF-8, huge, unreadable) goes through the store for its exact message.
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < unusual.length) results.push(await readAndIndexFile(store, unusual[next++]!));
  };
  await Promise.all(Array.from({ length: Math.min(readConcurrency, unusual.length) }, worker));
  return results.filter((file): file is CachedFile => file !== undefined);
}

/**
 * A plain Markdown file read synchronously: 10,000 reads through promises cost several times the
 * CPU. Its version is the listing's mtime (a file changed since then has a newer one on disk, so the
 * cache reads it again) and the size and hash of the bytes read. Undefined when the file vanished;
 * `unusual` when the store must judge it.
 */
export function readQuickly(root: string, file: ListedFile): QuickRead {
  if (file.size > maxDocumentBytes) return 'unusual';
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(root, file.path));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'unusual';
  }
  if (bytes.length > maxDocumentBytes || bytes.includes(0) || !isUtf8(bytes)) return 'unusual';
  const text = bytes.toString('utf8');
  const entry = indexDocument(file.path, text, {
    size: bytes.length,
    mtimeMs: file.mtimeMs,
    hash: hashBytes(bytes),
  });
  return { entry, fieldLines: frontMatterFieldLines(text, entry.bodyLine), text };
}

/** A document's text as it is on disk now, or '' when it is gone or not plain UTF-8 text. */
export function readTextQuickly(root: string, relativePath: string): string {
  try {
    const bytes = readFileSync(path.join(root, relativePath));
    return bytes.length <= maxDocumentBytes && !bytes.includes(0) && isUtf8(bytes)
      ? bytes.toString('utf8')
      : '';
  } catch {
    return '';
  }
}

/** The worker's results in the order of `files`, or undefined if the worker failed (the caller reads them itself). */
function readInWorker(script: URL, root: string, files: ListedFile[]): Promise<QuickRead[] | undefined> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: { root, files } });
    worker.once('message', (results: unknown) => {
      // An answer that is not one result per file would drop files from the index: read them here instead.
      resolve(
        Array.isArray(results) && results.length === files.length
          ? (results as (CachedFile | 'unusual' | null)[]).map((result) => result ?? undefined)
          : undefined,
      );
      void worker.terminate();
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/**
 * The store's listing, done synchronously (10,000 stats through promises cost about 400 ms of CPU);
 * undefined at the first symbolic link, whose containment only the store's listing judges.
 */
export function listQuickly(root: string): ListedFile[] | undefined {
  const files: ListedFile[] = [];
  const pending = [''];
  try {
    while (pending.length > 0) {
      const folder = pending.pop()!;
      for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
        const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
        if (entry.isSymbolicLink()) return undefined;
        if (entry.isDirectory()) {
          if (!skippedFolderNames.has(entry.name)) pending.push(relative);
        } else if (entry.isFile() && isMarkdownPath(entry.name)) {
          const stat = statSync(path.join(root, relative));
          files.push({ path: relative, size: stat.size, mtimeMs: stat.mtimeMs });
        }
      }
    }
  } catch {
    return undefined;
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
