/**
 * Walk11d finding 7: a note added from outside, then Ctrl+P, "embed files" and Enter opened the new
 * note. Enter came before the typed query's results, so the list still showed the recently changed
 * documents (the new note first). Enter opens what the list shows for the query typed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from './specbenchTest.js';

test('Enter in the quick switcher opens the match for the query typed, not the note just added from outside', async ({
  app,
  workspaceDir,
}) => {
  await fs.writeFile(path.join(workspaceDir, 'Maya notes.md'), '# Maya notes\n\nAdded from outside.\n');
  const switcher = app.page.getByRole('dialog', { name: 'Quick switcher' });
  const results = switcher.getByRole('listbox', { name: 'Results' }).getByRole('option');
  await app.page.keyboard.press('Control+P');
  await expect(results.first()).toContainText('Maya notes');
  await app.page.keyboard.press('Escape');

  // The server answers slowly, as on a busy machine: Enter comes before the results.
  await app.page.route('**/api/quickSwitch', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  await app.page.keyboard.press('Control+P');
  await app.page.keyboard.type('guest checkout');
  await app.page.keyboard.press('Enter');
  await expect(app.title).toHaveValue('Guest checkout');
  await expect(switcher).toBeHidden();
});
