import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from './workspace.js';

/** Moving into a folder that has a note of that name: the app asks for a name; the CLI keeps `-2`. */
describe('moveDocument with a name', () => {
  it('takes the typed name, refuses a taken or bad one without writing, and keeps -2 when no name is given', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-move-name-'));
    await fs.mkdir(path.join(root, 'Editing'));
    await fs.writeFile(path.join(root, 'Callouts.md'), 'mine\n');
    await fs.writeFile(path.join(root, 'Tables.md'), 'tables\n');
    await fs.writeFile(path.join(root, 'Editing', 'Callouts.md'), 'theirs\n');
    await fs.writeFile(path.join(root, 'Editing', 'Tables.md'), 'other tables\n');
    const opened = await Workspace.open(root, { write: true, watch: false, cache: false });
    if (!opened.ok) throw new Error(opened.message);
    const { workspace } = opened;

    const taken = await workspace.moveDocument('Callouts.md', 'Editing', undefined, 'Callouts');
    const bad = await workspace.moveDocument('Callouts.md', 'Editing', undefined, 'a/b');
    const named = await workspace.moveDocument('Callouts.md', 'Editing', undefined, 'Callouts 2');
    const numbered = await workspace.moveDocument('Tables.md', 'Editing');
    await workspace.close();

    expect({
      taken: taken.ok ? taken.path : taken.message,
      bad: bad.ok ? bad.path : bad.error,
      named: named.ok && named.path,
      numbered: numbered.ok && numbered.path,
      files: (await fs.readdir(path.join(root, 'Editing'))).sort(),
      mine: await fs.readFile(path.join(root, 'Editing', 'Callouts 2.md'), 'utf8'),
      theirs: await fs.readFile(path.join(root, 'Editing', 'Callouts.md'), 'utf8'),
    }).toEqual({
      taken: 'Editing/ already has a note named “Callouts”. Choose another name.',
      bad: 'invalid-name',
      named: 'Editing/Callouts 2.md',
      numbered: 'Editing/Tables-2.md',
      files: ['Callouts 2.md', 'Callouts.md', 'Tables-2.md', 'Tables.md'],
      mine: 'mine\n',
      theirs: 'theirs\n',
    });
  });
});
