/** history, diff and review as a team uses them: real git, a sample workspace, renames and moves. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleWorkspaceFolder } from '../cli/packageRoot.js';
import { createGitSandbox, runSpecbenchIn, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let clone: string;
const specPath = 'ws/specs/guest-checkout.md';
const req2 = 'Guests give an email address once';

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(clone, file);
  await fs.writeFile(target, change(await fs.readFile(target, 'utf8')));
}

/** Cuts REQ-3's block out of guest-checkout.md and appends it to order-tracking.md. */
async function moveRequirement(): Promise<void> {
  const text = await fs.readFile(path.join(clone, specPath), 'utf8');
  const start = text.indexOf(':::requirement{#REQ-3');
  const end = text.indexOf('\n:::\n', start) + 5;
  await fs.writeFile(path.join(clone, specPath), text.slice(0, start) + text.slice(end));
  await edit(
    'ws/specs/order-tracking.md',
    (tracking) => `${tracking.trimEnd()}\n\n${text.slice(start, end)}`,
  );
}

const specbench = (...args: string[]) => runSpecbenchIn(sandbox, path.join(clone, 'ws'), args);

beforeAll(async () => {
  sandbox = await createGitSandbox();
  clone = await sandbox.clone('dana');
  await fs.cp(sampleWorkspaceFolder(), path.join(clone, 'ws'), {
    recursive: true,
    filter: (file) => path.basename(file) !== '.specbench',
  });
  sandbox.git(clone, ['add', '-A']);
  sandbox.git(clone, ['commit', '-q', '-m', 'Sample workspace']);
  sandbox.git(clone, ['tag', 'v1']);
  await edit(specPath, (text) => text.replace(req2, 'Guests give an email address exactly once'));
  await moveRequirement();
  await edit('ws/roadmap.json', (text) => text.replace('"lane": "next",', '"lane": "now",'));
  await edit('ws/stories/address-autocomplete.md', (text) =>
    text.replace('status: in-progress', 'status: done'),
  );
  sandbox.git(clone, ['commit', '-q', '-am', 'REQ-3 belongs to order tracking']);
  sandbox.git(clone, ['mv', 'ws/specs/order-tracking.md', 'ws/specs/tracking.md']);
  sandbox.git(clone, ['commit', '-q', '-m', 'Shorter file name']);
  sandbox.git(clone, ['tag', 'v2']);
}, 60_000);

afterAll(async () => {
  await sandbox.remove();
});

describe('specbench history', () => {
  it('follows a requirement by key across a move to another spec and a rename', () => {
    const run = specbench('history', '.', 'REQ-3', '--json');
    const history = JSON.parse(run.stdout) as {
      kind: string;
      changes: { change: string; path: string; previousPath?: string; author: string; message: string }[];
    };
    expect([
      history.kind,
      history.changes.map((change) => [
        change.change,
        change.previousPath ?? '',
        change.path,
        change.author,
        change.message,
      ]),
    ]).toEqual([
      'requirement',
      [
        ['moved', 'specs/order-tracking.md', 'specs/tracking.md', 'Dana', 'Shorter file name'],
        [
          'moved',
          'specs/guest-checkout.md',
          'specs/order-tracking.md',
          'Dana',
          'REQ-3 belongs to order tracking',
        ],
        ['added', '', 'specs/guest-checkout.md', 'Dana', 'Sample workspace'],
      ],
    ]);
  });

  it('prints what changed in that requirement alone, by words, and says when a key has no history', () => {
    const run = specbench('history', '.', 'REQ-2');
    const source = specbench('history', '.', 'REQ-2', '--source');
    const unknown = specbench('history', '.', 'REQ-404');
    expect({
      readable: run.stdout.split('\n').slice(1, 4),
      first: source.stdout.split('\n').slice(1, 8),
      unknown: [unknown.code, unknown.stderr],
    }).toEqual({
      readable: [
        '  changed in specs/guest-checkout.md',
        '    text: Guests give an email address {+exactly +}once, and it is used for the receipt and every order update.',
        '',
      ],
      first: [
        '  changed in specs/guest-checkout.md',
        '    @@ -1,4 +1,4 @@',
        '     :::requirement{#REQ-2 priority=must status=approved roadmap=RM-1}',
        '    -Guests give an email address once, and it is used for the receipt and every order update.',
        '    +Guests give an email address exactly once, and it is used for the receipt and every order update.',
        '     ',
        '     - Given the guest email field, when the shopper enters an address without an "@" and a domain, then an inline error explains the expected format.',
      ],
      unknown: [2, 'specbench: history: no commit in . touches REQ-404\n'],
    });
  });
});

describe('specbench diff', () => {
  it('reports requirements, roadmap items and story status between two tags', () => {
    const report = JSON.parse(specbench('diff', '.', 'v1', 'v2', '--json').stdout) as {
      requirements: {
        changed: { key: string; fields: { field: string; from: unknown; to: unknown }[] }[];
        added: unknown[];
        removed: unknown[];
      };
      roadmap: { changed: { key: string; fields: { field: string; from: unknown; to: unknown }[] }[] };
      stories: { key: string; from: string; to: string }[];
    };
    expect({
      requirements: report.requirements.changed.map((change) => [
        change.key,
        change.fields.map((field) => field.field).join(','),
      ]),
      addedOrRemoved: report.requirements.added.length + report.requirements.removed.length,
      roadmap: report.roadmap.changed.map((item) => [item.key, item.fields]),
      stories: report.stories.map((story) => [story.key, story.from, story.to]),
    }).toEqual({
      requirements: [
        ['REQ-2', ''],
        ['REQ-3', 'spec,path'],
        ['REQ-9', 'path'],
        ['REQ-10', 'path'],
        ['REQ-11', 'path'],
      ],
      addedOrRemoved: 0,
      roadmap: [['RM-5', [{ field: 'lane', from: 'next', to: 'now' }]]],
      stories: [['STORY-3', 'in-progress', 'done']],
    });
  });

  it('prints a changed requirement by words and a roadmap item field by field', () => {
    const lines = specbench('diff', '.', 'v1', 'v2').stdout.split('\n');
    const after = (heading: string, count: number) =>
      lines.slice(lines.findIndex((line) => line.startsWith(heading)) + 1).slice(0, count);
    expect([after('Requirements changed', 2), after('Roadmap items changed', 1)]).toEqual([
      [
        '  REQ-2  specs/guest-checkout.md',
        '      text: Guests give an email address {+exactly +}once, and it is used for the receipt and every order update.',
      ],
      ['  RM-5  Order tracking page: lane next → now'],
    ]);
  });

  it('compares with the working tree by default and refuses an unknown revision in one line', () => {
    const clean = specbench('diff', '.', 'v2');
    const unknown = specbench('diff', '.', 'v9');
    expect([clean.code, clean.stdout, unknown.code, unknown.stderr]).toEqual([
      0,
      'Changes from v2 to the working tree\n\nNothing changed in requirements, the roadmap, story status, or document status and sign-off.\n',
      2,
      "specbench: diff: no commit, branch or tag is called 'v9'\n",
    ]);
  });
});

describe('specbench export --changes-since', () => {
  it('adds the change report as the last chapter of the bundle', async () => {
    const out = path.join(sandbox.root, 'bundle.md');
    const run = specbench('export', '.', '--all', '--format', 'md', '--out', out, '--changes-since', 'v1');
    const bundle = await fs.readFile(out, 'utf8');
    const chapter = bundle.slice(bundle.lastIndexOf('Changes since v1'));
    expect({
      code: run.code,
      sections: chapter.match(/^#+ .*$/gm),
      req2: chapter.split('\n').filter((line) => line.includes('REQ-2') || line.startsWith('  - text:')),
      lineDiff: /^\s*[-+]Guests|```diff/m.test(chapter),
    }).toEqual({
      code: 0,
      sections: [
        '## Requirements changed',
        '## Roadmap items changed',
        '## Stories whose status moved',
      ].slice(0, 3),
      req2: [
        '- **REQ-2** (specs/guest-checkout.md)',
        '  - text: Guests give an email address <ins>exactly</ins> once, and it is used for the receipt and every order update.',
      ],
      lineDiff: false,
    });
  });
});

describe('suspect links and specbench review', () => {
  it('check reports the story whose requirement changed; review clears it with a one-line edit', async () => {
    const before = specbench('check', '.', '--format', 'json');
    const reviewed = specbench('review', '.', 'STORY-2');
    const after = specbench('check', '.', '--format', 'json');
    const diff = sandbox.git(clone, ['diff', '--numstat', '--', 'ws/stories']).output;
    const rules = (run: { stdout: string }) =>
      (JSON.parse(run.stdout) as { findings: { rule: string; path: string }[] }).findings.map(
        (finding) => `${finding.rule} ${finding.path}`,
      );
    expect({
      before: rules(before),
      reviewed: reviewed.stdout,
      after: rules(after),
      diff,
    }).toEqual({
      before: ['stale-approval specs/guest-checkout.md', 'suspect-link stories/guest-receipt-email.md'],
      reviewed: 'Marked STORY-2 reviewed against the current text of REQ-2.\n',
      after: ['stale-approval specs/guest-checkout.md'],
      diff: '1\t1\tws/stories/guest-receipt-email.md\n',
    });
  });

  it('review, history and diff print JSON with --json or --format json; an unknown story exits 3', () => {
    const again = specbench('review', '.', 'STORY-2', '--json');
    const unknown = specbench('review', '.', 'STORY-404', '--json');
    const requirement = specbench('review', '.', 'REQ-2');
    const history = specbench('history', '.', 'REQ-2', '--format', 'json');
    const diff = specbench('diff', '.', 'v1', 'v2', '--format', 'json');
    const review = JSON.parse(again.stdout) as {
      story: string;
      stamps: Record<string, string>;
      changed: boolean;
    };
    expect({
      review: [again.code, review.story, Object.keys(review.stamps), review.changed],
      unknown: [unknown.code, unknown.stderr],
      requirement: [requirement.code, requirement.stderr],
      history: [history.code, (JSON.parse(history.stdout) as { key: string }).key],
      diff: [diff.code, (JSON.parse(diff.stdout) as { from: string; to: string }).to],
    }).toEqual({
      review: [0, 'STORY-2', ['REQ-2'], false],
      unknown: [3, 'specbench: review: no document has the key STORY-404\n'],
      requirement: [
        2,
        'specbench: review: REQ-2 is a requirement in SPEC-1 (specs/guest-checkout.md); review works on stories: run it on the story that implements REQ-2, STORY-2\n',
      ],
      history: [0, 'REQ-2'],
      diff: [0, 'v2'],
    });
  });
});

describe('without git on the PATH', () => {
  it('history and diff say so in one line; check still works', async () => {
    // The CLI itself is started by path; only git is looked up on the PATH, in an empty folder.
    const empty = path.join(sandbox.root, 'empty-bin');
    await fs.mkdir(empty, { recursive: true });
    const noGit = { PATH: empty };
    const runs = [
      ['history', '.', 'REQ-2'],
      ['diff', '.', 'v1'],
      ['check', '.'],
    ].map((args) => runSpecbenchIn(sandbox, path.join(clone, 'ws'), args, noGit));
    expect(runs.map((run) => [run.code, run.stderr])).toEqual([
      [
        2,
        'specbench: history: git is not installed or not on the PATH, so git features are off (install git 2.30 or newer)\n',
      ],
      [
        2,
        'specbench: diff: git is not installed or not on the PATH, so git features are off (install git 2.30 or newer)\n',
      ],
      [0, ''],
    ]);
  });
});
