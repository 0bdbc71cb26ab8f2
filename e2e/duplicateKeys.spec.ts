import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './specbenchTest.js';

test('a duplicated key shows a banner on each copy, and "Give this one a new key" renames only that one', async ({
  app,
  workspaceDir,
}) => {
  const page = app.page;
  // As after merging two branches that both added the spec.
  const original = await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout.md'), 'utf8');
  await fs.writeFile(
    path.join(workspaceDir, 'specs/guest-checkout-copy.md'),
    original.replace('title: Guest checkout', 'title: Guest checkout (other branch)'),
  );
  await expect(app.navigator.getByRole('link', { name: /Guest checkout \(other branch\)/ })).toBeVisible();

  await app.openDocument('specs/guest-checkout.md');
  const banner = page.getByRole('alert', { name: 'Duplicate keys' });
  await expect(banner).toContainText("This document's key SPEC-1, also in specs/guest-checkout-copy.md");

  await app.openDocument('specs/guest-checkout-copy.md');
  await expect(banner).toContainText('5 keys here are also used elsewhere');
  await expect(banner).toContainText("This document's key SPEC-1, also in specs/guest-checkout.md");
  await expect(banner).toContainText('Requirement REQ-1, also in specs/guest-checkout.md');
  await screenshot(page, 'duplicate-keys');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'duplicate-keys-dark');
  const documentRow = banner.getByRole('listitem').filter({ hasText: "This document's key" });
  await documentRow.getByRole('button', { name: 'Give this one a new key' }).click();
  await expect(banner).not.toContainText("This document's key");
  await app.waitSaved();
  const copy = await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout-copy.md'), 'utf8');
  expect(copy).toMatch(/^key: SPEC-5$/m);
  expect(await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout.md'), 'utf8')).toBe(original);

  const requirementRow = banner.getByRole('listitem').filter({ hasText: 'Requirement REQ-1,' });
  await requirementRow.getByRole('button', { name: 'Give this one a new key' }).click();
  await expect(banner).not.toContainText('Requirement REQ-1,');
  await app.waitSaved();
  expect(await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout-copy.md'), 'utf8')).toMatch(
    /^:::requirement\{#REQ-\d{2,} priority=must status=approved roadmap=RM-1\}$/m,
  );

  await banner.getByRole('button', { name: 'Give all 3 new keys' }).click();
  await expect(banner).toBeHidden();
  await app.waitSaved();
  await app.goto('#/problems');
  await expect(page.getByRole('main')).not.toContainText('keys must be unique');
});
