import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bin,
  buildCli,
  json,
  sample,
  sampleCopy,
  snapshot,
  specbench,
  temporaryFolder,
} from './testing/cliProcess.js';

// What an engineer scripting CI tripped over, run as CI runs it: the compiled CLI as a process.
beforeAll(buildCli, 120_000);

describe('--json on an error prints the error as JSON', () => {
  const cases: [string, string[], unknown][] = [
    [
      'a key not in the workspace',
      ['show', sample, 'SPEC-99', '--json'],
      {
        error: 'show: no document, requirement, roadmap item or release has the key SPEC-99',
        exitCode: 3,
      },
    ],
    [
      'bad usage (--format json)',
      ['list', sample, '--type', 'nope', '--format', 'json'],
      {
        error:
          "list: --type must be one of spec, requirement, story, faq, feedback, roadmap, doc, not 'nope'",
        exitCode: 2,
      },
    ],
    [
      'an unknown option',
      ['check', sample, '--json', '--strict'],
      { error: "check: unknown option '--strict' (usage: specbench check <dir> [--json])", exitCode: 2 },
    ],
  ];
  it.each(cases)('%s', (_name, args, expected) => {
    const run = specbench(args);
    expect({ code: run.code, value: json(run), stderrLines: run.stderr.split('\n').length - 1 }).toEqual({
      code: (expected as { exitCode: number }).exitCode,
      value: expected,
      stderrLines: 1,
    });
  });

  it('is documented in --help', () => {
    expect(specbench(['--help']).stdout).toContain('{"error": "<the line on stderr>", "exitCode": N}');
  });
});

describe('--spec takes a comma list, and repeats', () => {
  const cases: [string, string[], string[]][] = [
    ['list, comma list', ['--spec', 'SPEC-1,SPEC-2'], ['SPEC-1', 'SPEC-2']],
    ['list, repeated', ['--spec', 'SPEC-1', '--spec', 'SPEC-3'], ['SPEC-1', 'SPEC-3']],
    ['list, both', ['--spec', 'SPEC-1, SPEC-2', '--spec', 'SPEC-4'], ['SPEC-1', 'SPEC-2', 'SPEC-4']],
  ];
  it.each(cases)('%s', (_name, options, keys) => {
    const run = specbench(['list', sample, '--type', 'spec', ...options, '--json']);
    expect({ code: run.code, keys: (json(run).items as { key: string }[]).map((item) => item.key) }).toEqual({
      code: 0,
      keys,
    });
  });

  it('export --spec A,B bundles both', () => {
    const folder = temporaryFolder();
    const run = specbench(
      ['export', sample, '--spec', 'SPEC-1,SPEC-4', '--format', 'md', '--out', 'both.md', '--json'],
      folder,
    );
    expect({ code: run.code, documents: json(run).documents }).toEqual({
      code: 0,
      documents: { specs: 2, stories: 0, faqs: 0 },
    });
  });

  it('names the key that is not a spec, exit 3', () => {
    const run = specbench(['list', sample, '--spec', 'SPEC-1,SPEC-99']);
    expect([run.code, run.stderr]).toEqual([3, 'specbench: list: there is no spec SPEC-99\n']);
  });
});

describe('commands that write refuse a folder that is not a workspace', () => {
  const cases: [string, string[]][] = [
    ['rekey', ['rekey', 'notes', 'SPEC-1', 'SPEC-2']],
    ['review', ['review', 'notes', 'STORY-1']],
  ];
  it.each(cases)('%s writes nothing, not even .specbench/', (command, args) => {
    const folder = temporaryFolder();
    mkdirSync(path.join(folder, 'notes'));
    writeFileSync(path.join(folder, 'notes', 'a.md'), '---\nkey: SPEC-1\n---\nSee [[STORY-1]].\n');
    writeFileSync(path.join(folder, 'notes', 'b.md'), '---\nkey: STORY-1\ntype: story\n---\nBody.\n');
    const before = snapshot(folder);
    const run = specbench(args, folder);
    expect({
      code: run.code,
      stderr: run.stderr,
      unchanged: snapshot(folder),
      cache: existsSync(path.join(folder, 'notes', '.specbench')),
    }).toEqual({
      code: 2,
      stderr: `specbench: ${command}: notes is not a Specbench workspace: it has no specbench.json, in it or above it; nothing was written (name the workspace folder, or start one with specbench init <new folder>)\n`,
      unchanged: before,
      cache: false,
    });
  });
});

describe('rekey keeps the kind of key', () => {
  it('refuses SPEC-1 → STORY-99 and changes nothing', () => {
    const root = sampleCopy();
    const before = snapshot(root);
    const run = specbench(['rekey', root, 'SPEC-1', 'STORY-99']);
    expect({ code: run.code, stderr: run.stderr, unchanged: snapshot(root) }).toEqual({
      code: 2,
      stderr:
        'specbench: rekey: STORY-99 is another kind of key than SPEC-1; the new key must start with SPEC- too.\n',
      unchanged: before,
    });
  });
});

describe('doctor finds the workspace upward, as the other commands do', () => {
  it('from specs/ it checks the whole workspace', () => {
    const root = sampleCopy();
    const fromRoot = json(specbench(['doctor', '.', '--json'], root));
    const run = specbench(['doctor', '.', '--json'], path.join(root, 'specs'));
    expect({ code: run.code, files: json(run).files, stderr: run.stderr }).toEqual({
      code: 0,
      files: fromRoot.files,
      stderr: 'specbench: doctor: using the workspace in ..\n',
    });
  });
});

describe('init', () => {
  it('refuses a folder inside a workspace', () => {
    const folder = temporaryFolder();
    specbench(['init', 'outer'], folder);
    const before = snapshot(folder);
    const run = specbench(['init', 'outer/specs/inner'], folder);
    expect({ code: run.code, stderr: run.stderr, unchanged: snapshot(folder) }).toEqual({
      code: 2,
      stderr:
        'specbench: init: outer/specs/inner is inside the workspace in outer, which would read its documents too; choose a folder outside it\n',
      unchanged: before,
    });
  });

  it('quotes the Next: commands, so a folder with spaces pastes as one argument', () => {
    const folder = temporaryFolder();
    const run = specbench(['init', "Q1 plan's"], folder);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('  specbench'))).toEqual([
      `  specbench serve 'Q1 plan'\\''s' --write   write in it, in your browser (or open the folder in the desktop app)`,
      `  specbench check 'Q1 plan'\\''s'           check it for broken links and empty sections, as CI would`,
    ]);
  });
});

describe('a story whose front matter cannot be read is reported, not dropped', () => {
  function brokenStory(): string {
    const root = sampleCopy();
    const file = path.join(root, 'stories', 'address-autocomplete.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('implements: [REQ-3]', 'implements: [REQ-3'));
    return root;
  }
  const line =
    'stories/address-autocomplete.md:6 cannot be read (Flow sequence in block collection must be sufficiently indented and end with a ]), so it is left out';
  const cases: [string, string[]][] = [
    ['show', ['show', '.', 'SPEC-1']],
    [
      'export',
      ['export', '.', '--spec', 'SPEC-1', '--include', 'stories', '--format', 'md', '--out', 'b.md'],
    ],
  ];
  it.each(cases)('%s names the file and line and exits 1', (command, args) => {
    const run = specbench(args, brokenStory());
    expect({ code: run.code, stderr: run.stderr, printed: run.stdout !== '' }).toEqual({
      code: 1,
      stderr: `specbench: ${command}: ${line}\n`,
      printed: true,
    });
  });

  it('export --json lists it as leftOut', () => {
    const run = specbench(
      ['export', '.', '--spec', 'SPEC-1', '--format', 'md', '--out', 'b.md', '--json'],
      brokenStory(),
    );
    expect({ code: run.code, leftOut: json(run).leftOut }).toEqual({
      code: 1,
      leftOut: [
        {
          path: 'stories/address-autocomplete.md',
          line: 6,
          message: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
        },
      ],
    });
  });
});

describe('export says what it could not print as asked', () => {
  it('names a document with CJK or emoji the embedded fonts lack, and exits 0', () => {
    const root = sampleCopy();
    const file = path.join(root, 'specs', 'promo-codes.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nLaunch in 東京 🎉 — see → and “quotes”.\n`);
    const run = specbench(['export', '.', '--spec', 'SPEC-4', '--format', 'html', '--out', 'b.html'], root);
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 0,
      stderr:
        "specbench: export: SPEC-4 (specs/promo-codes.md) has characters the export's fonts do not cover (東 京 🎉): they print in a font this machine has, or as empty boxes\n",
    });
  });

  it('without poppler, still pages the PDF contents and says nothing', () => {
    // Every program on the PATH but poppler's pdftohtml, as on a machine without poppler-utils.
    const programs = temporaryFolder();
    for (const folder of ['/usr/bin', '/bin']) {
      if (!existsSync(folder)) continue;
      for (const name of readdirSync(folder)) {
        if (name !== 'pdftohtml' && !existsSync(path.join(programs, name)))
          symlinkSync(path.join(folder, name), path.join(programs, name));
      }
    }
    const run = specbench(
      ['export', sample, '--spec', 'SPEC-4', '--format', 'pdf', '--out', 'b.pdf'],
      temporaryFolder(),
      { ...process.env, PATH: programs },
    );
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    // A whole CLI export with Chromium: on a busy 2-core runner that takes longer than the default limit.
  }, 60_000);
});

describe('a shallow clone (CI checks out one commit) is named, with the fix', () => {
  function shallowClone(): string {
    const origin = sampleCopy();
    const git = (args: string[], cwd: string) =>
      spawnSync('git', ['-c', 'user.name=CI', '-c', 'user.email=ci@example.com', ...args], { cwd });
    git(['init', '-q', '-b', 'main'], origin);
    git(['add', '.'], origin);
    git(['commit', '-q', '-m', 'first'], origin);
    const file = path.join(origin, 'specs', 'promo-codes.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nMore.\n`);
    git(['commit', '-q', '-am', 'second'], origin);
    const clone = path.join(temporaryFolder(), 'clone');
    git(['clone', '-q', '--depth', '1', `file://${origin}`, clone], origin);
    return clone;
  }
  const hint =
    'fetch the whole history with git fetch --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0)';

  it('diff HEAD~1 says the commit is not in this shallow clone', () => {
    const run = specbench(['diff', '.', 'HEAD~1'], shallowClone());
    expect([run.code, run.stderr]).toEqual([
      2,
      `specbench: diff: no commit, branch or tag is called 'HEAD~1' in this shallow clone: ${hint}\n`,
    ]);
  });

  it('history says the oldest commit shows the key as added because the history stops there', () => {
    const run = specbench(['history', '.', 'SPEC-4'], shallowClone());
    expect([run.code, run.stderr]).toEqual([
      0,
      `specbench: history: this is a shallow clone, so the history stops early and its oldest commit shows SPEC-4 as added: ${hint}\n`,
    ]);
  });
});

describe('a full disk or a folder that cannot be written: one line in words, exit 2', () => {
  it.skipIf(!existsSync('/dev/full'))('output redirected to a full disk (/dev/full)', () => {
    const output = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [bin, 'list', sample, '--json'], {
        stdio: ['ignore', output, 'pipe'],
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect([result.status, result.stderr]).toEqual([
        2,
        'specbench: the output could not be written: the disk is full\n',
      ]);
    } finally {
      closeSync(output);
    }
  });

  it.skipIf(!existsSync('/sys/kernel'))('export into a folder nobody may write (/sys)', () => {
    const run = specbench([
      'export',
      sample,
      '--spec',
      'SPEC-4',
      '--format',
      'md',
      '--out',
      '/sys/bundle.md',
    ]);
    expect([run.code, run.stderr]).toEqual([
      2,
      'specbench: export: /sys/bundle.md could not be written: permission denied\n',
    ]);
  });

  it('a Chromium that cannot start, without Playwright in the words', () => {
    const run = specbench(
      ['export', sample, '--spec', 'SPEC-4', '--format', 'pdf', '--out', 'b.pdf'],
      temporaryFolder(),
      { ...process.env, SPECBENCH_CHROMIUM: '/nonexistent/chromium' },
    );
    expect({
      code: run.code,
      stderr: run.stderr,
      playwright: /browserType|page\.pdf|=====/.test(run.stderr),
    }).toEqual({
      code: 2,
      stderr: expect.stringMatching(
        /^specbench: export: cannot start Chromium to print the PDF \(install chromium or set SPECBENCH_CHROMIUM\): [^\n]+\n$/,
      ),
      playwright: false,
    });
  });
});

describe('messages name files from where the command runs, as typed', () => {
  it('export --out below a file names it relative, not by absolute path', () => {
    const folder = temporaryFolder();
    writeFileSync(path.join(folder, 'blocker'), '');
    const run = specbench(
      ['export', sample, '--spec', 'SPEC-4', '--format', 'md', '--out', 'blocker/bundle.md'],
      folder,
    );
    expect([run.code, run.stderr]).toEqual([2, 'specbench: export: blocker is not a folder\n']);
  });
});
