/**
 * One export measurement in a fresh process (so its peak RSS is the export's own), printed as JSON:
 * `node exportProbe.js pdf <root> <pages>` prints a bundle of specs until about that many pages;
 * `node exportProbe.js zip <root>` exports every spec with all parts as a Markdown zip.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../electron/engine/workspace.js';
import { exportBundle } from '../electron/export/exportBundle.js';
import { launchPdfPrinter } from '../electron/export/pdfPrinter.js';
import { WarmPrinter } from '../electron/export/warmPrinter.js';
import {
  bundleParts,
  collectBundle,
  compareKeys,
  type BundleRequest,
} from '../electron/export/specBundle.js';

export interface ExportProbeResult {
  ms: number;
  bytes: number;
  peakRssMB: number;
  /** PDF only: pages printed and specs in the bundle. */
  pages?: number;
  specs?: number;
  /** `warm` only: each later export of the same spec through the printer the first one started. */
  warmMs?: number[];
}

/** Page objects in a Chromium PDF (`/Type /Page`, not `/Pages`). */
export function countPdfPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
  );
}

async function exportOnce(
  workspace: Workspace,
  request: BundleRequest,
  format: 'pdf' | 'zip',
  out: string,
  launchPrinter?: WarmPrinter['launcher'],
): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const collected = await collectBundle(workspace, request);
  if (!collected.ok) throw new Error(collected.message);
  const result = await exportBundle(collected.bundle, {
    format,
    out,
    date: new Date('2026-01-01T00:00:00Z'),
    ...(launchPrinter ? { launchPrinter } : {}),
  });
  if (!result.ok) throw new Error(result.message);
  return { ms: performance.now() - started, bytes: result.bytes };
}

async function main(): Promise<void> {
  const [format, root, wanted] = process.argv.slice(2);
  if ((format !== 'pdf' && format !== 'zip' && format !== 'warm') || root === undefined)
    throw new Error('usage: pdf|zip <root> | warm <root> <SPEC-KEY> <runs>');
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-bench-export-'));
  const opened = await Workspace.open(root, { write: false, watch: false });
  if (!opened.ok) throw new Error(opened.message);
  const workspace = opened.workspace;
  try {
    let result: ExportProbeResult;
    if (format === 'warm') {
      // As browser mode exports: one printer kept warm between exports of one spec.
      const runs = process.argv[5];
      const printer = new WarmPrinter(launchPdfPrinter);
      const out = path.join(folder, 'spec.pdf');
      const request = { specs: [wanted ?? 'SPEC-1'], include: [] };
      try {
        const first = await exportOnce(workspace, request, 'pdf', out, printer.launcher);
        const warmMs: number[] = [];
        for (let run = 0; run < Number(runs ?? 5); run++)
          warmMs.push((await exportOnce(workspace, request, 'pdf', out, printer.launcher)).ms);
        result = { ...first, warmMs, peakRssMB: process.resourceUsage().maxRSS / 1024 };
      } finally {
        await printer.close();
      }
    } else if (format === 'zip') {
      const out = path.join(folder, 'workspace.zip');
      const run = await exportOnce(workspace, { specs: 'all', include: bundleParts }, 'zip', out);
      result = { ...run, peakRssMB: process.resourceUsage().maxRSS / 1024 };
    } else {
      const target = Number(wanted ?? 100);
      const keys = workspace
        .documents()
        .filter((entry) => entry.type === 'spec' && entry.key !== undefined)
        .map((entry) => entry.key!)
        .sort(compareKeys);
      const out = path.join(folder, 'bundle.pdf');
      // Calibrate on a few specs (untimed), then time the bundle sized to about the target.
      let count = Math.min(5, keys.length);
      await exportOnce(workspace, { specs: keys.slice(0, count), include: [] }, 'pdf', out);
      const perSpec = countPdfPages(await fs.readFile(out)) / count;
      count = Math.max(1, Math.min(keys.length, Math.round(target / Math.max(perSpec, 0.1))));
      const run = await exportOnce(workspace, { specs: keys.slice(0, count), include: [] }, 'pdf', out);
      const pages = countPdfPages(await fs.readFile(out));
      result = { ...run, pages, specs: count, peakRssMB: process.resourceUsage().maxRSS / 1024 };
    }
    process.stdout.write(JSON.stringify(result));
  } finally {
    await workspace.close();
    await fs.rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await main();
