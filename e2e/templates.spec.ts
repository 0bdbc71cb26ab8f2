import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './specbenchTest.js';

test('a new spec holds guidance, not content: no requirement key, nothing counted filled, the metrics table marked an example', async ({
  app,
  workspaceDir,
}) => {
  const page = app.page;
  const created = await app.createDocument('New spec', 'Invite reviewers');
  const completeness = page.getByLabel('Completeness');
  await expect(completeness).toContainText('0 of 5 required sections');
  await expect(app.editor.locator('[data-requirement]')).toHaveCount(0);
  expect(await fs.readFile(path.join(workspaceDir, created), 'utf8')).not.toContain(':::requirement');
  const table = app.editor.locator('[data-template-example=first]');
  await expect(table).toContainText('Metric');
  await table.scrollIntoViewIfNeeded();
  await screenshot(page, 'new-spec-examples');

  // The example reaches no picker, matrix or Problems entry as a requirement; it is reported as unfilled.
  await app.goto('#/problems');
  await expect(page.getByRole('main')).toContainText(
    `"Success metrics" in SPEC-5 still holds the template's example`,
  );
  await expect(page.getByRole('main')).not.toContainText('REQ-');

  // A key is taken when the author writes a requirement.
  await app.openDocument(created);
  await page.getByRole('button', { name: 'Insert requirement' }).click();
  const body = app.editor.locator('[data-requirement] .requirement-body');
  await expect(body).toHaveAttribute('data-guidance', /^Describe one thing/);
  expect(await body.evaluate((element) => getComputedStyle(element, '::before').content)).toMatch(
    /^"Describe one thing/,
  );
  await page.keyboard.type('Reviewers get an invitation by email.');
  await app.waitSaved();
  expect(await fs.readFile(path.join(workspaceDir, created), 'utf8')).toMatch(
    /:::requirement\{#REQ-\d+ priority=must status=draft\}\nReviewers get an invitation by email\.\n:::/,
  );
  await expect(completeness).toContainText('1 of 5 required sections');

  // Filling the table makes it the author's own.
  await app.editor.locator('td').first().click();
  await page.keyboard.type('Invitations accepted');
  await expect(app.editor.locator('[data-template-example]')).toHaveCount(0);
  await expect(completeness).toContainText('2 of 5 required sections');
});

test("a new story's sample sentence and criterion are examples until edited, and the implements picker names each requirement's spec", async ({
  app,
}) => {
  const page = app.page;
  await app.createDocument('New story', 'Invite a reviewer');
  const completeness = page.getByLabel('Completeness');
  await expect(completeness).toContainText('0 of 1 required sections');
  await expect(app.editor.locator('[data-template-example=first]')).toHaveCount(2);
  await screenshot(page, 'new-story-examples');

  await page.getByRole('button', { name: 'Add to Implements' }).click();
  await page.getByRole('combobox', { name: 'Add to Implements' }).fill('REQ-2');
  await expect(page.getByRole('option', { name: /^REQ-2 / })).toContainText('— SPEC-1 Guest checkout');
  await page.keyboard.press('Escape');

  await app.clickEndOf('Given a context, when the user acts, then they see the outcome');
  await page.keyboard.type(' by email');
  await expect(completeness).toContainText('1 of 1 required sections');
  await expect(app.editor.locator('[data-template-example=first]')).toHaveCount(1);
  await app.editor.getByText('a goal').dblclick();
  await page.keyboard.type('join');
  await expect(app.editor.locator('[data-template-example]')).toHaveCount(0);
});

test('Insert requirement with the cursor on the Requirements heading puts the card below the section’s guidance', async ({
  app,
  workspaceDir,
}) => {
  await app.createDocument('New spec', 'Invite reviewers');
  await app.editor.getByRole('heading', { name: 'Requirements' }).click();
  await app.page.keyboard.press('End');
  await app.page.getByRole('button', { name: 'Insert requirement' }).click();
  await app.page.keyboard.type('Reviewers get an invitation by email.');
  await app.waitSaved();
  await screenshot(app.page, 'insert-requirement-after-guidance');
  // Leaving the title renamed the file after it.
  expect(await fs.readFile(path.join(workspaceDir, 'specs/invite-reviewers.md'), 'utf8')).toMatch(
    /## Requirements\n\n<!-- Required\.[^\n]*-->\n\n:::requirement\{#REQ-\d+ [^\n]*\}\nReviewers get an invitation by email\.\n:::\n\n## Open questions/,
  );
});
