import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../electron/cli/testing/cliProcess.js';
import type { BenchReport } from './benchReport.js';

// A smoke run of the real benchmark on half a percent of the reference workspace: every measurement is taken.
const repository = fileURLToPath(new URL('../', import.meta.url));

let report: BenchReport;

beforeAll(() => {
  // Compiled only when a source is newer than dist/: tsc rewrites every file of dist/ in place, and
  // the test files running beside this one start the CLI from there (a half-written module fails them).
  buildCli();
  const run = spawnSync(
    process.execPath,
    [path.join(repository, 'dist/bench/bench.js'), '--json', '--scale', '0.005', '--runs', '1'],
    {
      cwd: repository,
      encoding: 'utf8',
      timeout: 480_000,
    },
  );
  report = reportOf(run);
}, 500_000);

/** The run's report, or an error that says how the run ended and what it last logged. */
function reportOf(run: SpawnSyncReturns<string>): BenchReport {
  try {
    return JSON.parse(run.stdout) as BenchReport;
  } catch {
    const ended = run.error
      ? String(run.error)
      : `exit ${run.status ?? 'none'}, signal ${run.signal ?? 'none'}`;
    throw new Error(`The bench printed no report (${ended}); stderr ends:\n${run.stderr.slice(-3000)}`);
  }
}

describe('npm run bench', () => {
  const cases: [string, () => unknown, unknown][] = [
    ['nothing is skipped', () => report.skipped, []],
    [
      'every measurement is present',
      () => report.measurements.map((measurement) => measurement.id),
      [
        'read',
        'cold',
        'cold-cpu',
        'cold-ratio',
        'search-ready',
        'search-p50',
        'search-p95',
        'switch-p50',
        'switch-p95',
        'lookup-p50',
        'lookup-p95',
        'warm',
        'warm-cpu',
        'reindex-save',
        'reindex-write',
        'reindex-outside',
        'check-cold',
        'check-cold-cpu',
        'check-markdownlint',
        'check-markdownlint-ratio',
        'check-warm',
        'check-warm-cpu',
        'search-process',
        'search-process-cpu',
        'search-rg',
        'search-rg-ratio',
        'rss',
        'app-ready',
        'view-stories',
        'view-trace',
        'view-problems',
        'view-roadmap',
        'view-timeline',
        'view-specs',
        'view-faqs',
        'view-metrics',
        'view-search',
        'keystroke-p50',
        'keystroke-p95',
        'keystroke-script-p95',
        'keystroke-painted-p95',
        'keystroke-long-task',
        'keystroke-long-task-save',
        'keystroke-card-p95',
        'status-to-navigator',
        'keystroke-note-p50',
        'keystroke-note-p95',
        'keystroke-note-long-task',
        'pdf-spec',
        'pdf-floor',
        'pdf-floor-ratio',
        'pdf-md-to-pdf',
        'pdf-md-to-pdf-ratio',
        'pdf-warm-first',
        'pdf-warm',
        'export-pdf-pages',
        'export-pdf',
        'export-zip',
        'export-zip-mb',
        'export-zip-rss',
        'kills',
        'faults',
        'faults-seconds',
        'bad-inputs',
        'bad-inputs-failed',
        'bad-inputs-seconds',
        'files-lost',
        'edits-paragraph',
        'edits-heading',
        'edits-bulletList',
        'edits-orderedList',
        'edits-taskList',
        'edits-table',
        'edits-codeBlock',
        'edits-blockquote',
        'edits-all',
        'edits-impossible',
        'save-keystroke',
        'save-keystroke-p95',
        'save-keystroke-cpu',
      ],
    ],
    [
      'every value is a finite number, or says why not (rg is optional)',
      () =>
        report.measurements
          .filter((measurement) => !Number.isFinite(measurement.value) && measurement.note === undefined)
          .map((measurement) => measurement.id),
      [],
    ],
    [
      'every row carries the load average it was measured under',
      () =>
        report.measurements
          .filter((measurement) => !(measurement.load! >= 0))
          .map((measurement) => measurement.id),
      [],
    ],
    [
      'kills and faults lose no file, and no bad input crashes, hangs or changes a file',
      () =>
        report.measurements
          .filter((measurement) => ['files-lost', 'bad-inputs-failed'].includes(measurement.id))
          // What was lost rides along in the note, so a failure says which file and how.
          .map(({ value, note }) => (note ? `${value}: ${note}` : value)),
      [0, 0],
    ],
    [
      'the workspace is the scaled reference',
      () => [report.workspace.documents, report.workspace.requirements],
      [50, 250],
    ],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual()).toEqual(expected);
  });
});
