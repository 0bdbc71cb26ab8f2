/** Links that last (issue 16): a key link copied in the app still opens its document after a rename and a restart. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, git, openApp, serve, test, type Served } from './specbenchTest.js';

test('a requirement’s copied link opens it after the spec is renamed and the server restarted', async ({
  page,
  context,
  workspaceDir,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  let served: Served = await serve(workspaceDir, false);
  try {
    const app = await openApp(page, served.url);
    await app.goto('#/doc/specs/guest-checkout.md');
    const card = page.getByRole('region', { name: 'Requirement REQ-4' });
    await card.getByRole('button', { name: 'Copy link to REQ-4' }).click();
    await expect(card.getByRole('button', { name: 'Copy link to REQ-4' })).toHaveText('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${new URL(served.url).origin}/#/SPEC-1#REQ-4`);
    await page.getByRole('button', { name: 'Copy link to SPEC-1' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#\/SPEC-1$/);

    // The PM renames the file; the server restarts on the same port, as the shared link names it.
    const port = new URL(served.url).port;
    served.process.kill('SIGTERM');
    await new Promise((resolve) => served.process.once('exit', resolve));
    git(workspaceDir, 'mv', 'specs/guest-checkout.md', 'specs/checkout-for-guests.md');
    served = await serve(workspaceDir, false, Number(port));
    // A colleague opens the link in a tab of their own (the session cookie outlives the restart).
    const colleague = await openApp(await context.newPage(), link);
    const moved = colleague.page.getByRole('region', { name: 'Requirement REQ-4' });
    await expect(colleague.editor).toBeVisible();
    await expect(colleague.page.locator('.document-header .path')).toHaveText('specs/checkout-for-guests.md');
    await expect(moved).toBeInViewport();
    await expect(moved).toHaveClass(/anchor-target/);
    // The Links panel follows the requirement the link named.
    await expect(colleague.links.getByText('Requirement REQ-4')).toBeVisible();
    await expect(colleague.page).toHaveURL(/#\/SPEC-1#REQ-4$/);

    // A story's key opens the engineer's view in a read-only serve, a requirement's key its spec.
    await colleague.goto('#/STORY-4');
    await expect(colleague.page.getByRole('heading', { level: 1 })).toHaveText(
      'Create an account after ordering',
    );
    await colleague.goto('#/REQ-1');
    await expect(colleague.page.getByRole('region', { name: 'Requirement REQ-1' })).toBeInViewport();
  } finally {
    served.process.kill('SIGTERM');
  }
});

test('a key nothing has gets a page that says so, with a way on', async ({ app, workspaceDir }) => {
  await app.goto('#/STORY-99');
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Nothing here has the key STORY-99');
  await expect(app.page.getByRole('link', { name: 'Search for STORY-99' })).toBeVisible();
  await app.goto('#/SPEC-1#REQ-99');
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('SPEC-1 has no REQ-99');
  await app.page.getByRole('link', { name: 'Open SPEC-1' }).click();
  await expect(app.title).toHaveValue('Guest checkout');
  // A document made after the link was shared is found by its key without a reload.
  await fs.writeFile(
    path.join(workspaceDir, 'specs', 'late.md'),
    '---\nkey: SPEC-9\ntype: spec\ntitle: Late arrival\n---\nBody.\n',
  );
  await app.goto('#/SPEC-9');
  await expect(app.title).toHaveValue('Late arrival');
});

test('links to keyed documents use the key, a path link shows its key, and back and forward step once each', async ({
  app,
}) => {
  const page = app.page;
  // Every sample document in these folders has a key (README.md has none and keeps its path link);
  // a link to a line has no key form.
  const keyed = ['specs', 'stories', 'faqs', 'feedback'].map((folder) => `a[href^="#/doc/${folder}/"]`);
  const pathLinks = () => page.locator(keyed.join(', ')).and(page.locator(':not([href*="?line="])'));
  // Home, the trace, a roadmap item and a story's engineer view link every keyed document by its key.
  for (const hash of ['#/', '#/trace', '#/roadmap/RM-3', '#/stories/stories/pay-as-a-guest.md']) {
    await app.goto(hash);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('main a[href^="#/"]').first()).toBeVisible();
    expect({ hash, pathLinks: await pathLinks().count() }).toEqual({ hash, pathLinks: 0 });
  }
  await app.section('Specs').click();
  await app.navigator.getByRole('link', { name: /SPEC-1/ }).click();
  await expect(page).toHaveURL(/#\/SPEC-1$/);
  await expect(app.title).toHaveValue('Guest checkout');
  await app.goto('#/trace');
  await page
    .getByRole('link', { name: /^STORY-1\b/ })
    .first()
    .click();
  await app.expectDocument('stories/pay-as-a-guest.md', '#/STORY-1');
  // A path link (an old bookmark) opens the document and puts its key in the bar, without a history entry.
  await app.goto('#/doc/specs/order-tracking.md');
  await app.expectDocument('specs/order-tracking.md', '#/SPEC-3');
  await page.goBack();
  await app.expectDocument('stories/pay-as-a-guest.md', '#/STORY-1');
  await page.goBack();
  await expect(page).toHaveURL(/#\/trace$/);
  await page.goBack();
  await app.expectDocument('specs/guest-checkout.md', '#/SPEC-1');
  await page.goForward();
  await expect(page).toHaveURL(/#\/trace$/);
  await page.goForward();
  await page.goForward();
  await app.expectDocument('specs/order-tracking.md', '#/SPEC-3');
});

test('a story’s engineer view has a key address in a writable workspace, and its old path still finds it after a rename', async ({
  app,
}) => {
  const page = app.page;
  const heading = page.getByRole('heading', { level: 1 });
  await app.goto('#/STORY-4');
  await expect(app.title).toHaveValue('Create an account after ordering');
  // The PM's browser opens stories in the editor; the engineer view's address names the view, by key.
  await page.getByRole('link', { name: 'Engineer view' }).click();
  await expect(page).toHaveURL((url) => url.hash === '#/STORY-4?view=engineer');
  await expect(heading).toHaveText('Create an account after ordering');
  await page.reload();
  await expect(heading).toHaveText('Create an account after ordering');
  await page.keyboard.press('e');
  await app.expectDocument('stories/create-account-after-order.md', '#/STORY-4');
  // The title renames the file; the engineer-view address copied before the rename still leads to it.
  await app.title.fill('Sign up after ordering');
  await app.title.press('Enter');
  await app.expectDocument('stories/sign-up-after-ordering.md', '#/STORY-4');
  await app.waitSaved();
  await app.goto('#/stories/stories/create-account-after-order.md');
  await expect(page).toHaveURL((url) => url.hash === '#/STORY-4?view=engineer');
  await expect(heading).toHaveText('Sign up after ordering');
  await app.goto('#/doc/stories/create-account-after-order.md');
  await app.expectDocument('stories/sign-up-after-ordering.md', '#/STORY-4');
});
