import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { summarizeDocument } from '../../shared/contract/documentSummary.js';
import { prepareSummaries, summaryOf } from './documentSummaries.js';
import { Workspace } from './workspace.js';

let base: string;
let root: string;
beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-summaries-'));
  root = path.join(base, 'acme');
  await fs.cp(path.join(import.meta.dirname, '../../samples/acme-checkout'), root, { recursive: true });
  // Files an hour old are trusted by the cache, so the second open reads its entries from it.
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const folder of ['specs', 'stories', 'faqs']) {
    for (const name of await fs.readdir(path.join(root, folder)))
      await fs.utimes(path.join(root, folder, name), hourAgo, hourAgo);
  }
  const first = await Workspace.open(root);
  if (!first.ok) throw new Error(first.message);
  await first.workspace.close();
});
afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

async function open(): Promise<Workspace> {
  const opened = await Workspace.open(root, { write: true });
  if (!opened.ok) throw new Error(opened.message);
  return opened.workspace;
}

it('prepared ahead, each summary is the one made on demand, and made once', async () => {
  const workspace = await open();
  try {
    const documents = workspace.documents();
    await prepareSummaries(documents, 0);
    expect({
      same: documents.map(summaryOf),
      once: documents.every((entry) => summaryOf(entry) === summaryOf(entry)),
    }).toEqual({ same: documents.map(summarizeDocument), once: true });
  } finally {
    await workspace.close();
  }
});

it('a saved document is summarized anew, with what it says now', async () => {
  const workspace = await open();
  try {
    await prepareSummaries(workspace.documents());
    const read = await workspace.readDocument('specs/promo-codes.md');
    if (!read.ok) throw new Error(read.message);
    const before = summaryOf(workspace.document('SPEC-4')!);
    const saved = await workspace.saveDocument(
      'specs/promo-codes.md',
      read.file.text.replace('title: Promo codes', 'title: Promo tiles'),
      read.file,
    );
    expect([saved.ok, before.title, summaryOf(workspace.document('SPEC-4')!).title]).toEqual([
      true,
      'Promo codes',
      'Promo tiles',
    ]);
  } finally {
    await workspace.close();
  }
});

it('lets other work run between its slices', async () => {
  const workspace = await open();
  try {
    const documents = workspace.documents();
    let finished = false;
    // A slice of 0 ms makes one summary per turn of the event loop.
    const preparing = prepareSummaries(documents, 0).then(() => (finished = true));
    const ranBefore = await new Promise<boolean>((resolve) => setImmediate(() => resolve(!finished)));
    await preparing;
    expect([documents.length > 2, ranBefore, finished]).toEqual([true, true, true]);
  } finally {
    await workspace.close();
  }
});
