/** A feedback note's header: source, customer, segment, date and URL as fields; each edit changes only its own front-matter line. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, openApp, screenshot, serve, test } from './specbenchTest.js';

const notePath = 'feedback/let-me-pay-in-pounds.md';

test('the header edits a note’s own fields, one front-matter line each, and refuses a bad date or address', async ({
  app,
  page,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, notePath);
  // As an import writes it: the row's hash stays in the file, out of the header.
  const sample = await fs.readFile(file, 'utf8');
  await fs.writeFile(file, sample.replace('\n---\n', '\nimportHash: 0f1e2d3c4b5a6978\n---\n'));
  const before = await fs.readFile(file, 'utf8');
  await app.openDocument(notePath);
  const header = page.getByRole('region', { name: 'Properties' });
  // Each field is named by its label alone, for a screen reader as for getByLabel.
  for (const [label, value] of [
    ['Source', 'support'],
    ['Customer', 'Litware'],
    ['Segment', 'Small business'],
    ['Date', '2026-11-09'],
    ['URL', 'https://support.example.com/tickets/51140'],
  ]) {
    await expect(header.getByLabel(label!, { exact: true })).toHaveValue(value!);
  }
  await expect(header.getByRole('group', { name: 'Evidence for', exact: true })).toBeVisible();
  await expect(header).not.toContainText('importHash');
  await expect(header).not.toContainText('0f1e2d3c4b5a6978');
  await expect(header.getByRole('combobox', { name: 'Source' })).toHaveValue('support');
  await expect(header.getByRole('textbox', { name: 'Customer' })).toHaveValue('Litware');
  await expect(header.getByRole('textbox', { name: 'Segment' })).toHaveValue('Small business');
  await expect(header.getByRole('textbox', { name: 'Date' })).toHaveValue('2026-11-09');
  await expect(header.getByRole('textbox', { name: 'URL' })).toHaveValue(
    'https://support.example.com/tickets/51140',
  );
  const open = header.getByRole('link', { name: /^Open / });
  await expect(open).toHaveAttribute('href', 'https://support.example.com/tickets/51140');
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('rel', 'noopener noreferrer');
  // Raw front matter is not listed a second time below the fields.
  await expect(header.getByText('customer', { exact: true })).toHaveCount(0);
  await screenshot(page, 'feedback-note-header');

  await header.getByRole('textbox', { name: 'Customer' }).fill('Litware Ltd');
  await header.getByRole('textbox', { name: 'Customer' }).press('Enter');
  await app.waitSaved();
  await expect
    .poll(() => fs.readFile(file, 'utf8'))
    .toBe(before.replace('customer: Litware', 'customer: Litware Ltd'));

  await header.getByRole('combobox', { name: 'Source' }).selectOption('sales');
  await app.waitSaved();
  const afterSource = before
    .replace('customer: Litware', 'customer: Litware Ltd')
    .replace('source: support', 'source: sales');
  await expect.poll(() => fs.readFile(file, 'utf8')).toBe(afterSource);

  const date = header.getByRole('textbox', { name: 'Date' });
  await date.fill('9/11/2026');
  await date.press('Enter');
  await expect(header.getByRole('alert')).toHaveText('A date is written YYYY-MM-DD, e.g. 2026-11-09.');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  const url = header.getByRole('textbox', { name: 'URL' });
  await url.fill('javascript:alert(1)');
  await url.press('Enter');
  await expect(header.getByRole('alert')).toHaveText([
    'A date is written YYYY-MM-DD, e.g. 2026-11-09.',
    'The address must start with http:// or https://.',
  ]);
  expect(await fs.readFile(file, 'utf8')).toBe(afterSource);
  // The refused address stays to be corrected, marked invalid; Open would go elsewhere, so it is gone.
  await expect(url).toHaveValue('javascript:alert(1)');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(open).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/feedback-note-header-refused.png' });
  await url.press('Escape');
  await expect(url).toHaveValue('https://support.example.com/tickets/51140');
  await expect(open).toHaveAttribute('href', 'https://support.example.com/tickets/51140');
  await date.fill('2026-11-10');
  await date.press('Enter');
  await app.waitSaved();
  await expect
    .poll(() => fs.readFile(file, 'utf8'))
    .toBe(afterSource.replace('date: 2026-11-09', 'date: 2026-11-10'));
  await expect(header.getByRole('alert')).toHaveCount(0);

  // Linked from its header, the note is triaged as it is from the inbox.
  await app.pickKey('Add to Evidence for', 'RM-11');
  await app.waitSaved();
  await expect
    .poll(async () => (await fs.readFile(file, 'utf8')).match(/^(status|about): .*$/gm))
    .toEqual(['status: triaged', 'about: [RM-11]']);
});

test('read-only, the fields are text and only an http or https address is a link', async ({
  page,
  workspaceDir,
}) => {
  const hostile = path.join(workspaceDir, 'feedback', 'hostile-link.md');
  await fs.writeFile(
    hostile,
    '---\nkey: FB-90\ntype: feedback\ntitle: Hostile link\nstatus: new\nsource: review\ncustomer: Mallory\nurl: javascript:alert(1)\nimportHash: 0f1e2d3c4b5a6978\n---\nA review.\n',
  );
  const served = await serve(workspaceDir, false);
  try {
    const app = await openApp(page, served.url);
    await app.goto('#/FB-90');
    await expect(app.title).toHaveText('Hostile link');
    const header = page.getByRole('region', { name: 'Properties' });
    await expect(header.getByRole('textbox')).toHaveCount(0);
    await expect(header).toContainText('Mallory');
    await expect(header).toContainText('javascript:alert(1)');
    await expect(header.getByRole('link')).toHaveCount(0);
    await expect(header.getByLabel('Customer', { exact: true })).toHaveText('CustomerMallory');
    await expect(header.getByLabel('URL', { exact: true })).toHaveText('URLjavascript:alert(1)');
    await expect(header).not.toContainText('0f1e2d3c4b5a6978');

    await app.goto('#/FB-10');
    await expect(app.title).toHaveText('Let me pay in pounds');
    await expect(
      header.getByRole('link', { name: 'https://support.example.com/tickets/51140' }),
    ).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(header).toContainText('Litware');
    await expect(header).toContainText('Small business');
    await expect(header.getByRole('group', { name: 'Evidence for' })).toHaveText('Evidence for—');
    await page.screenshot({ path: 'test-results/screenshots/feedback-note-header-read-only.png' });
  } finally {
    served.process.kill('SIGTERM');
  }
});
