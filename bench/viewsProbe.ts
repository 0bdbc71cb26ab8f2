/**
 * How soon each big view is usable on the reference workspace, in browser mode on a warm server: from
 * the hash change to the first frame painted after the view's first row appeared (the render's long
 * task included). Between views the app goes home, so every view mounts afresh.
 */
import type { Browser, Page } from 'playwright-core';
import { serve, stop } from './appProbe.js';

export interface ViewRoute {
  id: string;
  label: string;
  hash: string;
  /** The view's first row (or its empty state): present once the view shows its data. */
  selector: string;
}

export const viewRoutes: readonly ViewRoute[] = [
  { id: 'view-stories', label: 'story list', hash: '#/stories', selector: '.story-list tbody tr' },
  { id: 'view-trace', label: 'trace matrix', hash: '#/trace', selector: '.trace__table tbody tr' },
  { id: 'view-problems', label: 'problems', hash: '#/problems', selector: '.problems__list li, .view-empty' },
  { id: 'view-roadmap', label: 'roadmap board', hash: '#/roadmap', selector: '.roadmap-card' },
  { id: 'view-timeline', label: 'roadmap timeline', hash: '#/timeline', selector: '.timeline__item' },
  { id: 'view-specs', label: 'spec list', hash: '#/specs', selector: 'ul[aria-label=Specs] li' },
  { id: 'view-faqs', label: 'FAQ list', hash: '#/faqs', selector: 'ul[aria-label=FAQs] li' },
  // Every spec's success-metrics table: 1,000 tables in the reference workspace.
  { id: 'view-metrics', label: 'metrics', hash: '#/metrics', selector: 'table.metrics-table tbody tr' },
  // A word every generated spec holds (its Goals heading): the page of the most results.
  {
    id: 'view-search',
    label: "search page for 'goals'",
    hash: '#/search/goals',
    selector: 'ol[aria-label="Search results"] li',
  },
];

// Page-side code as text: the node build has no DOM types.
const timeView = `([hash, selector]) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(hash + ' showed no ' + selector + ' in 60 s')), 60000);
  const channel = new MessageChannel();
  const started = performance.now();
  channel.port1.onmessage = () => { clearTimeout(timer); resolve(performance.now() - started); };
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => channel.port2.postMessage(0));
  });
  observer.observe(document.body, { childList: true, subtree: true });
  location.hash = hash;
})`;

const settle = `() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(0))))`;

async function goHome(page: Page): Promise<void> {
  await page.evaluate(`location.hash = '#/'`);
  await page
    .locator(
      '.story-list, .trace, .problems, .roadmap, .timeline, ul[aria-label=Specs], ul[aria-label=FAQs], table.metrics-table, ol[aria-label="Search results"]',
    )
    .first()
    .waitFor({ state: 'detached' });
  await page.evaluate(`(${settle})()`);
}

/** Samples per view id, `runs` of each, views interleaved. */
export async function measureViews(
  browser: Browser,
  cliScript: string,
  root: string,
  runs: number,
): Promise<Map<string, number[]>> {
  const served = await serve(cliScript, root, false);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const samples = new Map(viewRoutes.map((view) => [view.id, [] as number[]]));
  try {
    await page.goto(served.url);
    await page.locator('body[data-ready=true]').waitFor({ timeout: 120_000 });
    // The first screen does not wait for the rules: the views are timed once the findings are in.
    await page.locator('#count-problems', { hasText: /^\d+$/ }).waitFor({ timeout: 120_000 });
    for (let run = 0; run < runs; run++) {
      for (const view of viewRoutes) {
        await goHome(page);
        samples
          .get(view.id)!
          .push(
            (await page.evaluate(`(${timeView})(${JSON.stringify([view.hash, view.selector])})`)) as number,
          );
      }
    }
    return samples;
  } finally {
    await page.close();
    await stop(served);
  }
}
