import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bin,
  buildCli,
  failureShape,
  json,
  sample,
  sampleCopy,
  snapshot,
  specbench,
  temporaryFolder,
  type Run,
} from './testing/cliProcess.js';

// The CLI is tested as users run it: compiled, as a separate process, through bin/specbench.js.
beforeAll(buildCli, 120_000);

describe('specbench help and version', () => {
  const cases: [string[], number, RegExp][] = [
    [['--help'], 0, /^specbench: specs, stories[\s\S]*Commands:[\s\S]*init[\s\S]*Exit codes:/],
    [['-h'], 0, /Usage: specbench <command>/],
    [['help'], 0, /Commands:/],
    [['help', 'init'], 0, /^Usage: specbench init <dir> \[--sample\]/],
    [['help', 'serve'], 0, /^Usage: specbench serve <dir>/],
    [['init', '--help'], 0, /^Usage: specbench init <dir> \[--sample\]/],
    [['--version'], 0, /^[0-9]+\.[0-9]+\.[0-9]+\n$/],
  ];
  it.each(cases)('specbench %j', (args, code, pattern) => {
    const run = specbench(args);
    expect({ code: run.code, matches: pattern.test(run.stdout), stderr: run.stderr }).toEqual({
      code,
      matches: true,
      stderr: '',
    });
  });
});

/** Which of `files` git ignores in `root` (made a repository here, after what the test looked at). */
function ignoredByGit(root: string, files: string[]): string[] {
  spawnSync('git', ['init', '-q'], { cwd: root });
  const checked = spawnSync('git', ['check-ignore', ...files], { cwd: root, encoding: 'utf8' });
  return checked.stdout.split('\n').filter((line) => line !== '');
}

describe('specbench init', () => {
  it('writes an empty workspace with its settings, roadmap, folders and .gitignore', () => {
    const parent = temporaryFolder();
    const run = specbench(['init', 'product-specs'], parent);
    const root = path.join(parent, 'product-specs');
    expect({
      code: run.code,
      entries: readdirSync(root).sort(),
      name: (JSON.parse(readFileSync(path.join(root, 'specbench.json'), 'utf8')) as { name: string }).name,
      roadmap: JSON.parse(readFileSync(path.join(root, 'roadmap.json'), 'utf8')) as unknown,
      gitignore: readFileSync(path.join(root, '.gitignore'), 'utf8'),
      ignored: ignoredByGit(root, ['roadmap.json.bak', '.specbench/index.json', 'roadmap.json']),
    }).toEqual({
      code: 0,
      entries: [
        '.gitignore',
        'assets',
        'faqs',
        'feedback',
        'roadmap.json',
        'specbench.json',
        'specs',
        'stories',
        'templates',
      ],
      name: 'Product specs',
      roadmap: { version: 1, items: [] },
      gitignore:
        '.specbench/\n# The previous roadmap.json, kept by Specbench to recover a corrupt file.\nroadmap.json.bak\n',
      ignored: ['roadmap.json.bak', '.specbench/index.json'],
    });
  });

  it('says how to open the new workspace to write in it, how to check it, and how to share it through git', () => {
    const run = specbench(['init', 'product-specs'], temporaryFolder());
    expect(run.stdout.split('\n')).toEqual([
      'Created an empty workspace in product-specs',
      'Next:',
      '  specbench serve product-specs --write   write in it, in your browser (or open the folder in the desktop app)',
      '  specbench check product-specs           check it for broken links and empty sections, as CI would',
      'To share it through git: git init product-specs && specbench merge-driver install product-specs (git then merges specs block by block).',
      '',
    ]);
  });

  it('copies the bundled sample byte for byte with --sample, from any working folder', () => {
    const parent = temporaryFolder();
    const run = specbench(['init', path.join(parent, 'acme'), '--sample'], parent);
    const copied = snapshot(path.join(parent, 'acme'));
    const original = snapshot(sample);
    delete original[path.join('.specbench', 'index.json')];
    const sampleFiles = Object.fromEntries(
      Object.entries(original).filter(([file]) => !file.startsWith('.specbench')),
    );
    expect({ code: run.code, files: copied }).toEqual({ code: 0, files: sampleFiles });
  });
});

describe('specbench doctor', () => {
  it('finds every file of the sample byte-identical, and writes nothing', () => {
    const before = snapshot(sample);
    const run = specbench(['doctor', sample]);
    expect({ code: run.code, stdout: run.stdout, unchanged: snapshot(sample) }).toEqual({
      code: 0,
      stdout:
        'All 29 Markdown files come back byte-identical.\n' +
        'Shown as Markdown source: 0 of 215 blocks (0 %), 0 of 81 inline constructs (0 %).\n',
      unchanged: before,
    });
  });

  it('lists files the editor will not open as skipped, in JSON', () => {
    const root = temporaryFolder();
    writeFileSync(path.join(root, 'notes.md'), '# Notes\r\n\r\n* one\r\n* two <br>\r\n\r\n<div>\r\nraw');
    writeFileSync(path.join(root, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    const run = specbench(['doctor', root, '--json']);
    expect({ code: run.code, report: JSON.parse(run.stdout) as unknown }).toEqual({
      code: 0,
      report: {
        files: 2,
        identical: 1,
        changed: [],
        skipped: [{ path: 'binary.md', message: 'binary.md is a binary file, not Markdown text.' }],
        // The <br> is shown as a line break now (kept byte for byte), so no inline construct is source.
        source: { blocks: 3, rawBlocks: 1, inline: 1, rawInline: 0 },
        sourceByFile: [
          {
            path: 'notes.md',
            blocks: 3,
            rawBlocks: 1,
            inline: 1,
            rawInline: 0,
            lines: [6],
            reasons: ['HTML'],
          },
        ],
      },
    });
  });

  it('says why a block is shown as source, and renders a table whose cells hold no-break spaces', () => {
    const root = temporaryFolder();
    writeFileSync(
      path.join(root, 'Sync.md'),
      '| Option   | Description                   |\n| -------- | ----------------------------- |\n' +
        '| `--mode` | Sync mode:\u00a0`pull-only`\u00a0(default) |\n\n%% kept for later %%\n',
    );
    const run = specbench(['doctor', '.'], root);
    expect({ code: run.code, lines: run.stdout.split('\n').map((line) => line.trimEnd()) }).toEqual({
      code: 0,
      lines: [
        'The one Markdown file comes back byte-identical.',
        'Shown as Markdown source: 1 of 2 blocks (50 %), 0 of 2 inline constructs (0 %).',
        'Sync.md  1 of 2 blocks (50 %)  0 of 2 inline (0 %)  block at line 5 (Obsidian %% comment)',
        '',
      ],
    });
  });
});

describe('specbench check', () => {
  it('finds nothing wrong in the sample', () => {
    const run = specbench(['check', sample]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 0,
      stdout: 'No findings in 29 documents.\n',
      stderr: '',
    });
  });

  it('reports a broken link as file:line, relative to the working folder, and exits 1', () => {
    const root = sampleCopy();
    appendFileSync(path.join(root, 'specs', 'promo-codes.md'), '\nSee [[SPEC-99]].\n');
    const run = specbench(['check', 'acme'], path.dirname(root));
    expect({ code: run.code, lines: run.stdout.split('\n') }).toEqual({
      code: 1,
      lines: [
        'acme/specs/promo-codes.md:72  error  broken-link  [[SPEC-99]] in SPEC-4 links to SPEC-99, which does not exist.',
        '1 error, 0 warnings, 0 info in 29 documents.',
        '',
      ],
    });
  });

  it('prints findings and counts as JSON with workspace-relative paths', () => {
    const root = sampleCopy();
    appendFileSync(path.join(root, 'specs', 'promo-codes.md'), '\nSee [[SPEC-99]].\n');
    const run = specbench(['check', root, '--format', 'json']);
    const report = json(run) as { findings: { rule: string; path: string; line: number }[]; counts: unknown };
    expect({
      code: run.code,
      findings: report.findings.map(({ rule, path: file, line }) => ({ rule, path: file, line })),
      counts: report.counts,
    }).toEqual({
      code: 1,
      findings: [{ rule: 'broken-link', path: 'specs/promo-codes.md', line: 72 }],
      counts: { error: 1, warning: 0, info: 0 },
    });
  });
});

describe('specbench search, show and trace on the sample', () => {
  const cases: [string, string[], (run: Run) => unknown, unknown][] = [
    [
      'search finds the promo codes spec first',
      ['search', sample, 'promo code', '--json'],
      (run) => (json(run).hits as { key?: string }[])[0]?.key,
      'SPEC-4',
    ],
    [
      'search text starts with file:line and the key',
      ['search', sample, 'rate limited'],
      (run) => run.stdout.split('\n')[0]!.split(/\s+/).slice(0, 2),
      [path.join(sample, 'specs/promo-codes.md') + ':57', 'SPEC-4'],
    ],
    [
      'search with no hits says so',
      ['search', sample, 'zeppelin'],
      (run) => run.stdout,
      'No matches for "zeppelin".\n',
    ],
    [
      'show a requirement: its spec, roadmap item and implementing story',
      ['show', sample, 'REQ-2', '--json'],
      (run) => {
        const shown = json(run) as {
          kind: string;
          links: { outgoing: { kind: string; to: string }[]; incoming: { kind: string; from: string }[] };
        };
        return [
          shown.kind,
          shown.links.outgoing.map((link) => `${link.kind} ${link.to}`),
          shown.links.incoming.filter((link) => link.kind === 'implements').map((link) => link.from),
        ];
      },
      ['requirement', ['delivers RM-1'], ['STORY-2']],
    ],
    [
      'show a roadmap item with its RICE score',
      ['show', sample, 'RM-3'],
      (run) => run.stdout.split('\n').find((line) => line.startsWith('RICE')),
      'RICE          8000 (reach 25000 × impact 2 × confidence 80% ÷ effort 5)',
    ],
    [
      'show a document: the FAQ that answers it comes in',
      ['show', sample, 'SPEC-2', '--json'],
      (run) =>
        (json(run).links as { incoming: { kind: string; from: string }[] }).incoming
          .filter((link) => link.kind === 'answers')
          .map((link) => link.from),
      ['FAQ-2'],
    ],
    [
      'trace covers 12 of 14 requirements',
      ['trace', sample, '--json'],
      (run) => json(run).coverage,
      { requirements: 14, withStories: 12 },
    ],
    [
      'trace text ends with the coverage',
      ['trace', sample],
      (run) => run.stdout.trimEnd().split('\n').at(-1),
      '12 roadmap items; 12 of 14 requirements have a story (86%).',
    ],
  ];
  it.each(cases)('%s', (_name, args, pick, expected) => {
    // From a folder of its own: a checkout under the system temp folder is below tmpdir(), where a path
    // inside the working folder prints relative, not whole as expected here.
    const run = specbench(args, temporaryFolder());
    expect({ code: run.code, picked: pick(run) }).toEqual({ code: 0, picked: expected });
  });
});

describe('specbench rekey', () => {
  it('renames a spec key everywhere and leaves the workspace clean', () => {
    const root = sampleCopy();
    const run = specbench(['rekey', root, 'SPEC-1', 'SPEC-10']);
    const after = specbench(['check', root]);
    expect({
      code: run.code,
      stdout: run.stdout,
      check: after.code,
      answers: readFileSync(path.join(root, 'faqs', 'guest-checkout-pr-faq.md'), 'utf8').includes(
        'answers: [SPEC-10]',
      ),
      leftovers: Object.values(snapshot(root)).filter((base64) =>
        Buffer.from(base64, 'base64').toString().includes('SPEC-1]'),
      ).length,
    }).toEqual({
      code: 0,
      stdout: 'Renamed SPEC-1 to SPEC-10 in 6 files.\n',
      check: 0,
      answers: true,
      leftovers: 0,
    });
  });
});

describe('specbench rekey of a duplicate key', () => {
  it('refuses an OLD two files define, then renames only the one --file names', () => {
    const root = sampleCopy();
    const original = path.join(root, 'specs', 'guest-checkout.md');
    writeFileSync(
      path.join(root, 'specs', 'guest-checkout-2.md'),
      readFileSync(original, 'utf8').replace('title: Guest checkout', 'title: Guest checkout again'),
    );
    const before = snapshot(root);
    const refused = specbench(['rekey', 'acme', 'SPEC-1', 'SPEC-10'], path.dirname(root));
    const unchanged = JSON.stringify(snapshot(root)) === JSON.stringify(before);
    const renamed = specbench(
      ['rekey', 'acme', 'SPEC-1', 'SPEC-10', '--file', 'acme/specs/guest-checkout-2.md'],
      path.dirname(root),
    );
    const check = specbench(['check', root, '--format', 'json']);
    expect({
      refused: [refused.code, refused.stderr],
      unchanged,
      renamed: [renamed.code, renamed.stdout],
      // Its requirements are still duplicates: each is renamed the same way, one at a time.
      duplicates: (JSON.parse(check.stdout) as { findings: { rule: string; key?: string }[] }).findings
        .filter((finding) => finding.rule === 'duplicate-key')
        .map((finding) => finding.key)
        .filter((key) => key?.startsWith('SPEC')),
    }).toEqual({
      refused: [
        2,
        'specbench: rekey: SPEC-1 is defined in acme/specs/guest-checkout-2.md and acme/specs/guest-checkout.md; name the one to rename with --file acme/specs/guest-checkout-2.md\n',
      ],
      unchanged: true,
      renamed: [
        0,
        'Renamed SPEC-1 to SPEC-10 in acme/specs/guest-checkout-2.md; links to SPEC-1 keep meaning the other.\n',
      ],
      duplicates: [],
    });
  });

  it('says the app has the workspace open, not that it is read-only, while specbench serve --write holds it', async () => {
    const root = sampleCopy();
    const server = spawn(process.execPath, [bin, 'serve', root, '--write', '--port', '0'], {
      stdio: 'pipe',
      env: { ...process.env, SPECBENCH_CONFIG_DIR: path.join(path.dirname(root), 'config') },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let output = '';
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Specbench serving')) resolve();
        });
        server.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
      });
      const run = specbench(['rekey', root, 'SPEC-1', 'SPEC-10']);
      expect([run.code, run.stderr.replace(/process \d+ on [^)]+/, 'process N on HOST')]).toEqual([
        2,
        'specbench: rekey: Specbench has this workspace open for editing (process N on HOST): make the change there, or close it and try again.\n',
      ]);
    } finally {
      server.kill('SIGTERM');
    }
  });
});

describe('bad input: one line on stderr, the right exit code, nothing written', () => {
  const setups: Record<string, (folder: string) => void> = {
    nothing: () => undefined,
    'a sample': (folder) =>
      cpSync(sample, path.join(folder, 'acme'), {
        recursive: true,
        filter: (file) => path.basename(file) !== '.specbench',
      }),
    'a corrupt roadmap': (folder) => {
      setups['a sample']!(folder);
      writeFileSync(
        path.join(folder, 'acme', 'roadmap.json'),
        '{ "version": 1, "items": [ { "key": "RM-1", ',
      );
    },
    'an invalid specbench.json': (folder) => {
      setups['a sample']!(folder);
      writeFileSync(
        path.join(folder, 'acme', 'specbench.json'),
        '{ "name": "", "rules": { "broken-link": "fatal" } }\n',
      );
    },
    'a non-empty folder': (folder) => writeFileSync(path.join(folder, 'notes.md'), '# Notes\n'),
    'a file': (folder) => writeFileSync(path.join(folder, 'file.md'), 'text\n'),
  };
  const cases: [string, keyof typeof setups, string[], number][] = [
    ['no command', 'nothing', [], 2],
    ['an unknown command', 'nothing', ['publish', '.'], 2],
    ['a command named like an object property', 'nothing', ['constructor'], 2],
    ['an unknown global option', 'nothing', ['--verbose'], 2],
    ['help for an unknown command', 'nothing', ['help', 'publish'], 2],
    ['an unknown option', 'nothing', ['init', 'new', '--force'], 2],
    ['a missing argument', 'nothing', ['init'], 2],
    ['an extra argument', 'nothing', ['init', 'one', 'two'], 2],
    ['init into a non-empty folder', 'a non-empty folder', ['init', '.'], 2],
    ['init onto a file', 'a file', ['init', 'file.md'], 2],
    ['init below a file', 'a file', ['init', 'file.md/workspace'], 2],
    ['doctor on a missing folder', 'nothing', ['doctor', 'missing'], 2],
    ['doctor on a file', 'a file', ['doctor', 'file.md'], 2],
    ['check on a missing folder', 'nothing', ['check', 'missing'], 2],
    ['check on a file', 'a file', ['check', 'file.md'], 2],
    ['check with an unknown format', 'a sample', ['check', 'acme', '--format', 'xml'], 2],
    ['check with a corrupt roadmap.json', 'a corrupt roadmap', ['check', 'acme'], 2],
    ['check with an invalid specbench.json', 'an invalid specbench.json', ['check', 'acme'], 2],
    ['search on a missing folder', 'nothing', ['search', 'missing', 'guest'], 2],
    ['search with no query', 'a sample', ['search', 'acme'], 2],
    ['show with a lowercase key', 'a sample', ['show', 'acme', 'spec-1'], 2],
    ['show with a key not in the workspace', 'a sample', ['show', 'acme', 'SPEC-99'], 3],
    ['trace with a corrupt roadmap.json', 'a corrupt roadmap', ['trace', 'acme'], 2],
    ['rekey with a malformed key', 'a sample', ['rekey', 'acme', 'SPEC-1', 'spec one'], 2],
    ['rekey to a key in use', 'a sample', ['rekey', 'acme', 'SPEC-1', 'SPEC-2'], 2],
    ['rekey of a key not in the workspace', 'a sample', ['rekey', 'acme', 'SPEC-77', 'SPEC-78'], 3],
    [
      'rekey with an invalid specbench.json',
      'an invalid specbench.json',
      ['rekey', 'acme', 'SPEC-1', 'SPEC-10'],
      2,
    ],
  ];
  it.each(cases)('%s', (_name, setup, args, code) => {
    const folder = temporaryFolder();
    setups[setup]!(folder);
    const before = snapshot(folder);
    const run = specbench(args, folder);
    expect({
      ...failureShape(run),
      stdout: run.stdout,
      unchanged: existsSync(folder) && snapshot(folder),
    }).toEqual({
      code,
      lines: 1,
      prefixed: true,
      stack: false,
      stdout: '',
      unchanged: before,
    });
  });
});

describe('a reader that stops early (specbench trace | head -1)', () => {
  it('ends quietly, without a stack trace', async () => {
    const child = spawn(process.execPath, [bin, 'trace', sample], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
