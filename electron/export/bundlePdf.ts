/**
 * The bundle as a PDF. Chromium has no `target-counter()`: the contents' page numbers come from the
 * page's own layout before the print (a printer with `printPaged`), or from a first print; either
 * way the printed PDF's outline says where each heading landed, and a heading that landed elsewhere
 * takes one more print with the numbers read from it.
 */
import { renderBundleHtml, type BundleHtmlOptions } from './bundleHtml.js';
import { chromiumFailure } from './chromiumLaunch.js';
import { exportPhase } from './exportTiming.js';
import type { TocHeading } from './documentHtml.js';
import { pdfOutline, type OutlineItem } from './pdfOutline.js';
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
      /** Said when the contents could not be paged: the printed PDF had no outline to read. */
      warning?: string;
    }
  | { ok: false; error: 'no-browser' | 'print-failed' | 'cancelled'; message: string };

const cancelled = { ok: false as const, error: 'cancelled' as const, message: 'The export was cancelled.' };

export const noOutline =
  'the contents have no page numbers: the printed PDF has no outline to read them from (is SPECBENCH_CHROMIUM an old Chromium?)';

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
    // The numbers the printed contents show, and whether it shows any yet.
    let pages: ReadonlyMap<string, number> = new Map<string, number>();
    let filled = false;
    let rendered = renderBundleHtml(bundle, html);
    exportPhase('render HTML');
    for (let pass = 1; ; pass++) {
      if (options.signal?.aborted) return cancelled;
      progress(
        0.1 + (0.8 * (pass - 1)) / maximumPasses,
        pass === 1 ? 'printing' : 'printing with page numbers',
      );
      let pdf: Uint8Array;
      if (pass === 1 && printer.printPaged !== undefined && rendered.contents.length > 0) {
        // Numbered from the page's layout before the print: the outline below only confirms them.
        const paged = await printer.printPaged(rendered.html);
        ({ pdf, pages } = paged);
        filled = true;
      } else pdf = await printer.print(rendered.html);
      exportPhase(`print pass ${pass}`);
      // No contents page, no page numbers to read back: one pass is the PDF.
      if (rendered.contents.length === 0) {
        progress(1, 'done');
        return { ok: true, pdf, pages, contentsPaged: true, passes: pass };
      }
      const outline = pdfOutline(pdf);
      exportPhase(`read page numbers ${pass}`);
      if (outline === undefined || outline.length === 0)
        return { ok: true, pdf, pages, contentsPaged: false, passes: pass, warning: noOutline };
      const found = pagesOf(rendered.contents, outline);
      if ((filled && samePages(found, pages)) || pass === maximumPasses) {
        progress(1, 'done');
        return { ok: true, pdf, pages: found, contentsPaged: samePages(found, pages), passes: pass };
      }
      pages = found;
      filled = true;
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
