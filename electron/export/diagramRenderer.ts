/**
 * Mermaid diagrams drawn for an export: one sandboxed Chromium page per bundle (no network, nothing
 * but mermaid.min.js and the export's fonts), Mermaid's strict settings, a time limit per diagram,
 * and every SVG through the shared diagram policy before it reaches the bundle. A diagram that cannot
 * be drawn comes back as its reason in words; nothing here throws.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { loadJsdom } from './loadJsdom.js';
import type { Browser } from 'playwright-core';
import { sanitizeDiagramSvg } from '../../shared/markdown/htmlPolicy.js';
import {
  diagramErrorText,
  mermaidSettings,
  type DiagramResult,
} from '../../shared/markdown/mermaidSettings.js';
import { chromiumExecutablePath, chromiumFailure, chromiumLaunchArguments } from './chromiumLaunch.js';
import { exportFontFaces, exportSansFamily } from './exportFonts.js';

/** Draws each source once; the map holds every source asked for. */
export type DiagramRenderer = (sources: readonly string[]) => Promise<Map<string, DiagramResult>>;

export const diagramTimeLimitMs = 10_000;

/** A ```mermaid fence anywhere in `text`: without one, no Chromium is started for diagrams. */
export function mentionsDiagram(text: string): boolean {
  return /^ {0,3}(?:>[ \t]?)*(?:```|~~~)[ \t]*mermaid\b/im.test(text);
}

let script: string | undefined;
let purifier: DOMPurify | undefined;

/** Mermaid's own script, run as a classic script in the page (it defines `mermaid` on the window). */
export function mermaidScript(): string {
  script ??= readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'), 'utf8');
  return script;
}

function svgPurifier(): DOMPurify {
  purifier ??= createDOMPurify(new (loadJsdom())('').window as Parameters<typeof createDOMPurify>[0]);
  return purifier;
}

/** One page that draws diagrams: Playwright's Chromium here, a hidden window on the desktop. */
export interface DiagramPage {
  /** Runs `expression` (built by drawExpression) in the page and answers its result. */
  evaluate(expression: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Run once in the page after Mermaid's script (mermaidScript) and before any diagram: the export's
 * fonts loaded, and Mermaid started with the strict settings. Sent as text, so the page loads no
 * script of its own.
 */
export function diagramPageStart(): string {
  const settings = mermaidSettings('default', `'${exportSansFamily}', 'DejaVu Sans', sans-serif`);
  const family = JSON.stringify(exportSansFamily);
  return `(async () => {
  const fonts = document.fonts;
  await Promise.all([fonts.load('16px ' + ${family}), fonts.load('bold 16px ' + ${family})]);
  mermaid.initialize(${JSON.stringify(settings)});
  return true;
})()`;
}

/** The page's HTML: the export's fonts, nothing else (the scripts are sent to it as text). */
export function diagramPageHtml(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${exportFontFaces()}</style></head><body></body></html>`;
}

let counter = 0;

/** Draws one source in a set-up page; answers `{ ok, svg }` or `{ ok: false, error }`, never throws there. */
export function drawExpression(source: string): string {
  const id = `specbench-diagram-${++counter}`;
  return `(async () => {
  const id = ${JSON.stringify(id)};
  try {
    const { svg } = await mermaid.render(id, ${JSON.stringify(source)});
    return { ok: true, svg };
  } catch (error) {
    // Mermaid leaves its scratch element behind when it throws.
    document.getElementById('d' + id)?.remove();
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
})()`;
}

/**
 * Draws each source once in pages `open` gives, one at a time, with a time limit each; a page stuck
 * in a diagram is given up and the next diagram gets a fresh one. Every SVG goes through the shared
 * diagram policy. `failure` puts an error of the page itself in words.
 */
export async function drawDiagrams(
  sources: readonly string[],
  open: () => Promise<DiagramPage>,
  failure: (error: unknown) => string,
  timeLimitMs = diagramTimeLimitMs,
): Promise<Map<string, DiagramResult>> {
  const results = new Map<string, DiagramResult>();
  const wanted = [...new Set(sources)];
  for (const source of wanted)
    if (source.trim() === '') results.set(source, { ok: false, error: 'the diagram is empty' });
  let page: DiagramPage | undefined;
  try {
    for (const source of wanted.filter((wanted) => !results.has(wanted))) {
      page ??= await open();
      const drawn = await withTimeLimit(page.evaluate(drawExpression(source)), timeLimitMs);
      if (drawn === undefined) {
        results.set(source, { ok: false, error: `it took longer than ${timeLimitMs / 1000} s to draw` });
        await page.close().catch(() => undefined);
        page = undefined;
        continue;
      }
      results.set(source, drawnResult(drawn));
    }
  } catch (error) {
    const reason = failure(error);
    for (const source of wanted) if (!results.has(source)) results.set(source, { ok: false, error: reason });
  } finally {
    await page?.close().catch(() => undefined);
  }
  return results;
}

/** What the page answered, checked: it runs Mermaid over untrusted text, so its answer is untrusted too. */
function drawnResult(drawn: unknown): DiagramResult {
  const answer = (drawn ?? {}) as { ok?: unknown; svg?: unknown; error?: unknown };
  if (answer.ok === true && typeof answer.svg === 'string')
    return { ok: true, svg: sanitizeDiagramSvg(svgPurifier(), answer.svg) };
  return { ok: false, error: diagramErrorText(String(answer.error ?? 'the page gave no drawing')) };
}

/** The default renderer: Playwright's Chromium (the system one when present), JavaScript on, network off. */
export async function renderDiagramsInChromium(
  sources: readonly string[],
  timeLimitMs = diagramTimeLimitMs,
): Promise<Map<string, DiagramResult>> {
  if (sources.every((source) => source.trim() === '')) return drawDiagrams(sources, noPage, String);
  let browser: Browser;
  try {
    const { chromium } = await import('playwright-core');
    const executablePath = chromiumExecutablePath();
    browser = await chromium.launch({
      args: chromiumLaunchArguments,
      ...(executablePath ? { executablePath } : {}),
    });
  } catch (error) {
    const reason = `cannot start Chromium to draw it: ${chromiumFailure(error)}`;
    return drawDiagrams(
      sources,
      () => Promise.reject(new Error(reason)),
      () => reason,
    );
  }
  try {
    return await drawDiagrams(
      sources,
      () => openDiagramPage(browser),
      (error) => `Chromium failed while drawing it: ${chromiumFailure(error)}`,
      timeLimitMs,
    );
  } finally {
    await browser.close().catch(() => undefined);
  }
}

function noPage(): Promise<DiagramPage> {
  return Promise.reject(new Error('no diagram to draw'));
}

async function openDiagramPage(browser: Browser): Promise<DiagramPage> {
  const context = await browser.newContext({ offline: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  // Nothing leaves the page: the script and fonts are inlined, every request is refused.
  await page.route('**/*', (route) =>
    /^data:/i.test(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
  );
  await page.setContent(diagramPageHtml());
  const diagramPage: DiagramPage = {
    evaluate: (expression) => page.evaluate(expression),
    close: () => context.close(),
  };
  await page.addScriptTag({ content: mermaidScript() });
  await diagramPage.evaluate(diagramPageStart());
  return diagramPage;
}

function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
