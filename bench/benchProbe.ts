/**
 * One measurement in a fresh process, so every cold number starts with cold module, JIT and engine
 * caches: `node dist/bench/benchProbe.js <measurement> <workspace>` prints one JSON object.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../electron/engine/atomicFile.js';
import { Workspace } from '../electron/engine/workspace.js';
import { median } from './percentile.js';

export type ProbeName = 'read' | 'cold' | 'warm' | 'reindex';

export interface ProbeResult {
  /** Milliseconds for the measured operation. */
  ms: number;
  /** Extra timings by name (for example `searchReadyMs`), or latency samples. */
  extra: Record<string, number | number[]>;
  /** Peak resident set size of this process, in MB. */
  peakRssMB: number;
  /** CPU time (user + system) of this process during the operation: less sensitive to a busy machine. */
  cpuMs?: number;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const skipped = new Set(['.git', 'node_modules', '.specbench']);

/** The baseline: list the folder and read every Markdown and JSON file as text, nothing else. */
function readEverything(root: string): number {
  let bytes = 0;
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) pending.push(path.join(folder, entry.name));
      } else if (entry.name.endsWith('.md') || entry.name.endsWith('.json')) {
        bytes += readFileSync(path.join(folder, entry.name), 'utf8').length;
      }
    }
  }
  return bytes;
}

/** Typical searches: common and rare words, phrases, 4-letter prefixes, a key. */
const searchQueries = [
  'checkout',
  'refund',
  'invoice export',
  'audit log',
  'carrier',
  'credit limit',
  'multi-currency',
  'warehouse operator',
  'duplicate record',
  'tax region',
  'ship',
  'loyal',
  'reorder',
  'statement',
  'SPEC-512',
  'REQ-31337',
  'nothing matches this',
  'bulk',
  'consent',
  'mobile app',
];
const switchQueries = [
  'bulk inv',
  'SPEC-7',
  'REQ-4242',
  'RM-1999',
  'guest flow',
  'tiered',
  'stor 12',
  'refund rules',
];

function timeEach<T>(inputs: readonly T[], rounds: number, run: (input: T) => unknown): number[] {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const started = performance.now();
      run(input);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

async function openOrThrow(
  root: string,
  options: { cache: boolean; watch?: boolean; write?: boolean },
): Promise<Workspace> {
  const opened = await Workspace.open(root, { write: false, watch: false, ...options });
  if (!opened.ok) throw new Error(opened.message);
  return opened.workspace;
}

/** Cold: no cache, full index; then the first search (search ready) and latency samples. */
async function coldOpen(root: string): Promise<ProbeResult> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const workspace = await openOrThrow(root, { cache: false });
  const openMs = performance.now() - started;
  const cpuMs = cpuSince(cpu);
  workspace.search('checkout');
  const searchReadyMs = performance.now() - started;
  const documents = workspace.documents();
  const keys = documents.flatMap((entry) => [
    entry.key,
    ...entry.requirements.map((requirement) => requirement.key),
  ]);
  const lookupKeys = Array.from({ length: 200 }, (_, index) => keys[(index * 7919) % keys.length]!).filter(
    Boolean,
  ) as string[];
  const extra = {
    searchReadyMs,
    search: timeEach(searchQueries, 5, (query) => workspace.search(query, { limit: 50 })),
    quickSwitch: timeEach(switchQueries, 10, (query) => workspace.quickSwitch(query, 20)),
    lookup: timeEach(lookupKeys, 5, (key) => workspace.document(key) ?? workspace.requirement(key)),
    documents: documents.length,
  };
  await workspace.close();
  return { ms: openMs, extra, peakRssMB: peakRss(), cpuMs };
}

/** Warm: the cache written by an earlier open answers for every unchanged file; then the first search. */
async function warmOpen(root: string): Promise<ProbeResult> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const workspace = await openOrThrow(root, { cache: true });
  const ms = performance.now() - started;
  const cpuMs = cpuSince(cpu);
  // The texts come from the cache on the first search: open plus this is when search is ready.
  workspace.search('checkout');
  const searchReadyMs = performance.now() - started;
  const { fromCache, read } = workspace.statistics;
  await workspace.close();
  return { ms, extra: { fromCache, read, searchReadyMs }, peakRssMB: peakRss(), cpuMs };
}

/**
 * One spec changed: an outside edit seen by the watcher (end to end, including its batching window),
 * and a save through the engine (durable write plus re-index) of the same text.
 */
async function reindex(root: string): Promise<ProbeResult> {
  const workspace = await openOrThrow(root, { cache: true, watch: true, write: true });
  const target = workspace.documents().find((entry) => entry.type === 'spec')!;
  const absolute = path.join(root, target.path);
  const original = readFileSync(absolute, 'utf8');
  const outside: number[] = [];
  const saves: number[] = [];
  const writes: number[] = [];
  try {
    for (let run = 0; run < 5; run++) {
      const seen = new Promise<void>((resolve) => {
        const stop = workspace.onDidChange((change) => {
          if (change.paths.includes(target.path)) {
            stop();
            resolve();
          }
        });
      });
      const started = performance.now();
      writeFileSync(absolute, `${original}\nEdited outside, run ${run}.\n`);
      await seen;
      outside.push(performance.now() - started);
    }
    writeFileSync(absolute, original);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (let run = 0; run < 10; run++) {
      const read = await workspace.readDocument(target.path);
      if (!read.ok) throw new Error(read.message);
      const started = performance.now();
      const saved = await workspace.saveDocument(target.path, read.file.text, read.file);
      if (!saved.ok) throw new Error(saved.message);
      saves.push(performance.now() - started);
    }
    // The same bytes written durably outside the index, to separate disk time from indexing time.
    const scratch = path.join(root, '.specbench', 'bench-write.md');
    mkdirSync(path.dirname(scratch), { recursive: true });
    for (let run = 0; run < 10; run++) {
      const started = performance.now();
      await writeFileAtomic(scratch, original);
      writes.push(performance.now() - started);
    }
    rmSync(scratch, { force: true });
  } finally {
    writeFileSync(absolute, original);
    await workspace.close();
  }
  return { ms: median(saves), extra: { outside, saves, writes }, peakRssMB: peakRss() };
}

async function probe(name: string, root: string): Promise<ProbeResult> {
  if (name === 'read') {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const characters = readEverything(root);
    return {
      ms: performance.now() - started,
      extra: { characters },
      peakRssMB: peakRss(),
      cpuMs: cpuSince(cpu),
    };
  }
  if (name === 'cold') return coldOpen(root);
  if (name === 'warm') return warmOpen(root);
  if (name === 'reindex') return reindex(root);
  throw new Error(`unknown probe '${name}'`);
}

function peakRss(): number {
  return process.resourceUsage().maxRSS / 1024;
}

const [name, root] = process.argv.slice(2);
if (name === undefined || root === undefined) {
  process.stderr.write('usage: benchProbe <measurement> <workspace>\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(await probe(name, root))}\n`);
}
