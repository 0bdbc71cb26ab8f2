/**
 * The app's exports: each runs into a private temp folder outside the workspace, comes back as
 * bytes, and the folder is removed; a second call naming the same id aborts it. While one runs, its
 * latest progress is kept under its id for the dialog to poll, and forgotten when it ends.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportProgress, ExportedFile, MethodInput, Result } from '../../shared/contract/apiContract.js';
import type { Workspace } from '../engine/workspace.js';
import { exportBundle } from '../export/exportBundle.js';
import type { PrinterLauncher } from '../export/pdfPrinter.js';
import { workspaceVersion } from '../export/gitVersion.js';
import { collectBundle } from '../export/specBundle.js';
import type { DiagramRenderer } from '../export/diagramRenderer.js';

const mediaTypes = {
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  zip: 'application/zip',
  html: 'text/html; charset=utf-8',
} as const;

export interface BundleExporterOptions {
  /** The desktop app prints with Electron; the CLI's Playwright Chromium when absent. */
  launchPrinter?: PrinterLauncher;
  /** The desktop app draws Mermaid diagrams with Electron too; the CLI's Playwright Chromium when absent. */
  drawDiagrams?: DiagramRenderer;
}

interface RunningExport {
  controller: AbortController;
  progress: ExportProgress;
  /** Print passes begun so far, to number them for the reader. */
  passes: number;
}

export class BundleExporter {
  private readonly running = new Map<string, RunningExport>();

  constructor(
    private readonly workspace: Workspace,
    private readonly options: BundleExporterOptions = {},
  ) {}

  run(input: MethodInput<'exportBundle'>): Promise<Result<ExportedFile>> {
    if ('cancel' in input) {
      const controller = this.running.get(input.cancel)?.controller;
      controller?.abort();
      return Promise.resolve(
        controller
          ? { ok: false, error: 'cancelled', message: 'The export was cancelled.' }
          : { ok: false, error: 'not-running', message: 'No export with that id is running.' },
      );
    }
    if (this.running.has(input.exportId)) {
      return Promise.resolve({ ok: false, error: 'busy', message: 'That export is already running.' });
    }
    const running: RunningExport = {
      controller: new AbortController(),
      progress: { fraction: 0, step: 'Gathering documents' },
      passes: 0,
    };
    this.running.set(input.exportId, running);
    return this.export(input, running.controller.signal, (fraction, step) => {
      if (step.startsWith('printing')) running.passes++;
      running.progress = {
        fraction: Math.max(running.progress.fraction, Math.min(1, fraction)),
        // The printer says 'done' before the file is saved: the last pass's words stand until then.
        step: step === 'done' && fraction < 1 ? running.progress.step : stepWords(step, running.passes),
      };
    }).finally(() => this.running.delete(input.exportId));
  }

  progress(exportId: string): Result<ExportProgress, 'unknown-export'> {
    const running = this.running.get(exportId);
    if (!running)
      return { ok: false, error: 'unknown-export', message: 'No export with that id is running.' };
    return { ok: true, ...running.progress };
  }

  private async export(
    input: Exclude<MethodInput<'exportBundle'>, { cancel: string }>,
    signal: AbortSignal,
    onProgress: (fraction: number, step: string) => void,
  ): Promise<Result<ExportedFile>> {
    const documents = input.documents ?? [];
    const collected = await collectBundle(this.workspace, {
      specs: input.specs,
      documents,
      include: input.include,
    });
    if (!collected.ok) return { ok: false, error: 'bad-request', message: collected.message };
    const slugOf = (name: string) => {
      const entry = this.workspace.document(name);
      return entry && path.posix.basename(entry.path).replace(/\.(md|markdown)$/i, '');
    };
    const named =
      input.specs === 'all' && documents.length === 0
        ? 'all'
        : [...(input.specs === 'all' ? [] : input.specs), ...documents];
    const fileName = `${bundleName(named, this.workspace.settings.name, slugOf)}.${input.format}`;
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-export-'));
    try {
      const out = path.join(folder, fileName);
      const version = await workspaceVersion(this.workspace.root);
      const result = await exportBundle(collected.bundle, {
        format: input.format,
        out,
        // The app hands the user one file: its Markdown carries its images.
        markdownImages: 'embedded',
        signal,
        onProgress,
        ...(version === undefined ? {} : { version }),
        ...(this.options.launchPrinter ? { launchPrinter: this.options.launchPrinter } : {}),
        ...(this.options.drawDiagrams ? { drawDiagrams: this.options.drawDiagrams } : {}),
      });
      if (!result.ok)
        return { ok: false, error: result.error, message: result.message.split(folder).join('') };
      const data = await fs.readFile(out);
      return {
        ok: true,
        fileName,
        mediaType: mediaTypes[input.format],
        base64: data.toString('base64'),
        bytes: data.byteLength,
        ...(result.warnings ? { warnings: result.warnings.map((line) => line.split(folder).join('')) } : {}),
      };
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  }
}

/** The export's step names (electron/export) in words a PM reads in the dialog. */
export function stepWords(step: string, passes: number): string {
  if (step === 'starting Chromium') return 'Starting the PDF printer';
  if (step === 'drawing diagrams') return 'Drawing diagrams';
  // The first pass lays the pages out; later ones fill in the contents' page numbers.
  if (step.startsWith('printing')) return `Printing pages — pass ${passes}`;
  if (step === 'writing') return 'Saving the file';
  if (step === 'done') return 'Finishing';
  return 'Exporting';
}

/** After the specs' slugs (`guest-checkout`, `guest-checkout-and-promo-codes`), or the workspace's name for "all": letters, digits and dashes only. */
export function bundleName(
  specs: readonly string[] | 'all',
  workspaceName: string,
  /** A spec's slug (its file name without `.md`), so one spec's bundle is `guest-checkout.pdf`. */
  slugOf: (key: string) => string | undefined = () => undefined,
): string {
  const names = specs === 'all' ? [] : specs.map((key) => slugOf(key) ?? key);
  const raw =
    specs === 'all'
      ? `${workspaceName}-specs`
      : names.length <= 2
        ? names.join('-and-')
        : `${names[0]}-and-${names.length - 1}-more`;
  const safe = raw
    .replace(/[^\p{L}\p{N}-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return safe === '' ? 'bundle' : safe;
}
