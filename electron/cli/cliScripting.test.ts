import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCli,
  failureShape,
  json,
  sample,
  sampleCopy,
  snapshot,
  specbench,
  specbenchBytes,
  temporaryFolder,
} from './testing/cliProcess.js';

// What scripts and CI rely on, run as users run it: the compiled CLI as a separate process.
beforeAll(buildCli, 120_000);

/** A workspace made by `specbench init` with these files added. */
function initWith(files: Record<string, string>): string {
  const parent = temporaryFolder();
  specbench(['init', 'ws'], parent);
  const root = path.join(parent, 'ws');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('every command that prints takes --json (and --format json)', () => {
  const cases: [string, (root: string) => string[], (value: Record<string, unknown>) => unknown, unknown][] =
    [
      ['init', () => ['init', 'fresh', '--json'], (value) => [value.path, value.sample], ['fresh', false]],
      [
        'check',
        (root) => ['check', root, '--json'],
        (value) => value.counts,
        { error: 0, warning: 0, info: 0 },
      ],
      [
        'check --format json',
        (root) => ['check', root, '--format', 'json'],
        (value) => Object.keys(value),
        ['findings', 'counts'],
      ],
      ['doctor', (root) => ['doctor', root, '--format', 'json'], (value) => value.files, 29],
      ['search', (root) => ['search', root, 'promo', '--format', 'json'], (value) => value.query, 'promo'],
      ['show', (root) => ['show', root, 'RM-1', '--format', 'json'], (value) => value.kind, 'roadmap'],
      [
        'trace',
        (root) => ['trace', root, '--format', 'json'],
        (value) => value.coverage,
        { requirements: 14, withStories: 12 },
      ],
      [
        'list',
        (root) => ['list', root, '--type', 'faq', '--json'],
        (value) => (value.items as { key: string }[]).map((item) => item.key),
        ['FAQ-1', 'FAQ-2'],
      ],
      [
        'rekey',
        (root) => ['rekey', root, 'FAQ-2', 'FAQ-20', '--json'],
        (value) => [value.old, value.new, (value.changedFiles as string[]).length],
        ['FAQ-2', 'FAQ-20', 2],
      ],
      [
        'export',
        (root) => ['export', root, '--spec', 'SPEC-4', '--format', 'md', '--out', 'bundle.md', '--json'],
        (value) => [value.path, value.documents],
        ['bundle.md', { specs: 1, stories: 0, faqs: 0 }],
      ],
      [
        'release-notes',
        (root) => ['release-notes', root, 'REL-2', '--json'],
        (value) => [value.release, value.audience, value.format, (value.text as string).split('\n')[0]],
        ['REL-2', 'customers', 'md', '# Faster payment for returning customers'],
      ],
      [
        'release-notes --out',
        (root) => ['release-notes', root, 'REL-2', '--out', 'notes/REL-2.md', '--json'],
        (value) => [value.path, typeof value.bytes],
        [path.join('notes', 'REL-2.md'), 'number'],
      ],
    ];
  it.each(cases)('%s', (_name, args, pick, expected) => {
    const root = sampleCopy();
    const run = specbench(args(root), path.dirname(root));
    expect({ code: run.code, picked: pick(json(run)), stderr: run.stderr }).toEqual({
      code: 0,
      picked: expected,
      stderr: '',
    });
  });

  it('refuses a status nothing has (a typo), naming the statuses in use, instead of "Nothing matches"', () => {
    const run = specbench(['list', sample, '--type', 'story', '--status', 'Ready']);
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      "specbench: list: nothing here has the status 'Ready'; statuses in use: done, idea, in-progress, ready\n",
    ]);
  });

  it('refuses another format, and --json with --format text, as bad usage', () => {
    expect([
      failureShape(specbench(['list', sample, '--format', 'yaml'])),
      failureShape(specbench(['search', sample, 'promo', '--json', '--format', 'text'])),
    ]).toEqual([
      { code: 2, lines: 1, prefixed: true, stack: false },
      { code: 2, lines: 1, prefixed: true, stack: false },
    ]);
  });
});

describe('exit code 3: a key that is nowhere in the workspace', () => {
  const cases: [string, string[], string][] = [
    [
      'show',
      ['show', sample, 'SPEC-99'],
      'show: no document, requirement, roadmap item or release has the key SPEC-99',
    ],
    [
      'show a requirement not in that spec',
      ['show', sample, 'SPEC-2#REQ-4'],
      'show: SPEC-2 has no requirement or heading REQ-4',
    ],
    ['list --spec', ['list', sample, '--spec', 'SPEC-99'], 'list: there is no spec SPEC-99'],
    ['list --release', ['list', sample, '--release', 'REL-9'], 'list: there is no release REL-9'],
    [
      'export --spec',
      ['export', sample, '--spec', 'SPEC-99', '--format', 'md', '--out', '-'],
      'export: no document has the key SPEC-99',
    ],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const run = specbench(args);
    expect([run.code, run.stdout, run.stderr]).toEqual([3, '', `specbench: ${message}\n`]);
  });

  it('is documented in --help, and help help works', () => {
    const help = specbench(['--help']);
    const helpHelp = specbench(['help', 'help']);
    expect([
      /\n {2}3 {3}a key that is nowhere in the workspace/.test(help.stdout),
      helpHelp.code,
      helpHelp.stdout.split('\n')[0],
    ]).toEqual([true, 0, 'Usage: specbench help [<command>]']);
  });
});

describe('specbench list', () => {
  const cases: [string, string[], string[]][] = [
    [
      'the stories ready for Now, one command',
      ['--type', 'story', '--status', 'ready', '--lane', 'now'],
      ['STORY-4', 'STORY-6', 'STORY-7'],
    ],
    [
      'a spec, its stories and what it delivers',
      ['--spec', 'SPEC-2', '--type', 'story,roadmap'],
      ['STORY-5', 'STORY-6', 'STORY-7', 'STORY-8', 'RM-3', 'RM-4'],
    ],
    [
      'requirements in Next or Later still in draft',
      ['--type', 'requirement', '--lane', 'next,later', '--status', 'draft'],
      ['REQ-9', 'REQ-10', 'REQ-11', 'REQ-12', 'REQ-13', 'REQ-14'],
    ],
    ['none approved there', ['--type', 'requirement', '--lane', 'next,later', '--status', 'approved'], []],
  ];
  it.each(cases)('%s', (_name, filters, keys) => {
    const run = specbench(['list', sample, ...filters, '--json']);
    expect([run.code, (json(run).items as { key: string }[]).map((item) => item.key)]).toEqual([0, keys]);
  });

  it('prints rows with file:line and a count', () => {
    const run = specbench(
      ['list', 'acme-checkout', '--type', 'story', '--status', 'ready', '--lane', 'now'],
      path.dirname(sample),
    );
    expect(run.stdout.split('\n').slice(0, 1).concat(run.stdout.split('\n').slice(-3))).toEqual([
      'STORY-4  story  ready  Create an account after ordering (2 points)  acme-checkout/stories/create-account-after-order.md:1',
      '',
      '3 items.',
      '',
    ]);
  });
});

describe('specbench search and show, as engineers use them', () => {
  it('search REQ-4 lists the definition and every line linking to it first', () => {
    const run = specbench(['search', sample, 'REQ-4', '--json']);
    const hits = (json(run).hits as { path: string; line: number }[]).map((hit) => `${hit.path}:${hit.line}`);
    expect(hits.slice(0, 3)).toEqual([
      'specs/guest-checkout.md:74',
      'faqs/guest-checkout-pr-faq.md:28',
      'stories/create-account-after-order.md:6',
    ]);
  });

  it('search req-4 in lower case finds the same lines as REQ-4 (case does not matter, as help says)', () => {
    const lines = (query: string) =>
      (json(specbench(['search', sample, query, '--json'])).hits as { path: string; line: number }[]).map(
        (hit) => `${hit.path}:${hit.line}`,
      );
    expect(lines('req-4')).toEqual(lines('REQ-4'));
  });

  it('show a story: its criteria, estimate, requirement text and roadmap item', () => {
    const run = specbench(['show', sample, 'STORY-2']);
    expect([
      run.code,
      run.stdout.includes('estimate    3\n'),
      run.stdout.includes(
        '\nAcceptance criteria:\n  [x] Given an invalid email address, when I leave the field, then I see an inline error with an example address.\n',
      ),
      run.stdout.includes(
        '\nImplements REQ-2 (SPEC-1, must, approved):\n  Guests give an email address once',
      ),
      run.stdout.includes('  Roadmap: RM-1 Guest checkout (now, 2026-Q4, done)\n'),
      run.stdout.includes('\nreviewed    REQ-2: 3dab4061\n'),
    ]).toEqual([0, true, true, true, true, true]);
  });

  it('show --json gives the front matter as written, not the index', () => {
    const shown = json(specbench(['show', sample, 'STORY-2', '--json']));
    expect([shown.fields, Object.keys(shown).sort()]).toEqual([
      {
        key: 'STORY-2',
        type: 'story',
        title: 'Receive my receipt as a guest',
        status: 'done',
        implements: ['REQ-2'],
        estimate: 3,
        reviewed: { 'REQ-2': '3dab4061' },
      },
      ['fields', 'key', 'kind', 'line', 'links', 'path', 'requirements', 'story', 'title', 'type'],
    ]);
  });

  it('show SPEC-1#REQ-4 shows the requirement, with its text', () => {
    const shown = json(specbench(['show', sample, 'SPEC-1#REQ-4', '--json']));
    expect([shown.kind, shown.key, shown.line, (shown.text as string).split('\n')[0]]).toEqual([
      'requirement',
      'REQ-4',
      74,
      'After the order is placed, guests can turn their details into an account by choosing a password.',
    ]);
  });
});

describe('specbench trace', () => {
  it("shows each story's status beside its key, in text and JSON", () => {
    const text = specbench(['trace', sample]).stdout.split('\n');
    const items = json(specbench(['trace', sample, '--json'])).items as {
      requirements: { key: string; stories: string[]; storyStatus: Record<string, string> }[];
    }[];
    const req4 = items[0]!.requirements.find((requirement) => requirement.key === 'REQ-4')!;
    expect([text[3]!.split(/\s{2,}/).slice(1, 5), req4.stories, req4.storyStatus]).toEqual([
      ['REQ-4', 'could', 'approved', 'STORY-4 (ready)'],
      ['STORY-4'],
      { 'STORY-4': 'ready' },
    ]);
  });
});

describe('an empty workspace', () => {
  it('trace says there is nothing to trace, without a blank first line or 0 of 0 (100%)', () => {
    const root = initWith({});
    expect(specbench(['trace', root]).stdout).toBe(
      'No roadmap items yet: add them on the roadmap board or in roadmap.json, then link requirements with roadmap=RM-1.\n',
    );
  });

  it('trace with items but no requirement says none delivers one', () => {
    const root = initWith({
      'roadmap.json': JSON.stringify({
        version: 1,
        items: [{ key: 'RM-1', title: 'Wallets', lane: 'now', rank: 0 }],
      }),
    });
    expect(specbench(['trace', root]).stdout.split('\n')).toEqual([
      'RM-1  now    no requirement  Wallets',
      '',
      '1 roadmap item; no requirement delivers one yet (a requirement names its item with roadmap=RM-1).',
      '',
    ]);
  });

  it('check and export --all point at what makes a file a spec', () => {
    const root = initWith({ 'notes.md': '# Notes\n' });
    const check = specbench(['check', root]);
    const exported = specbench(
      ['export', root, '--all', '--format', 'md', '--out', 'b.md'],
      path.dirname(root),
    );
    expect([
      check.code,
      check.stdout.split('\n').at(-2),
      exported.code,
      exported.stderr.includes(
        'has no specs yet; a spec is a Markdown file whose front matter has key: SPEC-1',
      ),
    ]).toEqual([
      0,
      'No specs yet: a spec is a Markdown file whose front matter has key: SPEC-1 and type: spec (or a key and a place in specs/).',
      2,
      true,
    ]);
  });
});

describe('export --format feature on a workspace without stories', () => {
  it('says plainly there is nothing to export and what makes a file a story, exit 2, writing nothing', () => {
    const root = initWith({});
    const run = specbench(
      ['export', 'ws', '--all', '--format', 'feature', '--out', 'features'],
      path.dirname(root),
    );
    expect([run.code, run.stdout, run.stderr, existsSync(path.join(path.dirname(root), 'features'))]).toEqual(
      [
        2,
        '',
        'specbench: export: nothing to export: ws has no stories yet; a story is a Markdown file whose front matter has key: STORY-1 and type: story (or a key and a place in stories/)\n',
        false,
      ],
    );
  });
});

describe('findings at the right line', () => {
  it('a broken implements at its own line, YAML errors at the file line, a story without front matter flagged', () => {
    const root = initWith({
      'stories/block.md':
        '---\nkey: STORY-1\ntype: story\ntitle: Block\nimplements:\n  - REQ-7\n---\n## Acceptance criteria\n- [ ] Given a cart, when I pay, then I see the receipt.\n',
      'stories/bad.md':
        '---\nkey: STORY-2\ntype: story\ntitle: Bad\nimplements: [REQ-1\nstatus: ready\n---\nbody\n',
      'stories/plain.md': 'As a user I want things.\n',
    });
    const findings = json(specbench(['check', root, '--json'])).findings as {
      rule: string;
      path: string;
      line: number;
      message: string;
    }[];
    expect(
      findings.map(
        (finding) =>
          `${finding.path}:${finding.line} ${finding.rule} ${/line \d|column/.test(finding.message)}`,
      ),
    ).toEqual([
      'stories/bad.md:5 malformed-file false',
      'stories/block.md:6 broken-link false',
      'stories/plain.md:1 missing-front-matter false',
    ]);
  });
});

describe('export', () => {
  it('creates missing folders for --out, and prints dates as dates', () => {
    const root = sampleCopy();
    writeFileSync(
      path.join(root, 'specs', 'dated.md'),
      '---\nkey: SPEC-9\ntype: spec\ntitle: Dated\ncreated: 2018-12-21\n---\n## Problem\n\nText.\n',
    );
    const run = specbench(
      ['export', root, '--spec', 'SPEC-9', '--format', 'md', '--out', 'out/nested/b.md'],
      path.dirname(root),
    );
    const written = readFileSync(path.join(path.dirname(root), 'out', 'nested', 'b.md'), 'utf8');
    const shown = specbench(['show', root, 'SPEC-9']).stdout;
    expect([
      run.code,
      written.includes('2018-12-21'),
      /T00:00|\.000Z/.test(written + shown),
      shown.includes('\ncreated  2018-12-21\n'),
    ]).toEqual([0, true, false, true]);
  });

  it('--out - writes the bundle to stdout and nothing to disk', () => {
    const root = sampleCopy();
    const before = snapshot(path.dirname(root));
    const run = specbenchBytes(
      ['export', root, '--spec', 'SPEC-4', '--format', 'md', '--out', '-'],
      path.dirname(root),
    );
    expect([
      run.code,
      run.stdout.toString('utf8').startsWith('# '),
      run.stderr,
      snapshot(path.dirname(root)),
    ]).toEqual([0, true, '', before]);
  });
});
