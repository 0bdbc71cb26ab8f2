import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './specbenchTest.js';

test('quick switcher opens a document by title', async ({ app }) => {
  await app.page.keyboard.press('Control+P');
  const dialog = app.page.getByRole('dialog', { name: 'Quick switcher' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox').fill('order tracking');
  // The home page behind the dialog shows its error count once the rules answered.
  await expect(app.section('Problems')).toBeVisible();
  await screenshot(app.page, 'quick-switcher');
  await app.page.keyboard.press('Enter');
  await expect(app.title).toHaveValue('Order tracking');
});

test('the command palette opens with Ctrl+K and runs a command', async ({ app }) => {
  await app.page.keyboard.press('Control+K');
  const dialog = app.page.getByRole('dialog', { name: 'Command palette' });
  await expect(dialog).toBeVisible();
  await app.page.keyboard.type('roadmap');
  await app.page.keyboard.press('Enter');
  await expect(app.page.getByRole('list', { name: 'Now' })).toBeVisible();
});

test('full-text search shows highlighted snippets that open the document', async ({ app }) => {
  await app.page.keyboard.press('Control+Shift+F');
  await expect(app.page).toHaveURL(/#\/search/);
  await app.page.getByRole('searchbox').fill('password');
  await expect(app.page.locator('mark').first()).toBeVisible();
  await screenshot(app.page, 'search');
});

test('searching for a key lists its definition and every line linking to it', async ({ app }) => {
  await app.page.keyboard.press('Control+Shift+F');
  await app.page.getByRole('searchbox').fill('REQ-4');
  const results = app.page.getByRole('list', { name: 'Search results' });
  const definition = results.getByRole('link', { name: /^74 :::requirement\{#REQ-4 / });
  await expect(definition).toBeVisible();
  await expect(
    results.getByRole('link', { name: /^28 Yes, on the order confirmation page\. See \[\[SPEC-1#REQ-4\]\]/ }),
  ).toBeVisible();
  await expect(results.getByRole('link', { name: '6 implements: [REQ-4]' })).toBeVisible();
  await screenshot(app.page, 'search-key');
  await definition.click();
  await expect(app.title).toHaveValue('Guest checkout');
});

test('the navigator filters by status and opens documents', async ({ app }) => {
  await app.section('Specs').click();
  await app.page.getByRole('button', { name: /^approved/ }).click();
  await expect(app.navigator.getByRole('list', { name: 'Specs list' }).getByRole('listitem')).toHaveCount(1);
  await app.navigator.getByRole('link', { name: /Guest checkout/ }).click();
  await expect(app.title).toHaveValue('Guest checkout');
});

test('screenshots of every main view', async ({ app }) => {
  await app.goto('#/');
  await expect(app.page.getByRole('heading', { name: 'Recently changed' })).toBeVisible();
  await screenshot(app.page, 'home');

  await app.openDocument('specs/guest-checkout.md');
  await app.page.locator('[data-requirement="REQ-1"] .requirement-body p').first().click();
  await expect(app.links).toContainText('Requirement REQ-1');
  await screenshot(app.page, 'spec-editor');
  await app.editor.locator('[data-requirement="REQ-4"]').scrollIntoViewIfNeeded();
  await screenshot(app.page, 'spec-requirements');

  await app.goto('#/stories');
  await expect(app.page.getByRole('heading', { name: 'Stories' })).toBeVisible();
  await screenshot(app.page, 'stories');

  await app.goto('#/stories/stories/pay-as-a-guest.md');
  await expect(app.page.getByRole('heading', { name: 'Pay as a guest' })).toBeVisible();
  await expect(app.page.getByRole('region', { name: 'Spec section' })).toBeVisible();
  await screenshot(app.page, 'story-page');

  await app.goto('#/roadmap');
  await expect(app.page.getByRole('list', { name: 'Now' })).toBeVisible();
  await screenshot(app.page, 'roadmap');

  await app.goto('#/roadmap/RM-1');
  await screenshot(app.page, 'roadmap-item');
  await app.goto('#/timeline');
  await screenshot(app.page, 'timeline');
  await app.goto('#/trace');
  await screenshot(app.page, 'trace');
  await app.goto('#/problems');
  await expect(app.page.getByRole('status', { name: 'Problem count' })).not.toHaveText('Checking…');
  await screenshot(app.page, 'problems');

  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.openDocument('specs/guest-checkout.md');
  await screenshot(app.page, 'spec-editor-dark');
  await app.goto('#/roadmap');
  await screenshot(app.page, 'roadmap-dark');
});

test('clearing owner, quarter and RICE on an item page removes them from roadmap.json', async ({
  app,
  workspaceDir,
}) => {
  const page = app.page;
  await app.goto('#/roadmap/RM-1');
  const saveState = page.getByRole('status', { name: 'Item save state' });
  const present = async () => {
    const file = JSON.parse(await fs.readFile(path.join(workspaceDir, 'roadmap.json'), 'utf8')) as {
      items: Record<string, unknown>[];
    };
    const item = file.items.find((entry) => entry.key === 'RM-1')!;
    return ['owner', 'quarter', 'rice', 'theme'].filter((field) => field in item);
  };
  expect(await present()).toEqual(['owner', 'quarter', 'rice', 'theme']);
  await page.getByRole('combobox', { name: 'Owner' }).fill('');
  await page.getByRole('combobox', { name: 'Owner' }).press('Enter');
  await expect(saveState).toHaveText('Saved');
  await page.getByRole('combobox', { name: 'Quarter' }).selectOption('');
  await expect(saveState).toHaveText('Saved');
  await page.getByRole('spinbutton', { name: 'Reach' }).fill('');
  await page.getByRole('spinbutton', { name: 'Effort' }).fill('');
  await page.getByRole('spinbutton', { name: 'Effort' }).blur();
  await expect.poll(present).toEqual(['theme']);
  // What the page shows after a reload comes from the file: the fields stay empty.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Owner' })).toHaveValue('');
  await expect(page.getByRole('combobox', { name: 'Quarter' })).toHaveValue('');
  await expect(page.getByText('Enter reach and effort to score this item.')).toBeVisible();
  await screenshot(page, 'roadmap-item-cleared');
});
