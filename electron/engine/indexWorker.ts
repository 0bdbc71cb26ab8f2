/** A worker thread of the cold index: reads and indexes its share of the files, as `loadWorkspaceFiles` does. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ListedFile } from './documentStore.js';
import { readQuickly } from './loadWorkspaceFiles.js';

const { root, files } = workerData as { root: string; files: ListedFile[] };
parentPort?.postMessage(files.map((file) => readQuickly(root, file) ?? null));
