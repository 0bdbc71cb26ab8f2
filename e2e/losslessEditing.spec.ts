import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from './specbenchTest.js';

// Someone else's Markdown: `*` and `1)` markers, a padded table, a paragraph wrapped over lines.
const foreign = [
  'Heading of a note',
  '=================',
  '',
  'A paragraph wrapped over',
  'several lines, as specs',
  'usually are.',
  '',
  '* star item one',
  '* star item two',
  '',
  '1) paren one',
  '2) paren two',
  '',
  '| Name | Value |',
  '|------|-------|',
  '| a    | 1     |',
  '',
  '> quoted text, see https://example.com/research',
  '',
  '- [ ] task one',
  '- [ ] task two',
  '',
].join('\n');

test('typing into each kind of block of a foreign file changes the file by exactly the typed characters', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, 'notes', 'foreign.md');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, foreign);
  await app.openDocument('notes/foreign.md');
  // A soft line break reads as a space, as on GitHub: the paragraph is one line of text.
  await expect(app.editor.locator('p', { hasText: 'A paragraph wrapped over several lines' })).toHaveText(
    'A paragraph wrapped over several lines, as specs usually are.',
  );
  await app.page.screenshot({ path: test.info().outputPath('foreign-file.png') });

  const typeAtEndOf = async (selector: string, text: string, typed: string) => {
    await app.editor.locator(selector, { hasText: text }).first().click();
    await app.page.keyboard.press('End');
    await app.page.keyboard.type(typed);
  };
  await typeAtEndOf('h1', 'Heading of a note', ' 2');
  await typeAtEndOf('p', 'A paragraph wrapped over', ' Mostly.');
  await typeAtEndOf('li p', 'star item one', ' (one)');
  await typeAtEndOf('li p', 'paren two', ' (two)');
  await typeAtEndOf('td p', 'a', 'b');
  await typeAtEndOf('blockquote p', 'quoted text', ' today');
  await app.editor
    .locator('ul[data-type="taskList"] li', { hasText: 'task one' })
    .getByRole('checkbox')
    .check();
  await app.waitSaved();

  const expected = foreign
    .replace('Heading of a note\n', 'Heading of a note 2\n')
    .replace('usually are.', 'usually are. Mostly.')
    .replace('star item one', 'star item one (one)')
    .replace('paren two', 'paren two (two)')
    .replace('| a    |', '| ab   |')
    .replace('example.com/research', 'example.com/research today')
    .replace('- [ ] task one', '- [x] task one');
  await expect.poll(() => fs.readFile(file, 'utf8')).toBe(expected);
});

test('Markdown typed by hand becomes what it means and is saved as typed, not escaped', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, 'notes', 'typed.md');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, 'Typed here.\n');
  await app.openDocument('notes/typed.md');
  await app.clickEndOf('Typed here.');
  await app.page.keyboard.type(' See [design](https://example.com/design) and **bold** and `code`.');
  await expect(app.editor.getByRole('link', { name: 'design' })).toHaveAttribute(
    'href',
    'https://example.com/design',
  );
  await expect(app.editor.locator('strong', { hasText: 'bold' })).toBeVisible();
  await app.waitSaved();
  await expect
    .poll(() => fs.readFile(file, 'utf8'))
    .toBe('Typed here. See [design](https://example.com/design) and **bold** and `code`.\n');
});

test('code inside a link (as RFCs write API names) is shown as a link and edits as typed', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, 'notes', 'api.md');
  const url = 'https://doc.rust-lang.org/std/vec/struct.Vec.html';
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `Call [\`Vec::push\`](${url}) to add one.\n`);
  await app.openDocument('notes/api.md');
  const link = app.editor.getByRole('link', { name: 'Vec::push' });
  await expect(link).toHaveAttribute('href', url);
  await expect(link.locator('code')).toHaveText('Vec::push');
  // Right after the link: plain text after it, as after any link (not a code span of its own).
  await app.selectText('Vec::push');
  await app.page.keyboard.press('ArrowRight');
  await app.page.keyboard.type(' once');
  // Inside the code: the code grows.
  await app.selectText('Vec');
  await app.page.keyboard.press('ArrowRight');
  await app.page.keyboard.type('tor');
  await app.waitSaved();
  await expect
    .poll(() => fs.readFile(file, 'utf8'))
    .toBe(`Call [\`Vector::push\`](${url}) once to add one.\n`);
});
