// The page's half of the desktop right-click menu, in real Chromium against browser mode. The Electron
// half cannot run here, so a fake preload bridge stands in for it: it forwards every method to the
// server, raises onDidRequestContextMenu when the test says main would, and records what the page
// offers. The native menu itself is covered by e2e/electron/electronShell.spec.ts.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { PageAction } from '../shared/contract/apiContract.js';
import type { AppModel } from './models/appModel.js';
import { expect, openApp, test } from './specbenchTest.js';

interface FakeDesktop {
  listeners: Set<(request: { requestId: number }) => void>;
  shown: { requestId: number; actions: PageAction[] }[];
  choose: string | null;
}

/** A fake of the Electron preload bridge (`window.specbench`), installed before the app starts. */
function installFakeDesktop(): void {
  const desktop: FakeDesktop = { listeners: new Set(), shown: [], choose: null };
  (window as unknown as { fakeDesktop: FakeDesktop }).fakeDesktop = desktop;
  const call = async (method: string, input: unknown) => {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
    return (await response.json()) as unknown;
  };
  const bridge = new Proxy(
    {},
    {
      get: (_target, name: string) => {
        if (name === 'onDidChangeWorkspace') return () => () => undefined;
        if (name === 'onDidRequestContextMenu') {
          return (listener: (request: { requestId: number }) => void) => {
            desktop.listeners.add(listener);
            return () => desktop.listeners.delete(listener);
          };
        }
        if (name === 'showContextMenu') {
          return (input: FakeDesktop['shown'][number]) => {
            desktop.shown.push(input);
            return Promise.resolve({ ok: true, chosen: desktop.choose });
          };
        }
        return (input: unknown) => call(name, input);
      },
    },
  );
  Object.defineProperty(window, 'specbench', { value: bridge });
}

/** Right-clicks like a user (the DOM contextmenu event), then asks the page as main would; answers what it offered. */
async function rightClick(
  page: Page,
  target: ReturnType<Page['locator']>,
  requestId: number,
  choose?: string,
) {
  await target.click({ button: 'right' });
  return page.evaluate(
    async ({ requestId, choose }) => {
      const desktop = (window as unknown as { fakeDesktop: FakeDesktop }).fakeDesktop;
      desktop.choose = choose ?? null;
      for (const listener of desktop.listeners) listener({ requestId });
      await new Promise((resolve) => setTimeout(resolve, 0));
      return desktop.shown
        .find((shown) => shown.requestId === requestId)
        ?.actions.map((action) => action.label);
    },
    { requestId, choose },
  );
}

let app: AppModel;
test.beforeEach(async ({ page, served }) => {
  await page.addInitScript(installFakeDesktop);
  app = await openApp(page, served.url);
});

test('right-click offers Copy Key on what shows a key, and Insert Requirement inside a writable editor', async () => {
  const page = app.page;
  await app.openDocument('specs/guest-checkout.md');
  const offered = {
    card: await rightClick(page, page.locator('[data-requirement="REQ-1"] .requirement-body'), 1),
    chip: await rightClick(page, app.editor.locator('[data-reference-key]').first().getByRole('link'), 2),
    text: await rightClick(
      page,
      app.editor.locator('p', { hasText: 'Forced registration is the largest' }),
      3,
    ),
    navigator: await rightClick(page, app.navigator.getByRole('link', { name: /Guest checkout/ }).first(), 4),
  };
  const chipKey = await app.editor.locator('[data-reference-key]').first().getAttribute('data-reference-key');
  await app.goto('#/roadmap');
  const roadmapCard = await rightClick(page, page.locator('[data-key="RM-1"]'), 5);
  expect({ ...offered, roadmapCard }).toEqual({
    card: ['Copy Key REQ-1', 'Insert Requirement'],
    chip: [`Copy Key ${chipKey}`, 'Insert Requirement'],
    text: ['Insert Requirement'],
    navigator: [],
    roadmapCard: ['Copy Key RM-1'],
  });
});

test('choosing Insert Requirement inserts a requirement card that is saved to disk', async ({
  workspaceDir,
}) => {
  const page = app.page;
  await app.openDocument('specs/guest-checkout.md');
  const before = await page.locator('[data-requirement]').count();
  await app.clickEndOf('guests can turn their details into an account');
  await rightClick(
    page,
    app.editor.locator('p', { hasText: 'guests can turn their details into an account' }).first(),
    1,
    'insert-requirement',
  );
  await expect(page.locator('[data-requirement]')).toHaveCount(before + 1);
  await page.keyboard.type('Added from the context menu.');
  await app.waitSaved();
  const text = await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout.md'), 'utf8');
  expect(text).toMatch(
    /:::requirement\{#REQ-\d+ priority=must status=draft\}\nAdded from the context menu\.\n:::/,
  );
});
