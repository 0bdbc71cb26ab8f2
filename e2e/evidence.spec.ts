/** Feedback triage, evidence on the roadmap, releases with their notes, success metrics and CSV import, in the browser. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FeedbackModel } from './models/feedbackModel.js';
import { expect, screenshot, test } from './specbenchTest.js';

const csv =
  'Company,Segment,Channel,Message\nNorthwind,Retail,support,"Pay later, please"\nContoso,,survey,Dark mode for the shop\n';

async function frontMatter(directory: string, file: string): Promise<string[]> {
  const text = await fs.readFile(path.join(directory, file), 'utf8');
  return text.match(/^(about|status): .*$/gm) ?? [];
}

test.describe('the sample', () => {
  test('triage from the keyboard: link, new roadmap item, archive; the next note takes the focus', async ({
    app,
    workspaceDir,
  }) => {
    const feedback = new FeedbackModel(app);
    await app.navigator.getByRole('link', { name: /^Feedback/ }).click();
    await expect(feedback.notes).toHaveCount(4);
    // Keys work at once: the first note has the focus when the inbox opens.
    await expect(feedback.notes.first()).toBeFocused();
    await screenshot(app.page, 'feedback-inbox');

    await feedback.linkWithKeyboard('FB-10', 'RM-11');
    await expect(feedback.status).toHaveText('FB-10 is now evidence for RM-11.');
    await expect(feedback.notes).toHaveCount(3);
    await expect(feedback.note('FB-9')).toBeFocused();
    expect(await frontMatter(workspaceDir, 'feedback/let-me-pay-in-pounds.md')).toEqual([
      'status: triaged',
      'about: [RM-11]',
    ]);

    await app.page.keyboard.press('n');
    await expect(feedback.status).toHaveText(/^RM-13 is in Later, with FB-\d+ as its evidence/);
    await expect(feedback.notes).toHaveCount(2);
    await app.page.keyboard.press('a');
    await expect(feedback.status).toHaveText(/is archived\.$/);
    await expect(feedback.notes).toHaveCount(1);
    await expect(feedback.scope.getByRole('button', { name: /Inbox/ })).toHaveText('Inbox 1');

    await app.goto('#/roadmap');
    const card = app.page.locator('[data-key="RM-13"]');
    await expect(card).toContainText('Evidence: 1 note from 1 customer');
    await expect(app.page.getByRole('list', { name: 'Later' })).toContainText('My promo code did not apply');
    await expect(app.page.locator('[data-key="RM-11"]')).toContainText('Evidence: 1 note from 1 customer');
  });

  test('the Link button and the combobox link a note to a requirement; All shows its link', async ({
    app,
    workspaceDir,
  }) => {
    const feedback = new FeedbackModel(app);
    await feedback.open();
    await feedback.note('FB-12').getByRole('button', { name: /^Link/ }).click();
    await app.page.getByRole('combobox', { name: /^Link/ }).fill('REQ-1');
    await app.page.getByRole('option', { name: /^REQ-1 / }).click();
    await expect(feedback.notes).toHaveCount(3);
    await feedback.scope.getByRole('button', { name: /All notes/ }).click();
    await expect(feedback.note('FB-12')).toContainText('Evidence for REQ-1');
    expect(await frontMatter(workspaceDir, 'feedback/reorder-last-months-basket.md')).toEqual([
      'status: triaged',
      'about: [REQ-1]',
    ]);
  });

  test('New note… asks where the evidence came from and opens a note from that source’s template', async ({
    app,
    workspaceDir,
  }) => {
    const feedback = new FeedbackModel(app);
    await feedback.open();
    const newNote = app.page.getByRole('button', { name: 'New note…' });
    await newNote.click();
    const sources = app.page.getByRole('group', { name: 'Where it came from' });
    await expect(sources.getByRole('button')).toHaveText([
      'Interview',
      'Support ticket',
      'Sales call',
      'Survey answer',
      'Review',
    ]);
    await expect(sources.getByRole('button', { name: 'Interview' })).toBeFocused();
    await app.page.keyboard.press('Escape');
    await expect(sources).toBeHidden();
    await expect(newNote).toHaveAttribute('aria-expanded', 'false');

    await newNote.click();
    await sources.getByRole('button', { name: 'Support ticket' }).click();
    const title = app.page.getByRole('textbox', { name: 'Title' });
    await expect(title).toHaveValue('');
    await expect(title).toHaveAttribute('placeholder', 'Untitled feedback');
    await title.fill('Invoices should come as PDF');
    await title.press('Enter');
    const file = path.join(workspaceDir, 'feedback', 'invoices-should-come-as-pdf.md');
    await expect.poll(() => fs.readFile(file, 'utf8').catch(() => '')).toMatch(/^source: support$/m);
    expect(await fs.readFile(file, 'utf8')).toMatch(/^## Ticket$/m);

    await feedback.open();
    await expect(feedback.notes).toHaveCount(5);
    await expect(feedback.page.getByRole('listitem', { name: /Invoices should come as PDF/ })).toBeVisible();
  });

  test('the navigator’s Feedback section has New feedback note…, with the inbox’s choice of source', async ({
    app,
    workspaceDir,
  }) => {
    await app.goto('#/roadmap');
    await app.section('Feedback').click();
    await app.navigator.getByRole('button', { name: 'New feedback note…' }).click();
    const sources = app.page.getByRole('group', { name: 'Where it came from' });
    await expect(sources.getByRole('button', { name: 'Interview' })).toBeFocused();
    await app.page.screenshot({ path: 'test-results/screenshots/navigator-new-feedback-note.png' });
    await sources.getByRole('button', { name: 'Interview' }).click();
    const title = app.page.getByRole('textbox', { name: 'Title' });
    await expect(title).toHaveValue('');
    await expect(title).toHaveAttribute('placeholder', 'Untitled feedback');
    await title.fill('Bulk refunds');
    await title.press('Enter');
    const file = path.join(workspaceDir, 'feedback', 'bulk-refunds.md');
    await expect.poll(() => fs.readFile(file, 'utf8').catch(() => '')).toMatch(/^source: interview$/m);
  });

  test('filters by source, segment and customer', async ({ app }) => {
    const feedback = new FeedbackModel(app);
    await feedback.open();
    await feedback.scope.getByRole('button', { name: /All notes/ }).click();
    await expect(feedback.notes).toHaveCount(12);
    await feedback.filter('Source').selectOption('support');
    const supportCount = await feedback.notes.count();
    await expect(feedback.notes.locator('.source-chip')).toHaveText(Array(supportCount).fill('support'));
    await feedback.filter('Source').selectOption('');
    await feedback.filter('Customer').selectOption('Litware');
    await expect(feedback.notes).toHaveCount(1);
    await feedback.filter('Segment').selectOption('Enterprise');
    await expect(app.page.getByText('No notes match these filters.')).toBeVisible();
  });

  test('a roadmap item shows its evidence, its customers and latest quotes, and Reach shows it too', async ({
    app,
  }) => {
    await app.goto('#/roadmap/RM-1');
    const evidence = app.page.getByRole('region', { name: /Evidence/ });
    await expect(evidence).toContainText('3 notes from 3 customers: ');
    await expect(evidence.getByRole('list', { name: 'Latest quotes' }).getByRole('listitem')).toHaveCount(3);
    await expect(app.page.locator('.rice__evidence')).toHaveText(' · evidence: 3 notes from 3 customers');
    await evidence.getByRole('link', { name: 'FB-3' }).click();
    await expect(app.title).toHaveValue('Checkout takes forever on my phone');

    await app.goto('#/roadmap/RM-1');
    await app.page
      .getByRole('complementary', { name: 'Properties' })
      .getByRole('link', { name: 'REL-1 Guest checkout' })
      .click();
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Guest checkout');
    await expect(app.page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Releases / REL-1');
  });

  test('a release note typed on an item page is saved without leaving the field: a reload keeps it', async ({
    app,
    workspaceDir,
  }) => {
    await app.goto('#/roadmap/RM-1');
    const note = app.page.getByRole('textbox', { name: 'Release note' });
    await note.fill('Pay as a guest, no account needed.');
    await expect
      .poll(
        async () => JSON.parse(await fs.readFile(path.join(workspaceDir, 'roadmap.json'), 'utf8')).items[0],
      )
      .toMatchObject({ key: 'RM-1', releaseNote: 'Pay as a guest, no account needed.' });
    await app.page.reload();
    await expect(app.page.getByRole('textbox', { name: 'Release note' })).toHaveValue(
      'Pay as a guest, no account needed.',
    );
  });

  test('a release page: readiness, items, notes for customers and the team, export', async ({ app }) => {
    await app.navigator.getByRole('link', { name: 'Releases' }).click();
    await app.page.getByRole('link', { name: /REL-2/ }).click();
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(
      'Faster payment for returning customers',
    );
    const readiness = app.page.getByRole('region', { name: /Readiness/ });
    await expect(readiness.locator('dt')).toHaveText([
      'Items ready',
      'Requirements done',
      'Stories done',
      'Open problems',
    ]);
    await expect(app.page.getByRole('table', { name: 'Release items' }).getByRole('row')).toHaveCount(4);
    const preview = app.page.frameLocator('iframe[title^="Release notes preview"]');
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(
      'Faster payment for returning customers',
    );
    await screenshot(app.page, 'release-page');

    await app.page.getByRole('group', { name: 'Audience' }).getByRole('button', { name: 'Internal' }).click();
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(
      'Faster payment for returning customers — internal notes',
    );
    const download = app.page.waitForEvent('download');
    await app.page.getByRole('button', { name: 'Export Markdown' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('faster-payment-for-returning-customers-internal-notes.md');
    const text = await fs.readFile((await file.path())!, 'utf8');
    expect(text.split('\n')[0]).toBe('# Faster payment for returning customers — internal notes');

    await app.page.getByRole('button', { name: 'Remove RM-2 from the release' }).click();
    await expect(app.page.getByRole('table', { name: 'Release items' }).getByRole('row')).toHaveCount(3);
    // RM-1 ships in REL-1 already: it can be added here too, but the list says so.
    await expect(app.page.getByLabel('Add an item').locator('option[value="RM-1"]')).toHaveText(
      'RM-1 — Guest checkout (already in REL-1)',
    );
    await app.page.getByLabel('Add an item').selectOption('RM-5');
    await expect(app.page.getByRole('table', { name: 'Release items' })).toContainText('Order tracking page');

    // Released with items not ready: the page says so rather than disagreeing with itself.
    await app.page.getByLabel('Status').selectOption('released');
    await expect(app.page.getByRole('note')).toHaveText(
      'Marked released, but 3 of 3 items are not ready: their requirements or stories are not done.',
    );
    // The sample's README links [[REL-2]]: deleting warns that the link will break.
    await app.page.getByRole('button', { name: 'Delete release…' }).click();
    await expect(app.page.getByRole('dialog')).toContainText(
      '1 document links to REL-2 (README.md): that link will break.',
    );
  });

  test('the release-notes preview follows the app’s theme, also when the palette overrides the system', async ({
    app,
  }) => {
    await app.page.emulateMedia({ colorScheme: 'light' });
    await app.goto('#/releases/REL-2');
    const body = app.page.frameLocator('iframe[title^="Release notes preview"]').locator('body');
    const colours = () =>
      body.evaluate((element) => {
        const style = getComputedStyle(element);
        return { text: style.color, background: style.backgroundColor };
      });
    await expect(body.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await colours()).toEqual({ text: 'rgb(31, 35, 40)', background: 'rgb(255, 255, 255)' });
    await app.page.keyboard.press('Control+K');
    await app.page.keyboard.type('Toggle light and dark theme');
    await app.page.keyboard.press('Enter');
    // The app's dark surface and text, not a white page in a dark window.
    await expect.poll(colours).toEqual({ text: 'rgb(230, 232, 235)', background: 'rgb(30, 33, 37)' });
    await screenshot(app.page, 'release-page-dark');
  });

  test('the board shows one release’s items; the choice is in the URL, and a move keeps the hidden items in place', async ({
    app,
    workspaceDir,
  }) => {
    await app.goto('#/releases/REL-1');
    await app.page.getByRole('link', { name: 'Show on the board' }).click();
    await expect(app.page).toHaveURL(/#\/roadmap\?release=REL-1$/);
    const lane = (name: string) => app.page.getByRole('list', { name, exact: true }).locator('[data-key]');
    await expect(lane('Now')).toHaveCount(1);
    await expect(app.page.getByText('No REL-1 items — drop one here')).toHaveCount(2);
    await app.page.getByLabel('Release', { exact: true }).selectOption('REL-2');
    await expect(app.page).toHaveURL(/#\/roadmap\?release=REL-2$/);
    const keys = (name: string) =>
      lane(name).evaluateAll((cards) => cards.map((card) => card.getAttribute('data-key')));
    await expect.poll(() => keys('Now')).toEqual(['RM-2', 'RM-3', 'RM-4']);
    await expect(lane('Next')).toHaveCount(0);
    await expect(app.page.getByText('3 of 12 items')).toBeVisible();

    await app.page.reload();
    await expect(app.page.getByLabel('Release', { exact: true })).toHaveValue('REL-2');
    await expect(lane('Now')).toHaveCount(3);

    // RM-4 to Next, where the filter shows nothing: it goes to the end of Next, after the hidden items.
    await lane('Now').last().getByRole('link').focus();
    await app.page.keyboard.press('Alt+ArrowRight');
    await expect(lane('Next')).toHaveCount(1);
    await expect
      .poll(async () => {
        const file = JSON.parse(await fs.readFile(path.join(workspaceDir, 'roadmap.json'), 'utf8')) as {
          items: { key: string; lane: string; rank: number }[];
        };
        return file.items
          .filter((item) => item.lane === 'next')
          .sort((left, right) => left.rank - right.rank)
          .map((item) => item.key);
      })
      .toEqual(['RM-5', 'RM-6', 'RM-7', 'RM-8', 'RM-4']);

    // RM-1 ships in REL-1 and RM-4 now in REL-2's Next; the rest of Next is in no release.
    await app.page.getByLabel('Release', { exact: true }).selectOption('none');
    await expect(lane('Now')).toHaveCount(0);
    await expect(lane('Next')).toHaveCount(4);
    await app.page.getByLabel('Release', { exact: true }).selectOption('');
    await expect(app.page).toHaveURL(/#\/roadmap$/);
    await expect(app.page.getByText('12 items')).toBeVisible();
  });

  test('a release shipped long ago flags the metrics still unmeasured; the Metrics view gives each a verdict', async ({
    app,
  }) => {
    await app.goto('#/metrics');
    const guest = app.page.getByRole('table', { name: 'Metrics of SPEC-1' });
    await expect(guest.getByRole('row', { name: /Support tickets/ })).toContainText(/met$/);
    await expect(guest.getByRole('row', { name: /Checkout conversion/ })).toContainText('not met');
    await expect(app.page.getByText('unmeasured after release')).toHaveCount(0);
    await screenshot(app.page, 'metrics');

    await app.goto('#/releases/REL-2');
    await app.page.getByLabel('Status').selectOption('released');
    await app.page.getByLabel('Released on').fill('2020-01-02');
    await app.page.getByLabel('Released on').blur();
    await expect(app.page.locator('.status-shipped')).toHaveText('released');
    await expect(
      app.page
        .frameLocator('iframe[title^="Release notes preview"]')
        .getByText('Released on 2 January 2020.'),
    ).toBeVisible();
    await app.goto('#/metrics');
    const saved = app.page.getByRole('table', { name: 'Metrics of SPEC-2' });
    await expect(saved.getByText('unmeasured after release').first()).toBeVisible();
    await expect(
      app.page
        .getByRole('article', { name: 'SPEC-2 Saved payment methods' })
        .getByText(/^Shipped in REL-2 Faster payment/),
    ).toBeVisible();
  });

  test('a CSV chosen in the app: preview, import, and the same again imports nothing', async ({
    app,
    workspaceDir,
  }) => {
    const feedback = new FeedbackModel(app);
    await feedback.open();
    await feedback.chooseCsv('support.csv', Buffer.from(csv));
    const preview = feedback.importDialog.getByRole('table', { name: 'Notes to import' });
    await expect(preview.getByRole('row')).toHaveCount(3);
    const columns = feedback.importDialog.getByRole('group', { name: 'Columns' });
    const read = [
      ['Feedback text', 'Message'],
      ['Customer', 'Company'],
      ['Segment', 'Segment'],
      ['Source', 'Channel'],
    ] as const;
    for (const [field, column] of read)
      await expect(columns.getByLabel(field, { exact: true })).toHaveValue(column);
    await screenshot(app.page, 'feedback-import');
    await feedback.importDialog.getByRole('button', { name: 'Import 2 notes' }).click();
    await expect(feedback.importDialog).toBeHidden();
    await expect(feedback.status).toHaveText('Imported 2 notes into feedback/.');
    await expect(feedback.notes).toHaveCount(6);
    expect((await fs.readdir(path.join(workspaceDir, 'feedback'))).length).toBe(14);
    // One meaning per badge: the triage status says "new"; git's mark for an uncommitted file is a letter.
    const row = app.navigator.getByRole('listitem').filter({ hasText: 'Pay later, please' });
    await expect(row.getByText('new', { exact: true })).toHaveCount(1);
    await expect(row.getByTitle('New since the last commit')).toHaveText('ANew since the last commit');
    await row.screenshot({ path: 'test-results/screenshots/feedback-imported-navigator.png' });

    await feedback.dropCsv('support.csv', csv);
    await expect(feedback.importDialog).toContainText('0 new notes · skipped: 2 imported before');
    await expect(feedback.importDialog.getByRole('button', { name: 'Import 0 notes' })).toBeDisabled();
  });

  const refusals: [string, Buffer, RegExp][] = [
    [
      'UTF-16',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('text\nhello\n', 'utf16le')]),
      /is UTF-16 text; save it as UTF-8 CSV/,
    ],
    ['no text column', Buffer.from('Company,Date\nNorthwind,2026-01-01\n'), /text/],
    ['too large', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), /is 10 MB, more than the 10 MB an import takes/],
  ];
  for (const [name, bytes, message] of refusals) {
    test(`a CSV with ${name} is refused in one line and nothing is written`, async ({
      app,
      workspaceDir,
    }) => {
      const feedback = new FeedbackModel(app);
      await feedback.open();
      await feedback.chooseCsv('bad.csv', bytes);
      const alert = feedback.importDialog.getByRole('alert');
      await expect(alert).toHaveText(message);
      expect((await alert.textContent())!.includes('\n')).toBe(false);
      // Without a text column the button asks for one instead of counting notes.
      await expect(
        feedback.importDialog.getByRole('button', { name: /^(Import|Choose the text column to import$)/ }),
      ).toBeDisabled();
      expect((await fs.readdir(path.join(workspaceDir, 'feedback'))).length).toBe(12);
    });
  }
});

test.describe('an empty workspace', () => {
  test.use({ workspaceKind: 'empty' });

  test('pasted CSV fills an empty inbox; a first release; metrics explain themselves', async ({
    app,
    workspaceDir,
  }) => {
    const feedback = new FeedbackModel(app);
    await feedback.open();
    await expect(app.page.getByRole('heading', { name: 'No feedback yet' })).toBeVisible();
    await feedback.pasteCsv(csv);
    await expect(feedback.importDialog).toContainText('2 new notes');
    await feedback.importDialog.getByRole('button', { name: 'Import 2 notes' }).click();
    await expect(feedback.notes).toHaveCount(2);
    await expect(app.section('Feedback')).toHaveText(/2$/);

    await feedback.note('FB-1').focus();
    await app.page.keyboard.press('n');
    await expect(feedback.notes).toHaveCount(1);
    expect(await frontMatter(workspaceDir, 'feedback/pay-later-please.md')).toEqual([
      'status: triaged',
      'about: [RM-1]',
    ]);

    await app.goto('#/releases');
    await expect(app.page.getByRole('heading', { name: 'No releases yet' })).toBeVisible();
    const form = app.page.getByRole('form', { name: 'New release' });
    await form.getByLabel('Name').fill('Spring');
    await form.getByLabel('Target date').fill('2027-04-01');
    await form.getByRole('button', { name: 'Create release' }).click();
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Spring');
    await app.page.getByLabel('Add an item').selectOption('RM-1');
    await expect(app.page.getByRole('table', { name: 'Release items' })).toContainText('Pay later, please');
    const roadmap = JSON.parse(await fs.readFile(path.join(workspaceDir, 'roadmap.json'), 'utf8')) as {
      releases: unknown[];
    };
    expect(roadmap.releases).toEqual([
      { key: 'REL-1', name: 'Spring', date: '2027-04-01', status: 'planned', items: ['RM-1'] },
    ]);

    // Renamed and summarised in place; an emptied name is refused and the old one kept.
    const name = app.page.getByLabel('Name', { exact: true });
    await name.fill('');
    await name.press('Enter');
    await expect(app.page.getByRole('alert')).toHaveText('A release needs a name; the old one is kept.');
    await expect(name).toHaveValue('Spring');
    await name.fill('Spring launch');
    await name.press('Enter');
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Spring launch');
    await expect(app.page.getByRole('alert')).toHaveCount(0);
    // The summary saves as it is typed: no need to leave the field before a reload.
    await app.page
      .getByRole('textbox', { name: /^Summary/ })
      .pressSequentially('Pay later comes to every shop.');
    await expect(app.page.getByRole('status', { name: 'Summary save state' })).toHaveText('Saved');
    await app.page.reload();
    await expect(app.page.getByRole('textbox', { name: /^Summary/ })).toHaveValue(
      'Pay later comes to every shop.',
    );
    // A five-digit year typed by hand is refused in plain words, and the date kept.
    const date = app.page.getByLabel('Target date');
    await date.focus();
    await app.page.keyboard.type('040112027');
    await date.blur();
    await expect(app.page.getByRole('alert')).toHaveText(
      'That is not a date this field can keep: pick one, or type it as mm/dd/yyyy.',
    );
    await expect
      .poll(
        async () => JSON.parse(await fs.readFile(path.join(workspaceDir, 'roadmap.json'), 'utf8')).releases,
      )
      .toEqual([
        {
          key: 'REL-1',
          name: 'Spring launch',
          date: '2027-04-01',
          status: 'planned',
          items: ['RM-1'],
          summary: 'Pay later comes to every shop.',
        },
      ]);

    // Deleting asks first; the release goes, its roadmap item stays.
    await app.page.getByRole('button', { name: 'Delete release…' }).click();
    const asking = app.page.getByRole('dialog', { name: 'Delete REL-1 Spring launch?' });
    await asking.getByRole('button', { name: 'Keep it' }).click();
    await expect(asking).toBeHidden();
    await app.page.getByRole('button', { name: 'Delete release…' }).click();
    await asking.getByRole('button', { name: 'Delete release' }).click();
    await expect(app.page.getByRole('heading', { name: 'No releases yet' })).toBeVisible();
    const after = JSON.parse(await fs.readFile(path.join(workspaceDir, 'roadmap.json'), 'utf8')) as {
      items: { key: string }[];
    };
    expect(after.items.map((item) => item.key)).toContain('RM-1');
    expect(after).not.toHaveProperty('releases');

    await app.navigator.getByRole('link', { name: 'Metrics' }).click();
    await expect(app.page.getByRole('heading', { name: 'No success metrics yet' })).toBeVisible();
  });
});
