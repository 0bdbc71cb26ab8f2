/**
 * History through merges, with real git: a conflict settled in a merge commit is in the history of
 * what it settled (with the diff against the first parent), a key given in the merge leads back to
 * the other side's commits under the old key, and a merge that only brought the other side's change
 * in is not listed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileHistory } from './historyReads.js';
import { itemHistory } from './itemHistory.js';
import { createGitSandbox, runSpecbenchIn, type GitSandbox } from './testing/gitSandbox.js';
import { WorkspaceRepository } from './workspaceRepository.js';

let sandbox: GitSandbox;
let kim: string;
let lee: string;

const requirement = (key: string, text: string) => `:::requirement{#${key} priority=should}\n${text}\n:::\n`;
const spec = (...requirements: string[]) =>
  `---\nkey: SPEC-1\ntype: spec\ntitle: Promo codes\n---\n## Requirements\n${requirements.join('\n')}`;

async function commit(clone: string, text: string, message: string, file = 'specs/promo.md'): Promise<void> {
  await fs.writeFile(path.join(clone, file), text);
  sandbox.git(clone, ['add', '-A']);
  sandbox.git(clone, ['commit', '-q', '-m', message]);
}

beforeAll(async () => {
  sandbox = await createGitSandbox();
  kim = await sandbox.clone('kim');
  await fs.mkdir(path.join(kim, 'specs'));
  const expire = requirement('REQ-13', 'Codes expire.');
  await commit(kim, spec(requirement('REQ-12', 'Apply a code.'), expire), 'Promo codes');
  sandbox.git(kim, ['push', '-q', 'origin', 'HEAD']);
  lee = await sandbox.clone('lee');
  const kimsRequirement = requirement('REQ-14', 'Share a code by link.');
  await commit(kim, spec(requirement('REQ-12', 'Apply a code at checkout.'), expire), 'Kim: at checkout');
  await commit(
    kim,
    spec(requirement('REQ-12', 'Apply a code at checkout.'), expire, kimsRequirement),
    'Kim adds REQ-14',
  );
  sandbox.git(kim, ['push', '-q', 'origin', 'HEAD']);
  const leesRequirement = requirement('REQ-14', 'Codes for staff only.');
  await commit(lee, spec(requirement('REQ-12', 'Apply a code in the cart.'), expire), 'Lee: in the cart');
  await commit(
    lee,
    spec(requirement('REQ-12', 'Apply a code in the cart.'), expire, leesRequirement),
    'Lee adds REQ-14',
  );
  expect(sandbox.git(lee, ['pull', '-q', '--no-rebase'], { allowFailure: true }).code).not.toBe(0);
  // Lee settles it: REQ-12 edited, both REQ-14 kept, Kim's under a new key.
  await commit(
    lee,
    spec(
      requirement('REQ-12', 'Apply a code at checkout or in the cart.'),
      expire,
      leesRequirement,
      requirement('REQ-21', 'Share a code by link.'),
    ),
    'Merge origin/main: both REQ-12 kept in one, Kim’s REQ-14 is REQ-21',
  );
  sandbox.git(lee, ['push', '-q', 'origin', 'HEAD']);
  // A clean merge: Kim changes REQ-13 while Lee adds a file; Lee pulls.
  sandbox.git(kim, ['pull', '-q', '--no-rebase']);
  await commit(
    kim,
    spec(
      requirement('REQ-12', 'Apply a code at checkout or in the cart.'),
      requirement('REQ-13', 'Codes expire after a month.'),
      leesRequirement,
      requirement('REQ-21', 'Share a code by link.'),
    ),
    'Kim: a month',
  );
  sandbox.git(kim, ['push', '-q', 'origin', 'HEAD']);
  await commit(lee, '# Notes\n', 'Lee: notes', 'specs/notes.md');
  sandbox.git(lee, ['pull', '-q', '--no-rebase', '--no-edit']);
  sandbox.git(lee, ['push', '-q', 'origin', 'HEAD']);
  // A merge that leaves the spec as Lee had it: Lee edits the spec, Kim only another file.
  sandbox.git(kim, ['pull', '-q', '--no-rebase']);
  await commit(kim, '# Glossary\n', 'Kim: glossary', 'specs/glossary.md');
  sandbox.git(kim, ['push', '-q', 'origin', 'HEAD']);
  const promo = path.join(lee, 'specs/promo.md');
  await commit(lee, `${await fs.readFile(promo, 'utf8')}\nSee the glossary.\n`, 'Lee: see the glossary');
  sandbox.git(lee, ['pull', '-q', '--no-rebase', '--no-edit']);
  expect(sandbox.git(lee, ['log', '-1', '--format=%s']).output).toMatch(/^Merge branch/);
}, 60_000);

afterAll(async () => {
  await sandbox.remove();
});

async function summary(key: string): Promise<string[][]> {
  const opened = await WorkspaceRepository.open(lee);
  if (!opened.ok) throw new Error(opened.message);
  return (await itemHistory(opened.repository, key)).changes.map((change) => [
    change.message,
    change.author,
    change.change,
    change.merge ? 'merge' : '',
    change.previousKey ?? '',
    change.diff.filter((line) => line.startsWith('+') || line.startsWith('-')).join(' | '),
  ]);
}

describe('history through merges', () => {
  it('lists the merge that settled a conflicting requirement, with its diff against the first parent', async () => {
    expect(await summary('REQ-12')).toEqual([
      [
        'Merge origin/main: both REQ-12 kept in one, Kim’s REQ-14 is REQ-21',
        'Lee',
        'changed',
        'merge',
        '',
        '-Apply a code in the cart. | +Apply a code at checkout or in the cart.',
      ],
      ['Lee: in the cart', 'Lee', 'changed', '', '', '-Apply a code. | +Apply a code in the cart.'],
      ['Kim: at checkout', 'Kim', 'changed', '', '', '-Apply a code. | +Apply a code at checkout.'],
      ['Promo codes', 'Kim', 'added', '', '', expect.stringContaining('+Apply a code.')],
    ]);
  });

  it('leads a key given in a merge back to the other side’s commits under the old key, not to this side’s', async () => {
    const history = await summary('REQ-21');
    expect(
      history.map(([message, author, change, merge, previousKey]) => [
        message,
        author,
        change,
        merge,
        previousKey,
      ]),
    ).toEqual([
      [
        'Merge origin/main: both REQ-12 kept in one, Kim’s REQ-14 is REQ-21',
        'Lee',
        'added',
        'merge',
        'REQ-14',
      ],
      ['Kim adds REQ-14', 'Kim', 'added', '', ''],
    ]);
    expect((await summary('REQ-14')).map(([message]) => message)).toEqual(['Lee adds REQ-14']);
  });

  it('leaves out a merge that only brought the other side’s change in', async () => {
    expect((await summary('REQ-13')).map(([message, author]) => `${author}: ${message}`)).toEqual([
      'Kim: Kim: a month',
      'Kim: Promo codes',
    ]);
  });

  it('leaves out a merge whose result is the spec as its first parent had it (the other side changed other files)', async () => {
    const opened = await WorkspaceRepository.open(lee);
    if (!opened.ok) throw new Error(opened.message);
    const byFile = await fileHistory(opened.repository, 'specs/promo.md');
    expect({
      byKey: (await summary('SPEC-1')).slice(0, 2).map(([message, author]) => `${author}: ${message}`),
      byFile: byFile.slice(0, 2).map((change) => `${change.author}: ${change.message}`),
    }).toEqual({
      byKey: ['Lee: Lee: see the glossary', 'Kim: Kim: a month'],
      byFile: ['Lee: Lee: see the glossary', 'Kim: Kim: a month'],
    });
  });

  it('shows the settling merge in the document’s history and in `specbench history`', async () => {
    expect((await summary('SPEC-1')).map(([message, , , merge]) => `${merge} ${message}`)).toContain(
      'merge Merge origin/main: both REQ-12 kept in one, Kim’s REQ-14 is REQ-21',
    );
    const opened = await WorkspaceRepository.open(lee);
    if (!opened.ok) throw new Error(opened.message);
    const byFile = await fileHistory(opened.repository, 'specs/promo.md');
    expect(byFile.map((change) => `${change.merge ? 'merge ' : ''}${change.message}`)).toEqual([
      'Lee: see the glossary',
      'Kim: a month',
      'merge Merge origin/main: both REQ-12 kept in one, Kim’s REQ-14 is REQ-21',
      'Lee adds REQ-14',
      'Lee: in the cart',
      'Kim adds REQ-14',
      'Kim: at checkout',
      'Promo codes',
    ]);
    const result = runSpecbenchIn(sandbox, lee, ['history', '.', 'REQ-21']);
    expect(result.stderr).toBe('');
    // Lee kept both REQ-14 by hand, Kim's under a new key: said as what Lee did, not "resolved in a merge".
    expect(result.stdout).toContain(
      '  added in specs/promo.md, kept both in a merge by Lee: this copy of REQ-14 became REQ-21\n',
    );
    expect(result.stdout).toContain('Kim adds REQ-14');
  });
});
