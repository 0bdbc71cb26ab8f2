import { promises as fs } from 'node:fs';
import { expect, screenshot, test } from './specbenchTest.js';

// Findings of the Obsidian user's walkthrough (issue 11): real folders hold notes, not only specs.

test('a note without a key exports as it is from Document actions, the matrix left out', async ({ app }) => {
  await app.goto('#/doc/README.md');
  await app.page.getByRole('button', { name: 'Document actions' }).click();
  await app.page.getByRole('menuitem', { name: 'Export…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: 'Chosen documents' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'README', exact: true })).toBeChecked();
  // Nothing in a note is a requirement: an empty traceability chapter is not offered by default.
  await expect(dialog.getByRole('checkbox', { name: 'Traceability matrix' })).not.toBeChecked();
  await dialog.getByRole('radio', { name: 'HTML (one file)' }).check();
  await screenshot(app.page, 'export-note');

  const download = app.page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  const html = await fs.readFile(await file.path(), 'utf8');
  await expect(dialog.getByRole('status', { name: 'Export state' })).toContainText(/Exported README\.html/);
  expect({
    name: file.suggestedFilename(),
    text: html.includes('This folder is a sample workspace'),
    matrix: html.includes('Traceability matrix'),
  }).toEqual({ name: 'README.html', text: true, matrix: false });
});
