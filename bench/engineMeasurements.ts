/** The benchmark's engine part: opens, search, re-index, `check`, each cold number in a fresh process. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProbeResult } from './benchProbe.js';
import { median, percentile } from './percentile.js';
import type { Add, Attempt } from './benchReport.js';
import { runProcess, runProcessTimed } from './runProcess.js';
import { waitForSettledFiles } from './settledFiles.js';
import { measureCheckYardstick, measureSearchYardstick } from './yardsticks.js';

const probeScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'benchProbe.js');

export interface EngineContext {
  cliScript: string;
  root: string;
  runs: number;
  attempt: Attempt;
  add: Add;
  /** Budgets for this size: the 50,000-document run allows more search time and memory. */
  budgets: { searchP95: number; rss: number };
  /** Side-by-side tools (markdownlint-cli2, rg); left out when only the growth is measured. */
  yardsticks: boolean;
}

async function probe(name: string, root: string): Promise<ProbeResult> {
  const run = await runProcess([probeScript, name, root]);
  if (run.code !== 0) {
    const lines = run.stderr.trim().split('\n');
    throw new Error(
      lines.find((line) => /^\w*Error\b/.test(line)) ?? (lines[0] || `probe ${name} exited ${run.code}`),
    );
  }
  return JSON.parse(run.stdout) as ProbeResult;
}

async function probes(
  name: string,
  root: string,
  runs: number,
  before?: () => Promise<void>,
): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (let run = 0; run < runs; run++) {
    await before?.();
    results.push(await probe(name, root));
  }
  return results;
}

export async function measureEngine({
  cliScript,
  root,
  runs,
  attempt,
  add,
  budgets,
  yardsticks,
}: EngineContext): Promise<void> {
  const dropCache = (): Promise<void> =>
    fs.rm(path.join(root, '.specbench'), { recursive: true, force: true });
  const peaks: number[] = [];
  const samplesOf = (results: ProbeResult[], name: string): number[] =>
    results.flatMap((result) => result.extra[name] as number[]);

  let readMs = Number.NaN;
  await attempt('read', async () => {
    const samples = (await probes('read', root, runs)).map((result) => result.ms);
    readMs = median(samples);
    add('read', 'read every file (baseline)', readMs, 'ms', undefined, samples);
  });

  await attempt('cold', async () => {
    const results = await probes('cold', root, runs, dropCache);
    const cold = median(results.map((result) => result.ms));
    peaks.push(...results.map((result) => result.peakRssMB));
    add(
      'cold',
      'cold open + full index',
      cold,
      'ms',
      1500,
      results.map((result) => result.ms),
    );
    add(
      'cold-cpu',
      '  the same, CPU time',
      median(results.map((result) => result.cpuMs ?? Number.NaN)),
      'ms',
    );
    add('cold-ratio', '  ÷ reading every file', cold / readMs, '×', 3);
    add(
      'search-ready',
      'time until search is ready',
      median(results.map((result) => result.extra.searchReadyMs as number)),
      'ms',
      1500,
    );
    const search = samplesOf(results, 'search');
    add('search-p50', 'search p50', percentile(search, 50), 'ms');
    add('search-p95', 'search p95', percentile(search, 95), 'ms', budgets.searchP95);
    const quickSwitch = samplesOf(results, 'quickSwitch');
    add('switch-p50', 'quick switcher p50', percentile(quickSwitch, 50), 'ms');
    add('switch-p95', 'quick switcher p95', percentile(quickSwitch, 95), 'ms', 20);
    const lookup = samplesOf(results, 'lookup');
    add('lookup-p50', 'key lookup p50', percentile(lookup, 50), 'ms');
    add('lookup-p95', 'key lookup p95', percentile(lookup, 95), 'ms', 20);
  });

  await attempt('warm', async () => {
    await dropCache();
    // A cache primed on files written within its racy window would answer for none of them.
    await waitForSettledFiles(root);
    await probe('warm', root);
    const results = await probes('warm', root, runs);
    const missed = results.find((result) => result.extra.read !== 0);
    if (missed)
      throw new Error(
        `the cache did not answer for every file (${String(missed.extra.read)} read again, ${String(missed.extra.fromCache)} from the cache)`,
      );
    peaks.push(...results.map((result) => result.peakRssMB));
    add(
      'warm',
      'warm open (cache)',
      median(results.map((result) => result.ms)),
      'ms',
      300,
      results.map((result) => result.ms),
    );
    add(
      'warm-cpu',
      '  the same, CPU time',
      median(results.map((result) => result.cpuMs ?? Number.NaN)),
      'ms',
    );
  });

  await attempt('reindex', async () => {
    const result = await probe('reindex', root);
    peaks.push(result.peakRssMB);
    const saves = result.extra.saves as number[];
    const outside = result.extra.outside as number[];
    const writes = result.extra.writes as number[];
    add('reindex-save', 're-index one changed file (save + index)', median(saves), 'ms', 20, saves);
    add('reindex-write', '  of which the durable write alone', median(writes), 'ms', undefined, writes);
    add(
      'reindex-outside',
      're-index an outside edit (incl. 75 ms batching)',
      median(outside),
      'ms',
      undefined,
      outside,
    );
  });

  const checkProcess = async (id: string, label: string, before?: () => Promise<void>): Promise<number> => {
    const samples: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < runs; run++) {
      await before?.();
      const result = await runProcessTimed([cliScript, 'check', root, '--format', 'json']);
      if (result.code !== 0 && result.code !== 1)
        throw new Error(result.stderr.trim().split('\n')[0] ?? 'check failed');
      samples.push(result.ms);
      cpu.push(result.cpuMs);
    }
    add(id, label, median(samples), 'ms', 2000, samples);
    add(`${id}-cpu`, '  the same, CPU time', median(cpu), 'ms', undefined, cpu);
    return median(samples);
  };
  let checkCold = Number.NaN;
  await attempt('check-cold', async () => {
    checkCold = await checkProcess('check-cold', '`specbench check` process, no cache (CI)', dropCache);
  });
  if (yardsticks) await attempt('check-markdownlint', () => measureCheckYardstick(root, checkCold, add));
  await attempt('check-warm', async () => {
    await checkProcess('check-warm', '`specbench check` process, with cache');
  });
  if (yardsticks) await attempt('search-rg', () => measureSearchYardstick(cliScript, root, runs, add));

  if (peaks.length > 0) add('rss', 'engine peak RSS', Math.max(...peaks), 'MB', budgets.rss, peaks);
}
