/** After two branches both created REQ-13: `specbench rekey --file` lists the links the renamed copy's side wrote, from real git. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitSandbox, runSpecbenchIn, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let dana: string;
let sam: string;
const requirement = (text: string) => `:::requirement{#REQ-13 priority=must}\n${text}\n:::\n`;
const spec = (key: string, body: string) =>
  `---\nkey: ${key}\ntype: spec\ntitle: ${key}\n---\n# ${key}\n\n${body}`;
const story = (implement: string) =>
  `---\nkey: STORY-1\ntype: story\ntitle: Save a card\nimplements: [${implement}]\n---\nAs a shopper.\n`;

beforeAll(async () => {
  sandbox = await createGitSandbox();
  dana = await sandbox.clone('dana');
  sam = await sandbox.clone('sam');
  const write = async (clone: string, file: string, text: string) => {
    await fs.mkdir(path.dirname(path.join(clone, 'ws', file)), { recursive: true });
    await fs.writeFile(path.join(clone, 'ws', file), text);
  };
  await write(dana, 'specbench.json', '{ "name": "Team" }\n');
  await write(dana, 'specs/a.md', spec('SPEC-1', ''));
  await write(dana, 'specs/b.md', spec('SPEC-2', ''));
  await write(dana, 'stories/save-card.md', story('SPEC-2'));
  sandbox.git(dana, ['add', '-A']);
  sandbox.git(dana, ['commit', '-q', '-m', 'Start']);
  sandbox.git(dana, ['push', '-q', 'origin', 'HEAD:main']);
  sandbox.git(sam, ['pull', '-q', 'origin', 'main']);
  // Dana's REQ-13, and her own link to it.
  await write(dana, 'specs/a.md', spec('SPEC-1', `${requirement('Guests pay.')}\nPaying: [[REQ-13]].\n`));
  sandbox.git(dana, ['commit', '-q', '-am', 'REQ-13 in A']);
  // Sam's REQ-13, later, and the story he wrote for it in a second commit.
  await write(sam, 'specs/b.md', spec('SPEC-2', requirement('Guests save a card.')));
  sandbox.git(sam, ['commit', '-q', '-am', 'REQ-13 in B']);
  await write(sam, 'stories/save-card.md', story('SPEC-2, REQ-13'));
  sandbox.git(sam, ['commit', '-q', '-am', 'Story for REQ-13']);
  sandbox.git(sam, ['push', '-q', 'origin', 'HEAD:main']);
  sandbox.git(dana, ['pull', '-q', '--no-edit', 'origin', 'main']);
}, 60_000);

const findings = (run: { stdout: string }) =>
  (
    JSON.parse(run.stdout) as {
      findings: { rule: string; path: string; line: number; message: string }[];
    }
  ).findings
    .filter((finding) => finding.rule === 'rekeyed-reference')
    .map(({ path: file, line, message }) => `${file}:${line} ${message}`);

afterAll(async () => {
  await sandbox.remove();
});

describe('specbench rekey of the newer copy', () => {
  it('review refuses while REQ-13 is defined twice: the stamp would take whichever copy came first', async () => {
    const story = path.join(dana, 'ws', 'stories/save-card.md');
    const before = await fs.readFile(story, 'utf8');
    const run = runSpecbenchIn(sandbox, path.join(dana, 'ws'), ['review', '.', 'STORY-1']);
    expect([run.code, run.stderr, await fs.readFile(story, 'utf8')]).toEqual([
      2,
      expect.stringMatching(
        /^specbench: review: REQ-13 is defined twice \(specs\/a\.md line \d+ and specs\/b\.md line \d+\), so it is unclear which one STORY-1 was written for: give one copy a new key in Changes first, then mark STORY-1 reviewed\n$/,
      ),
      before,
    ]);
  });

  it("lists the links Sam wrote to his REQ-13, not Dana's", () => {
    const run = runSpecbenchIn(sandbox, path.join(dana, 'ws'), [
      'rekey',
      '.',
      'REQ-13',
      'REQ-14',
      '--file',
      'specs/b.md',
    ]);
    expect([run.code, run.stdout.replace(/[0-9a-f]{7}\)/g, 'abc1234)')]).toEqual([
      0,
      [
        'Renamed REQ-13 to REQ-14 in specs/b.md; links to REQ-13 keep meaning the other.',
        "git blame says these links to REQ-13 were written on the renamed copy's side of the merge, so they most likely mean REQ-14:",
        '  stories/save-card.md:5  STORY-1 implements REQ-13  (Sam, abc1234)',
        '',
      ].join('\n'),
    ]);
  });

  it("reaches every clone: the rename's commit carries rekeys.json, and Sam's check reports the link after his pull", async () => {
    sandbox.git(dana, ['add', '-A']);
    sandbox.git(dana, ['commit', '-q', '-m', 'REQ-13 in B becomes REQ-14']);
    sandbox.git(dana, ['push', '-q', 'origin', 'HEAD:main']);
    sandbox.git(sam, ['pull', '-q', '--no-edit', 'origin', 'main']);
    const shared = JSON.parse(await fs.readFile(path.join(sam, 'ws', 'rekeys.json'), 'utf8')) as {
      rekeys: { key: string; newKey: string; path: string }[];
    };
    expect([
      shared.rekeys.map(({ key, newKey, path: file }) => `${key} → ${newKey} ${file}`),
      findings(runSpecbenchIn(sandbox, path.join(sam, 'ws'), ['check', '.', '--json'])),
    ]).toEqual([
      ['REQ-13 → REQ-14 specs/b.md'],
      [
        'stories/save-card.md:5 STORY-1 implements REQ-13, written for the copy renamed to REQ-14 after a merge: point it to REQ-14 or keep REQ-13 (Changes).',
      ],
    ]);
  });

  it('remembers them: check reports each link still on REQ-13 until it points to REQ-14', async () => {
    const check = () => runSpecbenchIn(sandbox, path.join(dana, 'ws'), ['check', '.', '--json']);
    expect(findings(check())).toEqual([
      'stories/save-card.md:5 STORY-1 implements REQ-13, written for the copy renamed to REQ-14 after a merge: point it to REQ-14 or keep REQ-13 (Changes).',
    ]);
    const story = path.join(dana, 'ws', 'stories/save-card.md');
    // Until the link is pointed, review would stamp Dana's REQ-13 on a story written for Sam's copy.
    const refused = runSpecbenchIn(sandbox, path.join(dana, 'ws'), ['review', '.', 'STORY-1']);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      'specbench: review: STORY-1 implements REQ-13, but that link was written for the copy renamed to REQ-14 after a merge: point it to REQ-14 or keep REQ-13 in Changes first, then mark STORY-1 reviewed\n',
    ]);
    await fs.writeFile(story, (await fs.readFile(story, 'utf8')).replace('SPEC-2, REQ-13', 'SPEC-2, REQ-14'));
    expect(findings(check())).toEqual([]);
    const reviewed = runSpecbenchIn(sandbox, path.join(dana, 'ws'), ['review', '.', 'STORY-1', '--json']);
    expect([reviewed.code, Object.keys((JSON.parse(reviewed.stdout) as { stamps: object }).stamps)]).toEqual([
      0,
      ['REQ-14'],
    ]);
  });
});
