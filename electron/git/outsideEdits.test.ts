/**
 * A conflicted file edited in a text editor before the resolver opened it, with the merge driver
 * installed (as `merge-driver install` sets up a team): the edit inside the markers is "yours" and
 * Keep mine saves it; an edit the resolver cannot read back is said before saving.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Workspace } from '../engine/workspace.js';
import { resolveConflict } from './conflictResolution.js';
import { conflictView } from './conflictView.js';
import { markerRegions } from './outsideEdits.js';
import { findRepository } from './repositoryStatus.js';
import { createGitSandbox, runSpecbenchIn, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let lee: string;
let workspace: Workspace | undefined;
const spec = 'specs/order-tracking.md';
const specText = (text: string) =>
  `---\nkey: SPEC-1\ntype: spec\ntitle: Tracking\n---\nIntro.\n\n:::requirement{#REQ-9 priority=must}\n${text}\n:::\n\nOutro.\n`;

beforeEach(async () => {
  sandbox = await createGitSandbox();
  Object.assign(process.env, sandbox.env);
  lee = await sandbox.clone('lee');
  await fs.mkdir(path.join(lee, 'specs'));
  await fs.writeFile(path.join(lee, 'specbench.json'), '{ "name": "Team" }\n');
  await fs.writeFile(path.join(lee, spec), specText('Orders show their status.'));
  expect(runSpecbenchIn(sandbox, lee, ['merge-driver', 'install', '.']).code).toBe(0);
  sandbox.git(lee, ['add', '-A']);
  sandbox.git(lee, ['commit', '-q', '-m', 'Start']);
  sandbox.git(lee, ['checkout', '-q', '-b', 'dana']);
  await fs.writeFile(path.join(lee, spec), specText('Orders show their status. Dana: plus shipped.'));
  sandbox.git(lee, ['commit', '-q', '-am', 'Dana']);
  sandbox.git(lee, ['checkout', '-q', 'main']);
  await fs.writeFile(path.join(lee, spec), specText('Orders show their status. Lee: plus returned.'));
  sandbox.git(lee, ['commit', '-q', '-am', 'Lee']);
  expect(sandbox.git(lee, ['merge', 'dana'], { allowFailure: true }).code).toBe(1);
  const opened = await Workspace.open(lee, { write: true, watch: false, cache: false });
  if (!opened.ok) throw new Error(opened.message);
  workspace = opened.workspace;
}, 60_000);

afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
  await sandbox.remove();
});

async function edit(change: (text: string) => string): Promise<void> {
  const file = path.join(lee, spec);
  await fs.writeFile(file, change(await fs.readFile(file, 'utf8')));
}

async function view() {
  const shown = await conflictView((await findRepository(lee))!, spec, workspace);
  if (!shown.ok) throw new Error(shown.message);
  const [part] = shown.conflict.parts.filter((entry) => entry.kind === 'conflict');
  return { edited: shown.conflict.editedOutside, part, onDisk: shown.conflict.onDisk };
}

it('the file as git wrote it: yours is git’s side, nothing edited outside', async () => {
  const { edited, part } = await view();
  expect([
    edited,
    part?.kind === 'conflict' && part.mine,
    part?.kind === 'conflict' && part.mineEdited,
  ]).toEqual([
    undefined,
    ':::requirement{#REQ-9 priority=must}\nOrders show their status. Lee: plus returned.\n:::',
    undefined,
  ]);
});

it('edited inside the markers: yours shows the edit, and Keep mine saves it', async () => {
  // The block's own line, not the marker's label, which quotes the same words.
  await edit((text) =>
    text.replace(/^(Orders show their status\. Lee: plus returned)\.$/m, '$1 (edited in vim).'),
  );
  const { edited, part, onDisk } = await view();
  const place = (await findRepository(lee))!;
  const saved = await resolveConflict(workspace!, place, spec, ['mine'], onDisk);
  expect([edited, part?.kind === 'conflict' && part.mineEdited, saved.ok]).toEqual(['shown', true, true]);
  expect(await fs.readFile(path.join(lee, spec), 'utf8')).toBe(
    specText('Orders show their status. Lee: plus returned (edited in vim).'),
  );
});

it('resolved by hand outside the app (markers gone): the resolver says saving replaces that edit', async () => {
  await edit((text) => text.replace(/^[<=>]{7}.*\n/gm, ''));
  expect((await view()).edited).toBe('replaced');
});

it('reads each side between markers, diff3 base left out; unpaired markers are not regions', () => {
  expect([
    markerRegions('a\n<<<<<<< HEAD\nmine\n||||||| base\nold\n=======\ntheirs\n>>>>>>> b\nz\n'),
    markerRegions('a\n=======\nb\n'),
  ]).toEqual([[{ ours: 'mine\n', theirs: 'theirs\n' }], undefined]);
});
