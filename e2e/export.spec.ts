import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExportModel } from './models/exportModel.js';
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

/** A folder of notes, no specs: what a PM brings from Obsidian (the #11 walkthrough's exports). */
const vaultTest = test.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-export-'));
    const root = path.join(parent, 'Vault');
    const notes: Record<string, string> = {
      'Plan.md': [
        '# Plan',
        '',
        'Jump to [[#Tasks]], read [[Other#Section two]], see [[Outside]].',
        '',
        '## Tasks',
        '',
        '- [ ] draft',
        '- [/] half done',
        '- [-] dropped',
        '- [>] moved',
        '',
        '## Costs',
        '',
        '| Item | Kind | Amount |',
        '|:-----|:----:|-------:|',
        '| Room | hire | 42 |',
        '',
      ].join('\n'),
      'Other.md': '# Other\n\n## Section two\n\nText.\n',
      'Outside.md': 'Not exported.\n',
      'Standup one.md': '---\ntags: [meeting]\n---\nNotes.\n',
      'Standup two.md': 'Notes with #meeting inline.\n',
      'Recipe.md': 'Bread.\n',
    };
    await fs.mkdir(root);
    for (const [name, text] of Object.entries(notes)) await fs.writeFile(path.join(root, name), text);
    await use(root);
    await fs.rm(parent, { recursive: true, force: true });
  },
});

vaultTest(
  'the Export dialog filters documents by title or #tag, Enter and one button choose what is shown',
  async ({ app }) => {
    await app.openDocument('Plan.md');
    const exporter = new ExportModel(app.page);
    await exporter.open();
    await exporter.filter.fill('other');
    await expect(exporter.dialog.getByText('1 of 6 documents shown; Enter chooses them all.')).toBeVisible();
    await exporter.filter.press('Enter');
    // Enter chose, and did not start the export.
    await expect(exporter.dialog.getByRole('status', { name: 'Export state' })).toHaveText('');
    expect(await exporter.listed()).toEqual(['[x] Other']);
    await exporter.filter.fill('#meeting');
    await expect(exporter.list.getByRole('checkbox')).toHaveCount(2);
    await exporter.dialog.getByRole('button', { name: 'Choose 2 shown' }).click();
    await screenshot(app.page, 'export-dialog-filter');
    await exporter.dialog.getByRole('button', { name: 'Clear 2 shown' }).click();
    await exporter.filter.fill('nothing like this');
    await expect(exporter.dialog.getByText('No document matches “nothing like this”.')).toBeVisible();
    await exporter.filter.fill('');
    expect(await exporter.listed()).toEqual([
      '[x] Plan',
      '[x] Other',
      '[ ] Outside',
      '[ ] Recipe',
      '[ ] Standup one',
      '[ ] Standup two',
    ]);
  },
);

vaultTest(
  'namesakes in the Export dialog show their paths, and the filter finds notes by folder name',
  async ({ app, workspaceDir }) => {
    await fs.mkdir(path.join(workspaceDir, 'Work'));
    await fs.writeFile(path.join(workspaceDir, 'Work', 'Recipe.md'), 'Soup.\n');
    await app.openDocument('Plan.md');
    await expect(app.navigator.getByRole('link', { name: /Recipe/ })).toHaveCount(2);
    const exporter = new ExportModel(app.page);
    await exporter.open();
    await exporter.filter.fill('recipe');
    expect((await exporter.listed()).sort()).toEqual(['[ ] Recipe Recipe.md', '[ ] Recipe Work/Recipe.md']);
    await screenshot(app.page, 'export-dialog-namesakes');
    await exporter.filter.fill('work');
    expect(await exporter.listed()).toEqual(['[ ] Recipe Work/Recipe.md']);
  },
);

vaultTest(
  'two notes export to HTML as documents: state boxes, aligned columns, jumps to headings, a left-out note said so',
  async ({ app }) => {
    await app.openDocument('Plan.md');
    const exporter = new ExportModel(app.page);
    await exporter.open();
    await exporter.filter.fill('Other');
    await exporter.filter.press('Enter');
    const file = await exporter.exportAs('HTML (one file)');
    const html = await fs.readFile(file.path, 'utf8');
    const page = await app.page.context().newPage();
    await page.setContent(html);
    const cover = page.locator('.cover');
    const align = (name: string) =>
      page.getByRole('cell', { name, exact: true }).evaluate((cell) => getComputedStyle(cell).textAlign);
    expect({
      cover: await cover.getByRole('heading', { level: 1 }).textContent(),
      specCover: await cover.getByText('Specification bundle').count(),
      keyTable: await cover.getByRole('table').count(),
      boxes: await page
        .getByRole('img', { name: /^(to do|in progress|cancelled|deferred)$/ })
        .evaluateAll((boxes) =>
          boxes.map((box) =>
            `${box.getAttribute('aria-label')} ${box.getAttribute('data-task') ?? ''}`.trim(),
          ),
        ),
      literal: html.includes('[/]'),
      aligned: [await align('Room'), await align('hire'), await align('42')],
      jumps: await page.getByRole('link', { name: /^(Tasks|Other › Section two)$/ }).evaluateAll((links) =>
        links.map((link) => {
          const id = link.getAttribute('href')!.slice(1);
          return `${link.textContent} → ${document.getElementById(id)?.textContent ?? 'nothing'}`;
        }),
      ),
      outside: await page.getByRole('link', { name: 'Outside' }).count(),
      outsideText: await page.getByText('Jump to').textContent(),
    }).toEqual({
      cover: 'Vault documents',
      specCover: 0,
      keyTable: 0,
      boxes: ['to do', 'in progress /', 'cancelled -', 'deferred >'],
      literal: false,
      aligned: ['left', 'center', 'right'],
      jumps: ['Tasks → 1.1 Tasks', 'Other › Section two → 2.1 Section two'],
      outside: 0,
      outsideText: 'Jump to Tasks, read Other › Section two, see Outside (not included).',
    });
    await page.locator('#document-1').scrollIntoViewIfNeeded();
    await screenshot(page, 'export-notes-html');
    await page.close();
  },
);

vaultTest(
  'one note prints to a PDF that reads as the note: one page, a header block above it, no cover or contents page',
  async ({ app }) => {
    // Chromium prints while other test runs share the two cores.
    vaultTest.setTimeout(120_000);
    await app.openDocument('Other.md');
    const exporter = new ExportModel(app.page);
    await exporter.open();
    const file = await exporter.exportAs('PDF');
    const pages = execFileSync('pdftotext', ['-layout', file.path, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((page) => page.trim() !== '');
    expect({
      name: file.name,
      pages: pages.length,
      cover: pages[0]!.includes('Other') && pages[0]!.includes('Other.md'),
      spec: pages.some((page) => /Specification bundle|Contents|0 specs/.test(page)),
    }).toEqual({ name: 'Other.pdf', pages: 1, cover: true, spec: false });
  },
);
