import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMarkdownCodec } from '../shared/markdown/markdownCodec.js';
import { defaultCorpus, type CorpusFile } from './editCorpus.js';
import { blockKinds, cleanShares, probeEdits, type EditOutcome } from './editProbe.js';

declare const console: { info(...values: unknown[]): void };

// Every block of every corpus file, edited the way the editor edits it: the file must change by exactly that edit.
const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const codec = createMarkdownCodec();
let files: CorpusFile[];

const outcomes: { file: string; outcome: EditOutcome }[] = [];

beforeAll(async () => {
  files = await defaultCorpus(repository);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    for (const outcome of probeEdits(codec, file.text, { seed: 15 }))
      outcomes.push({ file: file.name, outcome });
  }
  const rows = cleanShares(outcomes.map((item) => item.outcome));
  console.info(
    rows
      .map(
        (row) =>
          `${row.block}: ${row.clean}/${row.edits} clean${row.impossible ? `, ${row.impossible} impossible as typed` : ''}`,
      )
      .join('; '),
  );
}, 300_000);

describe('edits on the Markdown corpus', () => {
  it('cover about a hundred files and every kind of edit and block', () => {
    const kinds = new Set(outcomes.map((item) => item.outcome.block));
    const edits = new Set(outcomes.map((item) => item.outcome.edit));
    expect([files.length >= 90, blockKinds.filter((kind) => !kinds.has(kind)), [...edits].sort()]).toEqual([
      true,
      [],
      ['append', 'cell', 'delete', 'insert', 'toggle'],
    ]);
  });

  it('change the file by exactly the edit, except where Markdown cannot write it as typed', () => {
    const unclean = outcomes
      .filter((item) => !item.outcome.clean && !item.outcome.impossible)
      .map(({ file, outcome }) => `${file}: ${outcome.block} ${outcome.edit}`);
    expect(unclean).toEqual([]);
  });
});
