/**
 * Mermaid diagrams in a note: drawn (loaded only when a diagram is shown), sanitised, their source
 * edited behind Edit source and saved as typed; a broken diagram says why and keeps its source.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshot, test as base } from './specbenchTest.js';

const flow = ['flowchart LR', '  Cart --> Pay', '  Pay --> Receipt'].join('\n');
const note =
  '# Checkout flow\n\n' +
  'How a guest pays:\n\n' +
  '```mermaid\n' +
  flow +
  '\n```\n\n' +
  'And one still being written:\n\n' +
  '```mermaid\nflowchart LR\n  A -->\n```\n';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-mermaid-'));
    const root = path.join(parent, 'Vault');
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'Checkout flow.md'), note);
    await fs.writeFile(path.join(root, 'Plain.md'), '# Plain\n\nNo diagram here.\n');
    await use(root);
    await fs.rm(parent, { recursive: true, force: true });
  },
});

test('a Mermaid block is drawn as a diagram, its source edited as typed; a broken one says why', async ({
  app,
  workspaceDir,
}) => {
  const scripts: string[] = [];
  app.page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await app.openDocument('Plain.md');
  // The first paint of a document without diagrams never loads Mermaid.
  expect(scripts.filter((url) => /mermaid/i.test(url))).toEqual([]);

  await app.openDocument('Checkout flow.md');
  const diagram = app.editor.getByRole('img', { name: 'Mermaid diagram' });
  await expect(diagram.locator('svg')).toBeVisible();
  await expect(diagram.locator('svg')).toContainText('Receipt');
  await expect(diagram.locator('script, foreignObject, [onclick], [onload]')).toHaveCount(0);
  // Its source is folded away until wanted; the broken one shows its error and keeps its source.
  const [first, second] = [
    app.editor.locator('.md-mermaid').first(),
    app.editor.locator('.md-mermaid').nth(1),
  ];
  await expect(first.locator('code')).toBeHidden();
  await expect(second.getByText(/^This diagram cannot be drawn: /)).toBeVisible();
  await expect(second.locator('code')).toHaveText('flowchart LR\n  A -->');
  await screenshot(app.page, 'vault-mermaid');

  await first.getByRole('button', { name: 'Edit source' }).click();
  await expect(first.locator('code')).toBeVisible();
  await app.page.keyboard.type('\n  Receipt --> Done');
  await expect(diagram.locator('svg')).toContainText('Done');
  await app.waitSaved();
  const file = path.join(workspaceDir, 'Checkout flow.md');
  await expect
    .poll(() => fs.readFile(file, 'utf8'))
    .toBe(note.replace('Pay --> Receipt\n', 'Pay --> Receipt\n  Receipt --> Done\n'));
  await first.getByRole('button', { name: 'Edit source' }).click();
  await expect(first.locator('code')).toBeHidden();
});

/** Relative luminance of a computed `rgb(…)` colour, 0 (black) to 1 (white). */
function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
    const channel = Number(value) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

test('a diagram is drawn in dark colours in the dark theme, and again when the theme changes', async ({
  app,
}) => {
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.openDocument('Checkout flow.md');
  const card = app.editor.locator('.md-mermaid').first();
  const colours = async () =>
    card.evaluate((element) => {
      const text = element.querySelector('svg .nodeLabel, svg .node text')!;
      const shape = element.querySelector('svg .node rect, svg .node polygon, svg .node path')!;
      return {
        text: getComputedStyle(text).fill,
        shape: getComputedStyle(shape).fill,
        card: getComputedStyle(element.querySelector('.md-mermaid-diagram')!).backgroundColor,
      };
    });
  await expect(card).toHaveAttribute('data-theme', 'dark');
  await expect(card.locator('svg')).toContainText('Receipt');
  const dark = await colours();
  // Light words on dark shapes on a dark card: readable, and no white box in a dark editor.
  expect({
    text: luminance(dark.text) > 0.5,
    shape: luminance(dark.shape) < 0.2,
    card: luminance(dark.card) < 0.05,
  }).toEqual({ text: true, shape: true, card: true });
  await screenshot(app.page, 'vault-mermaid-dark');

  await app.page.emulateMedia({ colorScheme: 'light' });
  await expect(card).toHaveAttribute('data-theme', 'default');
  const light = await colours();
  expect({ text: luminance(light.text) < 0.2, card: luminance(light.card) > 0.9 }).toEqual({
    text: true,
    card: true,
  });
});
