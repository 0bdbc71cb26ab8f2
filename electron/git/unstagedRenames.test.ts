/** A file renamed on disk shows as one rename, commits as one, and the user's index is never touched. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileDiff } from './fileChanges.js';
import { findRepository, repositoryStatus, type RepositoryPlace } from './repositoryStatus.js';
import { commitFiles } from './syncCommands.js';
import { createGitSandbox, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let clone: string;
let place: RepositoryPlace;

const story = (title: string) =>
  `---\nkey: STORY-11\ntype: story\ntitle: ${title}\nstatus: ready\n---\nAs a **shopper**, I want **a gift card** so that **I can give it away**.\n\n## Acceptance criteria\n- [ ] Given a card, when a year passes, then it still works.\n`;

beforeAll(async () => {
  sandbox = await createGitSandbox();
  Object.assign(process.env, sandbox.env);
  clone = await sandbox.clone('lee');
  await fs.mkdir(path.join(clone, 'stories'));
  await fs.writeFile(
    path.join(clone, 'stories', 'gift-card-never-expires.md'),
    story('Gift card never expires'),
  );
  await fs.writeFile(path.join(clone, 'stories', 'old-note.md'), 'A note nobody needs.\n');
  sandbox.git(clone, ['add', '-A']);
  sandbox.git(clone, ['commit', '-q', '-m', 'First']);
  place = (await findRepository(clone))!;
}, 30_000);

afterAll(async () => {
  await sandbox.remove();
});

describe('renames on disk', () => {
  it('are one Renamed row with the block diff, commit both halves, and leave the index as it was', async () => {
    // The app retitles a story: the file moves to the new title's slug.
    await fs.rm(path.join(clone, 'stories', 'gift-card-never-expires.md'));
    await fs.writeFile(path.join(clone, 'stories', 'gift-card-lasts.md'), story('Gift card lasts'));
    // An unrelated deletion and new file stay two rows.
    await fs.rm(path.join(clone, 'stories', 'old-note.md'));
    await fs.writeFile(
      path.join(clone, 'stories', 'idea.md'),
      '# An idea\n\nSomething else entirely, long enough.\n',
    );
    const index = path.join(clone, '.git', 'index');
    const indexBefore = await fs.readFile(index);
    const status = await repositoryStatus(place);
    const diff = await fileDiff(place, 'stories/gift-card-lasts.md');
    const indexUntouched = (await fs.readFile(index)).equals(indexBefore);
    const committed = await commitFiles(place, ['stories/gift-card-lasts.md'], 'Retitle STORY-11');
    const shown = sandbox.git(clone, ['show', '--name-status', '--format=', '-M', 'HEAD']).output.trim();
    expect({
      files: status.files,
      blocks: diff.ok ? diff.diff.blocks.map((block) => `${block.change} ${block.what}`) : diff.message,
      indexUntouched,
      committed: committed.ok && committed.files,
      shown,
    }).toEqual({
      files: [
        {
          path: 'stories/gift-card-lasts.md',
          previousPath: 'stories/gift-card-never-expires.md',
          change: 'renamed',
        },
        { path: 'stories/idea.md', change: 'added' },
        { path: 'stories/old-note.md', change: 'deleted' },
      ],
      blocks: ['changed front matter: title'],
      indexUntouched: true,
      committed: 1,
      shown: 'R086\tstories/gift-card-never-expires.md\tstories/gift-card-lasts.md',
    });
  });

  it('pair a retitled document whose body was rewritten too by its front-matter key', async () => {
    // Under half alike, so git alone would call it Deleted + New.
    await fs.rm(path.join(clone, 'stories', 'gift-card-lasts.md'));
    await fs.writeFile(
      path.join(clone, 'stories', 'cards-for-gifts.md'),
      '---\nkey: STORY-11\ntype: story\ntitle: Cards for gifts\nstatus: draft\n---\nWe sell prepaid cards ' +
        'that people buy for each other at the till, online, or in the app, in any amount up to 500.\n',
    );
    const status = await repositoryStatus(place);
    expect(
      status.files.filter((file) => file.path.startsWith('stories/c') || file.path.endsWith('lasts.md')),
    ).toEqual([
      {
        path: 'stories/cards-for-gifts.md',
        previousPath: 'stories/gift-card-lasts.md',
        change: 'renamed',
      },
    ]);
  });
});
