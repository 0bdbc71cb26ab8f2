import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { generateWorkspace } from '../bench/generateWorkspace.js';
import { type AppModel } from './models/appModel.js';
import { expect, openApp, serve, type Served } from './specbenchTest.js';

// One generated reference workspace (10,000 documents) for the whole file; it is only read here.
const test = base.extend<object, { reference: { served: Served; directory: string } }>({
  reference: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
    async ({}, use) => {
      const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-reference-'));
      await generateWorkspace(directory);
      const served = await serve(directory);
      await use({ served, directory });
      served.process.kill('SIGTERM');
      await fs.rm(directory, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

/** The app on the reference workspace, its main view and a way to scroll that view to its end. */
async function openLarge(page: Page, served: Served) {
  test.setTimeout(120_000);
  const app: AppModel = await openApp(page, served.url);
  const main = page.locator('#main');
  const toBottom = () => main.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  return { app, main, toBottom };
}

test('the app stays responsive on the 10,000-document reference workspace', async ({
  page,
  reference,
}, testInfo) => {
  test.setTimeout(120_000);
  const started = Date.now();
  const app: AppModel = await openApp(page, reference.served.url);
  const readyMs = Date.now() - started;

  await app.section('Stories').click();
  const list = app.navigator.getByRole('list', { name: 'Stories list' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  // Virtualized: a few dozen rows exist in the DOM, not 8,000.
  expect(await list.getByRole('listitem').count()).toBeLessThan(80);
  await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(list.getByRole('listitem').last()).toContainText('STORY-8000');

  await app.section('Specs').click();
  await app.navigator.getByRole('list', { name: 'Specs list' }).getByRole('link').first().click();
  await expect(app.editor).toBeVisible({ timeout: 20_000 });
  await expect(app.saveState).toHaveText('Saved');
  await app.editor.locator('p').first().click();
  await page.keyboard.press('End');
  // Time from each keystroke to the next painted frame, measured inside the page.
  // Script time (the editor's own work) and time to the next frame, which includes layout and paint.
  const { script, frame } = await page.evaluate(async () => {
    const scriptSamples: number[] = [];
    const frameSamples: number[] = [];
    const target = document.activeElement as HTMLElement;
    for (let index = 0; index < 40; index++) {
      const start = performance.now();
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true }));
      document.execCommand('insertText', false, 'x');
      scriptSamples.push(performance.now() - start);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      frameSamples.push(performance.now() - start);
    }
    const sorted = (values: number[]) => values.sort((left, right) => left - right);
    return { script: sorted(scriptSamples), frame: sorted(frameSamples) };
  });
  const p95 = frame[Math.floor(frame.length * 0.95)]!;
  const scriptP95 = script[Math.floor(script.length * 0.95)]!;
  testInfo.annotations.push({ type: 'keystroke script p95 (ms)', description: scriptP95.toFixed(1) });
  testInfo.annotations.push({ type: 'ready (ms)', description: String(readyMs) });
  testInfo.annotations.push({ type: 'keystroke to paint p95 (ms)', description: p95.toFixed(1) });
  process.stdout.write(
    `[reference] ready ${readyMs} ms; keystroke script p95 ${scriptP95.toFixed(1)} ms, to next frame p95 ${p95.toFixed(1)} ms\n`,
  );
  await expect(app.editor).toContainText('xxxxxxxxxx');
  // Leave the file as it was: this workspace is shared by the file's tests.
  await page.keyboard.press('Control+Z');
});

test('the story list and the trace matrix render the rows in view, scroll to the last and filter', async ({
  page,
  reference,
}) => {
  const { app, main, toBottom } = await openLarge(page, reference.served);

  await app.goto('#/stories');
  const stories = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Story' }) });
  await expect(page.getByText('8000 of 8000')).toBeVisible();
  await expect(stories.getByRole('link', { name: /^STORY-/ }).first()).toBeVisible();
  // Virtualized: a screenful of the 8,000 rows exists in the DOM.
  expect(await stories.locator('tbody tr[data-index]').count()).toBeLessThan(120);
  await toBottom();
  await expect(stories.locator('tbody tr[data-index]').last()).toHaveAttribute('data-index', '7999');
  await expect(stories.locator('tbody tr[data-index]').last()).toBeInViewport();
  // A screen reader hears all 8,000 rows and where it is among them, not the few rendered.
  await expect(stories).toHaveAttribute('aria-rowcount', '8001');
  await expect(stories.locator('tbody tr[data-index]').last()).toHaveAttribute('aria-rowindex', '8001');

  const roadmapFilter = page.getByRole('combobox', { name: 'Roadmap item' });
  await roadmapFilter.focus();
  await roadmapFilter.selectOption('RM-1');
  await expect(page.getByText(/^\d+ of 8000$/)).not.toHaveText('8000 of 8000');
  const roadmapCells = stories.locator('tbody tr[data-index] td:nth-child(4)');
  await expect(roadmapCells.first()).toBeVisible();
  for (const text of await roadmapCells.allTextContents()) expect(text.split(', ')).toContain('RM-1');

  await app.goto('#/trace');
  const matrix = page.getByRole('table', { name: 'Roadmap traceability' });
  await expect(matrix.locator('tbody tr[data-index]').first()).toBeVisible();
  expect(await matrix.locator('tbody tr[data-index]').count()).toBeLessThan(120);
  expect(Number(await matrix.getAttribute('aria-rowcount'))).toBeGreaterThan(1000);
  // The first rendered row of an item names its item even when the item's first row scrolled away.
  await main.evaluate((element) => element.scrollTo({ top: 20_000 }));
  await expect(matrix.locator('tbody tr[data-index]').first().locator('th')).toContainText(/RM-\d+/);
});

test('the metrics view renders the specs in view, reaches the last, filters by verdict and pages by key', async ({
  page,
  reference,
}) => {
  const { app, toBottom } = await openLarge(page, reference.served);
  await app.goto('#/metrics');
  const feed = page.getByRole('feed', { name: 'Specs with success metrics' });
  const articles = feed.getByRole('article');
  await expect(articles.first()).toHaveAttribute('aria-posinset', '1');
  const total = await articles.first().getAttribute('aria-setsize');
  expect(Number(total)).toBeGreaterThan(900);
  // Virtualized: a screenful of the specs exists in the DOM.
  expect(await articles.count()).toBeLessThan(20);

  // Page Down moves from one spec to the next (the feed pattern), also from a link inside one.
  await articles.first().getByRole('link').first().focus();
  await page.keyboard.press('PageDown');
  await expect(page.locator('article:focus')).toHaveAttribute('aria-posinset', '2');
  await page.keyboard.press('PageUp');
  await expect(page.locator('article:focus')).toHaveAttribute('aria-posinset', '1');

  await toBottom();
  const last = articles.last();
  await expect(last).toHaveAttribute('aria-posinset', total!);
  await expect(last).toBeInViewport();
  // The last spec's first metric opens its spec.
  const title = (await last.getByRole('heading').textContent())!.trim();
  await last.getByRole('table').getByRole('link').first().click();
  await expect(app.editor).toBeVisible({ timeout: 20_000 });
  await expect(app.title).toHaveValue(title.replace(/^\S+\s+/, ''));

  await app.goto('#/metrics');
  await page.getByRole('combobox', { name: 'Verdict' }).selectOption('not-met');
  await expect(articles.first()).toBeVisible();
  expect(Number(await articles.first().getAttribute('aria-setsize'))).toBeLessThan(Number(total));
  const verdicts = feed.locator('tbody td:last-child .verdict:first-child');
  for (const text of await verdicts.allTextContents()) expect(text).toBe('not met');
});
