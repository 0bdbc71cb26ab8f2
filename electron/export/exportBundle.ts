/**
 * Writes a bundle in one format to one path, all or nothing: the output is built in memory, then
 * written to a temp file beside the target and renamed over it (nothing half-written, nothing
 * elsewhere). A Markdown file's images go into `<name>.assets/` beside it, by the same rules. Missing
 * folders on the way are created, as build tools do, and removed again when the write fails.
 * `renderBundle` gives the bytes alone (the CLI's `--out -`; Markdown then embeds its images).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { writeFileAtomic } from '../engine/atomicFile.js';
import { renderBundleHtml } from './bundleHtml.js';
import { bundleDiagrams } from './bundleDiagrams.js';
import type { DiagramRenderer } from './diagramRenderer.js';
import { uncoveredCharacters } from './exportFonts.js';
import { writeFilesTogether } from './writeFilesTogether.js';
import { exportPhase } from './exportTiming.js';
import { bundleFiles, renderBundleMarkdown } from './markdownBundle.js';
import type { PrinterLauncher } from './pdfPrinter.js';
import type { SpecBundle } from './specBundle.js';

export const exportFormats = ['pdf', 'md', 'zip', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportOptions extends RenderOptions {
  /** Absolute path of the file to write; missing folders on the way are created. */
  out: string;
  /** A Markdown bundle's images: copied into `<name>.assets/` beside `out` (the default), or embedded. */
  markdownImages?: 'beside' | 'embedded';
}

export interface RenderOptions {
  format: ExportFormat;
  /**
   * The folder beside the Markdown file its images are copied into (`bundle.assets`), which its
   * links name; without it they are embedded as data: URIs.
   */
  assetFolder?: string;
  date?: Date;
  version?: string;
  onProgress?: (fraction: number, step: string) => void;
  /** Starts the PDF printer (the desktop app's Electron one); Playwright's Chromium when absent. */
  launchPrinter?: PrinterLauncher;
  /** Draws the bundle's Mermaid diagrams for PDF and HTML; a sandboxed Chromium page when absent. */
  drawDiagrams?: DiagramRenderer;
  /** Stops the export between steps; nothing is written once it is aborted. */
  signal?: AbortSignal;
}

export type ExportResult =
  /** `warnings`: what came out otherwise than asked (no page numbers, characters no embedded font has), one line each. */
  | { ok: true; path: string; bytes: number; warnings?: string[] }
  | {
      ok: false;
      error: 'bad-destination' | 'no-browser' | 'print-failed' | 'io' | 'cancelled';
      message: string;
    };

const cancelled = { ok: false as const, error: 'cancelled' as const, message: 'The export was cancelled.' };

export async function exportBundle(bundle: SpecBundle, options: ExportOptions): Promise<ExportResult> {
  const destination = await checkDestination(options.out);
  if (destination) return destination;
  const assetFolder =
    options.format === 'md' && options.markdownImages !== 'embedded' ? assetFolderOf(options.out) : undefined;
  if (assetFolder !== undefined) {
    const folder = path.join(path.dirname(options.out), assetFolder);
    if ((await fs.stat(folder).catch(() => undefined))?.isDirectory() === false)
      return { ok: false, error: 'bad-destination', message: `${folder} is a file; the images go there` };
  }
  const rendered = await renderBundle(bundle, {
    ...options,
    ...(assetFolder === undefined ? {} : { assetFolder }),
  });
  if (!rendered.ok) return rendered;
  const progress = options.onProgress ?? (() => undefined);
  progress(0.97, 'writing');
  const written = await writeOutput(options.out, rendered.data, rendered.assets);
  exportPhase('write the file');
  if (!written.ok) return written;
  progress(1, 'done');
  return rendered.warnings === undefined ? written : { ...written, warnings: rendered.warnings };
}

/** `notes/bundle.md` → `bundle.assets`: the folder beside a Markdown export that holds its images. */
export function assetFolderOf(out: string): string {
  return `${path.basename(out, path.extname(out))}.assets`;
}

/**
 * Writes an export's bytes atomically, creating missing folders on the way (and removing them again
 * when the write fails); a refusal by the disk is a value naming the file. `assets` (paths relative
 * to the file's folder) are written first, all or none.
 */
export async function writeOutput(
  out: string,
  data: Uint8Array | string,
  assets: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<ExportResult> {
  let created: string | undefined;
  let assetsCreated: string | undefined;
  try {
    created = await fs.mkdir(path.dirname(out), { recursive: true });
    for (const [folder, files] of byFolder(path.dirname(out), assets)) {
      const existed = await fs.stat(folder).then(
        () => true,
        () => false,
      );
      await writeFilesTogether(folder, files);
      if (!existed) assetsCreated ??= folder;
    }
    await writeFileAtomic(out, data);
  } catch (error) {
    if (created !== undefined) await fs.rm(created, { recursive: true, force: true }).catch(() => undefined);
    else if (assetsCreated !== undefined)
      await fs.rm(assetsCreated, { recursive: true, force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error: 'io',
      message: `${out} could not be written: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'the disk is full' : code === 'EROFS' ? 'the file system is read-only' : (error as Error).message}`,
    };
  }
  return { ok: true, path: out, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength };
}

/** Files by their path below `base`, grouped by the folder each goes into. */
function byFolder(
  base: string,
  files: ReadonlyMap<string, Uint8Array>,
): Map<string, { name: string; data: Uint8Array }[]> {
  const folders = new Map<string, { name: string; data: Uint8Array }[]>();
  for (const [name, data] of files) {
    const folder = path.join(base, path.dirname(name));
    folders.set(folder, [...(folders.get(folder) ?? []), { name: path.basename(name), data }]);
  }
  return folders;
}

/** The bundle in one format, in memory, with the files a Markdown bundle's links name beside it. */
export async function renderBundle(
  bundle: SpecBundle,
  options: RenderOptions,
): Promise<
  | { ok: true; data: Uint8Array; assets: Map<string, Uint8Array>; warnings?: string[] }
  | Extract<ExportResult, { ok: false }>
> {
  if (options.signal?.aborted) return cancelled;
  const date = options.date ?? new Date();
  const progress = options.onProgress ?? (() => undefined);
  const common = { date, ...(options.version === undefined ? {} : { version: options.version }) };
  let data: Uint8Array;
  let assets = new Map<string, Uint8Array>();
  // PDF and HTML carry their own fonts; Markdown and zip leave the fonts to whoever opens them.
  const onPaper = options.format === 'pdf' || options.format === 'html';
  const warnings = onPaper ? uncoveredWarnings(bundle) : [];
  exportPhase('check font coverage');
  // Markdown and zip keep each diagram's source; PDF and HTML show it drawn.
  const diagrams = onPaper
    ? await bundleDiagrams(bundle, options.drawDiagrams, () => progress(0.02, 'drawing diagrams'))
    : undefined;
  exportPhase('draw diagrams');
  if (options.signal?.aborted) return cancelled;
  switch (options.format) {
    case 'pdf': {
      // Loaded only for PDF: Markdown, zip and HTML work where playwright-core is not installed.
      const { renderBundlePdf } = await import('./bundlePdf.js');
      const printed = await renderBundlePdf(bundle, {
        ...common,
        diagrams,
        onProgress: (fraction, step) => progress(fraction * 0.95, step),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.launchPrinter === undefined ? {} : { launchPrinter: options.launchPrinter }),
      });
      if (!printed.ok) return printed;
      data = printed.pdf;
      if (printed.warning !== undefined) warnings.unshift(printed.warning);
      break;
    }
    case 'html':
      data = new TextEncoder().encode(renderBundleHtml(bundle, { ...common, diagrams }).html);
      break;
    case 'md': {
      const single = renderBundleMarkdown(bundle, {
        ...common,
        ...(options.assetFolder === undefined ? {} : { assetFolder: options.assetFolder }),
      });
      data = new TextEncoder().encode(single.markdown);
      assets = single.assets;
      break;
    }
    case 'zip': {
      const files = bundleFiles(bundle, common);
      // Fixed entry times so the same workspace gives the same zip, whatever the clock.
      const entries: Zippable = {};
      const mtime = zipEntryTime(date);
      for (const [name, bytes] of files) entries[name] = [bytes, { mtime }];
      data = zipSync(entries, { level: 6 });
      break;
    }
  }
  exportPhase(`render ${options.format}`);
  if (options.signal?.aborted) return cancelled;
  return { ok: true, data, assets, ...(warnings.length > 0 ? { warnings } : {}) };
}

/** How many of a document's uncovered characters a warning shows. */
const charactersShown = 6;

/** One line per document holding characters the embedded fonts do not have (CJK, emoji, other scripts). */
function uncoveredWarnings(bundle: SpecBundle): string[] {
  return bundle.documents.flatMap(({ entry, text }) => {
    const characters = uncoveredCharacters(text);
    if (characters.length === 0) return [];
    const shown = characters.slice(0, charactersShown).join(' ');
    const more =
      characters.length > charactersShown ? ` and ${characters.length - charactersShown} more` : '';
    const name = entry.key === undefined ? entry.path : `${entry.key} (${entry.path})`;
    return [
      `${name} has characters the export's fonts do not cover (${shown}${more}): they print in a font this machine has, or as empty boxes`,
    ];
  });
}

/** The nearest folder that exists on the way to `out` must be a folder (the rest is created); `out` must not be one. */
export async function checkDestination(
  out: string,
): Promise<Extract<ExportResult, { ok: false }> | undefined> {
  for (let folder = path.dirname(out); ; folder = path.dirname(folder)) {
    const stats = await fs.stat(folder).catch((error: NodeJS.ErrnoException) => error);
    if (!(stats instanceof Error)) {
      if (!stats.isDirectory())
        return { ok: false, error: 'bad-destination', message: `${folder} is not a folder` };
      break;
    }
    if ((stats.code !== 'ENOENT' && stats.code !== 'ENOTDIR') || path.dirname(folder) === folder)
      return {
        ok: false,
        error: 'bad-destination',
        message: `cannot reach the folder ${folder} (${stats.code ?? stats.message})`,
      };
  }
  try {
    // lstat: the export is written beside `out` and renamed over it, which would replace a link, a
    // device (/dev/full, /dev/stdout) or a pipe with a plain file rather than write to it.
    const stats = await fs.lstat(out);
    if (stats.isDirectory()) {
      return { ok: false, error: 'bad-destination', message: `${out} is a folder; give a file name` };
    }
    if (!stats.isFile()) {
      const what = stats.isSymbolicLink() ? 'a link' : 'not a plain file (a device or a pipe)';
      return {
        ok: false,
        error: 'bad-destination',
        message: `${out} is ${what}, which an export would replace: give a file name, or --out - for standard output`,
      };
    }
  } catch {
    // A new file: fine.
  }
  return undefined;
}

/** Zip (DOS) timestamps only hold 1980–2099; a clock outside that range must not fail an export. */
export function zipEntryTime(date: Date): Date {
  const earliest = new Date(1980, 0, 1, 12);
  const latest = new Date(2099, 11, 31, 12);
  if (Number.isNaN(date.getTime()) || date < earliest) return earliest;
  return date > latest ? latest : date;
}
