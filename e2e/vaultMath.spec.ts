/** Math in a note: a determinant's bars, a matrix's brackets and a norm's double bars stretch to the matrix's height. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base } from './specbenchTest.js';

const note =
  '# Matrices\n\n$$\n\\begin{vmatrix}a & b \\\\ c & d \\\\ e & f\\end{vmatrix} ' +
  '\\begin{bmatrix}a \\\\ b \\\\ c\\end{bmatrix} ' +
  '\\begin{Vmatrix}a \\\\ b \\\\ c\\end{Vmatrix}\n$$\n';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-math-'));
    const root = path.join(parent, 'Vault');
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'Matrices.md'), note);
    await use(root);
    await fs.rm(parent, { recursive: true, force: true });
  },
});

test("a matrix's bars and brackets are as tall as the matrix", async ({ app }) => {
  await app.openDocument('Matrices.md');
  const math = app.editor.locator('.md-math-block math');
  await expect(math).toHaveCount(1);
  await app.page.evaluate(() => document.fonts.ready);
  const heights = () =>
    math.evaluate((element) => {
      const tables = Array.from(element.querySelectorAll('mtable')).map(
        (table) => table.getBoundingClientRect().height,
      );
      const fences = Array.from(element.querySelectorAll('mo[fence="true"]')).map(
        (fence) => `${fence.textContent} ${fence.getBoundingClientRect().height >= tables[0]! * 0.8}`,
      );
      return fences;
    });
  await expect.poll(heights).toEqual(['| true', '| true', '[ true', '] true', '‖ true', '‖ true']);
});
