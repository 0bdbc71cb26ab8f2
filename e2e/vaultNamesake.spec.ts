/**
 * A new namesake never changes what [[Name]] links mean silently (issue 11): renaming a root-level note
 * to "Plan" while `Notes/Plan.md` is linked as [[Plan]] asks first which links the new name would take,
 * and keeps them pointing at `Notes/Plan.md` (written `[[Notes/Plan]]`, nothing else in the files
 * changed) or lets them move; a new spec that made them ambiguous says so after, until closed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, screenshot, testOverFiles } from './specbenchTest.js';

const vault: Record<string, string> = {
  'Notes/Plan.md': '# Goals\n\nShip it.\n',
  'Home.md': 'Read [[Plan]] and [[Plan#Goals|the goals]].\n',
  'Notes/Week.md': '# Week\n\nPer [[Plan]].\n',
  'Draft.md': '# Draft\n\nA plan of its own.\n',
};

const test = testOverFiles(vault);

const read = async (root: string) => ({
  home: await fs.readFile(path.join(root, 'Home.md'), 'utf8'),
  week: await fs.readFile(path.join(root, 'Notes/Week.md'), 'utf8'),
  draft: await fs.readFile(path.join(root, 'Draft.md'), 'utf8').catch(() => 'gone'),
  plan: await fs.readFile(path.join(root, 'Plan.md'), 'utf8').catch(() => 'none'),
});

test('a rename that would take [[links]] from a namesake asks first; Keep pins them in the same save, and only the rename with its Undo is told after', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('Draft.md');
  await app.title.fill('Plan');
  await app.title.press('Enter');
  const prompt = app.page.getByRole('alertdialog', { name: 'Rename to Plan' });
  await expect(prompt).toContainText(
    '[[Plan]] links in 2 notes lead to Notes/Plan.md. Renaming “Draft” to “Plan” would let it take them over: it is in the top folder, at the exact path the links name.',
  );
  // Nothing is written while the question is open.
  expect(await read(workspaceDir)).toEqual({
    home: vault['Home.md'],
    week: vault['Notes/Week.md'],
    draft: vault['Draft.md'],
    plan: 'none',
  });
  await expect(prompt.getByRole('radio', { name: /Keep them pointing at Notes\/Plan\.md/ })).toBeChecked();
  await screenshot(app.page, 'vault-namesake-prompt');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app.page, 'vault-namesake-prompt-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });
  await prompt.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(app.page).toHaveURL(/#\/doc\/Plan\.md$/);
  await expect(app.links.getByRole('region', { name: 'Mentioned by' }).getByRole('listitem')).toHaveCount(0);
  expect(await read(workspaceDir)).toEqual({
    home: vault['Home.md']!.replaceAll('[[Plan', '[[Notes/Plan'),
    week: vault['Notes/Week.md']!.replace('[[Plan]]', '[[Notes/Plan]]'),
    draft: 'gone',
    plan: vault['Draft.md'],
  });
  // The pinned links were rewritten in two other notes, so the rename has its Undo (fix11k); no
  // warning about a namesake follows, since no link changed what it leads to.
  const notices = app.page.getByRole('status', { name: 'Notice' });
  await expect(notices).toHaveCount(1);
  await expect(notices).toContainText('Renamed to “Plan” · 3 links updated');
  // The Links panel agrees: the links still lead to Notes/Plan.md.
  await app.openDocument('Notes/Plan.md');
  await expect(app.links.getByRole('region', { name: 'Mentioned by' }).getByRole('listitem')).toHaveCount(2);
});

test('letting the links move renames only (Cancel writes nothing); Problems then names the shadowed note, filtered by rule', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('Draft.md');
  await app.title.fill('Plan');
  await app.title.press('Enter');
  const prompt = app.page.getByRole('alertdialog', { name: 'Rename to Plan' });
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(app.title).toHaveValue('Draft');
  expect(await read(workspaceDir)).toEqual({
    home: vault['Home.md'],
    week: vault['Notes/Week.md'],
    draft: vault['Draft.md'],
    plan: 'none',
  });
  await app.title.fill('Plan');
  await app.title.press('Enter');
  await prompt.getByRole('radio', { name: 'Let them lead to “Plan”' }).check();
  await prompt.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(app.page).toHaveURL(/#\/doc\/Plan\.md$/);
  expect(await read(workspaceDir)).toEqual({
    home: vault['Home.md'],
    week: vault['Notes/Week.md'],
    draft: 'gone',
    plan: vault['Draft.md'],
  });
  await expect(app.page.getByRole('status', { name: 'Notice' })).toHaveCount(0);
  // check says which note lost its links, and the Problems view filters by rule, each with its count.
  await app.goto('#/problems');
  const rule = app.page.getByRole('combobox', { name: 'Rule' });
  await expect(rule.getByRole('option')).toHaveText([
    'All rules (2)',
    'broken-link (1)',
    'shadowed-note (1)',
  ]);
  await rule.selectOption('shadowed-note');
  await expect(app.page.getByRole('list', { name: 'Warnings' }).getByRole('listitem')).toHaveText([
    /^Notes\/Plan\.md shares its name with Plan\.md, nearer the root: the 3 \[\[Plan\]\] links in 2 notes \(Home\.md, Notes\/Week\.md\) lead there, not here\./,
  ]);
  await expect(app.page.getByRole('status', { name: 'Problem count' })).toHaveText('1 warning');
  // The rule is in the URL: a reload (or a shared link) shows the same findings.
  await expect(app.page).toHaveURL(/#\/problems\?rule=shadowed-note$/);
  await app.page.reload();
  await expect(rule).toHaveValue('shadowed-note');
  await expect(app.page.getByRole('status', { name: 'Problem count' })).toHaveText('1 warning');
  await screenshot(app.page, 'problems-rule-filter');
});

test('a new spec named like a note in another folder says the [[links]] from elsewhere are now ambiguous, as check does, until closed', async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.page.clock.install();
  await app.openDocument('Home.md');
  await app.navigator.getByRole('button', { name: 'Specs, stories and roadmap' }).click();
  await app.createDocument('New spec', 'Plan');
  await app.title.press('Enter');
  const notice = app.page.getByRole('status', { name: 'Notice' });
  await expect(notice).toContainText(
    '2 notes are named Plan; [[Plan]] links in 1 note are now ambiguous and open Notes/Plan.md, the shortest path.',
  );
  // It stays until closed, and its action fits inside it at 1024 px.
  await app.page.clock.fastForward('02:00');
  await expect(notice).toBeVisible();
  const box = (await notice.boundingBox())!;
  const keep = (await notice
    .getByRole('button', { name: 'Keep them pointing at Notes/Plan.md' })
    .boundingBox())!;
  expect([
    keep.x >= box.x,
    keep.x + keep.width <= box.x + box.width,
    box.x >= 0,
    box.x + box.width <= 1024,
  ]).toEqual([true, true, true, true]);
  await screenshot(app.page, 'vault-namesake-notice');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(app.page, 'vault-namesake-notice-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });
  await notice.getByRole('button', { name: 'Close notice' }).click();
  await app.openDocument('Home.md');
  await expect(app.editor.getByRole('link', { name: 'Plan', exact: true }).locator('..')).toHaveClass(
    /\bambiguous\b/,
  );
});

const deepPlan = '# Old plan\n\nFrom last year.\n';
const moving = testOverFiles({
  'Notes/Plan.md': vault['Notes/Plan.md']!,
  'Home.md': vault['Home.md']!,
  'Old/Deep/Plan.md': deepPlan,
});

moving(
  'Move to folder asks before the moved note takes [[links]] from a namesake, as rename does; Keep pins them in the same save',
  async ({ app, workspaceDir }) => {
    const home = path.join(workspaceDir, 'Home.md');
    await app.openDocument('Old/Deep/Plan.md');
    await app.page.getByRole('button', { name: 'Document actions' }).click();
    await app.page.getByRole('menuitem', { name: 'Move to folder…' }).click();
    await app.page.getByRole('combobox', { name: 'Folder' }).fill('');
    await app.page.keyboard.press('Enter');
    const form = app.page.getByRole('form', { name: 'Move to folder' });
    await expect(form).toContainText(
      '[[Plan]] links in 1 note lead to Notes/Plan.md. Moving “Plan” to the top folder would let it take them over: it is in the top folder, at the exact path the links name.',
    );
    // Nothing is written while the question is open.
    expect(await fs.readFile(path.join(workspaceDir, 'Old/Deep/Plan.md'), 'utf8')).toBe(deepPlan);
    expect(await fs.readFile(home, 'utf8')).toBe(vault['Home.md']);
    await expect(form.getByRole('radio', { name: /Keep them pointing at Notes\/Plan\.md/ })).toBeChecked();
    await screenshot(app.page, 'vault-namesake-move');
    await form.getByRole('button', { name: 'Move', exact: true }).click();
    await expect
      .poll(() => fs.readFile(path.join(workspaceDir, 'Plan.md'), 'utf8').catch(() => ''))
      .toBe(deepPlan);
    expect(await fs.readFile(home, 'utf8')).toBe(vault['Home.md']!.replaceAll('[[Plan', '[[Notes/Plan'));
  },
);
