import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AppModel } from './models/appModel.js';
import { expect, git, screenshot, test } from './specbenchTest.js';

test('a new spec starts from its template, with the typed title saved to disk', async ({
  app,
  workspaceDir,
}) => {
  const created = await app.createDocument('New spec', 'Split payments');
  expect(created).toMatch(/^specs\/.+\.md$/);
  const text = await fs.readFile(path.join(workspaceDir, created), 'utf8');
  expect(text).toMatch(/^---\n(?:.*\n)*title: Split payments\n/);
  await expect(app.editor.getByRole('heading', { name: 'Problem' })).toBeVisible();
  await expect(app.navigator.getByRole('link', { name: /Split payments/ })).toBeVisible();
  await screenshot(app.page, 'new-spec');
});

test('a requirement inserted and linked to a roadmap item is written as a requirement block', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('specs/guest-checkout.md');
  await app.clickEndOf('guests can turn their details into an account');
  await app.page.getByRole('button', { name: 'Insert requirement' }).click();
  await app.page.keyboard.type('Guests can split a payment across two cards.');
  const key = await app.page
    .locator('[data-requirement]')
    .filter({ hasText: 'split a payment' })
    .getAttribute('data-requirement');
  expect(key).toMatch(/^REQ-\d+$/);
  await app.pickKey(`Link ${key} to a roadmap item`, 'RM-3');
  await expect(app.page.getByRole('group', { name: `Roadmap items of ${key}` })).toContainText('RM-3');
  await app.waitSaved();
  const text = await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout.md'), 'utf8');
  expect(text).toContain(
    `:::requirement{#${key} priority=must status=draft roadmap=RM-3}\nGuests can split a payment across two cards.\n:::`,
  );
});

test('a story that implements a requirement shows in the Links panel', async ({ app }) => {
  await app.createDocument('New story', 'Split the bill');
  await app.pickKey('Add to Implements', 'REQ-4');
  await app.waitSaved();
  await app.openDocument('specs/guest-checkout.md');
  await app.page.locator('[data-requirement="REQ-4"] .requirement-body').click();
  const implementedBy = app.links.getByRole('region', { name: 'Implemented by' });
  await expect(app.links).toContainText('Requirement REQ-4');
  await expect(implementedBy.getByRole('link', { name: /Split the bill/ })).toBeVisible();
  await implementedBy.getByRole('link', { name: /Split the bill/ }).click();
  await expect(app.title).toHaveValue('Split the bill');
});

test('autosave reaches disk and git diff shows only the edited block', async ({ app, workspaceDir }) => {
  await app.openDocument('specs/guest-checkout.md');
  await app.clickEndOf('Cut the time to complete checkout on mobile');
  await app.page.keyboard.type(' Measured on the median order.');
  await expect(app.saveState).toHaveText(/Unsaved|Saving/);
  await app.waitSaved();
  const diff = git(workspaceDir, 'diff', '-U0', '--', 'specs/guest-checkout.md');
  const hunks = [...diff.matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)];
  expect(hunks).toHaveLength(1);
  expect(diff).toContain(
    '+- Cut the time to complete checkout on mobile by at least 30 seconds. Measured on the median order.',
  );
  const changed = diff.split('\n').filter((line) => /^[-+]/.test(line) && !/^(---|\+\+\+) /.test(line));
  expect(changed).toHaveLength(2);
});

test('an external edit reloads a clean document silently', async ({ app, workspaceDir }) => {
  await app.openDocument('specs/guest-checkout.md');
  const file = path.join(workspaceDir, 'specs/guest-checkout.md');
  const text = await fs.readFile(file, 'utf8');
  await fs.writeFile(
    file,
    text.replace('Forced registration is the largest', 'Forced sign-up is the largest'),
  );
  await expect(app.editor).toContainText('Forced sign-up is the largest');
  await expect(app.conflictBanner).toHaveCount(0);
  await expect(app.saveState).toHaveText('Saved');
  expect(await fs.readFile(file, 'utf8')).toContain('Forced sign-up');
});

/** Types " Mine." into the guest checkout spec while its file changes on disk; answers the file and their text. */
async function editWhileItChanges(
  app: AppModel,
  workspaceDir: string,
): Promise<{ file: string; theirs: string }> {
  await app.openDocument('specs/guest-checkout.md');
  const file = path.join(workspaceDir, 'specs/guest-checkout.md');
  const text = await fs.readFile(file, 'utf8');
  await app.clickEndOf('Keep guest orders as easy to support');
  await app.page.keyboard.type(' Mine.');
  const theirs = text.replace(
    'Forced registration is the largest',
    'Theirs: forced registration is the largest',
  );
  await fs.writeFile(file, theirs);
  return { file, theirs };
}

test('an external edit while dirty raises a conflict; Compare, then Keep mine writes my text', async ({
  app,
  workspaceDir,
}) => {
  const { file } = await editWhileItChanges(app, workspaceDir);
  await expect(app.conflictBanner).toBeVisible();
  await expect(app.saveState).toHaveText('Conflict');
  await app.conflictBanner.getByRole('button', { name: 'Compare' }).click();
  await expect(app.page.getByRole('region', { name: /Differences/ })).toContainText(
    'Theirs: forced registration',
  );
  await screenshot(app.page, 'conflict');
  await app.conflictBanner.getByRole('button', { name: 'Keep mine' }).click();
  await app.waitSaved();
  const saved = await fs.readFile(file, 'utf8');
  expect(saved).toContain('registered customers. Mine.');
  expect(saved).not.toContain('Theirs:');
});

test('Keep both saves my version as a copy with its own keys, and the document takes theirs', async ({
  app,
  workspaceDir,
}) => {
  const { file, theirs } = await editWhileItChanges(app, workspaceDir);
  await app.conflictBanner.getByRole('button', { name: 'Keep both' }).click();
  const saved = app.page.getByRole('status').filter({ hasText: 'Your version is saved as' });
  await expect(saved.getByRole('link', { name: 'Guest checkout (my copy)' })).toBeVisible();
  await expect(app.editor).toContainText('Theirs: forced registration');
  await app.waitSaved();
  await screenshot(app.page, 'conflict-kept-both');
  expect(await fs.readFile(file, 'utf8')).toBe(theirs);
  const copy = await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout-my-copy.md'), 'utf8');
  expect({
    title: /^title: (.*)$/m.exec(copy)?.[1],
    key: /^key: (.*)$/m.exec(copy)?.[1],
    mine: copy.includes('registered customers. Mine.'),
    theirs: copy.includes('Theirs:'),
    requirementKeysShared: [...copy.matchAll(/#(REQ-\d+)/g)].some(([, key]) => theirs.includes(`#${key} `)),
  }).toEqual({
    title: 'Guest checkout (my copy)',
    key: 'SPEC-5',
    mine: true,
    theirs: false,
    requirementKeysShared: false,
  });
  await saved.getByRole('link', { name: 'Guest checkout (my copy)' }).click();
  await expect(app.title).toHaveValue('Guest checkout (my copy)');
});

test('Keep both on a vault note made a spec puts the copy beside it, in its folder, with the next key', async ({
  app,
  workspaceDir,
}) => {
  const file = path.join(workspaceDir, 'Notes', 'Word count.md');
  await fs.mkdir(path.dirname(file));
  await fs.writeFile(file, '---\ntype: spec\nkey: SPEC-9\n---\nCounts words as you type.\n');
  await app.openDocument('Notes/Word count.md');
  await app.clickEndOf('Counts words as you type.');
  await app.page.keyboard.type(' Mine.');
  await fs.writeFile(file, '---\ntype: spec\nkey: SPEC-9\n---\nTheirs: counts words.\n');
  await app.conflictBanner.getByRole('button', { name: 'Keep both' }).click();
  const saved = app.page.getByRole('status').filter({ hasText: 'Your version is saved as' });
  await expect(saved.getByRole('link', { name: 'Word count (my copy)' })).toBeVisible();
  const copy = await fs.readFile(path.join(workspaceDir, 'Notes', 'Word count (my copy).md'), 'utf8');
  expect({
    key: /^key: (.*)$/m.exec(copy)?.[1],
    mine: copy.includes('Counts words as you type. Mine.'),
    specs: (await fs.readdir(path.join(workspaceDir, 'specs'))).filter((name) => name.includes('copy')),
  }).toEqual({ key: 'SPEC-10', mine: true, specs: [] });
});

test('Take theirs replaces my unsaved edit with the file on disk', async ({ app, workspaceDir }) => {
  await editWhileItChanges(app, workspaceDir);
  await app.conflictBanner.getByRole('button', { name: 'Take theirs' }).click();
  await expect(app.editor).toContainText('Theirs: forced registration');
  await expect(app.editor).not.toContainText('Mine.');
  await expect(app.saveState).toHaveText('Saved');
});

test('a new title renames the file, the route and the editor follow, links stay, nothing is lost', async ({
  app,
  workspaceDir,
}) => {
  const created = await app.createDocument('New story', 'Split the bill');
  expect(created).toBe('stories/untitled-story.md');
  const key = (await fs.readFile(path.join(workspaceDir, created), 'utf8')).match(/^key: (.+)$/m)![1]!;
  // Enter leaves the title for the body, which starts the rename; typing goes on meanwhile.
  await app.title.press('Enter');
  await app.page.keyboard.type('Diners split one bill. ');
  await app.expectDocument('stories/split-the-bill.md', `#/${key}`);
  await app.page.keyboard.type('Each pays their share.');
  await app.waitSaved();
  const renamed = await fs.readFile(path.join(workspaceDir, 'stories/split-the-bill.md'), 'utf8');
  expect({
    oldFile: await fs.stat(path.join(workspaceDir, created)).catch(() => 'gone'),
    key: renamed.match(/^key: (.+)$/m)![1],
    typed: renamed.includes('Diners split one bill. Each pays their share.'),
    focused: await app.editor.evaluate((element) => element.contains(document.activeElement)),
    alerts: await app.page.getByRole('alert').count(),
  }).toEqual({ oldFile: 'gone', key, typed: true, focused: true, alerts: 0 });
  // The key still finds it: the quick switcher opens the renamed file.
  await app.page.keyboard.press('Control+P');
  await app.page.getByRole('combobox', { name: 'Go to document' }).fill(key);
  await app.page
    .getByRole('option', { name: new RegExp(key) })
    .first()
    .click();
  await app.expectDocument('stories/split-the-bill.md', `#/${key}`);
  await expect(app.title).toHaveValue('Split the bill');
});
