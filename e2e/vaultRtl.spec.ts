/**
 * A note written right to left (Arabic, Hebrew): its lists keep their bullets and numbers, on the
 * right, and a callout's icon sits on the side its title starts from.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshot, test as base } from './specbenchTest.js';

const note =
  '# مذكرة\n\n' +
  'هذه ملاحظة باللغة العربية.\n\n' +
  '- البند الأول\n- البند الثاني\n\n' +
  '1. خطوة أولى\n2. خطوة ثانية\n\n' +
  '> [!note] ملاحظة\n> نص داخل صندوق.\n\n' +
  '- English item\n';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-rtl-'));
    const root = path.join(parent, 'Vault');
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'RTL note.md'), note);
    await use(root);
    await fs.rm(parent, { recursive: true, force: true });
  },
});

test('a right-to-left note shows its list bullets on the right and its callout icon beside its title', async ({
  app,
}) => {
  await app.openDocument('RTL note.md');
  const lists = app.editor.locator('ul, ol');
  await expect(lists).toHaveCount(3);
  // The bullets and numbers sit in the list's padding, on the side its text starts from.
  const sides = await lists.evaluateAll((elements) =>
    elements.map((list) => {
      const style = getComputedStyle(list);
      return `${style.direction} ${parseFloat(style.paddingRight) > 0 ? 'right' : 'left'}`;
    }),
  );
  expect(sides).toEqual(['rtl right', 'rtl right', 'ltr left']);
  const callout = app.editor.getByRole('note', { name: 'Note callout' });
  const icon = await callout.locator('.callout-type').boundingBox();
  const title = await callout.getByText('ملاحظة', { exact: true }).boundingBox();
  const box = await callout.boundingBox();
  expect({
    iconOnRight: icon!.x > box!.x + box!.width / 2,
    titleOnRight: title!.x + title!.width > box!.x + box!.width / 2,
  }).toEqual({ iconOnRight: true, titleOnRight: true });
  await screenshot(app.page, 'vault-rtl');
});
