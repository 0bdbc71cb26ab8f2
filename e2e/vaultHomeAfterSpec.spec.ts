/**
 * walk11f finding 5: a vault where one note was made a spec opened on its home page with only the
 * spec listed and no section current; it keeps its notes and folders first, as before the spec.
 */
import { expect, screenshot, testOverFiles } from './specbenchTest.js';

const files: Record<string, string> = {
  'Editing/Folding.md': '---\nkey: SPEC-1\ntype: spec\n---\n# Folding\n\nFold a heading.\n',
  'Editing/Tables.md': '# Tables\n',
  'Linking/Internal links.md': '# Internal links\n',
  'Start here.md': '# Start here\n',
};

const test = testOverFiles(files);

test('the home page of a vault with one spec shows its notes in their folders, Notes current', async ({
  app,
}) => {
  await expect(app.section('Notes')).toHaveAttribute('aria-current', 'page');
  const list = app.navigator.getByRole('list', { name: 'Notes list' });
  await expect(list.getByRole('button', { name: /^Editing/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(list.getByRole('button', { name: /^Linking/ })).toBeVisible();
  await expect(list.getByRole('link', { name: /^Folding/ })).toContainText('SPEC-1');
  await expect(list.getByRole('link', { name: 'Start here' })).toBeVisible();
  await screenshot(app.page, 'vault-home-after-spec');
});
