/**
 * A 1024×700 window, from the walkthrough walk11e: the hover preview of a link near the bottom opens
 * upward and stays inside the window (finding 5), and the header's file path stays readable, the file
 * name kept (finding 6).
 */
import path from 'node:path';
import { expect, testOverFiles } from './specbenchTest.js';

const paragraphs = (topic: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${topic} paragraph ${index + 1} says a little more.`).join(
    '\n\n',
  );

const vault: Record<string, string> = {
  'Editing and formatting/Folding.md': `${paragraphs('Fold', 30)}\n\nSee [[Callouts]] for the boxes.\n\n${paragraphs('Tail', 3)}\n`,
  'Editing and formatting/Callouts.md': `# Callouts\n\n${paragraphs('Callout', 12)}\n`,
};

const test = testOverFiles(vault);

test.use({ viewport: { width: 1024, height: 700 } });

test('the preview of a link near the bottom of the window opens inside it', async ({ app }) => {
  await app.openDocument('Editing and formatting/Folding.md');
  const link = app.editor.getByRole('link', { name: 'Callouts' });
  await link.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  const box = await link.boundingBox();
  expect(box!.y).toBeGreaterThan(500);
  await link.hover();
  const preview = app.page.getByRole('tooltip').filter({ hasText: 'Callout paragraph 1' });
  await expect(preview).toBeVisible();
  await app.page.screenshot({ path: path.join('test-results', 'screenshots', 'narrow-preview-bottom.png') });
  const shown = (await preview.boundingBox())!;
  expect(shown.y).toBeGreaterThanOrEqual(0);
  expect(shown.y + shown.height).toBeLessThanOrEqual(700);
  expect(shown.x + shown.width).toBeLessThanOrEqual(1024);
});

test('the header keeps the file name of the path readable, the full path on hover', async ({ app }) => {
  await app.openDocument('Editing and formatting/Folding.md');
  await expect(app.documentPath).toHaveAttribute('title', 'Editing and formatting/Folding.md');
  await app.page.screenshot({ path: path.join('test-results', 'screenshots', 'narrow-header-path.png') });
  // What the chip shows: its file name whole, inside the chip, and the folders cut if anything is.
  const shown = await app.documentPath.evaluate((chip) => {
    const name = chip.lastElementChild as HTMLElement;
    const box = chip.getBoundingClientRect();
    const nameBox = name.getBoundingClientRect();
    const whole = nameBox.left >= box.left - 1 && nameBox.right <= box.right + 1;
    return { name: name.textContent, whole: whole && name.scrollWidth <= name.clientWidth + 1 };
  });
  expect(shown).toEqual({ name: '/Folding.md', whole: true });
});
