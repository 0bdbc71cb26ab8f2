/** Shift+Tab then Tab on a nested bullet under a numbered item gives the bullet back: the file is unchanged. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, testOverFiles } from './specbenchTest.js';

const note = '# Findings\n\n1. First finding\n   - nested detail\n   - another detail\n2. Second finding\n';

const test = testOverFiles({ 'Findings.md': note });

test('Shift+Tab then Tab on a nested bullet leaves the file byte for byte', async ({ app, workspaceDir }) => {
  await app.openDocument('Findings.md');
  const numbered = app.editor.getByRole('list').first();
  await app.editor.getByText('another detail').click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.press('Shift+Tab');
  await expect(numbered.getByRole('listitem').filter({ hasText: /^another detail$/ })).toHaveCount(1);
  await app.waitSaved();
  expect(await fs.readFile(path.join(workspaceDir, 'Findings.md'), 'utf8')).toContain('2. another detail\n');
  await app.page.keyboard.press('Tab');
  await expect(app.editor.locator('ul > li', { hasText: 'another detail' })).toHaveCount(1);
  await app.waitSaved();
  expect(await fs.readFile(path.join(workspaceDir, 'Findings.md'), 'utf8')).toBe(note);
});
