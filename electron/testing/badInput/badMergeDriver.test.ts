import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badMerges, bytesOf } from './badMergeCorpus.js';
import { judgeCliRun, runSpecbench } from './cliRun.js';

let folder: string;

beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-bad-merge-'));
});

afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

/** Lines a side added to the ancestor: whatever the merge does, each must still be in the result. */
function addedLines(base: string, side: string): string[] {
  const before = new Set(base.split('\n'));
  return [...new Set(side.split('\n'))].filter((text) => !before.has(text));
}

describe('the merge driver on hostile input: exit 0 or 1, one line, never a lost side', () => {
  it.each(badMerges.map((badMerge) => [badMerge.name, badMerge] as const))(
    '%s',
    async (name, badMerge) => {
      const caseFolder = await fs.mkdtemp(path.join(folder, 'case-'));
      const [base, ours, theirs] = [badMerge.base, badMerge.ours, badMerge.theirs].map(bytesOf);
      await Promise.all([
        fs.writeFile(path.join(caseFolder, 'O'), base!),
        fs.writeFile(path.join(caseFolder, 'A'), ours!),
        fs.writeFile(path.join(caseFolder, 'B'), theirs!),
      ]);
      const run = await runSpecbench(
        ['merge-driver', 'run', 'O', 'A', 'B', badMerge.path],
        caseFolder,
        60_000,
      );
      const result = await fs.readFile(path.join(caseFolder, 'A'));
      const verdict = judgeCliRun(run);
      let sidesKept: boolean;
      if (badMerge.expect === 'kept-ours')
        sidesKept = run.code === 1 && Buffer.compare(result, Buffer.from(ours!)) === 0;
      else {
        const [baseText, ourText, theirText, merged] = [base!, ours!, theirs!, result].map((bytes) =>
          Buffer.from(bytes).toString('utf8').replace(/\r/g, ''),
        );
        const present = new Set(merged!.split('\n'));
        sidesKept = [...addedLines(baseText!, ourText!), ...addedLines(baseText!, theirText!)].every((text) =>
          present.has(text),
        );
      }
      await fs.rm(caseFolder, { recursive: true, force: true });
      expect(
        {
          name,
          exit: run.code === 0 || run.code === 1,
          clear: verdict.clearMessage,
          trace: verdict.stackTrace,
          hung: run.hung,
          sidesKept,
        },
        run.stderr,
      ).toEqual({
        name,
        exit: true,
        clear: true,
        trace: false,
        hung: false,
        sidesKept: true,
      });
    },
    90_000,
  );
});
