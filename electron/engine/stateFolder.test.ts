import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxEnvironment } from '../git/testing/gitSandbox.js';
import { Workspace } from './workspace.js';

/** Real git with the test sandbox's fixed author and no user config. */
function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', env: sandboxEnvironment(os.tmpdir()) });
}

describe('.specbench/ in a folder Specbench did not make', () => {
  it('stays out of git status while a vault is open for editing, through a rename with links and a trash', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-state-'));
    await fs.writeFile(path.join(root, 'Settings.md'), '# Settings\n\nSee [[Callouts]].\n');
    await fs.writeFile(path.join(root, 'Callouts.md'), '# Callouts\n\nBack to [[Settings]].\n');
    await fs.writeFile(path.join(root, 'Scratch.md'), 'scratch\n');
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'vault');

    const opened = await Workspace.open(root, { write: true, watch: false, cache: false });
    if (!opened.ok) throw new Error(opened.message);
    const whileOpen = git(root, 'status', '--porcelain');
    const renamed = await opened.workspace.renameDocumentTo('Callouts.md', 'Callout boxes', {
      updateLinks: true,
    });
    const trashed = await opened.workspace.trashDocument('Scratch.md');
    const afterEdits = git(root, 'status', '--porcelain', '--untracked-files=all');
    await opened.workspace.close();

    expect({
      whileOpen,
      renamed: renamed.ok,
      trashed: trashed.ok,
      afterEdits: afterEdits.split('\n').filter(Boolean).sort(),
      ignore: await fs.readFile(path.join(root, '.specbench', '.gitignore'), 'utf8'),
    }).toEqual({
      whileOpen: '',
      renamed: true,
      trashed: true,
      // Only what the user did: the rename (with the link that follows it) and the deleted note.
      afterEdits: [' D Callouts.md', ' D Scratch.md', ' M Settings.md', '?? "Callout boxes.md"'],
      ignore: '*\n',
    });
  });

  it("leaves git's index alone through a move into a folder that has a note of that name and a rename, with the watcher on", async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-state-'));
    await fs.mkdir(path.join(root, 'Plugins'));
    await fs.mkdir(path.join(root, 'Editing'));
    await fs.writeFile(path.join(root, 'Plugins', 'Backlinks.md'), '# Backlinks\n');
    await fs.writeFile(path.join(root, 'Callouts.md'), '# Callouts\n');
    await fs.writeFile(path.join(root, 'Editing', 'Callouts.md'), '# Other callouts\n');
    await fs.writeFile(path.join(root, 'Maya notes.md'), 'notes\n');
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'vault');

    const opened = await Workspace.open(root, { write: true, watch: true, cache: false });
    if (!opened.ok) throw new Error(opened.message);
    const moved = await opened.workspace.moveDocument('Plugins/Backlinks.md', '');
    const intoNamesake = await opened.workspace.moveDocument('Callouts.md', 'Editing');
    const renamed = await opened.workspace.renameDocumentTo('Maya notes.md', 'Meetings');
    // The walkthrough saw the deletion staged minutes later: give the watcher time to act on it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const status = git(root, 'status', '--porcelain', '--untracked-files=all');
    const staged = git(root, 'diff', '--cached', '--name-status');
    await opened.workspace.close();

    expect({
      moved: moved.ok,
      intoNamesake: intoNamesake.ok && intoNamesake.path,
      renamed: renamed.ok,
      status: status.split('\n').filter(Boolean).sort(),
      staged,
    }).toEqual({
      moved: true,
      intoNamesake: 'Editing/Callouts-2.md',
      renamed: true,
      // Not staged ( D) and untracked (??): a plain `git commit` commits nothing of it.
      status: [
        ' D "Maya notes.md"',
        ' D Callouts.md',
        ' D Plugins/Backlinks.md',
        '?? Backlinks.md',
        '?? Editing/Callouts-2.md',
        '?? Meetings.md',
      ],
      staged: '',
    });
  });
});
