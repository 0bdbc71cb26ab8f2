/** The editor skips rendering blocks that are off screen; what pops out of a block must still draw in full. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './specbenchTest.js';

/** Whether the page shows `element` near its bottom edge (outside its block): clipped or covered, it does not. */
function drawnInFull(element: Locator): Promise<boolean> {
  return element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.bottom - 3);
    return hit !== null && node.contains(hit);
  });
}

test("a reference chip's preview and a requirement's key picker draw over the blocks below", async ({
  app,
}) => {
  await app.openDocument('specs/guest-checkout.md');
  const chip = app.editor.locator('[data-reference-key="RM-1"]').first();
  await chip.locator('a').hover();
  const preview = chip.getByRole('tooltip');
  await expect(preview).toBeVisible();
  expect(await drawnInFull(preview)).toBe(true);

  await app.page.getByRole('button', { name: 'Link REQ-1 to a roadmap item' }).click();
  const matches = app.page.getByRole('listbox', { name: 'Link REQ-1 to a roadmap item: matches' });
  await expect(matches.getByRole('option').first()).toBeVisible();
  expect(await drawnInFull(matches)).toBe(true);
});

test('text typed in a requirement card and a new priority are both saved', async ({ app, workspaceDir }) => {
  await app.openDocument('specs/guest-checkout.md');
  const card = app.editor.locator('[data-requirement="REQ-1"]');
  await card.locator('.requirement-body p').first().click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.type(' Typed in the card.');
  await card.getByRole('combobox', { name: 'Priority of REQ-1' }).selectOption('should');
  await expect(card.getByRole('combobox', { name: 'Priority of REQ-1' })).toHaveValue('should');
  await app.waitSaved();
  const text = await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout.md'), 'utf8');
  const block = text.slice(text.indexOf(':::requirement{#REQ-1'), text.indexOf(':::requirement{#REQ-2'));
  expect([block.split('\n')[0], block.includes('Typed in the card.')]).toEqual([
    ':::requirement{#REQ-1 priority=should status=approved roadmap=RM-1}',
    true,
  ]);
});
