/** The "From evidence to release" walkthrough (issue #13): what a new PM did, and what the files say after. */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FeedbackModel } from './models/feedbackModel.js';
import { expect, screenshot, test } from './specbenchTest.js';

/** The lines of `after` that differ from `before`, as [old, new] pairs in order. */
function changedLines(before: string, after: string): [string | undefined, string | undefined][] {
  const a = before.split('\n');
  const b = after.split('\n');
  const changed: [string | undefined, string | undefined][] = [];
  for (let index = 0; index < Math.max(a.length, b.length); index++)
    if (a[index] !== b[index]) changed.push([a[index], b[index]]);
  return changed;
}

test.describe('editing a Success metrics table changes only what was typed', () => {
  test('a cell of the sample spec: git diff shows that one line', async ({ app, workspaceDir }) => {
    const file = path.join(workspaceDir, 'specs', 'guest-checkout.md');
    await app.openDocument('specs/guest-checkout.md');
    const table = app.editor.getByRole('table').first();
    await table.getByRole('cell', { name: '12%', exact: true }).click();
    await app.page.keyboard.press('End');
    await app.page.keyboard.type(' in November');
    await app.waitSaved();
    await expect
      .poll(() => execFileSync('git', ['diff', '-U0', '--no-color'], { cwd: workspaceDir, encoding: 'utf8' }))
      .toMatch(
        /@@ -41 \+41 @@.*\n-\| Drop-off at the account step \| 31% \| 10% \| 12% \|\n\+\| Drop-off at the account step \| 31% \| 10% \| 12% in November \|\n$/,
      );
    expect(await fs.readFile(file, 'utf8')).toContain('|---|---|---|---|\n');
  });

  test.describe('from an empty workspace', () => {
    test.use({ workspaceKind: 'empty' });

    test('a new spec: typing into the empty metrics row, then adding a row, keeps |---| and the other rows', async ({
      app,
      workspaceDir,
    }) => {
      await app.createDocument('New spec', 'Faster checkout');
      await app.title.press('Enter');
      await app.expectDocument('specs/faster-checkout.md', '#/SPEC-1');
      await app.waitSaved();
      const file = path.join(workspaceDir, 'specs', 'faster-checkout.md');
      const before = await fs.readFile(file, 'utf8');
      expect(before).toContain('|---|');
      const table = app.editor.getByRole('table').first();
      await table.getByRole('cell').first().click();
      await app.page.keyboard.type('Conversion');
      await app.waitSaved();
      await expect
        .poll(async () => changedLines(before, await fs.readFile(file, 'utf8')))
        .toEqual([[expect.stringMatching(/^\|\s+\|\s+\|\s+\|\s+\|$/), '| Conversion |  |  |  |']]);

      // Tab past the last cell adds a row, as in any spreadsheet.
      await table.getByRole('cell').nth(3).click();
      await app.page.keyboard.press('Tab');
      await app.page.keyboard.type('Drop-off');
      await app.waitSaved();
      const after = await fs.readFile(file, 'utf8');
      const lines = changedLines(before, after);
      expect(lines[0]).toEqual([
        expect.stringMatching(/^\|\s+\|\s+\|\s+\|\s+\|$/),
        '| Conversion |  |  |  |',
      ]);
      expect(after).toContain(
        '| Metric | Baseline | Target | Actual |\n|---|---|---|---|\n| Conversion |  |  |  |\n',
      );
      expect(after).toMatch(/\| Conversion \| {2}\| {2}\| {2}\|\n\|\s*Drop-off\s*\|\s*\|\s*\|\s*\|\n/);
    });
  });
});

test.describe('Insert requirement outside the Requirements section', () => {
  test.use({ workspaceKind: 'empty' });

  test('with the cursor in the Success metrics table, the card goes to the end of Requirements', async ({
    app,
    workspaceDir,
  }) => {
    await app.createDocument('New spec', 'Saved addresses');
    await app.title.press('Enter');
    await app.expectDocument('specs/saved-addresses.md', '#/SPEC-1');
    await app.editor.getByRole('table').first().getByRole('cell').first().click();
    await app.page.getByRole('button', { name: 'Insert requirement' }).click();
    await app.page.keyboard.type('Shoppers pick a saved address.');
    await app.waitSaved();
    await screenshot(app.page, 'insert-requirement-from-metrics');
    const text = await fs.readFile(path.join(workspaceDir, 'specs/saved-addresses.md'), 'utf8');
    expect(text).toContain(
      '| Metric | Baseline | Target | Actual |\n|---|---|---|---|\n|  |  |  |  |\n\n## Users',
    );
    expect(text).toMatch(
      /## Requirements\n\n<!-- Required\.[^\n]*-->\n\n:::requirement\{#REQ-\d+ [^\n]*\}\nShoppers pick a saved address\.\n:::\n\n## Open questions/,
    );
  });
});

test('an Actual that is not clearly a number is not read; one with its date in brackets is', async ({
  app,
}) => {
  await app.openDocument('specs/guest-checkout.md');
  const table = app.editor.getByRole('table').first();
  const typeOver = async (cell: string, text: string) => {
    await table.getByRole('cell', { name: cell, exact: true }).click();
    await app.page.keyboard.press('End');
    for (let index = 0; index < cell.length; index++) await app.page.keyboard.press('Backspace');
    await app.page.keyboard.type(text);
  };
  await typeOver('46.5%', 'about 49% in November');
  await typeOver('12%', '9% (2026-11-30)');
  await app.waitSaved();
  await app.goto('#/metrics');
  const guest = app.page.getByRole('table', { name: 'Metrics of SPEC-1' });
  const conversion = guest.getByRole('row', { name: /Checkout conversion/ });
  await expect(conversion).toContainText(/not read\s*not read after release$/);
  // The sample's release shipped over a month ago: check flags it as it flags an empty Actual.
  await expect(conversion.getByText('not read after release')).toHaveAttribute(
    'title',
    /has an Actual that is not a measurement \("about 49% in November"\)/,
  );
  // Neither good nor bad news: outlined, not tinted, and it says how to write an Actual it can read.
  const notRead = guest.getByText('not read', { exact: true });
  await expect(notRead).toHaveAttribute('title', /write it with its unit.*4\.2% \(2026-11-30\)/);
  await expect(notRead).toHaveCSS('box-shadow', /inset/);
  await expect(guest.getByRole('row', { name: /Drop-off/ })).toContainText(/\bmet$/);
  await guest.scrollIntoViewIfNeeded();
  await screenshot(app.page, 'metrics-not-read');
});

test('a link and an archive are undone from their notice, leaving the note as it was; an item made with N is renamed there, and Undo stays after the rename', async ({
  app,
  workspaceDir,
}) => {
  const feedback = new FeedbackModel(app);
  const file = (name: string) => path.join(workspaceDir, 'feedback', name);
  const pounds = await fs.readFile(file('let-me-pay-in-pounds.md'), 'utf8');
  const basket = await fs.readFile(file('reorder-last-months-basket.md'), 'utf8');
  await feedback.open();
  await expect(feedback.notes).toHaveCount(4);

  await feedback.linkWithKeyboard('FB-10', 'RM-11');
  await expect(feedback.notes).toHaveCount(3);
  await app.page.getByRole('button', { name: 'Undo' }).click();
  await expect(feedback.status).toHaveText('FB-10 is no longer evidence for RM-11.');
  await expect(feedback.notes).toHaveCount(4);
  await expect.poll(() => fs.readFile(file('let-me-pay-in-pounds.md'), 'utf8')).toBe(pounds);

  await feedback
    .note('FB-12')
    .getByRole('button', { name: /^Archive/ })
    .click();
  await expect(feedback.notes).toHaveCount(3);
  await app.page.getByRole('button', { name: 'Undo' }).click();
  await expect(feedback.status).toHaveText('FB-12 is back in the inbox.');
  await expect(feedback.notes).toHaveCount(4);
  await expect.poll(() => fs.readFile(file('reorder-last-months-basket.md'), 'utf8')).toBe(basket);

  await feedback.note('FB-10').focus();
  await app.page.keyboard.press('n');
  await expect(feedback.status).toHaveText(/^RM-13 is in Later, with FB-10 as its evidence/);
  const title = app.page.getByRole('textbox', { name: 'Title of RM-13' });
  await expect(title).toHaveValue('Let me pay in pounds');
  // Undo is offered after N too (e2e/roadmapItemDelete.spec.ts takes it).
  await expect(app.page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await screenshot(app.page, 'feedback-rename-new-item');
  await title.fill('Pay in local currencies');
  await app.page.getByRole('button', { name: 'Rename RM-13' }).click();
  await expect(feedback.status).toHaveText('RM-13 is now “Pay in local currencies”.');
  await expect
    .poll(
      async () =>
        (
          JSON.parse(await fs.readFile(path.join(workspaceDir, 'roadmap.json'), 'utf8')) as {
            items: { key: string; title: string }[];
          }
        ).items.find((item) => item.key === 'RM-13')?.title,
    )
    .toBe('Pay in local currencies');
  // Renaming does not take the way back: Undo still deletes the item and returns the note to the inbox.
  await app.page.getByRole('button', { name: 'Undo' }).click();
  await expect(feedback.status).toHaveText('RM-13 is deleted and FB-10 is back in the inbox.');
  await expect(feedback.notes).toHaveCount(4);
  await expect
    .poll(async () => (await fs.readFile(path.join(workspaceDir, 'roadmap.json'), 'utf8')).includes('RM-13'))
    .toBe(false);
});

test("a CSV whose text column is not recognised (Zendesk's Ticket body) is mapped in the preview, and remembered for that header", async ({
  app,
  workspaceDir,
}) => {
  const zendesk =
    'Ticket ID,Requester,Ticket body,Created at,Assignee\n101,Northwind,"Checkout forgot my address",2026-11-24,Sam\n102,Contoso,Receipt went to spam,2026-11-25,Sam\n103,Northwind,Checkout forgot my address,2026-11-24,Kim\n';
  const feedback = new FeedbackModel(app);
  await feedback.open();
  await feedback.chooseCsv('zendesk.csv', Buffer.from(zendesk));
  const columns = feedback.importDialog.getByRole('group', { name: 'Columns' });
  await expect(feedback.importDialog.getByRole('alert')).toHaveText(
    'No column was recognised as the feedback text: choose it under Columns.',
  );
  await expect(columns.getByLabel('Customer', { exact: true })).toHaveValue('Requester');
  await expect(columns.getByLabel('Date', { exact: true })).toHaveValue('Created at');
  await expect(columns).toContainText('Ignored: Ticket ID, Ticket body, Assignee');
  await columns.getByLabel('Feedback text', { exact: true }).selectOption('Ticket body');
  await expect(feedback.importDialog.getByRole('table', { name: 'Notes to import' })).toContainText(
    'Checkout forgot my address',
  );
  await expect(columns).toContainText('Ignored: Ticket ID, Assignee');
  // A repeated row is named by its line, so it can be found in the file.
  await expect(feedback.importDialog).toContainText(
    '2 new notes · skipped: 1 duplicate within this file (line 4 repeats line 2)',
  );
  await screenshot(app.page, 'feedback-import-columns');
  await feedback.importDialog.getByRole('button', { name: 'Import 2 notes' }).click();
  await expect(feedback.importDialog).toBeHidden();
  expect((await fs.readdir(path.join(workspaceDir, 'feedback'))).length).toBe(14);
  // An imported note is titled by its first sentence: its card says that sentence once, as its link.
  const imported = feedback.notes.filter({ hasText: 'Receipt went to spam' });
  await expect(imported.getByRole('link', { name: 'Receipt went to spam' })).toBeVisible();
  expect((await imported.innerText()).split('Receipt went to spam').length - 1).toBe(1);

  // The next export from the same tool reads the same way.
  await feedback.chooseCsv('zendesk-2.csv', Buffer.from(zendesk));
  await expect(columns.getByLabel('Feedback text', { exact: true })).toHaveValue('Ticket body');
  await expect(feedback.importDialog).toContainText(
    '0 new notes · skipped: 2 imported before, 1 duplicate within this file (line 4 repeats line 2)',
  );
});
