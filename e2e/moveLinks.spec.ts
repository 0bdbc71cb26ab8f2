/**
 * Moving a note keeps every link working (issue 11, walk11f findings 2 and 7): the picker says how many
 * links the move will update and offers the top folder; the move rewrites only the path inside each
 * link that would break (anchor, label, `%20` kept) and the note's own relative links; the notice says
 * so, and its Undo gives back every byte, or refuses when a file it wrote was changed since.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AppModel } from './models/appModel.js';
import { MoveModel } from './models/moveModel.js';
import { expect, screenshot, testOverFiles } from './specbenchTest.js';

const note = 'Obsidian Publish/Security and privacy.md';

const vault: Record<string, string> = {
  [note]: '# Security and privacy\n\nSee [the other note](Other.md#top) first.\n\n## Add a site password\n',
  'Obsidian Publish/Other.md': '# top\n',
  'Obsidian Sync/Intro.md': 'Sync intro.\n',
  'Home.md': [
    '[[Obsidian Publish/Security and privacy#Add a site password|Set a password]]',
    '',
    '[text](Obsidian%20Publish/Security%20and%20privacy.md#add-a-site-password) and [[Security and privacy]]',
    '',
  ].join('\n'),
};

const test = testOverFiles(vault);

/** Every note on disk, by path. */
async function disk(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
    const file = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (entry.isFile() && file.endsWith('.md') && !file.startsWith('.specbench/'))
      files[file] = await fs.readFile(path.join(root, file), 'utf8');
  }
  return files;
}

const moved: Record<string, string> = {
  'Obsidian Sync/Security and privacy.md':
    '# Security and privacy\n\nSee [the other note](../Obsidian%20Publish/Other.md#top) first.\n\n## Add a site password\n',
  'Obsidian Publish/Other.md': vault['Obsidian Publish/Other.md']!,
  'Obsidian Sync/Intro.md': vault['Obsidian Sync/Intro.md']!,
  'Home.md': [
    '[[Obsidian Sync/Security and privacy#Add a site password|Set a password]]',
    '',
    '[text](Obsidian%20Sync/Security%20and%20privacy.md#add-a-site-password) and [[Security and privacy]]',
    '',
  ].join('\n'),
};

test('a move says first how many links it updates, rewrites them, and Undo gives back every byte', async ({
  app,
  workspaceDir,
}) => {
  const move = new MoveModel(app.page);
  await app.openDocument(note);
  await move.open();
  await move.type('Obsidian Sync');
  await expect(move.updates).toHaveText('3 links in 2 notes will be updated');
  await screenshot(app.page, 'move-links-preview');
  await move.submit();
  await expect(move.notice).toContainText('Moved to Obsidian Sync/ · 3 links updated');
  await expect.poll(() => disk(workspaceDir)).toEqual(moved);
  await expect(app.editor).toContainText('See the other note first.');

  await move.undo();
  await expect.poll(() => disk(workspaceDir)).toEqual(vault);
  await expect(app.page).toHaveURL(/#\/doc\/Obsidian%20Publish\/Security%20and%20privacy\.md$/);
});

test('the moved note open in the editor shows its rewritten links, and what is typed next keeps them', async ({
  app,
  workspaceDir,
}) => {
  const move = new MoveModel(app.page);
  await app.openDocument(note);
  await move.open();
  await move.type('Obsidian Sync');
  await move.submit();
  await expect.poll(() => disk(workspaceDir)).toEqual(moved);
  await app.clickEndOf('See the other note first.');
  await app.page.keyboard.type(' Edited.');
  await app.waitSaved();
  expect(await fs.readFile(path.join(workspaceDir, 'Obsidian Sync/Security and privacy.md'), 'utf8')).toBe(
    moved['Obsidian Sync/Security and privacy.md']!.replace('first.', 'first. Edited.'),
  );
});

test('Undo writes nothing once a note the move rewrote was changed since, and says why', async ({
  app,
  workspaceDir,
}) => {
  const move = new MoveModel(app.page);
  await app.openDocument(note);
  await move.open();
  await move.type('Obsidian Sync');
  await move.submit();
  await expect(move.notice).toContainText('3 links updated');
  await expect.poll(() => disk(workspaceDir)).toEqual(moved);
  const edited = { ...moved, 'Home.md': `${moved['Home.md']}Typed elsewhere.\n` };
  await fs.writeFile(path.join(workspaceDir, 'Home.md'), edited['Home.md']);
  await move.undo();
  await expect(move.notice).toContainText(
    'Not undone: Home.md changed since the move, so the move was not undone.',
  );
  expect(await disk(workspaceDir)).toEqual(edited);
});

test('the top folder is a choice in the list, and a move that breaks no link says nothing of links', async ({
  app,
  workspaceDir,
}) => {
  const move = new MoveModel(app.page);
  await app.openDocument('Obsidian Sync/Intro.md');
  await move.open();
  await move.pick('/ (top folder)');
  await expect(move.folder).toHaveValue('/ (top folder)');
  await screenshot(app.page, 'move-top-folder');
  await move.submit();
  await expect(move.notice).toContainText('Moved to the top folder');
  await expect(move.notice).not.toContainText('links updated');
  expect(await fs.readFile(path.join(workspaceDir, 'Intro.md'), 'utf8')).toBe(
    vault['Obsidian Sync/Intro.md'],
  );
});

/** walk11g finding 1: the note's own links changed in a table cell and in an image further down. */
const review = [
  '# Review prep',
  '',
  'Notes for the Q3 review meeting.',
  '',
  '| Topic   | Link |',
  '| ------- | ---- |',
  '| Sync    | [[Home]] |',
  '| Publish | [Publish security](../Obsidian%20Publish/Other.md#top) |',
  '',
  '- Item one',
  '  - nested item',
  '',
  'See also [[Home]].',
  '',
  '![Backlinks](../Attachments/Backlinks.png)',
  '',
].join('\n');
const deeper = testOverFiles({
  'Maya/Review prep.md': review,
  'Obsidian Publish/Other.md': '# top\n',
  'Attachments/Backlinks.png': 'not really a png',
  'Bases/Layouts/Table view.md': '# Table view\n',
  'Home.md': '# Home\n',
});

/** Moves the open Review prep into Bases/Layouts and waits for the move's rewrite of its own links. */
async function moveReviewDeeper(app: AppModel, workspaceDir: string) {
  const move = new MoveModel(app.page);
  await app.openDocument('Maya/Review prep.md');
  await move.open();
  await move.type('Bases/Layouts');
  await move.submit();
  const target = path.join(workspaceDir, 'Bases/Layouts/Review prep.md');
  const rewritten = review.replaceAll('../', '../../');
  await expect.poll(() => fs.readFile(target, 'utf8').catch(() => '')).toBe(rewritten);
  return { move, target, rewritten };
}

deeper(
  'typing right after moving the open note deeper keeps its table and every block after it',
  async ({ app, workspaceDir }) => {
    const { target, rewritten } = await moveReviewDeeper(app, workspaceDir);
    await app.clickEndOf('Notes for the Q3 review meeting.');
    await app.page.keyboard.type(' Typed after the move.');
    await app.waitSaved();
    expect(await fs.readFile(target, 'utf8')).toBe(
      rewritten.replace('meeting.', 'meeting. Typed after the move.'),
    );
  },
);

deeper(
  'Ctrl+Z after a move takes back what was typed, never the move’s rewrite of the note’s own links (walk11h 2)',
  async ({ app, workspaceDir }) => {
    const { target, rewritten } = await moveReviewDeeper(app, workspaceDir);
    await app.clickEndOf('Notes for the Q3 review meeting.');
    await app.page.keyboard.type(' Typo');
    await app.waitSaved();
    for (let press = 0; press < 3; press++) await app.page.keyboard.press('ControlOrMeta+z');
    await app.waitSaved();
    await expect.poll(() => fs.readFile(target, 'utf8')).toBe(rewritten);
  },
);

deeper(
  'Undo of a move after typing in the moved note keeps the typing and says why it did not undo (walk11h 1)',
  async ({ app, workspaceDir }) => {
    const { move, target, rewritten } = await moveReviewDeeper(app, workspaceDir);
    await app.clickEndOf('Notes for the Q3 review meeting.');
    await app.page.keyboard.type(' After move.');
    await move.undo();
    await expect(move.notice).toContainText('Not undone:');
    const typed = rewritten.replace('meeting.', 'meeting. After move.');
    await expect.poll(() => fs.readFile(target, 'utf8')).toBe(typed);
    await expect(app.editor).toContainText('meeting. After move.');
  },
);

deeper(
  'the move’s notice stays 30 s for its Undo, and never goes while the pointer is on it (walk11h 7)',
  async ({ app, workspaceDir }) => {
    await app.page.clock.install();
    const { move } = await moveReviewDeeper(app, workspaceDir);
    await expect(move.notice).toContainText('Moved to Bases/Layouts/');
    await app.page.clock.fastForward('00:20');
    await expect(move.notice).toBeVisible();
    await move.notice.hover();
    await app.page.clock.fastForward('01:00');
    await expect(move.notice).toBeVisible();
    await app.page.mouse.move(0, 0);
    await app.page.clock.fastForward('00:31');
    await expect(move.notice).toHaveCount(0);
  },
);
