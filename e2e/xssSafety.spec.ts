import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test as base } from './specbenchTest.js';
import { xssClipboardHtml, xssRoadmapItem, xssSpec, xssStory, xssSvg } from './xssCorpus.js';

interface Canary {
  origin: string;
  /** Paths the canary server was asked for since the test started. */
  hits: string[];
}

const specPath = 'specs/xss-corpus.md';
const storyPath = 'stories/xss-story.md';

const test = base.extend<{ canary: Canary }, { canaryServer: Canary }>({
  // A logging server on loopback: any payload that runs or fetches leaves its name here.
  canaryServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
    async ({}, use) => {
      const hits: string[] = [];
      const server = http.createServer((request, response) => {
        hits.push(request.url ?? '');
        response.writeHead(200, { 'Content-Type': 'text/plain' }).end('canary');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      await use({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    { scope: 'worker' },
  ],
  canary: async ({ canaryServer }, use) => {
    canaryServer.hits.length = 0;
    await use(canaryServer);
  },
  workspaceDir: async ({ workspaceDir, canary }, use) => {
    await fs.writeFile(path.join(workspaceDir, specPath), xssSpec(canary.origin));
    await fs.writeFile(path.join(workspaceDir, storyPath), xssStory(canary.origin));
    await fs.writeFile(path.join(workspaceDir, 'assets', 'hostile.svg'), xssSvg(canary.origin));
    const roadmapFile = path.join(workspaceDir, 'roadmap.json');
    const roadmap = JSON.parse(await fs.readFile(roadmapFile, 'utf8')) as { items: unknown[] };
    roadmap.items.push(xssRoadmapItem(canary.origin));
    await fs.writeFile(roadmapFile, JSON.stringify(roadmap, null, 2));
    await use(workspaceDir);
  },
});

interface Watch {
  outsideRequests: string[];
  /** Outside requests Chromium started and then refused because of the page's CSP. */
  blockedByPolicy: string[];
  dialogs: string[];
  popups: string[];
}

/** Records every request that leaves the app's origin, every dialog and every popup. */
function watch(page: Page, allowedPrefixes: string[]): Watch {
  const seen: Watch = { outsideRequests: [], blockedByPolicy: [], dialogs: [], popups: [] };
  page.on('request', (request) => {
    const url = request.url();
    if (!allowedPrefixes.some((prefix) => url.startsWith(prefix))) seen.outsideRequests.push(url);
  });
  page.on('requestfailed', (request) => {
    const index = seen.outsideRequests.indexOf(request.url());
    // Playwright names this failure "csp"; Chromium's own text is net::ERR_BLOCKED_BY_CSP.
    if (index === -1 || !/^csp$|BLOCKED_BY_CSP/.test(request.failure()?.errorText ?? '')) return;
    seen.outsideRequests.splice(index, 1);
    seen.blockedByPolicy.push(request.url());
  });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('popup', (popup) => seen.popups.push(popup.url()));
  return seen;
}

const dangerous = [
  'script',
  'iframe',
  'object',
  'embed',
  'meta[http-equiv="refresh" i]',
  'base',
  'form',
  'link',
  'style',
  'svg script',
  '[srcdoc]',
  '[onerror]',
  '[onload]',
  '[onclick]',
  '[onmouseover]',
  '[ontoggle]',
  '[onfocus]',
  '[ping]',
  '[style*="url(" i]',
  'a[href^="javascript" i]',
  'a[href^="data" i]',
  'a[href^="vbscript" i]',
  'img[src^="http" i]',
  'img[srcset]',
].join(', ');

/** Live elements in `region` that could run or fetch something. */
function dangerousElements(region: Locator): Promise<string[]> {
  return region.evaluate(
    (element, selector) =>
      Array.from(element.querySelectorAll(selector)).map((found) => found.outerHTML.slice(0, 120)),
    dangerous,
  );
}

/** Clicks every hostile link that is shown as a link (its text ends in "link"), as a curious reader would. */
async function clickEveryLink(region: Locator): Promise<number> {
  const links = region.locator('a', { hasText: / link$/ });
  const count = await links.count();
  for (let index = 0; index < count; index++) {
    await links.nth(index).click({ force: true });
  }
  return count;
}

async function outcome(page: Page, canary: Canary, seen: Watch, region: Locator) {
  // Long enough for an onerror, a refresh or a fetch to have happened.
  await page.waitForTimeout(500);
  return {
    pwned: await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null),
    canaryHits: canary.hits,
    outsideRequests: seen.outsideRequests,
    blockedByPolicy: seen.blockedByPolicy,
    dialogs: seen.dialogs,
    popups: seen.popups,
    dangerous: await dangerousElements(region),
  };
}

const clean = {
  pwned: null,
  canaryHits: [],
  outsideRequests: [],
  blockedByPolicy: [],
  dialogs: [],
  popups: [],
  dangerous: [],
};

test('a hostile spec opened from disk runs nothing, fetches nothing and is not rewritten', async ({
  app,
  served,
  canary,
  workspaceDir,
}) => {
  const seen = watch(app.page, [new URL(served.url).origin, 'data:', 'blob:']);
  const before = await fs.readFile(path.join(workspaceDir, specPath));
  await app.openDocument(specPath);
  await expect(app.editor).toContainText('a-js link');
  const url = app.page.url();
  expect(await clickEveryLink(app.editor)).toBeGreaterThan(0);
  expect(await outcome(app.page, canary, seen, app.page.locator('body'))).toEqual(clean);
  expect([app.page.url(), (await fs.readFile(path.join(workspaceDir, specPath))).equals(before)]).toEqual([
    url,
    true,
  ]);
});

test('a hostile story on the read-only story page runs nothing and fetches nothing', async ({
  app,
  served,
  canary,
}) => {
  const seen = watch(app.page, [new URL(served.url).origin, 'data:', 'blob:']);
  await app.goto(`#/stories/${storyPath}`);
  const main = app.page.getByRole('main');
  await expect(main).toContainText('criterion link');
  await expect(main).toContainText('Hostile story');
  const url = app.page.url();
  await clickEveryLink(main);
  expect(await outcome(app.page, canary, seen, app.page.locator('body'))).toEqual(clean);
  expect(app.page.url()).toEqual(url);
});

test('every other view of the hostile documents and roadmap item runs nothing and fetches nothing', async ({
  app,
  served,
  canary,
}) => {
  const seen = watch(app.page, [new URL(served.url).origin, 'data:', 'blob:']);
  const views: [string, string][] = [
    ['#/', 'Recently changed'],
    ['#/specs', 'XSS corpus'],
    ['#/stories', 'Hostile story'],
    ['#/search/onerror', 'XSS corpus'],
    ['#/trace', 'Hostile item'],
    ['#/problems', 'REQ-901'],
    ['#/roadmap', 'Hostile item'],
    ['#/timeline', 'Hostile item'],
    ['#/roadmap/RM-90', 'roadmap-description'],
  ];
  const shown: string[] = [];
  for (const [hash, text] of views) {
    await app.goto(hash);
    await expect(app.page.locator('#main')).toContainText(text);
    await clickEveryLink(app.page.locator('#main'));
    shown.push(hash);
  }
  await app.page.keyboard.press('Control+P');
  await app.page.getByRole('dialog', { name: 'Quick switcher' }).getByRole('combobox').fill('hostile');
  await expect(app.page.getByRole('dialog', { name: 'Quick switcher' })).toContainText('Hostile story');
  expect({ shown, ...(await outcome(app.page, canary, seen, app.page.locator('body'))) }).toEqual({
    shown: views.map(([hash]) => hash),
    ...clean,
  });
});

test('a hostile SVG in the workspace runs nothing and fetches nothing, shown in a document or opened directly', async ({
  app,
  served,
  canary,
}) => {
  const origin = new URL(served.url).origin;
  const seen = watch(app.page, [origin, 'data:', 'blob:']);
  await app.openDocument(specPath);
  const image = app.editor.locator('img[src*="hostile.svg"]');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toEqual(40);
  const direct = await app.page.context().newPage();
  const seenDirect = watch(direct, [origin]);
  const response = await direct.goto(`${origin}/workspace-assets/assets/hostile.svg`);
  expect({
    status: response?.status(),
    policy: response?.headers()['content-security-policy'],
    page: await outcome(app.page, canary, seen, app.page.locator('body')),
    // The SVG's own <script> and <iframe> are still in its DOM: what matters is that they did nothing.
    direct: { ...(await outcome(direct, canary, seenDirect, direct.locator('svg'))), dangerous: [] },
  }).toEqual({
    status: 200,
    policy: "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    page: clean,
    // Chromium starts the SVG's <image> request and its CSP refuses it before it leaves.
    direct: { ...clean, blockedByPolicy: [`${canary.origin}/fetched/svg-file-image`] },
  });
  await direct.close();
});

/** Hands HTML to the editor the way the browser does for a paste or a drop. */
async function deliver(editor: Locator, kind: 'paste' | 'drop', html: string): Promise<void> {
  await editor.evaluate(
    (element, { kind, html }) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'fallback');
      if (kind === 'paste') {
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
        return;
      }
      const target = element.querySelector('p') ?? element;
      const box = target.getBoundingClientRect();
      const at = { clientX: box.left + 4, clientY: box.top + box.height / 2 };
      element.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, ...at }),
      );
    },
    { kind, html },
  );
}

for (const kind of ['paste', 'drop'] as const) {
  test(`hostile HTML by ${kind} runs nothing, fetches nothing, and saves no script or handler`, async ({
    app,
    served,
    canary,
    workspaceDir,
  }) => {
    const seen = watch(app.page, [new URL(served.url).origin, 'data:', 'blob:']);
    await app.openDocument('specs/guest-checkout.md');
    await app.clickEndOf('Cut the time to complete checkout on mobile');
    await app.page.keyboard.press('Enter');
    await deliver(app.editor, kind, xssClipboardHtml(canary.origin));
    await expect(app.editor).toContainText('a-entity link');
    await expect(app.editor).toContainText('Payload mutation XSS through math');
    const url = app.page.url();
    expect(await clickEveryLink(app.editor)).toBeGreaterThan(0);
    await app.waitSaved();
    const saved = await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout.md'), 'utf8');
    expect({
      ...(await outcome(app.page, canary, seen, app.page.locator('body'))),
      url: app.page.url(),
      saved:
        saved.match(
          /.{0,40}(?:javascript:|vbscript:|data:text|on\w+=|<script|<iframe|<object|<embed|<svg|<form|srcdoc\s*=|127\.0\.0\.1).{0,20}/gi,
        ) ?? [],
    }).toEqual({
      ...clean,
      // Links lead nowhere outside: at most to a place in this document (`#top` is an anchor link).
      url: expect.stringMatching(new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(#[\\w-]+)?$`)),
      saved: [],
    });
  });
}

test('the hostile spec exported to HTML runs nothing and fetches nothing in a browser, even without its CSP', async ({
  app,
  canary,
}) => {
  await app.openDocument(specPath);
  await app.page.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('checkbox', { name: /SPEC-90/ })).toBeChecked();
  await dialog.getByRole('radio', { name: 'HTML (one file)' }).check();
  const download = app.page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await (await download).path();
  const html = await fs.readFile(file, 'utf8');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  // Without the policy the sanitiser alone must hold.
  // Downloads are stored without an extension; a browser shows such a file as text, not HTML.
  const exported = `${file}.html`;
  const unprotected = `${file}-without-policy.html`;
  await fs.writeFile(exported, html);
  await fs.writeFile(unprotected, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));

  const outcomes = [];
  for (const opened of [exported, unprotected]) {
    // A reviewer opens the file in an ordinary browser tab, scripts on.
    const reader = await app.page.context().newPage();
    const seen = watch(reader, ['file://', 'data:']);
    await reader.goto(`file://${opened}`);
    await expect(reader.locator('body')).toContainText('a-js link');
    // The exporter turns refused links into plain text, so usually nothing is left to click.
    await clickEveryLink(reader.locator('body'));
    outcomes.push(await outcome(reader, canary, seen, reader.locator('body')));
    await reader.close();
  }
  expect({ policy, outcomes }).toEqual({
    policy: "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'",
    outcomes: [clean, clean],
  });
});

test('control: the same corpus put into a page without the sanitiser runs and fetches, so the canary works', async ({
  page,
  canary,
}) => {
  await page.setContent(xssClipboardHtml(canary.origin));
  // The meta refresh soon navigates this page to the canary itself, so only the canary's log is read.
  await expect
    .poll(() => ({
      ran: canary.hits.filter((hit) => hit.startsWith('/ran/')).length > 3,
      fetched: canary.hits.filter((hit) => hit.startsWith('/fetched/')).length > 3,
    }))
    .toEqual({ ran: true, fetched: true });
});
