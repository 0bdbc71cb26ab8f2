/** walk12f finding 9: `serve --write` on a workspace another Specbench is editing says why it is read-only. */
import { expect, openApp, serve, test } from './specbenchTest.js';

test('a second serve --write on a workspace being edited says it is open for editing elsewhere, not to use --write', async ({
  page,
  served,
  workspaceDir,
}) => {
  expect(served.url).toContain('token=');
  const second = await serve(workspaceDir);
  try {
    await openApp(page, second.url);
    const note = page.getByText(/^You can read and share links here\./);
    await expect(note).toContainText(
      /Specbench has this workspace open for editing \(process \d+ on .+\): make the change there, or close it and try again\./,
    );
    await expect(note).not.toContainText('--write');
    await page.screenshot({ path: test.info().outputPath('read-only-elsewhere.png') });
  } finally {
    second.process.kill('SIGTERM');
  }
});
