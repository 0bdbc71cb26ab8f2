/**
 * After `git pull --rebase` both clones' REQ-13 stand in the workspace, history is a straight line and
 * every replayed commit descends from the upstream's copy: the links for the renamed copy are still
 * found, by asking the commits as they were before the rebase.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitSandbox, runSpecbenchIn, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let dana: string;
const requirement = (text: string) => `:::requirement{#REQ-13 priority=must}\n${text}\n:::\n`;
const spec = (key: string, body: string) =>
  `---\nkey: ${key}\ntype: spec\ntitle: ${key}\n---\n# ${key}\n\n${body}`;
const story = (key: string, implement: string) =>
  `---\nkey: ${key}\ntype: story\ntitle: ${key}\nimplements: [${implement}]\n---\nAs a shopper.\n`;

beforeAll(async () => {
  sandbox = await createGitSandbox();
  dana = await sandbox.clone('dana');
  const sam = await sandbox.clone('sam');
  const write = async (clone: string, file: string, text: string) => {
    await fs.mkdir(path.dirname(path.join(clone, 'ws', file)), { recursive: true });
    await fs.writeFile(path.join(clone, 'ws', file), text);
  };
  await write(dana, 'specbench.json', '{ "name": "Team" }\n');
  await write(dana, 'specs/a.md', spec('SPEC-1', ''));
  await write(dana, 'specs/b.md', spec('SPEC-2', ''));
  await write(dana, 'stories/pay.md', story('STORY-1', 'SPEC-1'));
  await write(dana, 'stories/save-card.md', story('STORY-2', 'SPEC-2'));
  sandbox.git(dana, ['add', '-A']);
  sandbox.git(dana, ['commit', '-q', '-m', 'Start']);
  sandbox.git(dana, ['push', '-q', 'origin', 'HEAD:main']);
  sandbox.git(sam, ['pull', '-q', 'origin', 'main']);
  // Sam's REQ-13 and his story for it, pushed first.
  await write(sam, 'specs/b.md', spec('SPEC-2', requirement('Guests save a card.')));
  sandbox.git(sam, ['commit', '-q', '-am', 'REQ-13 in B']);
  await write(sam, 'stories/save-card.md', story('STORY-2', 'SPEC-2, REQ-13'));
  sandbox.git(sam, ['commit', '-q', '-am', 'Story for REQ-13']);
  sandbox.git(sam, ['push', '-q', 'origin', 'HEAD:main']);
  // Dana's REQ-13 with her link beside it, and her story for it, not pushed; then she pulls with rebase.
  await write(dana, 'specs/a.md', spec('SPEC-1', `${requirement('Guests pay.')}\nPaying: [[REQ-13]].\n`));
  sandbox.git(dana, ['commit', '-q', '-am', 'REQ-13 in A']);
  await write(dana, 'stories/pay.md', story('STORY-1', 'SPEC-1, REQ-13'));
  sandbox.git(dana, ['commit', '-q', '-am', 'Story for my REQ-13']);
  sandbox.git(dana, ['pull', '-q', '--rebase', 'origin', 'main']);
  expect(sandbox.git(dana, ['rev-list', '--merges', '--count', 'HEAD']).output.trim()).toBe('0');
}, 60_000);

afterAll(async () => {
  await sandbox.remove();
});

describe('rekey after git pull --rebase', () => {
  it("lists the links Dana wrote for her copy (renamed: not pushed), not Sam's", () => {
    const run = runSpecbenchIn(sandbox, path.join(dana, 'ws'), [
      'rekey',
      '.',
      'REQ-13',
      'REQ-14',
      '--file',
      'specs/a.md',
    ]);
    expect([run.code, run.stdout.replace(/[0-9a-f]{7}\)/g, 'abc1234)')]).toEqual([
      0,
      [
        'Renamed REQ-13 to REQ-14 in specs/a.md; links to REQ-13 keep meaning the other.',
        "git blame says these links to REQ-13 were written on the renamed copy's side of the merge, so they most likely mean REQ-14:",
        '  specs/a.md:12  SPEC-1 mentions REQ-13  (Dana, abc1234)',
        '  stories/pay.md:5  STORY-1 implements REQ-13  (Dana, abc1234)',
        '',
      ].join('\n'),
    ]);
  });

  it('check reports each of them until it points to REQ-14', () => {
    const check = runSpecbenchIn(sandbox, path.join(dana, 'ws'), ['check', '.', '--json']);
    const findings = (
      JSON.parse(check.stdout) as { findings: { rule: string; path: string; line: number }[] }
    ).findings
      .filter((finding) => finding.rule === 'rekeyed-reference')
      .map((finding) => `${finding.path}:${finding.line}`);
    expect(findings).toEqual(['specs/a.md:12', 'stories/pay.md:5']);
  });
});
