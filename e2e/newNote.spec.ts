/** Issue #11: "New note" writes a plain note where the user is; "Make this a spec" says what it adds and can be undone. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NewNoteModel } from './models/newNoteModel.js';
import { expect, screenshot, test as base } from './specbenchTest.js';

const plan = '# Plan\r\n\r\nShip  saved carts\tby May.\r\n';

const vault = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  workspaceDir: async ({}, use) => {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-e2e-new-note-'));
    const root = path.join(parent, 'Vault');
    await fs.mkdir(path.join(root, 'Projects'), { recursive: true });
    await fs.writeFile(path.join(root, 'Projects', 'Plan.md'), plan);
    await use(root);
    await fs.rm(parent, { recursive: true, force: true });
  },
});

vault(
  'New note in a vault goes into the open note’s folder, named after its title',
  async ({ app, workspaceDir }) => {
    await app.openDocument('Projects/Plan.md');
    const newNote = new NewNoteModel(app.page);
    await newNote.open();
    await expect(newNote.form).toContainText('Title of the new note in Projects');
    await screenshot(app.page, 'new-note-form');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(app.page, 'new-note-form-dark');
    await app.page.emulateMedia({ colorScheme: 'light' });
    await newNote.form.getByRole('textbox').fill('Launch retro');
    await newNote.form.getByRole('button', { name: 'Create' }).click();
    await app.expectDocument('Projects/Launch retro.md', '#/doc/Projects/Launch%20retro.md');
    expect(await fs.readFile(path.join(workspaceDir, 'Projects', 'Launch retro.md'), 'utf8')).toBe('');

    await newNote.fromSidebar('a/b');
    await expect(newNote.form.getByRole('alert')).toHaveText(/Not created: A file name cannot contain/);
  },
);

vault('New note from the command palette', async ({ app, workspaceDir }) => {
  await app.openDocument('Projects/Plan.md');
  await new NewNoteModel(app.page).fromPalette('Ideas');
  await app.expectDocument('Projects/Ideas.md', '#/doc/Projects/Ideas.md');
  expect(await fs.readFile(path.join(workspaceDir, 'Projects', 'Ideas.md'), 'utf8')).toBe('');
});

vault(
  'In a folder of notes the palette offers New note first, says the folder, and the counts take each note at once',
  async ({ app }) => {
    await app.openDocument('Projects/Plan.md');
    const notes = app.section('Notes');
    await expect(notes).toHaveText(/1$/);
    await app.page.keyboard.press('Control+K');
    await app.page.keyboard.type('new');
    const options = app.page.getByRole('listbox', { name: 'Commands' }).getByRole('option');
    await expect(options.first()).toContainText('New note…');
    await screenshot(app.page, 'palette-new-in-vault');
    await app.page.keyboard.press('Enter');
    await expect(app.page.getByRole('textbox', { name: 'Title of the new note in Projects' })).toBeFocused();
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('Escape');
    const newNote = new NewNoteModel(app.page);
    for (const [title, count] of [
      ['Ideas', 2],
      ['Retro', 3],
    ] as const) {
      await newNote.fromPalette(title);
      await app.expectDocument(`Projects/${title}.md`, `#/doc/Projects/${title}.md`);
      // Counted when the note opens, as after the sidebar's New note, not when the watcher catches up.
      await expect(notes).toHaveText(new RegExp(`${count}$`), { timeout: 1_000 });
    }
  },
);

vault(
  'After Enter in the new-note form the body has the caret: what she types at once is saved',
  async ({ app, workspaceDir }) => {
    await app.openDocument('Projects/Plan.md');
    const newNote = new NewNoteModel(app.page);
    await newNote.fromPalette('Agenda');
    await app.expectDocument('Projects/Agenda.md', '#/doc/Projects/Agenda.md');
    await app.page.keyboard.type('First line typed right away.');
    await expect
      .poll(() => fs.readFile(path.join(workspaceDir, 'Projects', 'Agenda.md'), 'utf8'))
      .toBe('First line typed right away.\n');

    await newNote.open();
    await newNote.form.getByRole('textbox').fill('Retro');
    await newNote.form.getByRole('textbox').press('Enter');
    await app.expectDocument('Projects/Retro.md', '#/doc/Projects/Retro.md');
    await app.page.keyboard.type('Went well.');
    await expect
      .poll(() => fs.readFile(path.join(workspaceDir, 'Projects', 'Retro.md'), 'utf8'))
      .toBe('Went well.\n');
  },
);

vault(
  'Make this a spec says what it adds, and Undo puts the exact bytes back',
  async ({ app, workspaceDir }) => {
    const file = path.join(workspaceDir, 'Projects', 'Plan.md');
    await app.openDocument('Projects/Plan.md');
    const make = app.page.getByRole('button', { name: 'Make this a spec' });
    await expect(make).toHaveAccessibleDescription('Adds to the top of Plan.md: key: SPEC-1, type: spec');
    await screenshot(app.page, 'make-spec-offer');
    await make.click();
    await app.waitSaved();
    await expect(
      app.page.getByRole('status').filter({ hasText: 'Added key: SPEC-1, type: spec' }),
    ).toBeVisible();
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(app.page, 'make-spec-undo-dark');
    await app.page.emulateMedia({ colorScheme: 'light' });
    expect(await fs.readFile(file, 'utf8')).toContain('key: SPEC-1');
    await app.page.getByRole('button', { name: 'Undo Make this a spec' }).click();
    await expect.poll(() => fs.readFile(file, 'utf8')).toBe(plan);
    await expect(make).toBeVisible();
  },
);

vault(
  'After Make this a spec, New note from the palette still goes into the note’s folder',
  async ({ app }) => {
    await app.openDocument('Projects/Plan.md');
    await app.page.getByRole('button', { name: 'Make this a spec' }).click();
    await app.waitSaved();
    // The address is now the key (#/SPEC-1), which names no folder: the open document still does.
    await expect(app.page).toHaveURL((url) => url.hash === '#/SPEC-1');
    await app.page.keyboard.press('Control+K');
    await app.page.keyboard.type('New note');
    await app.page.keyboard.press('Enter');
    await expect(app.page.getByRole('textbox', { name: 'Title of the new note in Projects' })).toBeFocused();
  },
);

vault(
  'After Make this a spec the header still fits: its notice is on a row of its own under it',
  async ({ app }) => {
    await app.openDocument('Projects/Plan.md');
    await app.page.getByRole('button', { name: 'Make this a spec' }).click();
    await app.waitSaved();
    const notice = app.page.getByRole('status').filter({ hasText: 'Added key: SPEC-1' });
    const actions = app.page.getByRole('button', { name: 'Document actions' });
    for (const width of [1024, 1440]) {
      await app.page.setViewportSize({ width, height: 800 });
      for (const scheme of ['light', 'dark'] as const) {
        await app.page.emulateMedia({ colorScheme: scheme });
        await screenshot(app.page, `make-spec-done-${width}-${scheme}`);
      }
      const page = (await app.page.locator('.document-page').boundingBox())!;
      const button = (await actions.boundingBox())!;
      const note = (await notice.boundingBox())!;
      expect(
        [button.x + button.width <= page.x + page.width, note.y >= button.y + button.height],
        `at ${width} px: Document actions inside the page, the notice below it`,
      ).toEqual([true, true]);
    }
    await app.page.emulateMedia({ colorScheme: 'light' });
  },
);

vault('Undo of Make this a spec refuses once the file changed since', async ({ app, workspaceDir }) => {
  const file = path.join(workspaceDir, 'Projects', 'Plan.md');
  await app.openDocument('Projects/Plan.md');
  await app.page.getByRole('button', { name: 'Make this a spec' }).click();
  await app.waitSaved();
  const changed = (await fs.readFile(file, 'utf8')) + 'Added elsewhere.\r\n';
  await fs.writeFile(file, changed);
  await expect(app.editor).toContainText('Added elsewhere.');
  await app.page.getByRole('button', { name: 'Undo Make this a spec' }).click();
  await expect(
    app.page.getByRole('status').filter({ hasText: 'Not undone: Plan.md changed since' }),
  ).toBeVisible();
  expect(await fs.readFile(file, 'utf8')).toBe(changed);
});

base.describe('in an empty workspace', () => {
  base.use({ workspaceKind: 'empty' });
  base('New note goes to the root', async ({ app, workspaceDir }) => {
    await new NewNoteModel(app.page).fromSidebar('First note');
    await app.expectDocument('First note.md', '#/doc/First%20note.md');
    expect(await fs.readFile(path.join(workspaceDir, 'First note.md'), 'utf8')).toBe('');
  });
});

vault(
  'Make this a spec on one note keeps the vault’s notes and folders first in the navigator',
  async ({ app }) => {
    await app.openDocument('Projects/Plan.md');
    await new NewNoteModel(app.page).fromSidebar('Ideas');
    await app.expectDocument('Projects/Ideas.md', '#/doc/Projects/Ideas.md');
    await new NewNoteModel(app.page).fromSidebar('Retro');
    await app.expectDocument('Projects/Retro.md', '#/doc/Projects/Retro.md');
    await app.page.getByRole('button', { name: 'Make this a spec' }).click();
    await app.waitSaved();
    // Two notes and one spec: still a folder of notes, the PM sections (with their count) behind one button.
    await expect(app.navigator.getByRole('button', { name: 'Specs, stories and roadmap' })).toContainText(
      '1',
    );
    await expect(app.section('Notes')).toBeVisible();
    await expect(app.navigator.getByText('New spec', { exact: true })).toHaveCount(0);
    // Her folder tree stays, the new spec in its folder with its key beside it.
    await expect(app.navigator.getByText('Projects', { exact: true })).toBeVisible();
    await expect(app.navigator.getByRole('link', { name: /Retro/ })).toContainText('SPEC-1');
    await expect(app.navigator.getByRole('link', { name: /Plan/ })).toBeVisible();
  },
);

base('New spec from the palette is counted in Specs when it opens', async ({ app }) => {
  const specs = app.section('Specs');
  const before = Number((await specs.textContent())!.match(/\d+$/)![0]);
  await app.page.keyboard.press('Control+K');
  await app.page.keyboard.type('New spec');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('Refunds');
  await app.page.keyboard.press('Enter');
  await expect(app.title).toHaveValue('Refunds');
  await expect(specs).toHaveText(new RegExp(`${before + 1}$`), { timeout: 1_000 });
});
