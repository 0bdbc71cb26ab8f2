import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './specbenchTest.js';

test('exports the open spec as one HTML file holding its requirement keys', async ({ app }) => {
  await app.goto('#/doc/specs/guest-checkout.md');
  await expect(app.title).toHaveValue('Guest checkout');
  await app.page.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: /SPEC-1/ })).toBeChecked();
  await dialog.getByRole('radio', { name: 'HTML (one file)' }).check();
  await screenshot(app.page, 'export-dialog');

  const download = app.page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  const html = await fs.readFile(await file.path(), 'utf8');
  await expect(dialog.getByRole('status', { name: 'Export state' })).toContainText(
    /Exported guest-checkout\.html \(\d+ KB\) to your downloads\./,
  );
  await screenshot(app.page, 'export-done');
  expect({
    name: file.suggestedFilename(),
    keys: ['REQ-1', 'REQ-2', 'REQ-3', 'REQ-4'].filter((key) => html.includes(key)),
  }).toEqual({ name: 'guest-checkout.html', keys: ['REQ-1', 'REQ-2', 'REQ-3', 'REQ-4'] });

  await app.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('an export says which document has characters its fonts lack, as the CLI does', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, 'specs', 'guest-checkout.md');
  const text = await fs.readFile(file, 'utf8');
  await fs.writeFile(file, text.replace('## Problem', '## Problem\n\n顧客は登録せずに購入できます。'));
  await app.goto('#/doc/specs/guest-checkout.md');
  await expect(app.editor).toContainText('顧客は登録せずに購入できます。');
  await app.page.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'HTML (one file)' }).check();
  const download = app.page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await download;
  const warnings = dialog.getByRole('note', { name: 'Export warnings' });
  await expect(warnings).toContainText('One thing to check in it:');
  await expect(warnings.getByRole('listitem')).toHaveText([
    /^SPEC-1 \(specs\/guest-checkout\.md\) has characters the export's fonts do not cover \(顧 客 /,
  ]);
  await screenshot(app.page, 'export-warnings');
});

test('the palette opens the dialog, and Cancel stops a PDF export without a download', async ({ app }) => {
  let downloads = 0;
  app.page.on('download', () => downloads++);
  await app.page.keyboard.press('Control+K');
  await app.page.keyboard.type('export');
  await app.page.keyboard.press('Enter');
  const dialog = app.page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /All specs/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('progressbar', { name: /^Printing pages — pass \d$/ })).toBeVisible();
  await screenshot(app.page, 'export-running');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Export cancelled.');
  await app.page.waitForTimeout(3_000);
  expect(downloads).toEqual(0);
});

test('the bar follows a PDF export step by step, its value rising to the finished state', async ({ app }) => {
  await app.page.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: /All specs/ })).toBeChecked();
  // Every value and name the bar shows, as the page renders them (a poll from here could miss one).
  await dialog.evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { exportProgressSeen: string[] }).exportProgressSeen = seen;
    new MutationObserver(() => {
      const bar = element.querySelector('[role="progressbar"]');
      const shown = bar && `${bar.getAttribute('aria-valuenow')} ${bar.getAttribute('aria-label')}`;
      if (shown && seen.at(-1) !== shown) seen.push(shown);
    }).observe(element, { subtree: true, childList: true, attributes: true });
  });
  const download = app.page.waitForEvent('download', { timeout: 40_000 });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await download;
  const status = dialog.getByRole('status', { name: 'Export state' });
  await expect(status).toContainText(/Exported Acme-Checkout-specs\.pdf \(\d+ KB\) to your downloads\./);
  const seen = await app.page.evaluate(
    () => (window as unknown as { exportProgressSeen: string[] }).exportProgressSeen,
  );
  const values = seen.map((shown) => Number(shown.split(' ')[0]));
  expect({
    changed: new Set(values).size >= 2,
    rising: values.every((value, index) => index === 0 || value >= values[index - 1]!),
    first: seen[0],
    printed: seen.some((shown) => / Printing pages — pass \d$/.test(shown)),
    bar: await status.getByRole('progressbar').count(),
  }).toEqual({ changed: true, rising: true, first: '0 Gathering documents', printed: true, bar: 0 });
});

test('downloads the open spec as a PDF whose pages are headed by their document', async ({ app }) => {
  await app.goto('#/doc/specs/guest-checkout.md');
  await expect(app.title).toHaveValue('Guest checkout');
  await app.page.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('checkbox', { name: 'Traceability matrix' }).uncheck();
  const download = app.page.waitForEvent('download', { timeout: 40_000 });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  const pages = execFileSync('pdftotext', ['-layout', await file.path(), '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim() !== '');
  const headers = pages.map((page) =>
    page
      .split('\n')
      .find((line) => line.trim() !== '')!
      .trim(),
  );
  expect({
    name: file.suggestedFilename(),
    footers: pages.every((page, index) => page.includes(`Page ${index + 1} of ${pages.length}`)),
    headers: [...new Set(headers.slice(1).map((line) => line.replace(/^Acme Checkout\s{2,}/, '')))],
  }).toEqual({
    name: 'guest-checkout.pdf',
    footers: true,
    headers: [
      'Guest checkout',
      'Pay as a guest',
      'Receive my receipt as a guest',
      'Autocomplete my shipping address',
      'Create an account after ordering',
    ],
  });
});
