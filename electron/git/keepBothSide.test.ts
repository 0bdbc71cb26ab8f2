/**
 * Keep both in the resolver on a requirement both clones reworded: the copy already on the remote keeps
 * the key and the one not pushed yet is renamed, in a merge (where that is "yours") as in a rebase; the
 * links offered to follow are the ones written on the renamed copy's side.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../engine/workspace.js';
import { resolveConflict } from './conflictResolution.js';
import { conflictView } from './conflictView.js';
import { finishOperation } from './finishOperation.js';
import { mergeMessage } from './mergeMessage.js';
import { findRepository } from './repositoryStatus.js';
import { createGitSandbox, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let dana: string;
let workspace: Workspace | undefined;
const spec = 'specs/checkout.md';
const specText = (text: string, note = '') =>
  `---\nkey: SPEC-1\ntype: spec\ntitle: Checkout\n---\n:::requirement{#REQ-2 priority=must}\n${text}\n:::\n${note}`;

async function write(clone: string, file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(clone, file)), { recursive: true });
  await fs.writeFile(path.join(clone, file), text);
}

beforeEach(async () => {
  sandbox = await createGitSandbox();
  Object.assign(process.env, sandbox.env);
  dana = await sandbox.clone('dana');
  await write(dana, 'specbench.json', '{ "name": "Team" }\n');
  await write(dana, spec, specText('Guests give an email.'));
  sandbox.git(dana, ['add', '-A']);
  sandbox.git(dana, ['commit', '-q', '-m', 'Start']);
  sandbox.git(dana, ['push', '-q', '-u', 'origin', 'HEAD:main']);
  const sam = await sandbox.clone('sam');
  await write(sam, spec, specText('Guests type an email.', '\nSam: see [[REQ-2]].\n'));
  sandbox.git(sam, ['commit', '-q', '-am', 'Sam rewords REQ-2']);
  sandbox.git(sam, ['push', '-q']);
  await write(dana, spec, specText('Guests enter an email.', '\nDana: see [[REQ-2]].\n'));
  sandbox.git(dana, ['commit', '-q', '-am', 'Dana rewords REQ-2']);
});

afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
  await sandbox.remove();
});

async function keepBoth(how: '--no-rebase' | '--rebase', shownMessage = false) {
  expect(sandbox.git(dana, ['pull', '-q', how], { allowFailure: true }).code).not.toBe(0);
  const opened = await Workspace.open(dana, { write: true, watch: false, cache: false });
  if (!opened.ok) throw new Error(opened.message);
  workspace = opened.workspace;
  // The commit's Keep both line names the copy by whose it is: the resolver's git user.name.
  sandbox.git(dana, ['config', 'user.name', 'Dana PM']);
  const place = (await findRepository(dana))!;
  // The message the Changes panel showed when the merge stopped, before Keep both wrote its line to git's.
  const shown = shownMessage ? await mergeMessage(place.gitDir) : undefined;
  const view = await conflictView(place, spec, workspace);
  if (!view.ok) throw new Error(view.message);
  const conflicts = view.conflict.parts.filter((part) => part.kind === 'conflict');
  const resolved = await resolveConflict(
    workspace,
    place,
    spec,
    conflicts.map(() => 'both' as const),
  );
  if (!resolved.ok) throw new Error(resolved.message);
  const text = await fs.readFile(path.join(dana, spec), 'utf8');
  const bodyOf = (key: string) => new RegExp(`:::requirement\\{#${key} [^\\n]*\\n([^\\n]*)`).exec(text)?.[1];
  const { freeKeys: _free, ...keepBothView } = view.conflict.keepBoth!;
  // Finished as the app finishes it, with the record the resolver wrote (rekeys.json) taken along.
  const finishing = await finishOperation(place, undefined, shown);
  const finished =
    finishing.ok && !finishing.done ? await finishOperation(place, finishing.leftOver, shown) : finishing;
  if (!finished.ok || !finished.done) throw new Error(finished.message);
  const message = sandbox.git(dana, ['log', '-1', '--format=%B']).output;
  return {
    before: keepBothView,
    // The merge commit, or the replayed commit of a rebase, names the key Keep both changed.
    choices: message.split('\n').filter((line) => line.startsWith('Keep both')),
    last: message.trimEnd().split('\n').at(-1),
    kept: bodyOf('REQ-2'),
    renamed: bodyOf('REQ-3'),
    told: resolved.renamed?.map(({ references, ...rest }) => ({
      ...rest,
      references: references.map((link) => `${link.path}:${link.line} ${link.author}`),
    })),
  };
}

describe('Keep both on a requirement both sides reworded', () => {
  it.each([
    ['a merge', '--no-rebase' as const, ["Keep both: REQ-2 (Dana PM's copy) is now REQ-3"]],
    ['a rebase', '--rebase' as const, ["Keep both: REQ-2 (Dana PM's copy) is now REQ-3"]],
  ])(
    'in %s, theirs already on origin/main keeps REQ-2 and yours (not pushed) becomes REQ-3',
    async (_name, how, choices) => {
      expect(await keepBoth(how)).toEqual({
        before: { renamed: 'mine', keptPublished: 'origin/main' },
        choices,
        last: choices[0],
        kept: 'Guests type an email.',
        renamed: 'Guests enter an email.',
        told: [
          {
            from: 'REQ-2',
            to: 'REQ-3',
            keptTitle: 'Guests type an email.',
            renamedTitle: 'Guests enter an email.',
            keptLabel: 'Theirs (origin/main)',
            renamedLabel: 'Yours',
            keptPublished: 'origin/main',
            references: [expect.stringMatching(/^specs\/checkout\.md:\d+ Dana$/)],
          },
        ],
      });
    },
  );

  it("in a merge finished with git's default message left untouched, the commit still ends with the Keep both line", async () => {
    const { choices, last } = await keepBoth('--no-rebase', true);
    expect(choices).toEqual(["Keep both: REQ-2 (Dana PM's copy) is now REQ-3"]);
    expect(last).toBe("Keep both: REQ-2 (Dana PM's copy) is now REQ-3");
  });
});
