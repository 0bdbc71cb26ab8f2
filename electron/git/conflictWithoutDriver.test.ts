/**
 * The in-app resolver in a clone where `merge-driver install` has not been run: git's own line merge
 * stops on the file and leaves its markers (diff3 style here) across whole blocks. The resolver still
 * offers the blocks, never the markers: two copies of one new key are one choice, with Keep both.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseCall, type MethodName, type MethodOutput } from '../../shared/contract/apiContract.js';
import { sampleWorkspaceFolder } from '../cli/packageRoot.js';
import { Workspace } from '../engine/workspace.js';
import { WorkspaceService } from '../services/workspaceService.js';
import { createGitSandbox, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let clone: string;
let workspace: Workspace | undefined;
const spec = 'specs/guest-checkout.md';
const added = (text: string) => `\n:::requirement{#REQ-15 priority=should status=draft}\n${text}\n:::\n`;

async function call<M extends MethodName>(service: WorkspaceService, method: M, input: unknown) {
  const parsed = parseCall(method, input);
  if (!parsed.ok) throw new Error(parsed.message);
  return service.invoke(parsed.method, parsed.input as never) as Promise<MethodOutput<M>>;
}

async function branch(name: string, text: string): Promise<void> {
  sandbox.git(clone, ['checkout', '-q', '-b', name, 'main']);
  await fs.appendFile(path.join(clone, spec), added(text));
  sandbox.git(clone, ['commit', '-q', '-am', `${name} adds REQ-15`]);
}

beforeAll(async () => {
  sandbox = await createGitSandbox();
  Object.assign(process.env, sandbox.env);
  clone = await sandbox.clone('pat');
  await fs.cp(sampleWorkspaceFolder(), clone, {
    recursive: true,
    filter: (file) => path.basename(file) !== '.specbench',
  });
  sandbox.git(clone, ['add', '-A']);
  sandbox.git(clone, ['commit', '-q', '-m', 'Sample workspace']);
  sandbox.git(clone, ['config', 'merge.conflictStyle', 'diff3']);
  await branch('alex', 'Guests can cancel an order within ten minutes.');
  await branch('sam', 'Guests can add a gift message.');
  sandbox.git(clone, ['checkout', '-q', 'main']);
  sandbox.git(clone, ['merge', '-q', '--no-edit', 'alex']);
  expect(sandbox.git(clone, ['merge', '-q', '--no-edit', 'sam'], { allowFailure: true }).code).toBe(1);
}, 120_000);

afterAll(async () => {
  await workspace?.close();
  await sandbox.remove();
});

it('git’s own markers: both new REQ-15 blocks are one choice with both texts; Keep both renames the arriving one and Finish commits no markers', async () => {
  expect(await fs.readFile(path.join(clone, spec), 'utf8')).toMatch(/^\|{7} /m);
  const opened = await Workspace.open(clone, { write: true, watch: false, cache: false });
  if (!opened.ok) throw new Error(opened.message);
  workspace = opened.workspace;
  const service = new WorkspaceService(workspace);
  const shown = await call(service, 'gitConflict', { path: spec });
  if (!shown.ok) throw new Error(shown.message);
  const conflicts = shown.conflict.parts.filter((part) => part.kind === 'conflict');
  // git's own diff3 markers, untouched since the merge: not taken for an edit made outside.
  expect([
    shown.conflict.editedOutside,
    ...conflicts.map((part) => [part.what, part.mine, part.theirs]),
  ]).toEqual([
    undefined,
    [
      'REQ-15',
      ':::requirement{#REQ-15 priority=should status=draft}\nGuests can cancel an order within ten minutes.\n:::',
      ':::requirement{#REQ-15 priority=should status=draft}\nGuests can add a gift message.\n:::',
    ],
  ]);
  expect(shown.conflict.parts.some((part) => part.kind === 'clean' && /^[<|=>]{7}/m.test(part.text))).toBe(
    false,
  );
  const resolved = await call(service, 'gitResolve', { path: spec, choices: ['both'] });
  expect(
    resolved.ok && [resolved.remaining, resolved.renamed?.map((entry) => `${entry.from}→${entry.to}`)],
  ).toEqual([0, ['REQ-15→REQ-16']]);
  expect((await call(service, 'gitFinish', {})).ok).toBe(true);
  const text = await fs.readFile(path.join(clone, spec), 'utf8');
  expect([
    /^(<{7}|\|{7}|={7}|>{7})/m.test(text),
    text.endsWith(
      `${added('Guests can cancel an order within ten minutes.').slice(0, -1)}\n\n:::requirement{#REQ-16 priority=should status=draft}\nGuests can add a gift message.\n:::\n`,
    ),
  ]).toEqual([false, true]);
  expect(sandbox.git(clone, ['status', '--porcelain']).output).toBe('');
});

it('a file git stopped on that merges cleanly block by block has no choice to make: saving keeps both sides’ changes', async () => {
  const change = async (name: string, from: string, to: string) => {
    sandbox.git(clone, ['checkout', '-q', '-b', name, 'main']);
    const file = path.join(clone, spec);
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(from, to));
    sandbox.git(clone, ['commit', '-q', '-am', name]);
  };
  // Neighbouring lines of one requirement: its status, and its text.
  await change('status', '{#REQ-1 priority=must status=approved', '{#REQ-1 priority=must status=review');
  await change('wording', 'Guest shoppers can pay', 'Guest shoppers can always pay');
  sandbox.git(clone, ['checkout', '-q', 'main']);
  sandbox.git(clone, ['merge', '-q', '--no-edit', 'status']);
  expect(sandbox.git(clone, ['merge', '-q', '--no-edit', 'wording'], { allowFailure: true }).code).toBe(1);
  const service = new WorkspaceService(workspace!);
  const shown = await call(service, 'gitConflict', { path: spec });
  expect(shown.ok && shown.conflict.parts.filter((part) => part.kind === 'conflict')).toEqual([]);
  expect(await call(service, 'gitResolve', { path: spec, choices: [] })).toEqual({ ok: true, remaining: 0 });
  const text = await fs.readFile(path.join(clone, spec), 'utf8');
  expect([
    /^(<{7}|\|{7}|={7}|>{7})/m.test(text),
    text.includes(
      ':::requirement{#REQ-1 priority=must status=review roadmap=RM-1}\nGuest shoppers can always pay',
    ),
  ]).toEqual([false, true]);
});

it('Finish lists a workspace edit made while the merge is open and commits it with the merge when told to', async () => {
  const service = new WorkspaceService(workspace!);
  // The merge above is resolved, not finished; meanwhile a story is edited (as Point to REQ-n does).
  const story = path.join(clone, 'stories/guest-receipt-email.md');
  await fs.writeFile(
    story,
    (await fs.readFile(story, 'utf8')).replace('implements: [REQ-2]', 'implements: [REQ-1]'),
  );
  const asked = await call(service, 'gitFinish', {});
  expect(asked.ok && [asked.done, asked.leftOver]).toEqual([false, ['stories/guest-receipt-email.md']]);
  expect(sandbox.git(clone, ['rev-parse', '-q', '--verify', 'MERGE_HEAD'], { allowFailure: true }).code).toBe(
    0,
  );
  const finished = await call(service, 'gitFinish', { include: ['stories/guest-receipt-email.md'] });
  expect(finished.ok && [finished.done, finished.message]).toEqual([true, 'Merge committed.']);
  expect([
    sandbox.git(clone, ['show', '-s', '--format=%P', 'HEAD']).output.trim().split(' ').length,
    sandbox
      .git(clone, ['show', 'HEAD:stories/guest-receipt-email.md'])
      .output.includes('implements: [REQ-1]'),
    sandbox.git(clone, ['status', '--porcelain']).output,
  ]).toEqual([2, true, '']);
});
