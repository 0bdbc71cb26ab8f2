import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleCopy, temporaryFolder } from '../../export/testing/exportFixtures.js';
import { runCli } from '../runCli.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** What the output folder holds afterwards. */
  written: string[];
  cwd: string;
}

// A sentence of the sample's README.md, a document with no key and no front matter.
const readmeLine = 'This folder is a sample workspace';

describe('specbench export', () => {
  let workspace: string;

  beforeAll(async () => {
    workspace = await sampleCopy();
  });

  async function exportWith(args: string[], terminal = false): Promise<Run> {
    const cwd = await temporaryFolder();
    let stdout = '';
    let stderr = '';
    const code = await runCli(['export', workspace, ...args], {
      cwd,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text), isTTY: terminal } as {
        write(text: string): unknown;
      },
    });
    return { code, stdout, stderr, written: (await fs.readdir(cwd, { recursive: true })).sort(), cwd };
  }

  const usageCases: [string, string[], string][] = [
    [
      'a document and --all',
      ['--all', '--doc', 'README.md', '--format', 'md', '--out', 'b.md'],
      'export: give --doc or --all, not both',
    ],

    [
      'no specs named',
      ['--format', 'md', '--out', 'b.md'],
      'export: name the specs with --spec KEY or any document with --doc NAME, or use --all',
    ],
    [
      'specs and --all',
      ['--all', '--spec', 'SPEC-1', '--format', 'md', '--out', 'b.md'],
      'export: give --spec or --all, not both',
    ],
    [
      'no format, and an --out that does not say one',
      ['--all', '--out', 'bundle.docx'],
      'export: give --format pdf, md, zip, html or feature, or an --out file ending in .pdf, .md, .zip or .html',
    ],
    [
      'an unknown format',
      ['--all', '--format', 'docx', '--out', 'b.md'],
      "export: --format must be pdf, md, zip, html or feature, not 'docx'",
    ],
    ['no output', ['--all', '--format', 'md'], 'export: --out PATH is required'],
    [
      'neither format nor output',
      ['--all'],
      'export: give --out PATH (its ending, .pdf, .md, .zip or .html, picks the format)',
    ],
    [
      'an unknown part',
      ['--all', '--format', 'md', '--out', 'b.md', '--include', 'stories,memes'],
      "export: unknown part 'memes' in --include (stories, faqs, roadmap, matrix, comments)",
    ],
    [
      'a story key',
      ['--spec', 'STORY-1', '--format', 'md', '--out', 'b.md'],
      'export: STORY-1 is a story, not a spec',
    ],
    [
      'a folder named with a trailing slash, as CI scripts write artifacts/',
      ['--all', '--format', 'pdf', '--out', 'artifacts/'],
      'export: --out artifacts/ names a folder; give a file name, such as artifacts/bundle.pdf',
    ],
    [
      // Written beside it and renamed over it, a device would become a plain file (as root, /dev/full did).
      'a device',
      ['--all', '--format', 'md', '--out', '/dev/null'],
      'export: /dev/null is not a plain file (a device or a pipe), which an export would replace: give a file name, or --out - for standard output',
    ],
    [
      'an output path below a file',
      ['--all', '--format', 'md', '--out', '/dev/null/bundles/b.md'],
      'export: /dev/null is not a folder',
    ],
  ];
  it.each(usageCases)('refuses %s with one line and exit 2, writing nothing', async (_, args, message) => {
    const { cwd, ...run } = await exportWith(args);
    expect({ ...run, stderr: run.stderr.replace(`${cwd}/`, '') }).toEqual({
      code: 2,
      stdout: '',
      stderr: `specbench: ${message}\n`,
      written: [],
    });
  });

  const formatCases: [string, string, RegExp, string[]][] = [
    ['html', 'bundle.html', /^<!doctype html>/, []],
    ['md', 'bundle.md', /^# Guest checkout\n/, ['bundle.assets', 'bundle.assets/checkout-flow.png']],
    ['zip', 'bundle.zip', /^PK/, []],
    // Without --format, the extension of --out says it.
    ['pdf (inferred from --out)', 'bundle.pdf', /^%PDF-/, []],
  ];
  it.each(formatCases)(
    'writes %s to --out (and its images) and nothing else',
    async (format, out, start, beside) => {
      const { cwd, ...run } = await exportWith([
        '--spec',
        'SPEC-1',
        ...(format.includes('inferred') ? [] : ['--format', format]),
        '--out',
        out,
        '--include',
        'stories,faqs',
      ]);
      const head = (await fs.readFile(path.join(cwd, out), 'latin1')).slice(0, 40);
      expect({ ...run, starts: start.test(head) }).toEqual({
        code: 0,
        stdout: `Wrote ${out} (${/\((\d+ KB);/.exec(run.stdout)?.[1]}; 1 spec, 4 stories, 1 FAQ).\n`,
        stderr: '',
        written: [...beside, out].sort(),
        starts: true,
      });
    },
  );

  it('exports any document as it is with --doc, by file name or key (walkthrough: a note needed a key first)', async () => {
    const { cwd, ...run } = await exportWith(['--doc', 'README', '--doc', 'STORY-2', '--out', 'notes.md']);
    const written = await fs.readFile(path.join(cwd, 'notes.md'), 'utf8');
    expect({
      ...run,
      stdout: run.stdout.replace(/\d+ KB/, 'n KB'),
      holds: [written.includes('STORY-2'), written.includes(readmeLine)],
    }).toEqual({
      code: 0,
      stdout: 'Wrote notes.md (n KB; 1 story, 1 other document).\n',
      stderr: '',
      written: ['notes.md'],
      holds: [true, true],
    });
  });

  it('says which --doc names no document, with exit 3', async () => {
    const { cwd: _cwd, ...run } = await exportWith(['--doc', 'No such note', '--out', 'b.md']);
    expect(run).toEqual({
      code: 3,
      stdout: '',
      stderr: "specbench: export: --doc 'No such note': no document has that key, path or title\n",
      written: [],
    });
  });

  it('draws a progress bar on a terminal and clears it', async () => {
    const run = await exportWith(['--spec', 'SPEC-1', '--format', 'html', '--out', 'b.html'], true);
    const frames = run.stderr.split('\r\x1b[K').filter((frame) => frame !== '');
    expect({ code: run.code, last: frames.at(-1), ends: run.stderr.endsWith('\r\x1b[K') }).toEqual({
      code: 0,
      last: '[########################] 100% done',
      ends: true,
    });
  });
});
