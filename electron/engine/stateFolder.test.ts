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
});
