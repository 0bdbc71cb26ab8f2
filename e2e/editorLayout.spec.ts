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

test('the document header keeps its controls whole and on screen at 1440 and 1024 px: one row at 1440', async ({
  app,
}) => {
  for (const width of [1440, 1024]) {
    await app.page.setViewportSize({ width, height: 900 });
    for (const file of [
      'stories/create-account-after-order.md',
      'README.md',
      'specs/saved-payment-methods.md',
    ]) {
      await app.openDocument(file);
      const rows = await app.page.locator('.document-meta').evaluate((meta) =>
        Array.from(meta.querySelectorAll('a, button, .save-state'), (element) => {
          // The text's lines, by the tops of its boxes: a control whose words wrapped has two.
          const range = document.createRange();
          range.selectNodeContents(element);
          const tops = new Set(Array.from(range.getClientRects(), (box) => Math.round(box.top)));
          const box = element.getBoundingClientRect();
          const bounds = meta.getBoundingClientRect();
          const row = box.top - bounds.top > 12 ? 'second row' : 'first row';
          const cut = box.right > bounds.right + 0.5 ? ', cut off' : '';
          return `${element.textContent}: ${tops.size > 1 ? 'wrapped' : 'one line'}${cut}, ${row}`;
        }),
      );
      // At 1024 a story's controls do not fit beside its path: the last ones take a second row rather than run off screen.
      const fine = width === 1440 ? /: one line, first row$/ : /: one line, (first|second) row$/;
      expect(
        rows.filter((row) => !fine.test(row)),
        `${file} at ${width} px`,
      ).toEqual([]);
    }
  }
});

test('a list kept as Markdown source shows every line, and grows with a line typed into it', async ({
  app,
  workspaceDir,
}) => {
  // Numbered items and tasks in one list: the editor keeps (part of) it as written, in a box of its own
  // (a bulleted list of bullets and tasks is a rich list since fix11j).
  const list =
    '1. check the cart\n   - then ask Ravi\n2. [x] write up billing\n3. fix search\n4. [ ] plan search\n';
  await fs.writeFile(path.join(workspaceDir, 'mixed-list.md'), `# Mixed list\n\n${list}`);
  await app.openDocument('mixed-list.md');
  const source = app.editor.getByRole('textbox', { name: 'Markdown source kept as written' });
  const showsEveryLine = () => source.evaluate((box) => box.scrollHeight <= box.clientHeight + 1);
  const height = async () => (await source.boundingBox())!.height;
  const kept = await source.inputValue();
  expect([kept.split('\n').length >= 3, list.includes(kept.trimEnd()), await showsEveryLine()]).toEqual([
    true,
    true,
    true,
  ]);
  const before = await height();
  await source.click();
  await app.page.keyboard.press('Control+End');
  await app.page.keyboard.type('\n5. and one more line');
  await expect(source).toHaveValue(`${kept}\n5. and one more line`);
  expect([await showsEveryLine(), (await height()) > before]).toEqual([true, true]);
});
