import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The CLI is tested as users run it: compiled, as a separate process, through bin/specbench.js.
const repository = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(repository, 'bin', 'specbench.js');
const sample = path.join(repository, 'samples', 'acme-checkout');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function specbench(args: string[], cwd = tmpdir()): Run {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function temporaryFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'specbench-cli-'));
}

/** Every file below a folder with its bytes (the .specbench cache aside), to prove a command wrote nothing. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || path.relative(folder, entry.parentPath).split(path.sep).includes('.specbench'))
      continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, file)] = readFileSync(file, 'base64');
  }
  return files;
}

/** The shape of a clean failure: exactly one `specbench:` line on stderr, no stack. */
function failureShape(run: Run): { code: number | null; lines: number; prefixed: boolean; stack: boolean } {
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  return {
    code: run.code,
    lines: lines.length,
    prefixed: lines.every((line) => line.startsWith('specbench: ')),
    stack: /\n\s+at |Error:/.test(run.stderr),
  };
}

// tsc emits even when files other helpers are still writing fail to typecheck; typecheck is its own step.
beforeAll(() => {
  spawnSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { cwd: repository, stdio: 'pipe' });
}, 120_000);

describe('specbench help and version', () => {
  const cases: [string[], number, RegExp][] = [
    [['--help'], 0, /^specbench: specs, stories[\s\S]*Commands:[\s\S]*init[\s\S]*Exit codes:/],
    [['-h'], 0, /Usage: specbench <command>/],
    [['help'], 0, /Commands:/],
    [['help', 'init'], 0, /^Usage: specbench init <dir> \[--sample\]/],
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
    }).toEqual({
      code: 0,
      entries: [
        '.gitignore',
        'assets',
        'faqs',
        'roadmap.json',
        'specbench.json',
        'specs',
        'stories',
        'templates',
      ],
      name: 'Product specs',
      roadmap: { version: 1, items: [] },
      gitignore: '.specbench/\n',
    });
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
      stdout: 'All 17 Markdown files come back byte-identical.\n',
      unchanged: before,
    });
  });

  it('lists files the editor will not open as skipped, in JSON', () => {
    const root = temporaryFolder();
    writeFileSync(path.join(root, 'notes.md'), '# Notes\r\n\r\n* one\r\n* two');
    writeFileSync(path.join(root, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    const run = specbench(['doctor', root, '--json']);
    expect({ code: run.code, report: JSON.parse(run.stdout) as unknown }).toEqual({
      code: 0,
      report: {
        files: 2,
        identical: 1,
        changed: [],
        skipped: [{ path: 'binary.md', message: 'binary.md is a binary file, not Markdown text.' }],
      },
    });
  });
});

describe('bad input: one line on stderr, the right exit code, nothing written', () => {
  const setups: Record<string, (folder: string) => void> = {
    nothing: () => undefined,
    'a non-empty folder': (folder) => writeFileSync(path.join(folder, 'notes.md'), '# Notes\n'),
    'a file': (folder) => writeFileSync(path.join(folder, 'file.md'), 'text\n'),
  };
  const cases: [string, keyof typeof setups, string[], number][] = [
    ['no command', 'nothing', [], 2],
    ['an unknown command', 'nothing', ['publish', '.'], 2],
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
