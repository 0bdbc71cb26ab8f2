/**
 * axe-core (WCAG 2 A/AA and best practice) over every view, in the light and the dark theme, so a
 * new view or colour cannot regress: each view's violations are listed by rule and element.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppModel } from './models/appModel.js';
import { violations } from './axeViolations.js';
import { CommentsModel } from './models/commentsModel.js';
import { expect, openApp, projectRoot, serve, test } from './specbenchTest.js';

interface View {
  name: string;
  /** Brings the view up and waits until it is ready. */
  open: (app: AppModel) => Promise<void>;
}

const heading = (app: AppModel, name: string | RegExp) =>
  expect(app.page.getByRole('heading', { name, level: 1 }).first()).toBeVisible();

const views: View[] = [
  { name: 'home', open: async (app) => (await app.goto('#/'), await heading(app, 'Acme Checkout')) },
  { name: 'specs list', open: async (app) => (await app.goto('#/specs'), await heading(app, 'Specs')) },
  { name: 'spec editor', open: (app) => app.openDocument('specs/guest-checkout.md') },
  {
    name: 'comments panel: a thread and a new comment',
    open: async (app) => {
      const comments = new CommentsModel(app.page);
      await app.page.getByRole('button', { name: 'Comment on REQ-1' }).click();
      await comments.startThread('REQ-1', 'Should a guest confirm the email twice?', 'Dana PM');
      await app.page.getByRole('button', { name: 'Comment on REQ-2' }).click();
      await expect(comments.panel.getByRole('textbox', { name: 'Comment on REQ-2' })).toBeFocused();
    },
  },
  {
    name: 'comments page',
    open: async (app) => {
      await app.goto('#/comments');
      await heading(app, 'Comments');
      await expect(app.page.getByRole('link', { name: 'On REQ-1' })).toBeVisible();
    },
  },
  { name: 'story editor', open: (app) => app.openDocument('stories/pay-as-a-guest.md') },
  { name: 'FAQ editor', open: (app) => app.openDocument('faqs/guest-checkout-pr-faq.md') },
  {
    name: 'story page',
    open: async (app) => (
      await app.goto('#/stories/stories/pay-as-a-guest.md'),
      await heading(app, 'Pay as a guest')
    ),
  },
  { name: 'stories', open: async (app) => (await app.goto('#/stories'), await heading(app, 'Stories')) },
  {
    name: 'roadmap',
    open: async (app) => (
      await app.goto('#/roadmap'),
      await expect(app.page.getByRole('list', { name: 'Now' })).toBeVisible()
    ),
  },
  {
    name: 'roadmap item',
    open: async (app) => (
      await app.goto('#/roadmap/RM-1'),
      await expect(app.title).toHaveValue('Guest checkout')
    ),
  },
  { name: 'timeline', open: async (app) => (await app.goto('#/timeline'), await heading(app, /./)) },
  { name: 'traceability', open: async (app) => (await app.goto('#/trace'), await heading(app, /./)) },
  { name: 'problems', open: async (app) => (await app.goto('#/problems'), await heading(app, /./)) },
  {
    name: 'changes',
    open: async (app) => (
      await app.goto('#/changes'),
      await expect(app.page.getByRole('group', { name: 'Sync', exact: true })).toBeVisible()
    ),
  },
  {
    name: 'history',
    open: async (app) => (
      await app.goto('#/history/REQ-2'),
      await expect(app.page.getByRole('list', { name: 'Changes' })).toBeVisible()
    ),
  },
  {
    name: 'recovered edits',
    open: async (app) => (await app.goto('#/recovered'), await heading(app, 'Recovered edits')),
  },
  {
    name: 'feedback note',
    open: async (app) => {
      await app.goto('#/FB-10');
      await expect(app.page.getByRole('textbox', { name: 'Customer' })).toBeVisible();
    },
  },
  {
    name: 'feedback inbox',
    open: async (app) => (await app.goto('#/feedback'), await heading(app, 'Feedback')),
  },
  {
    name: 'feedback link picker',
    open: async (app) => {
      await app.page.getByRole('listitem', { name: /FB-12/ }).getByRole('button', { name: /^Link/ }).click();
      await expect(
        app.page.getByRole('listbox', { name: 'Roadmap items and requirements' }).getByRole('option').first(),
      ).toBeVisible();
    },
  },
  {
    name: 'import feedback dialog',
    open: async (app) => {
      await app.page.keyboard.press('Escape');
      await app.page.getByRole('button', { name: 'Import CSV…' }).click();
      await expect(app.page.getByRole('dialog', { name: 'Import feedback' })).toBeVisible();
    },
  },
  {
    name: 'releases',
    open: async (app) => (
      await app.page.keyboard.press('Escape'),
      await app.goto('#/releases'),
      await heading(app, 'Releases')
    ),
  },
  {
    name: 'release page',
    open: async (app) => (
      await app.goto('#/releases/REL-1'),
      await expect(app.page.getByTitle('Release notes preview (customers)')).toBeVisible()
    ),
  },
  {
    name: 'metrics',
    open: async (app) => (await app.goto('#/metrics'), await heading(app, 'Success metrics')),
  },
  {
    name: 'search',
    open: async (app) => {
      await app.goto('#/search/password');
      await expect(app.page.locator('mark').first()).toBeVisible();
    },
  },
  {
    name: 'quick switcher',
    open: async (app) => {
      await app.goto('#/');
      await app.page.keyboard.press('Control+P');
      await app.page.getByRole('combobox', { name: 'Go to document' }).fill('guest');
      await expect(app.page.getByRole('option').first()).toBeVisible();
    },
  },
  {
    name: 'command palette',
    open: async (app) => {
      await app.page.keyboard.press('Escape');
      await app.page.keyboard.press('Control+K');
      await expect(app.page.getByRole('option').first()).toBeVisible();
    },
  },
  {
    name: 'export dialog',
    open: async (app) => {
      await app.page.keyboard.press('Escape');
      await app.navigator.getByRole('button', { name: 'Export…' }).click();
      await expect(app.page.getByRole('dialog', { name: /Export/ })).toBeVisible();
    },
  },
  {
    name: 'keyboard shortcuts dialog',
    open: async (app) => {
      await app.page.keyboard.press('Escape');
      await app.page.keyboard.press('F1');
      await expect(app.page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    },
  },
];

for (const scheme of ['light', 'dark'] as const) {
  test(`every view passes axe in the ${scheme} theme`, async ({ app }) => {
    // About 25 views, each opened and scanned: over 120 s at load 28 on two cores, and over 300 s twice
    // at load 11–14 with another e2e run beside it (2026-12-07, stopped at Metrics): a time budget only;
    // every view's axe findings are checked as before.
    test.setTimeout(600_000);
    await app.page.emulateMedia({ colorScheme: scheme });
    const found: Record<string, string[]> = {};
    for (const view of views) {
      await test.step(view.name, () => view.open(app));
      const list = await violations(app.page);
      if (list.length > 0) found[view.name] = list;
    }
    expect(found).toEqual({});
  });
}

test('an empty workspace passes axe in both themes', async ({ page }) => {
  // Eighteen axe runs (nine views, two themes): over a minute on a busy machine.
  test.setTimeout(240_000);
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-empty-'));
  execFileSync(process.execPath, [path.join(projectRoot, 'bin', 'specbench.js'), 'init', directory]);
  const served = await serve(directory);
  try {
    const app = await openApp(page, served.url);
    const found: Record<string, string[]> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const hash of [
        '#/',
        '#/specs',
        '#/roadmap',
        '#/trace',
        '#/problems',
        '#/comments',
        '#/changes',
        '#/feedback',
        '#/releases',
        '#/metrics',
      ]) {
        await app.goto(hash);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        const list = await violations(page);
        if (list.length > 0) found[`${scheme} ${hash}`] = list;
      }
    }
    expect(found).toEqual({});
  } finally {
    served.process.kill('SIGTERM');
    await fs.rm(directory, { recursive: true, force: true });
  }
});
