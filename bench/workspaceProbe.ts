/**
 * Measures the workspace engine in this process: `node dist/bench/workspaceProbe.js <cold|warm> <workspace>`
 * prints one JSON object (open, re-index, search and lookup latencies, peak RSS). `cold` removes the
 * index cache first; `warm` expects one written by an earlier run.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Workspace } from '../electron/engine/workspace.js';
import { cachePath } from '../electron/engine/indexCache.js';
import { percentile } from './percentile.js';

const searchQueries = [
  'refund',
  'guest checkout',
  'duplicate record',
  'mobile app audit',
  'the customer is charged only once',
  'shipm',
  'acc',
  'xylophone',
  'given a default variant when',
  'SPEC-632',
  'REQ-31551',
  'month-end close',
];
const switchQueries = [
  'arch',
  'account alerts',
  'SPEC-63',
  'REQ-3155',
  'rm-1',
  'pndg invc',
  'x',
  'shipment view',
];

/** Wall time, or with `SPECBENCH_PROBE_CPU=1` this thread's CPU time (steadier on a shared machine). */
const useCpu = process.env.SPECBENCH_PROBE_CPU === '1';
function timed<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { ms: useCpu ? (used.user + used.system) / 1000 : performance.now() - started, value };
}

function latencies(queries: string[], rounds: number, run: (query: string) => unknown): number[] {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++)
    for (const query of queries) samples.push(timed(() => run(query)).ms);
  return samples.sort((a, b) => a - b);
}

async function main(mode: string, root: string): Promise<void> {
  if (mode === 'cold') await fs.rm(cachePath(root), { force: true });
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const opened = await Workspace.open(root, { write: true, watch: false, cache: true });
  const openMs = performance.now() - started;
  const openCpu = process.cpuUsage(startedCpu);
  if (!opened.ok) throw new Error(opened.message);
  const workspace = opened.workspace;
  // The first query folds every document's text: open plus this is when search is ready.
  const firstSearch = timed(() => workspace.search('ready'));
  const documents = workspace.documents();
  // Re-index after one change: save a spec with one more line, as the editor would.
  const target = documents.find((entry) => entry.type === 'spec')!;
  const read = await workspace.readDocument(target.path);
  if (!read.ok) throw new Error(read.message);
  const reindexStarted = performance.now();
  const saved = await workspace.saveDocument(target.path, `${read.file.text}\nOne more line.\n`, read.file);
  const saveAndReindexMs = performance.now() - reindexStarted;
  if (!saved.ok) throw new Error(saved.message);
  await workspace.saveDocument(target.path, read.file.text, saved.version);
  const keys = documents.slice(0, 200).map((entry) => entry.key ?? entry.path);
  const search = latencies(searchQueries, 5, (query) => workspace.search(query));
  const quickSwitch = latencies(switchQueries, 5, (query) => workspace.quickSwitch(query));
  const lookup = latencies(keys, 5, (key) => [workspace.document(key), workspace.links(key)]);
  const check = timed(() => workspace.check());
  const closeStarted = performance.now();
  await workspace.close();
  const result = {
    mode,
    documents: documents.length,
    openMs,
    openCpuMs: (openCpu.user + openCpu.system) / 1000,
    statistics: workspace.statistics,
    firstSearchMs: firstSearch.ms,
    saveAndReindexMs,
    searchP50: percentile(search, 50),
    searchP95: percentile(search, 95),
    searchMax: search[search.length - 1],
    quickSwitchP50: percentile(quickSwitch, 50),
    quickSwitchP95: percentile(quickSwitch, 95),
    lookupP95: percentile(lookup, 95),
    checkMs: check.ms,
    findings: check.value.length,
    closeMs: performance.now() - closeStarted,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

const [mode, root] = process.argv.slice(2);
if ((mode !== 'cold' && mode !== 'warm') || root === undefined) {
  process.stderr.write('usage: workspaceProbe <cold|warm> <workspace>\n');
  process.exitCode = 2;
} else {
  await main(mode, path.resolve(root));
}
