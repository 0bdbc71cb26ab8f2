/**
 * The bundle as a PDF. Chromium has no `target-counter()`, so the contents take two passes: print
 * once, read where each heading landed from the PDF's outline, print again with the page numbers.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderBundleHtml, type BundleHtmlOptions } from './bundleHtml.js';
import { chromiumFailure } from './chromiumLaunch.js';
import { exportPhase } from './exportTiming.js';
import type { TocHeading } from './documentHtml.js';
import type { PdfPrinter, PrinterLauncher } from './pdfPrinter.js';
import type { SpecBundle } from './specBundle.js';

export interface BundlePdfOptions extends Pick<BundleHtmlOptions, 'date' | 'version' | 'diagrams'> {
  /** Prints the HTML and stays open (the caller closes it). */
  printer?: PdfPrinter;
  /** Starts the printer for this print, closed here; Playwright's Chromium when neither is given. */
  launchPrinter?: PrinterLauncher;
  onProgress?: (fraction: number, step: string) => void;
  /** Checked before Chromium starts and before every pass: a cancelled print stops at the next one. */
  signal?: AbortSignal;
}

export type BundlePdfResult =
  | {
      ok: true;
      pdf: Uint8Array;
      pages: ReadonlyMap<string, number>;
      contentsPaged: boolean;
      passes: number;
      /** Said when the contents could not be paged because poppler is missing. */
      warning?: string;
    }
  | { ok: false; error: 'no-browser' | 'print-failed' | 'cancelled'; message: string };

const cancelled = { ok: false as const, error: 'cancelled' as const, message: 'The export was cancelled.' };

export const noOutlineReader =
  "the contents have no page numbers: reading them back needs poppler's pdftohtml, which is not installed (Debian: apt-get install poppler-utils)";

/** Numbers rarely move once filled in (fixed-width page column); a third pass settles any that do. */
const maximumPasses = 3;

export async function renderBundlePdf(
  bundle: SpecBundle,
  options: BundlePdfOptions,
): Promise<BundlePdfResult> {
  const progress = options.onProgress ?? (() => undefined);
  let printer = options.printer;
  if (options.signal?.aborted) return cancelled;
  if (printer === undefined) {
    progress(0.05, 'starting Chromium');
    // Playwright is loaded only when it prints: the desktop app brings its own printer.
    const launch = options.launchPrinter ?? (await import('./pdfPrinter.js')).launchPdfPrinter;
    const launched = await launch();
    if (!launched.ok) return launched;
    printer = launched.printer;
    exportPhase('start Chromium');
  }
  const html = {
    date: options.date,
    print: true,
    ...(options.version === undefined ? {} : { version: options.version }),
    ...(options.diagrams === undefined ? {} : { diagrams: options.diagrams }),
  };
  try {
    let pages = new Map<string, number>();
    let rendered = renderBundleHtml(bundle, html);
    exportPhase('render HTML');
    for (let pass = 1; ; pass++) {
      if (options.signal?.aborted) return cancelled;
      progress(
        0.1 + (0.8 * (pass - 1)) / maximumPasses,
        pass === 1 ? 'printing' : 'printing with page numbers',
      );
      const pdf = await printer.print(rendered.html);
      exportPhase(`print pass ${pass}`);
      // No contents page, no page numbers to read back: one pass is the PDF.
      if (rendered.contents.length === 0) {
        progress(1, 'done');
        return { ok: true, pdf, pages, contentsPaged: true, passes: pass };
      }
      const outline = await readOutline(pdf);
      exportPhase(`read page numbers ${pass}`);
      if (outline === undefined)
        return { ok: true, pdf, pages, contentsPaged: false, passes: pass, warning: noOutlineReader };
      const found = pagesOf(rendered.contents, outline);
      if ((pass > 1 && samePages(found, pages)) || pass === maximumPasses) {
        progress(1, 'done');
        return { ok: true, pdf, pages: found, contentsPaged: samePages(found, pages), passes: pass };
      }
      pages = found;
      rendered = renderBundleHtml(bundle, { ...html, pages });
      exportPhase('render HTML with page numbers');
    }
  } catch (error) {
    return {
      ok: false,
      error: 'print-failed',
      message: `the PDF could not be printed: ${chromiumFailure(error)}`,
    };
  } finally {
    if (options.printer === undefined) await printer.close();
  }
}

function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);
}

export interface OutlineItem {
  page: number;
  text: string;
}

/** The PDF's bookmarks in order with their pages (poppler's pdftohtml); undefined when it is not installed. */
export async function readOutline(pdf: Uint8Array): Promise<OutlineItem[] | undefined> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-pdf-'));
  try {
    const file = path.join(folder, 'bundle.pdf');
    await fs.writeFile(file, pdf);
    const xml = await new Promise<string | undefined>((resolve) => {
      execFile(
        'pdftohtml',
        // The outline is written whole with the first page; converting every page's text took seconds.
        ['-xml', '-i', '-q', '-f', '1', '-l', '1', '-stdout', file],
        { maxBuffer: 256 * 1024 * 1024, timeout: 60_000 },
        (error, stdout) => resolve(error ? undefined : stdout),
      );
    });
    if (xml === undefined) return undefined;
    return Array.from(xml.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g), (match) => ({
      page: Number(match[1]),
      text: decodeEntities(match[2]!),
    }));
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

/** Matches contents entries to outline items in order, by their numbered heading text. */
export function pagesOf(
  contents: readonly TocHeading[],
  outline: readonly OutlineItem[],
): Map<string, number> {
  const pages = new Map<string, number>();
  let cursor = 0;
  for (const heading of contents) {
    const wanted = normalize(`${heading.number} ${heading.text}`);
    const found = outline.findIndex((item, index) => index >= cursor && normalize(item.text) === wanted);
    if (found === -1) continue;
    pages.set(heading.id, outline[found]!.page);
    cursor = found + 1;
  }
  return pages;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}
