/**
 * Mermaid diagrams drawn for an export: one sandboxed Chromium page per bundle (no network, nothing
 * but mermaid.min.js and the export's fonts), Mermaid's strict settings, a time limit per diagram,
 * and every SVG through the shared diagram policy before it reaches the bundle. A diagram that cannot
 * be drawn comes back as its reason in words; nothing here throws.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
import type { Browser, Page } from 'playwright-core';
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

function mermaidScript(): string {
  script ??= readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'), 'utf8');
  return script;
}

function svgPurifier(): DOMPurify {
  purifier ??= createDOMPurify(new JSDOM('').window as Parameters<typeof createDOMPurify>[0]);
  return purifier;
}

/** The default renderer: Playwright's Chromium (the system one when present), JavaScript on, network off. */
export async function renderDiagramsInChromium(
  sources: readonly string[],
  timeLimitMs = diagramTimeLimitMs,
): Promise<Map<string, DiagramResult>> {
  const results = new Map<string, DiagramResult>();
  const wanted = [...new Set(sources)];
  for (const source of wanted)
    if (source.trim() === '') results.set(source, { ok: false, error: 'the diagram is empty' });
  const pending = wanted.filter((source) => !results.has(source));
  if (pending.length === 0) return results;
  const failAll = (error: string) => {
    for (const source of pending) if (!results.has(source)) results.set(source, { ok: false, error });
    return results;
  };
  let browser: Browser;
  try {
    const { chromium } = await import('playwright-core');
    const executablePath = chromiumExecutablePath();
    browser = await chromium.launch({
      args: chromiumLaunchArguments,
      ...(executablePath ? { executablePath } : {}),
    });
  } catch (error) {
    return failAll(`cannot start Chromium to draw it: ${chromiumFailure(error)}`);
  }
  try {
    let page: Page | undefined;
    for (const source of pending) {
      page ??= await openDiagramPage(browser);
      const drawn = await withTimeLimit(drawOne(page, source), timeLimitMs);
      if (drawn === undefined) {
        results.set(source, { ok: false, error: `it took longer than ${timeLimitMs / 1000} s to draw` });
        // A page stuck in a diagram is given up; the next diagram gets a fresh one.
        await page
          .context()
          .close()
          .catch(() => undefined);
        page = undefined;
        continue;
      }
      results.set(
        source,
        drawn.ok
          ? { ok: true, svg: sanitizeDiagramSvg(svgPurifier(), drawn.svg) }
          : { ok: false, error: diagramErrorText(drawn.error) },
      );
    }
    return results;
  } catch (error) {
    return failAll(`Chromium failed while drawing it: ${chromiumFailure(error)}`);
  } finally {
    await browser.close().catch(() => undefined);
  }
}

async function openDiagramPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ offline: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  // Nothing leaves the page: the script and fonts are inlined, every request is refused.
  await page.route('**/*', (route) =>
    /^data:/i.test(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
  );
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>${exportFontFaces()}</style></head><body></body></html>`,
  );
  await page.addScriptTag({ content: mermaidScript() });
  const settings = mermaidSettings('default', `'${exportSansFamily}', 'DejaVu Sans', sans-serif`);
  await page.evaluate(
    async ({ settings, family }) => {
      const page = globalThis as unknown as {
        document: { fonts: { load(font: string): Promise<unknown> } };
        mermaid: { initialize(settings: unknown): void };
      };
      const fonts = page.document.fonts;
      await Promise.all([fonts.load(`16px '${family}'`), fonts.load(`bold 16px '${family}'`)]);
      page.mermaid.initialize(settings);
    },
    { settings, family: exportSansFamily },
  );
  return page;
}

let counter = 0;

async function drawOne(page: Page, source: string): Promise<DiagramResult> {
  const id = `specbench-diagram-${++counter}`;
  return page.evaluate(
    async ({ id, source }) => {
      const page = globalThis as unknown as {
        document: { getElementById(id: string): { remove(): void } | null };
        mermaid: { render(id: string, text: string): Promise<{ svg: string }> };
      };
      const mermaid = page.mermaid;
      try {
        const { svg } = await mermaid.render(id, source);
        return { ok: true as const, svg };
      } catch (error) {
        // Mermaid leaves its scratch element behind when it throws.
        page.document.getElementById(`d${id}`)?.remove();
        return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
      }
    },
    { id, source },
  );
}

function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
