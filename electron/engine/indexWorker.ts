/** A worker thread of the cold index: reads and indexes its share of the files, as `loadWorkspaceFiles` does. */
import { parentPort, workerData } from 'node:worker_threads';
import { readQuickly } from './loadWorkspaceFiles.js';

const { root, paths } = workerData as { root: string; paths: string[] };
parentPort?.postMessage(paths.map((path) => readQuickly(root, path) ?? null));
