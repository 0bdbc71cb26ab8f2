/**
 * `npm run bench`: generates the reference workspace (cached by seed) and measures the engine against
 * DESIGN.md's budget, each cold number in a fresh process, with the load average beside every row and
 * other tools beside the headline figures. `--json` prints the report as JSON; `--scale 5` measures
 * 50,000 documents and how each figure grew from the reference size.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatReport, withVerdicts, type Add, type BenchReport, type Measurement } from './benchReport.js';
import { measureEngine } from './engineMeasurements.js';
import { generateWorkspace, referenceWorkspace, type GenerateOptions } from './generateWorkspace.js';
import { measureEdits } from './editMeasurements.js';
import { measureHardening } from './hardeningMeasurements.js';
import { measureApp, measureExports } from './partMeasurements.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repository = path.resolve(here, '..', '..');
const cliScript = path.join(repository, 'bin', 'specbench.js');
const parts = ['engine', 'app', 'export', 'hardening', 'edits'] as const;

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

/**
 * The seeded workspace, generated once per seed and generator into the temp folder, as this run's own
 * copy (timestamps kept): runs at once (worktrees, a test beside `npm run bench`) would otherwise drop
 * each other's index cache and edit each other's files in the shared one.
 */
async function prepareWorkspace(options: GenerateOptions): Promise<Prepared> {
  const generated = await generatedWorkspace(options);
  const copy = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-bench-run-'));
  process.once('exit', () => rmSync(copy, { recursive: true, force: true }));
  const root = path.join(copy, 'workspace');
  await fs.cp(generated.root, root, {
    recursive: true,
    preserveTimestamps: true,
    filter: (source) => path.basename(source) !== '.specbench',
  });
  return { ...generated, root };
}

/**
 * The reference workspace, generated once per seed and size and shared by later runs. It is generated
 * in a folder of this run's own and renamed into place, so a run at the same time (another worktree's
 * bench, a test beside npm run bench) never deletes or copies a half-written one.
 */
async function generatedWorkspace(options: GenerateOptions): Promise<Prepared> {
  const folder = path.join(os.tmpdir(), 'specbench-bench', `seed-${options.seed}-${generationKey(options)}`);
  const root = path.join(folder, 'workspace');
  const manifest = path.join(folder, 'generated.json');
  if (existsSync(manifest)) return JSON.parse(await fs.readFile(manifest, 'utf8')) as Prepared;
  const own = `${folder}.${process.pid}.tmp`;
  await fs.rm(own, { recursive: true, force: true });
  const started = performance.now();
  const generated = await generateWorkspace(path.join(own, 'workspace'), options);
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
  await fs.writeFile(path.join(own, 'generated.json'), JSON.stringify(prepared));
  // A folder left without a manifest by a run that was killed is replaced; one with a manifest won the race.
  if (!existsSync(manifest)) await fs.rm(folder, { recursive: true, force: true });
  try {
    await fs.rename(own, folder);
  } catch (error) {
    await fs.rm(own, { recursive: true, force: true });
    if (!existsSync(manifest)) throw error;
    return JSON.parse(await fs.readFile(manifest, 'utf8')) as Prepared;
  }
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
      /** One part of the benchmark: engine, app, export or hardening. */
      only: { type: 'string' },
      /** A folder of Markdown for the edits part to measure instead of its corpus (repeatable). */
      corpus: { type: 'string', multiple: true },
      /** N model-based UI journeys with random seeds (e2e/journeys.spec.ts), instead of the measurements. */
      journeys: { type: 'string' },
    },
  });
  if (values.journeys !== undefined) return runJourneys(Number(values.journeys));
  if (values.only !== undefined && !(parts as readonly string[]).includes(values.only))
    throw new Error(`--only takes one of ${parts.join(', ')}`);
  const wanted = (part: (typeof parts)[number]): boolean => values.only === undefined || values.only === part;
  const runs = Math.max(1, Number(values.runs));
  const scale = Number(values.scale);
  const options = scaled(Number(values.seed), scale);
  const loadAtStart = os.loadavg()[0]!;
  // Progress goes to stderr even with --json, so a run that fails or times out says where it was.
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
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
      const reason = error instanceof Error ? error.message : String(error);
      log(`  skipped ${id}: ${reason}`);
      skipped.push({ id, reason });
    }
  };

  const add: Add = (id, label, value, unit, budget, samples, note) => {
    measurements.push({
      id,
      label,
      value,
      unit,
      ...(budget === undefined ? {} : { budget }),
      ...(samples ? { samples } : {}),
      load: os.loadavg()[0]!,
      ...(note === undefined ? {} : { note }),
    });
  };
  const large = scale > 1;
  const budgets = large ? { searchP95: 50, rss: 1000 } : { searchP95: 20, rss: 400 };

  if (wanted('engine')) {
    await measureEngine({ cliScript, root: prepared.root, runs, attempt, add, budgets, yardsticks: true });
    if (large) await measureGrowth(options.seed, scale, runs, measurements, attempt, add, log);
  }

  if (wanted('app'))
    await measureApp({ repository, cliScript, root: prepared.root, runs, attempt, add, scale });
  if (wanted('export'))
    await measureExports({ repository, cliScript, root: prepared.root, runs, attempt, add });
  if (wanted('hardening')) await measureHardening({ attempt, add, scale });
  if (wanted('edits')) {
    const corpora = (values.corpus ?? []).map((folder) => path.resolve(folder));
    await measureEdits({ attempt, add, repository, corpora, scale });
  }

  const report: BenchReport = {
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      memoryGB: Math.round(os.totalmem() / 1024 ** 3),
      loadAverage: os.loadavg()[0]!,
      loadAtStart,
    },
    workspace: prepared.summary,
    measurements: withVerdicts(measurements),
    skipped,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${formatReport(report).join('\n')}\n`);
}

/** Rows that must grow linearly: each figure at this scale ÷ the same figure at the reference size. */
const growthRows = [
  { id: 'cold', label: 'cold open' },
  { id: 'warm', label: 'warm open' },
  { id: 'check-cold', label: '`check`, no cache' },
  { id: 'rss', label: 'engine peak RSS' },
] as const;

/** The engine at the reference size, in the same run, for the growth rows of a `--scale` above 1. */
async function measureGrowth(
  seed: number,
  scale: number,
  runs: number,
  measurements: Measurement[],
  attempt: (id: string, measure: () => Promise<void>) => Promise<void>,
  add: Add,
  log: (line: string) => void,
): Promise<void> {
  log('Preparing the reference workspace at scale 1 for the growth rows …');
  const reference = await prepareWorkspace(scaled(seed, 1));
  const atReference = new Map<string, number>();
  await measureEngine({
    cliScript,
    root: reference.root,
    runs,
    attempt: (id, measure) => attempt(`reference ${id}`, measure),
    add: (id, _label, value) => atReference.set(id, value),
    budgets: { searchP95: 20, rss: 400 },
    yardsticks: false,
  });
  for (const row of growthRows) {
    const large = measurements.find((measurement) => measurement.id === row.id)?.value ?? Number.NaN;
    add(
      `growth-${row.id}`,
      `${row.label} ÷ the same at ${reference.summary.documents.toLocaleString('en')} documents`,
      large / (atReference.get(row.id) ?? Number.NaN),
      '×',
      1.1 * scale,
    );
  }
}

await main();

/** Long random runs of the journeys test: a new seed each time, printed so a failure can be replayed. */
async function runJourneys(count: number): Promise<void> {
  if (!Number.isInteger(count) || count < 1)
    throw new Error('--journeys takes a number of journeys, e.g. 20');
  const { spawnSync } = await import('node:child_process');
  const seed = Math.floor(Math.random() * 2 ** 31);
  process.stderr.write(`Journeys: ${count} with seed ${seed} (replay: SPECBENCH_JOURNEY_SEED=${seed})\n`);
  // The journeys drive the built renderer; `npm run bench` builds only the Node side.
  const built = spawnSync('npm', ['run', 'build:renderer'], { cwd: repository, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build:renderer failed');
  const run = spawnSync('npx', ['playwright', 'test', 'e2e/journeys.spec.ts', '--project', 'browser'], {
    cwd: repository,
    stdio: 'inherit',
    env: { ...process.env, SPECBENCH_JOURNEY_SEED: String(seed), SPECBENCH_JOURNEY_RUNS: String(count) },
  });
  process.exitCode = run.status ?? 1;
}
