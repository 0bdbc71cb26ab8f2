/**
 * The bundle as a PDF. Chromium has no `target-counter()`, so the contents take two passes: print
 * once, read where each heading landed from the PDF's outline, print again with the page numbers.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderBundleHtml, type BundleHtmlOptions } from './bundleHtml.js';
import type { TocHeading } from './documentHtml.js';
import { launchPdfPrinter, type PdfPrinter } from './pdfPrinter.js';
import type { SpecBundle } from './specBundle.js';

export interface BundlePdfOptions extends Pick<BundleHtmlOptions, 'date' | 'version'> {
  onProgress?: (fraction: number, step: string) => void;
}

export type BundlePdfResult =
  | { ok: true; pdf: Uint8Array; pages: ReadonlyMap<string, number>; contentsPaged: boolean }
  | { ok: false; error: 'no-browser' | 'print-failed'; message: string };

export async function renderBundlePdf(
  bundle: SpecBundle,
  options: BundlePdfOptions,
): Promise<BundlePdfResult> {
  const progress = options.onProgress ?? (() => undefined);
  progress(0.05, 'starting Chromium');
  const launched = await launchPdfPrinter();
  if (!launched.ok) return launched;
  const printer = launched.printer;
  try {
    const first = renderBundleHtml(bundle, { ...options, print: true });
    progress(0.25, 'printing');
    const draft = await print(printer, first.html, bundle, first.title);
    progress(0.6, 'numbering the contents');
    const outline = await readOutline(draft);
    if (outline === undefined) return { ok: true, pdf: draft, pages: new Map(), contentsPaged: false };
    const pages = pagesOf(first.contents, outline);
    const final = renderBundleHtml(bundle, { ...options, print: true, pages });
    progress(0.75, 'printing with page numbers');
    const pdf = await print(printer, final.html, bundle, final.title);
    progress(1, 'done');
    return { ok: true, pdf, pages, contentsPaged: true };
  } catch (error) {
    return {
      ok: false,
      error: 'print-failed',
      message: error instanceof Error ? error.message.split('\n')[0]! : String(error),
    };
  } finally {
    await printer.close();
  }
}

function print(printer: PdfPrinter, html: string, bundle: SpecBundle, title: string): Promise<Uint8Array> {
  return printer.print(html, { workspaceName: bundle.workspaceName, title });
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
        ['-xml', '-i', '-q', '-stdout', file],
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
