/** The CSV preview's column mapping: a guessed column un-picked, the text column's absence, and what is remembered. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FeedbackModel } from './models/feedbackModel.js';
import { expect, test } from './specbenchTest.js';

const csv = 'Company,Segment,Channel,Message\nNorthwind,Retail,support,"Pay later, please"\n';

test('a guessed column can be left out, the text cannot, and the choice is remembered for that header', async ({
  app,
  workspaceDir,
}) => {
  const feedback = new FeedbackModel(app);
  await feedback.open();
  await feedback.chooseCsv('crm.csv', Buffer.from(csv));
  const columns = feedback.importDialog.getByRole('group', { name: 'Columns' });
  const customer = columns.getByLabel('Customer', { exact: true });
  await expect(customer).toHaveValue('Company');
  await customer.selectOption({ label: '— not imported —' });
  await expect(customer).toHaveValue('');
  await expect(columns).toContainText('Ignored: Company');

  const text = columns.getByLabel('Feedback text', { exact: true });
  await text.selectOption({ label: 'Choose a column' });
  await expect(feedback.importDialog.getByRole('alert')).toHaveText(
    'Import needs the feedback text: choose its column under Columns.',
  );
  await expect(
    feedback.importDialog.getByRole('button', { name: 'Choose the text column to import' }),
  ).toBeDisabled();
  await text.selectOption('Message');
  await feedback.importDialog.getByRole('button', { name: 'Import 1 note' }).click();
  await expect(feedback.importDialog).toBeHidden();
  const written = (await fs.readdir(path.join(workspaceDir, 'feedback'))).filter((name) =>
    name.startsWith('pay-later'),
  );
  expect(written).toHaveLength(1);
  const note = await fs.readFile(path.join(workspaceDir, 'feedback', written[0]!), 'utf8');
  expect(note).not.toMatch(/^customer:/m);
  expect(note).toMatch(/^segment: Retail$/m);

  await feedback.chooseCsv('crm-2.csv', Buffer.from(csv));
  await expect(customer).toHaveValue('');
  await expect(text).toHaveValue('Message');
});

test('an address a row gives that a note cannot keep is marked in the preview and counted in the result', async ({
  app,
  workspaceDir,
}) => {
  const feedback = new FeedbackModel(app);
  await feedback.open();
  const links = [
    'Message,Link',
    'Pay later,javascript:alert(1)',
    'Dark mode,https://support.example.com/t/1',
    'Invoices,ftp://files.example.com/invoice.pdf',
    '',
  ].join('\n');
  await feedback.chooseCsv('links.csv', Buffer.from(links));
  const leftOut = '2 addresses left out: they must start with http:// or https:// (lines 2, 4).';
  await expect(feedback.importDialog.getByRole('status')).toContainText(leftOut);
  const table = feedback.importDialog.getByRole('table', { name: 'Notes to import' });
  const url = (quote: string) => table.getByRole('row').filter({ hasText: quote }).getByRole('cell').nth(4);
  await expect(url('Pay later')).toHaveText(
    'javascript:alert(1)Left out: it must start with http:// or https://',
  );
  await expect(url('Dark mode')).toHaveText('https://support.example.com/t/1');
  await expect(url('Invoices')).toHaveText(
    'ftp://files.example.com/invoice.pdfLeft out: it must start with http:// or https://',
  );
  await feedback.importDialog.getByRole('button', { name: 'Import 3 notes' }).click();
  await expect(feedback.status).toHaveText(`Imported 3 notes into feedback/. ${leftOut}`);
  const invoices = await fs.readFile(path.join(workspaceDir, 'feedback', 'invoices.md'), 'utf8');
  expect(invoices).not.toMatch(/^url:/m);
});
