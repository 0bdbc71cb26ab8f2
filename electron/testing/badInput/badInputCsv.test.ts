import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.js';
import { badCsvCases } from './badCsvCorpus.js';
import { buildCaseWorkspace, compareSnapshots, contentBytes, snapshotFolder } from './caseWorkspace.js';
import { judgeCliRun, runSpecbench } from './cliRun.js';

const repository = fileURLToPath(new URL('../../../', import.meta.url));

// The CLI runs compiled, as users run it; tsc emits even when other files fail to typecheck.
beforeAll(() => {
  spawnSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { cwd: repository, stdio: 'pipe' });
}, 120_000);

/** New notes in `feedback/`, by comparing the folder before and after. */
async function newNotes(root: string, before: Set<string>): Promise<string[]> {
  const names = await fs.readdir(path.join(root, 'feedback')).catch(() => [] as string[]);
  return names.filter((name) => !before.has(name));
}

describe('bad CSV exports through specbench import feedback: refused in one line with nothing written, or imported whole', () => {
  it.each(badCsvCases.map((badCsv) => [badCsv.name, badCsv] as const))(
    '%s',
    async (_name, badCsv) => {
      const workspace = await buildCaseWorkspace({ name: badCsv.name });
      try {
        await fs.writeFile(path.join(workspace.folder, 'export.csv'), contentBytes(badCsv.csv));
        const notesBefore = new Set(await fs.readdir(path.join(workspace.root, 'feedback')));
        const before = await snapshotFolder(workspace.folder);
        const run = await runSpecbench(
          ['import', 'feedback', 'workspace', 'export.csv', ...(badCsv.args ?? [])],
          workspace.folder,
        );
        const created = await newNotes(workspace.root, notesBefore);
        const difference = compareSnapshots(
          before,
          await snapshotFolder(workspace.folder),
          created.map((name) => `workspace/feedback/${name}`),
        );
        const check =
          badCsv.expected === 'refused'
            ? undefined
            : await runSpecbench(['doctor', 'workspace'], workspace.folder);
        expect(
          {
            verdict: judgeCliRun(run),
            code: run.code,
            notes: created.length,
            difference,
            doctor: check?.code,
          },
          run.stderr,
        ).toEqual({
          verdict: { cleanExit: true, clearMessage: true, stackTrace: false, hung: false },
          code: badCsv.expected === 'refused' ? 2 : 0,
          notes: badCsv.expected === 'refused' ? 0 : badCsv.expected,
          difference: { changed: [], created: [], removed: [] },
          doctor: badCsv.expected === 'refused' ? undefined : 0,
        });
      } finally {
        await workspace.remove();
      }
    },
    60_000,
  );
});

describe('fuzzing import feedback (fast-check; the seed and the input are printed on failure)', () => {
  const cell = fc.oneof(
    fc.constantFrom(
      '"',
      '""',
      ',',
      ';',
      '\n',
      '\r\n',
      '\t',
      '\u0000',
      '[[SPEC-1]]',
      '# ',
      ':::',
      '<b>',
      '=1+1',
      'RM-1',
      '2026-10-04',
    ),
    fc.string({ maxLength: 12 }),
  );
  const csv = fc
    .tuple(
      fc.constantFrom('Message,Company,Created at,Roadmap', 'text;customer', 'body\tplan', 'x,y'),
      fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 }),
    )
    .map(([head, lines]) => `${head}\n${lines.map((cells) => cells.join(',')).join('\n')}\n`);

  it('any CSV imports all its new rows or none, and says which in one line', async () => {
    const workspace = await buildCaseWorkspace({ name: 'fuzz' });
    try {
      await fc.assert(
        fc.asyncProperty(csv, async (text) => {
          const file = path.join(workspace.folder, 'export.csv');
          await fs.writeFile(file, text);
          const notesBefore = new Set(await fs.readdir(path.join(workspace.root, 'feedback')));
          let stdout = '';
          let stderr = '';
          const code = await runCli(['import', 'feedback', workspace.root, file, '--json'], {
            cwd: os.tmpdir(),
            stdout: { write: (chunk: string) => (stdout += chunk) },
            stderr: { write: (chunk: string) => (stderr += chunk) },
          });
          const created = await newNotes(workspace.root, notesBefore);
          const reported = code === 0 ? (JSON.parse(stdout) as { notes: unknown[] }).notes.length : 0;
          expect({
            code: code === 0 || code === 2,
            lines: stderr.split('\n').filter(Boolean).length <= 1,
            created: created.length,
          }).toEqual({
            code: true,
            lines: true,
            created: reported,
          });
        }),
        { numRuns: 40, interruptAfterTimeLimit: 20_000 },
      );
    } finally {
      await workspace.remove();
    }
  }, 60_000);
});
