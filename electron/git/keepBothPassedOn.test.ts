/**
 * History of a Keep both copy once a teammate's merge passes it along (walk12g, finding 1): Sam kept
 * both REQ-1s in his merge and his copy became REQ-2; Dana, with a commit of her own, pulled with a
 * merge that only brought Sam's work in. REQ-2's past is Sam's edit and his Keep both, not Dana's.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../engine/workspace.js';
import { resolveConflict } from './conflictResolution.js';
import { conflictView } from './conflictView.js';
import { finishOperation } from './finishOperation.js';
import { itemHistory } from './itemHistory.js';
import { findRepository } from './repositoryStatus.js';
import { createGitSandbox, type GitSandbox } from './testing/gitSandbox.js';
import { WorkspaceRepository } from './workspaceRepository.js';

let sandbox: GitSandbox;
const spec = 'specs/sign-in.md';
const specText = (text: string) =>
  `---\nkey: SPEC-1\ntype: spec\ntitle: Sign in\n---\n:::requirement{#REQ-1 priority=must}\n${text}\n:::\n`;

async function write(clone: string, file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(clone, file)), { recursive: true });
  await fs.writeFile(path.join(clone, file), text);
}

function commitAll(clone: string, message: string): void {
  sandbox.git(clone, ['add', '-A']);
  sandbox.git(clone, ['commit', '-q', '-m', message]);
}

beforeEach(async () => {
  sandbox = await createGitSandbox();
  Object.assign(process.env, sandbox.env);
});

afterEach(async () => {
  await sandbox.remove();
});

/** Sam's merge keeps both REQ-1s in the app; returns Sam's clone and the key his copy got. */
async function samKeepsBoth(): Promise<{ dana: string; sam: string; copy: string }> {
  const dana = await sandbox.clone('dana');
  await write(dana, 'specbench.json', '{ "name": "Team" }\n');
  await write(dana, spec, specText('Members sign in with an email or a password.'));
  commitAll(dana, 'Start');
  sandbox.git(dana, ['push', '-q', '-u', 'origin', 'HEAD:main']);
  const sam = await sandbox.clone('sam');
  sandbox.git(dana, ['config', 'user.name', 'Dana PM']);
  sandbox.git(sam, ['config', 'user.name', 'Sam PM']);
  await write(dana, spec, specText('Members sign in using only an email address (Dana).'));
  commitAll(dana, 'Dana: REQ-1 email only');
  sandbox.git(dana, ['push', '-q']);
  await write(
    sam,
    spec,
    specText('Members sign in with an email or a password, in under two minutes (Sam).'),
  );
  commitAll(sam, 'Sam: REQ-1 two minutes');
  expect(sandbox.git(sam, ['pull', '-q', '--no-rebase'], { allowFailure: true }).code).not.toBe(0);
  const opened = await Workspace.open(sam, { write: true, watch: false, cache: false });
  if (!opened.ok) throw new Error(opened.message);
  try {
    const place = (await findRepository(sam))!;
    const view = await conflictView(place, spec, opened.workspace);
    if (!view.ok) throw new Error(view.message);
    const choices = view.conflict.parts.filter((part) => part.kind === 'conflict').map(() => 'both' as const);
    const resolved = await resolveConflict(opened.workspace, place, spec, choices);
    if (!resolved.ok) throw new Error(resolved.message);
    // As the app's resolve does: the rename recorded in rekeys.json, staged with the file.
    for (const { from, to, references } of resolved.renamed ?? [])
      await opened.workspace.rekeys.record({ key: from, newKey: to, path: spec, references });
    sandbox.git(sam, ['add', '--', 'rekeys.json']);
    // Committed by the app a minute after the pull, as in the walkthrough (the sandbox's clock moves on per git call).
    const now = /> (\d+ [-+]\d{4})$/.exec(
      sandbox.git(sam, ['var', 'GIT_COMMITTER_IDENT']).output.trim(),
    )![1]!;
    Object.assign(process.env, { GIT_AUTHOR_DATE: now, GIT_COMMITTER_DATE: now });
    const finishing = await finishOperation(place);
    const finished =
      finishing.ok && !finishing.done ? await finishOperation(place, finishing.leftOver) : finishing;
    if (!finished.ok || !finished.done) throw new Error(finished.message);
    sandbox.git(sam, ['push', '-q']);
    return { dana, sam, copy: resolved.renamed![0]!.to };
  } finally {
    await opened.workspace.close();
  }
}

/** Each change as "kind (was KEY): message", a merge named by its commit. */
async function summary(clone: string, key: string): Promise<string[]> {
  const opened = await WorkspaceRepository.open(clone);
  if (!opened.ok) throw new Error(opened.message);
  return (await itemHistory(opened.repository, key)).changes.map(
    (change) =>
      `${change.change}${change.previousKey ? ` (was ${change.previousKey})` : ''}: ${change.merge ? `merge ${change.commit}` : change.message}`,
  );
}

describe('a Keep both copy after a teammate’s merge passed it along', () => {
  it('lists the copy’s own edit and the Keep both merge, not the pass-through merge or the other side’s edit', async () => {
    const { dana, sam, copy } = await samKeepsBoth();
    const samsMerge = sandbox.git(sam, ['rev-parse', 'HEAD']).output.trim();
    const expected = [
      `changed (was REQ-1): merge ${samsMerge}`,
      'changed: Sam: REQ-1 two minutes',
      'added: Start',
    ];
    expect(await summary(sam, copy)).toEqual(expected);
    // Dana has a commit of her own, then pulls with a merge that only brings Sam's work in.
    await write(dana, 'specs/notes.md', '---\nkey: SPEC-2\ntype: spec\ntitle: Notes\n---\nDana’s notes.\n');
    commitAll(dana, 'Dana: notes');
    sandbox.git(dana, ['pull', '-q', '--no-rebase', '--no-edit']);
    expect(sandbox.git(dana, ['rev-parse', 'HEAD^2']).output.trim()).toBe(samsMerge);
    sandbox.git(dana, ['push', '-q']);
    sandbox.git(sam, ['pull', '-q', '--no-rebase', '--no-edit']);
    expect(await summary(sam, copy)).toEqual(expected);
    expect(await summary(dana, copy)).toEqual(expected);
  }, 90_000);
});
