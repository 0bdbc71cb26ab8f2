/** The benchmark's app and export parts: what they measure and how each row is labelled. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ensureRenderer,
  largeNotePath,
  largeNoteWorkspace,
  largeSpecWorkspace,
  launchBrowser,
  measureReady,
  measureStatusChange,
  measureTyping,
} from './appProbe.js';
import type { Add, Attempt } from './benchReport.js';

import type { ExportProbeResult } from './exportProbe.js';
import { median, percentile } from './percentile.js';
import { runProcess } from './runProcess.js';
import { measureViews, viewRoutes } from './viewsProbe.js';
import { measurePdfYardsticks } from './yardsticks.js';

const exportScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'exportProbe.js');

/** Spec statuses chosen in turn, each different from the one before (the large spec starts as draft). */
const statusRound = ['review', 'draft', 'review'];

const typedText = 'The cart is kept while the shopper pays. '.repeat(5).slice(0, 200);

export interface PartContext {
  repository: string;
  cliScript: string;
  /** The reference workspace. */
  root: string;
  /** Runs per headline figure (its median is reported). */
  runs: number;
  /** The reference workspace's scale: below 1 (a smoke run) the long note is a tenth as long. */
  scale?: number;
  attempt: Attempt;
  add: Add;
}

export async function measureApp({
  repository,
  cliScript,
  root,
  runs,
  attempt,
  add,
  scale = 1,
}: PartContext): Promise<void> {
  const sampleWorkspace = path.join(repository, 'samples', 'acme-checkout');
  await attempt('app', async () => {
    await ensureRenderer(repository);
    const browser = await launchBrowser();
    try {
      await attempt('app-ready', async () => {
        const samples: number[] = [];
        for (let run = 0; run < runs; run++) samples.push(await measureReady(browser, cliScript, root));
        add('app-ready', 'serve start to interactive navigator', median(samples), 'ms', 2000, samples);
      });
      await attempt('views', async () => {
        const samples = await measureViews(browser, cliScript, root, runs);
        for (const view of viewRoutes) {
          const viewSamples = samples.get(view.id)!;
          add(view.id, `${view.label} usable, from its link`, median(viewSamples), 'ms', 300, viewSamples);
        }
      });
      await attempt('keystroke', async () => {
        const copy = await largeSpecWorkspace(sampleWorkspace, 5000);
        try {
          const typed = await measureTyping(browser, cliScript, copy, typedText);
          const label = `keystroke to next frame, ${typed.lines.toLocaleString('en')}-line spec`;
          add('keystroke-p50', `${label} p50`, percentile(typed.samples, 50), 'ms', undefined, typed.samples);
          add('keystroke-p95', `${label} p95`, percentile(typed.samples, 95), 'ms', 16);
          add(
            'keystroke-script-p95',
            '  of which keydown to DOM change p95',
            percentile(typed.script, 95),
            'ms',
            undefined,
            typed.script,
          );
          add(
            'keystroke-painted-p95',
            '  to that frame painted p95',
            percentile(typed.painted, 95),
            'ms',
            16,
            typed.painted,
          );
          add(
            'keystroke-long-task',
            '  longest main-thread task while typing',
            Math.max(0, ...typed.longTasks),
            'ms',
            50,
            typed.longTasks,
          );
          add(
            'keystroke-long-task-save',
            '  longest task from the last key to the autosave shown',
            Math.max(0, ...typed.longTasksAfter),
            'ms',
            undefined,
            typed.longTasksAfter,
          );
          // Half as many keys: the benchmark's smoke test runs the whole app part within a time limit.
          const card = await measureTyping(
            browser,
            cliScript,
            copy,
            typedText.slice(0, 100),
            'requirement card',
          );
          add(
            'keystroke-card-p95',
            '  typing in a requirement card, to the frame painted p95',
            percentile(card.painted, 95),
            'ms',
            33,
            card.painted,
          );
          const statuses = await measureStatusChange(browser, cliScript, copy, statusRound);
          add(
            'status-to-navigator',
            'status chosen in that spec to the navigator showing it, median',
            percentile(statuses, 50),
            'ms',
            200,
            statuses,
          );
        } finally {
          await fs.rm(path.dirname(copy), { recursive: true, force: true });
        }
      });
      await attempt('keystroke-note', async () => {
        const note = await largeNoteWorkspace(sampleWorkspace, scale < 1 ? 2_000 : 20_000);
        try {
          const size = (await fs.stat(path.join(note, largeNotePath))).size;
          // Fewer keys: each one in a note this long may be slow, and the smoke test runs the app part in a time limit.
          const typed = await measureTyping(
            browser,
            cliScript,
            note,
            typedText.slice(0, 60),
            'first paragraph',
            largeNotePath,
          );
          const label = `keystroke to next frame, ${typed.lines.toLocaleString('en')}-line note (${Math.round(size / 1000)} KB)`;
          add(
            'keystroke-note-p50',
            `${label} p50`,
            percentile(typed.samples, 50),
            'ms',
            undefined,
            typed.samples,
          );
          add('keystroke-note-p95', `${label} p95`, percentile(typed.samples, 95), 'ms');
          add(
            'keystroke-note-long-task',
            '  longest main-thread task while typing in it',
            Math.max(0, ...typed.longTasks),
            'ms',
            undefined,
            typed.longTasks,
          );
        } finally {
          await fs.rm(path.dirname(note), { recursive: true, force: true });
        }
      });
    } finally {
      await browser.close();
    }
  });
}

async function exportProbe(args: string[]): Promise<ExportProbeResult> {
  const run = await runProcess([exportScript, ...args]);
  if (run.code !== 0) {
    const lines = run.stderr.trim().split('\n');
    throw new Error(lines.find((line) => /^\w*Error\b/.test(line)) ?? `export probe exited ${run.code}`);
  }
  return JSON.parse(run.stdout) as ExportProbeResult;
}

export async function measureExports({ cliScript, root, runs, attempt, add }: PartContext): Promise<void> {
  await attempt('pdf-spec', () => measurePdfYardsticks(cliScript, root, 'SPEC-1', runs, add));
  await attempt('pdf-warm', async () => {
    const result = await exportProbe(['warm', root, 'SPEC-1', String(runs)]);
    add('pdf-warm-first', 'that spec in browser mode, first export (starts the printer)', result.ms, 'ms');
    add('pdf-warm', '  a later export, printer kept warm', median(result.warmMs!), 'ms', 1000, result.warmMs);
  });
  await attempt('export-pdf', async () => {
    const result = await exportProbe(['pdf', root, '100']);
    add('export-pdf-pages', `PDF bundle: pages (${result.specs} specs)`, result.pages ?? Number.NaN, 'pages');
    add('export-pdf', '  time to print it (incl. Chromium start)', result.ms, 'ms', 4000);
  });
  await attempt('export-zip', async () => {
    const result = await exportProbe(['zip', root]);
    add('export-zip', 'whole workspace to a Markdown zip', result.ms, 'ms');
    add('export-zip-mb', '  zip size', result.bytes / 1e6, 'MB');
    add('export-zip-rss', '  peak RSS of that process', result.peakRssMB, 'MB');
  });
}
