import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceWith } from '../../export/testing/exportFixtures.js';
import { runCli } from '../runCli.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function specbench(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** Every file of the workspace (the local cache aside) with its text. */
async function filesOf(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await fs.readdir(root, { recursive: true })) {
    if (name.startsWith('.specbench')) continue;
    const file = path.join(root, name);
    if ((await fs.stat(file)).isFile()) files[name] = await fs.readFile(file, 'utf8');
  }
  return files;
}

const roadmap = JSON.stringify({
  version: 1,
  items: [
    { key: 'RM-1', title: 'Guest checkout', lane: 'later', rank: 0, status: 'planned', description: '' },
  ],
});
const existingNote = '---\nkey: FB-4\ntype: feedback\ntitle: Older\nabout: [RM-1]\n---\nAn older note.\n';

/** A workspace with one feedback note (FB-4), and the CSV beside it as `export.csv`. */
async function setUp(csv: string | Uint8Array): Promise<{ root: string; cwd: string }> {
  const root = await workspaceWith({ 'roadmap.json': roadmap, 'feedback/older.md': existingNote });
  const cwd = path.dirname(root);
  await fs.writeFile(path.join(cwd, 'export.csv'), csv);
  return { root, cwd };
}

const zendesk = [
  'Created at,Company,Plan,Channel,Subject,Ticket body,Link,Roadmap',
  '2026-10-03T10:00:00Z,Northwind,SMB,zendesk,Forced sign-up,"Why do I need an account',
  'to buy one lamp?",https://support.example.com/t/9,RM-1',
  '2026/10/04,Contoso,Enterprise,nps,,"# Card saved? See [[SPEC-9]] <b>now</b>",javascript:alert(1),',
  '2026/10/04,Contoso,Enterprise,nps,,"# Card saved?  See [[SPEC-9]] <b>now</b>",javascript:alert(1),',
  '2026-10-05,Fabrikam,,email,,,,',
  '',
].join('\r\n');

describe('specbench import feedback', () => {
  it('creates one note per row with text, under the next FB keys, and reads them back as written', async () => {
    const { root, cwd } = await setUp(zendesk);
    const run = await specbench(
      ['import', 'feedback', 'workspace', 'export.csv', '--map', 'Ticket body=text'],
      cwd,
    );
    const files = await filesOf(root);
    const check = await specbench(['check', 'workspace', '--format', 'json'], cwd);
    const doctor = await specbench(['doctor', 'workspace'], cwd);
    expect({
      run,
      notes: Object.keys(files)
        .filter((name) => name.startsWith('feedback/'))
        .sort(),
      first: files['feedback/forced-sign-up.md'],
      second: files['feedback/card-saved.md'],
      check: (JSON.parse(check.stdout) as { findings: unknown[] }).findings,
      doctor: doctor.code,
    }).toEqual({
      run: {
        code: 0,
        stdout: [
          'Imported 2 feedback notes into feedback/ (FB-5 to FB-6); 1 duplicate within this file (line 6 repeats line 5), 1 row without text.',
          '1 address left out: it must start with http:// or https:// (line 5).',
          '  FB-5  support  Northwind  2026-10-03  feedback/forced-sign-up.md',
          '  FB-6  survey   Contoso    2026-10-04  feedback/card-saved.md',
          '',
        ].join('\n'),
        stderr: '',
      },
      notes: ['feedback/card-saved.md', 'feedback/forced-sign-up.md', 'feedback/older.md'],
      first: [
        '---',
        'key: FB-5',
        'type: feedback',
        'title: Forced sign-up',
        'status: new',
        'source: support',
        'customer: Northwind',
        'segment: SMB',
        'date: 2026-10-03',
        'url: https://support.example.com/t/9',
        'about: [RM-1]',
        'importHash: e3a008832330cf93',
        '---',
        'Why do I need an account',
        'to buy one lamp?',
        '',
      ].join('\n'),
      // Markdown the row's text would start is escaped; the javascript: link is left out.
      second: [
        '---',
        'key: FB-6',
        'type: feedback',
        'title: Card saved?',
        'status: new',
        'source: survey',
        'customer: Contoso',
        'segment: Enterprise',
        'date: 2026-10-04',
        'about: []',
        'importHash: a390cec995bd6f53',
        '---',
        '\\# Card saved? See \\[[SPEC-9]] \\<b>now\\</b>',
        '',
      ].join('\n'),
      check: [],
      doctor: 0,
    });
  });

  it('imports nothing twice: a second run finds every row imported before', async () => {
    const { root, cwd } = await setUp(zendesk);
    await specbench(['import', 'feedback', 'workspace', 'export.csv', '--map', 'Ticket body=text'], cwd);
    const before = await filesOf(root);
    const again = await specbench(
      ['import', 'feedback', 'workspace', 'export.csv', '--map', 'Ticket body=text'],
      cwd,
    );
    expect({
      again,
      unchanged: await filesOf(root),
    }).toEqual({
      again: {
        code: 0,
        stdout:
          'Nothing new to import from export.csv; 2 rows imported before, 1 duplicate within this file (line 6 repeats line 5), 1 row without text.\n',
        stderr: '',
      },
      unchanged: before,
    });
  });

  it('--dry-run and --json say what would be written and write nothing', async () => {
    const { root, cwd } = await setUp('Feedback;Customer\n"Let me pay later";Tailspin\n');
    const before = await filesOf(root);
    const run = await specbench(
      ['import', 'feedback', 'workspace', 'export.csv', '--dry-run', '--json', '--source', 'sales'],
      cwd,
    );
    expect({ code: run.code, output: JSON.parse(run.stdout), unchanged: await filesOf(root) }).toEqual({
      code: 0,
      output: {
        written: false,
        notes: [
          {
            key: 'FB-5',
            path: 'feedback/let-me-pay-later.md',
            title: 'Let me pay later',
            customer: 'Tailspin',
            source: 'sales',
            date: null,
            line: 2,
          },
        ],
        alreadyImported: 0,
        repeated: 0,
        repeatedRows: [],
        empty: 0,
        refusedAddresses: [],
      },
      unchanged: before,
    });
  });

  it('--json gives each note every field help names, null where the row has none', async () => {
    const { cwd } = await setUp('Feedback\n"Let me pay later"\n');
    const run = await specbench(
      ['import', 'feedback', 'workspace', 'export.csv', '--dry-run', '--json'],
      cwd,
    );
    expect((JSON.parse(run.stdout) as { notes: unknown[] }).notes).toEqual([
      {
        key: 'FB-5',
        path: 'feedback/let-me-pay-later.md',
        title: 'Let me pay later',
        customer: null,
        source: null,
        date: null,
        line: 2,
      },
    ]);
  });

  it('says which addresses it leaves out and why, in a dry run as in the import, and in --json', async () => {
    const csv = [
      'Feedback,Link',
      'Pay later,javascript:alert(1)',
      'Dark mode,https://support.example.com/t/1',
      'Invoices,ftp://files.example.com/invoice.pdf',
      'Receipts,https://example.com/a b',
      '',
    ].join('\n');
    const { root, cwd } = await setUp(csv);
    const args = ['import', 'feedback', 'workspace', 'export.csv'];
    const dryRun = await specbench([...args, '--dry-run'], cwd);
    const json = await specbench([...args, '--dry-run', '--json'], cwd);
    const run = await specbench(args, cwd);
    const invoices = await fs.readFile(path.join(root, 'feedback', 'invoices.md'), 'utf8');
    const leftOut = [
      '2 addresses left out: they must start with http:// or https:// (lines 2, 4).',
      '1 address left out: it must not contain spaces (line 5).',
    ];
    expect({
      dryRun: dryRun.stdout.split('\n').slice(0, 3),
      json: (JSON.parse(json.stdout) as { refusedAddresses: unknown }).refusedAddresses,
      run: run.stdout.split('\n').slice(0, 3),
      invoicesUrl: /^url:/m.test(invoices),
    }).toEqual({
      dryRun: ['Would import 4 feedback notes into feedback/ (FB-5 to FB-8).', ...leftOut],
      json: [
        { line: 2, address: 'javascript:alert(1)', reason: 'must start with http:// or https://' },
        {
          line: 4,
          address: 'ftp://files.example.com/invoice.pdf',
          reason: 'must start with http:// or https://',
        },
        { line: 5, address: 'https://example.com/a b', reason: 'must not contain spaces' },
      ],
      run: ['Imported 4 feedback notes into feedback/ (FB-5 to FB-8).', ...leftOut],
      invoicesUrl: false,
    });
  });

  const refusals: { name: string; csv: () => string | Uint8Array; args?: string[]; message: string }[] = [
    {
      name: 'wrong encoding (Latin-1)',
      csv: () =>
        Buffer.concat([Buffer.from('text,customer\nCaf'), Buffer.from([0xe9]), Buffer.from(' latte,Acme\n')]),
      message: 'import: export.csv is not UTF-8 (byte 0xE9 on line 2); export it again as UTF-8 CSV',
    },
    {
      name: 'UTF-16',
      csv: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('text\nhello\n', 'utf16le')]),
      message: 'import: export.csv is UTF-16 text; save it as UTF-8 CSV and import it again',
    },
    {
      name: 'no text column',
      csv: () => 'Name,Email,Plan\nDana,dana@example.com,Pro\n',
      message:
        'import: export.csv has no text column (columns: Name, Email, Plan); name it with --map COLUMN=text',
    },
    {
      name: 'a binary file',
      csv: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]),
      message: 'import: export.csv is not a CSV file (it holds binary data)',
    },
    {
      name: 'a quote never closed',
      csv: () => 'text,customer\n"Half a quote,Acme\n',
      message: 'import: export.csv: a quoted cell is never closed (the file ends inside it)',
    },
    {
      name: 'a row longer than the header',
      csv: () => 'text,customer\nfine,Acme\ntoo,many,cells\n',
      message: 'import: export.csv: a row on line 3 has more cells than the header has columns',
    },
    {
      name: 'an unknown field in --map',
      csv: () => 'Body\nhello\n',
      args: ['--map', 'Body=quote'],
      message:
        "import: --map: 'quote' is not a field (text, title, customer, segment, source, date, url, about)",
    },
    {
      name: 'an unknown column in --map',
      csv: () => 'Body\nhello\n',
      args: ['--map', 'Text=text'],
      message: "import: --map: export.csv has no column 'Text' (columns: Body)",
    },
    {
      name: 'an unknown source',
      csv: () => 'text\nhello\n',
      args: ['--source', 'twitter'],
      message: "import: --source must be one of interview, support, sales, survey, review, not 'twitter'",
    },
    { name: 'an empty file', csv: () => '\n\n', message: 'import: export.csv is empty' },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name} with one line, writing nothing`, async () => {
      const { root, cwd } = await setUp(refusal.csv());
      const before = await filesOf(root);
      const run = await specbench(
        ['import', 'feedback', 'workspace', 'export.csv', ...(refusal.args ?? [])],
        cwd,
      );
      expect({ run, unchanged: await filesOf(root) }).toEqual({
        run: { code: 2, stdout: '', stderr: `specbench: ${refusal.message}\n` },
        unchanged: before,
      });
    });
  }

  it('refuses a 50 MB file from its size, without reading it', async () => {
    const { root, cwd } = await setUp('');
    await fs.truncate(path.join(cwd, 'export.csv'), 50 * 1024 * 1024);
    const before = await filesOf(root);
    const run = await specbench(['import', 'feedback', 'workspace', 'export.csv'], cwd);
    expect({ run, unchanged: await filesOf(root) }).toEqual({
      run: {
        code: 2,
        stdout: '',
        stderr:
          'specbench: import: export.csv is 50 MB, more than the 10 MB an import takes; split it or export fewer rows\n',
      },
      unchanged: before,
    });
  });

  it('refuses anything but feedback, and a missing file', async () => {
    const { cwd } = await setUp('text\nhi\n');
    const runs = [
      await specbench(['import', 'stories', 'workspace', 'export.csv'], cwd),
      await specbench(['import', 'feedback', 'workspace', 'missing.csv'], cwd),
    ];
    expect(runs.map((run) => [run.code, run.stderr])).toEqual([
      [2, "specbench: import: only 'feedback' can be imported, not 'stories'\n"],
      [2, 'specbench: import: missing.csv: no such file\n'],
    ]);
  });

  it('writes none of the notes when one cannot be written', async () => {
    const { root, cwd } = await setUp('text\nFirst idea\nSecond idea\n');
    // A folder where the second note's file would go: its rename fails after the first note landed.
    await fs.mkdir(path.join(root, 'feedback', 'second-idea.md'), { recursive: true });
    await fs.writeFile(path.join(root, 'feedback', 'second-idea.md', 'keep.txt'), 'x');
    const before = await filesOf(root);
    const run = await specbench(['import', 'feedback', 'workspace', 'export.csv'], cwd);
    expect({ code: run.code, lines: run.stderr.split('\n').length, unchanged: await filesOf(root) }).toEqual({
      code: 2,
      lines: 2,
      unchanged: before,
    });
  });
});
