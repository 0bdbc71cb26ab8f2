/**
 * `npm run bench`: generates the reference workspace (cached by seed) and measures the engine against
 * DESIGN.md's budget, each cold number in a fresh process. `--json` prints the report as JSON.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatReport, withVerdicts, type BenchReport, type Measurement } from './benchReport.js';
import type { ProbeResult } from './benchProbe.js';
import { generateWorkspace, referenceWorkspace, type GenerateOptions } from './generateWorkspace.js';
import { median } from './percentile.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repository = path.resolve(here, '..', '..');
const probeScript = path.join(here, 'benchProbe.js');
const cliScript = path.join(repository, 'bin', 'specbench.js');

interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runProcess(args: string[]): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

async function probe(name: string, root: string): Promise<ProbeResult> {
  const run = await runProcess([probeScript, name, root]);
  if (run.code !== 0) throw new Error(run.stderr.trim().split('\n')[0] || `probe ${name} exited ${run.code}`);
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
      runs: { type: 'string', default: '5' },
      /** A fraction of the reference workspace, for a quick smoke run (`--scale 0.01`). */
      scale: { type: 'string', default: '1' },
    },
  });
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

  let readMs = Number.NaN;
  await attempt('read', async () => {
    const samples = (await probes('read', prepared.root, runs)).map((result) => result.ms);
    readMs = median(samples);
    measurements.push({
      id: 'read',
      label: 'read every file (baseline)',
      value: readMs,
      unit: 'ms',
      samples,
    });
  });

  await attempt('check', async () => {
    const samples: number[] = [];
    for (let run = 0; run < Math.min(runs, 3); run++) {
      const result = await runProcess([cliScript, 'check', prepared.root, '--format', 'json']);
      if (result.code !== 0 && result.code !== 1)
        throw new Error(result.stderr.trim().split('\n')[0] ?? 'check failed');
      samples.push(result.ms);
    }
    measurements.push({
      id: 'check',
      label: '`specbench check` as a process',
      value: median(samples),
      unit: 'ms',
      budget: 2000,
      samples,
    });
  });

  const report: BenchReport = {
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    },
    workspace: prepared.summary,
    measurements: withVerdicts(measurements),
    skipped,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${formatReport(report).join('\n')}\n`);
}

await main();
