/**
 * walk11f finding 10: the header's path chip read "Linking notes and fi… /Embed files.md" at 1440,
 * the cut character's room left as a gap before the slash. The folders now give way from their start,
 * so what is left of them runs on into the file name, at 1440 and at 1024.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshot, test as base } from './specbenchTest.js';

const note = 'Linking notes and files/Embed files.md';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-path-chip-'));
    await fs.mkdir(path.join(root, 'Linking notes and files'));
    await fs.writeFile(
      path.join(root, note),
      '# Embed files\n\nEmbedded files display their content inline.\n',
    );
    await fs.writeFile(path.join(root, 'Start.md'), '# Start\n');
    await use(root);
    await fs.rm(root, { recursive: true, force: true });
  },
});

for (const [width, height] of [
  [1440, 900],
  [1024, 700],
] as const) {
  test(`at ${width} the path chip's folder ends where the file name starts, with no gap`, async ({ app }) => {
    await app.page.setViewportSize({ width, height });
    await app.openDocument(note);
    const chip = app.page.locator('.document-meta').getByTitle(note, { exact: true });
    await expect(chip).toContainText('/Embed files.md');
    const edges = await chip.evaluate((element) => {
      const [folder, file] = Array.from(element.children) as HTMLElement[];
      const text = document.createRange();
      text.selectNodeContents(folder!);
      return {
        cut: folder!.scrollWidth > folder!.clientWidth,
        textEnd: Math.round(text.getBoundingClientRect().right),
        folderEnd: Math.round(folder!.getBoundingClientRect().right),
        fileStart: Math.round(file!.getBoundingClientRect().left),
      };
    });
    // The folder is cut (else there is nothing to see), and its text ends at its box, at the file name.
    expect(edges).toEqual({
      cut: true,
      textEnd: edges.fileStart,
      folderEnd: edges.fileStart,
      fileStart: edges.fileStart,
    });
    await screenshot(app.page, `path-chip-${width}`);
  });
}
