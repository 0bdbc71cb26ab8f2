/**
 * `npm run bench`: generates the reference workspace (cached by seed) and measures the engine against
 * DESIGN.md's budget, each cold number in a fresh process. `--json` prints the report as JSON.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatReport, withVerdicts, type BenchReport, type Measurement } from './benchReport.js';
import type { ProbeResult } from './benchProbe.js';
import { generateWorkspace, referenceWorkspace, type GenerateOptions } from './generateWorkspace.js';
import { median, percentile } from './percentile.js';
import { measureHardening } from './hardeningMeasurements.js';
import { measureApp, measureExports, type Add } from './partMeasurements.js';
import { runProcess } from './runProcess.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repository = path.resolve(here, '..', '..');
const probeScript = path.join(here, 'benchProbe.js');
const cliScript = path.join(repository, 'bin', 'specbench.js');
const parts = ['engine', 'app', 'export', 'hardening'] as const;

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

/** A cache key that changes with the options and with the generator's own code. */
function generationKey(options: GenerateOptions): string {
  const hash = createHash('sha256').update(JSON.stringify(options));
  for (const file of ['generateWorkspace.js', 'productVocabulary.js', 'seededRandom.js']) {
    hash.update(readFileSync(path.join(here, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

interface Prepared {
  root: string;
  summary: BenchReport['workspace'];
  paths: string[];
}

async function prepareWorkspace(options: GenerateOptions): Promise<Prepared> {
  const folder = path.join(os.tmpdir(), 'specbench-bench', `seed-${options.seed}-${generationKey(options)}`);
  const root = path.join(folder, 'workspace');
  const manifest = path.join(folder, 'generated.json');
  if (existsSync(manifest)) return JSON.parse(await fs.readFile(manifest, 'utf8')) as Prepared;
  await fs.rm(folder, { recursive: true, force: true });
  const started = performance.now();
  const generated = await generateWorkspace(root, options);
  const prepared: Prepared = {
    root,
    paths: generated.paths,
    summary: {
      seed: options.seed,
      documents: generated.documents,
      requirements: generated.requirements,
      roadmapItems: generated.roadmapItems,
      megabytes: generated.bytes / 1e6,
      generatedMs: Math.round(performance.now() - started),
    },
  };
  await fs.writeFile(manifest, JSON.stringify(prepared));
  return prepared;
}

function scaled(seed: number, scale: number): GenerateOptions {
  const count = (value: number): number => Math.max(1, Math.round(value * scale));
  return {
    seed,
    specs: count(referenceWorkspace.specs),
    requirementsPerSpec: referenceWorkspace.requirementsPerSpec,
    stories: count(referenceWorkspace.stories),
    faqs: count(referenceWorkspace.faqs),
    roadmapItems: count(referenceWorkspace.roadmapItems),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean' },
      seed: { type: 'string', default: String(referenceWorkspace.seed) },
      runs: { type: 'string', default: '3' },
      /** A fraction of the reference workspace, for a quick smoke run (`--scale 0.01`). */
      scale: { type: 'string', default: '1' },
      /** One part of the benchmark: engine, app, export or hardening. */
      only: { type: 'string' },
    },
  });
  if (values.only !== undefined && !(parts as readonly string[]).includes(values.only))
    throw new Error(`--only takes one of ${parts.join(', ')}`);
  const wanted = (part: (typeof parts)[number]): boolean => values.only === undefined || values.only === part;
  const runs = Math.max(1, Number(values.runs));
  const options = scaled(Number(values.seed), Number(values.scale));
  const log = (line: string): void => {
    if (!values.json) process.stderr.write(`${line}\n`);
  };

  log(`Preparing the reference workspace (seed ${options.seed}) …`);
  const prepared = await prepareWorkspace(options);
  const measurements: Measurement[] = [];
  const skipped: BenchReport['skipped'] = [];
  const attempt = async (id: string, measure: () => Promise<void>): Promise<void> => {
    log(`Measuring ${id} …`);
    try {
      await measure();
    } catch (error) {
      skipped.push({ id, reason: error instanceof Error ? error.message : String(error) });
    }
  };

  const specbenchCache = path.join(prepared.root, '.specbench');
  const dropCache = (): Promise<void> => fs.rm(specbenchCache, { recursive: true, force: true });
  const peaks: number[] = [];
  const samplesOf = (results: ProbeResult[], name: string): number[] =>
    results.flatMap((result) => result.extra[name] as number[]);
  const add: Add = (id, label, value, unit, budget, samples) => {
    measurements.push({
      id,
      label,
      value,
      unit,
      ...(budget === undefined ? {} : { budget }),
      ...(samples ? { samples } : {}),
    });
  };

  if (wanted('engine')) {
    let readMs = Number.NaN;
    await attempt('read', async () => {
      const samples = (await probes('read', prepared.root, runs)).map((result) => result.ms);
      readMs = median(samples);
      add('read', 'read every file (baseline)', readMs, 'ms', undefined, samples);
    });

    await attempt('cold', async () => {
      const results = await probes('cold', prepared.root, runs, dropCache);
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
      add('search-p95', 'search p95', percentile(search, 95), 'ms', 20);
      const quickSwitch = samplesOf(results, 'quickSwitch');
      add('switch-p50', 'quick switcher p50', percentile(quickSwitch, 50), 'ms');
      add('switch-p95', 'quick switcher p95', percentile(quickSwitch, 95), 'ms', 20);
      const lookup = samplesOf(results, 'lookup');
      add('lookup-p50', 'key lookup p50', percentile(lookup, 50), 'ms');
      add('lookup-p95', 'key lookup p95', percentile(lookup, 95), 'ms', 20);
    });

    await attempt('warm', async () => {
      await dropCache();
      await probe('warm', prepared.root);
      const results = await probes('warm', prepared.root, runs);
      if (results.some((result) => result.extra.read !== 0))
        throw new Error('the cache did not answer for every file');
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
      const result = await probe('reindex', prepared.root);
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

    const checkProcess = async (id: string, label: string, before?: () => Promise<void>): Promise<void> => {
      const samples: number[] = [];
      for (let run = 0; run < runs; run++) {
        await before?.();
        const result = await runProcess([cliScript, 'check', prepared.root, '--format', 'json']);
        if (result.code !== 0 && result.code !== 1)
          throw new Error(result.stderr.trim().split('\n')[0] ?? 'check failed');
        samples.push(result.ms);
      }
      add(id, label, median(samples), 'ms', 2000, samples);
    };
    await attempt('check-cold', () =>
      checkProcess('check-cold', '`specbench check` process, no cache (CI)', dropCache),
    );
    await attempt('check-warm', () => checkProcess('check-warm', '`specbench check` process, with cache'));
  }

  if (peaks.length > 0) add('rss', 'engine peak RSS', Math.max(...peaks), 'MB', 400, peaks);

  if (wanted('app')) await measureApp({ repository, cliScript, root: prepared.root, attempt, add });
  if (wanted('export')) await measureExports({ repository, cliScript, root: prepared.root, attempt, add });
  if (wanted('hardening')) await measureHardening({ attempt, add, scale: Number(values.scale) });

  const report: BenchReport = {
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      memoryGB: Math.round(os.totalmem() / 1024 ** 3),
      loadAverage: os.loadavg()[0]!,
    },
    workspace: prepared.summary,
    measurements: withVerdicts(measurements),
    skipped,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${formatReport(report).join('\n')}\n`);
}

await main();
