/** The benchmark's edits part: the share of one-character edits that change only what was typed, and save time. */
import path from 'node:path';
import { generateLargeSpec } from '../shared/markdown/largeSpec.js';
import { createMarkdownCodec } from '../shared/markdown/markdownCodec.js';
import { defaultCorpus, readCorpus } from './editCorpus.js';
import { blockKinds, cleanShares, probeEdits, type EditOutcome } from './editProbe.js';
import type { Add, Attempt } from './benchReport.js';
import { median, percentile } from './percentile.js';

export interface EditContext {
  attempt: Attempt;
  add: Add;
  repository: string;
  /** Folders of Markdown to measure instead of the default corpus (`--corpus`). */
  corpora: string[];
  /** Below 1, a smoke run: a handful of the hand-written vault's files and 3 saves only. */
  scale: number;
}

/** A smoke run only shows that the edits part works: three files of the hand-written vault hold every block kind. */
const smokeFiles = ['Daily/2026-03-14.md', 'Projects/Checkout revamp.md', 'Reference/Markdown cheatsheet.md'];

export async function measureEdits({ attempt, add, repository, corpora, scale }: EditContext): Promise<void> {
  await attempt('edits', async () => {
    const files =
      corpora.length > 0
        ? await readCorpus(corpora)
        : scale < 1
          ? (await readCorpus([path.join(repository, 'corpus', 'handwritten-vault')])).filter((file) =>
              smokeFiles.some((name) => file.name.endsWith(name)),
            )
          : await defaultCorpus(repository);
    const codec = createMarkdownCodec();
    const outcomes: EditOutcome[] = files.flatMap((file) => probeEdits(codec, file.text, { seed: 15 }));
    const rows = new Map(cleanShares(outcomes).map((row) => [row.block, row]));
    for (const kind of [...blockKinds, 'all']) {
      const row = rows.get(kind);
      const share = row && row.edits > 0 ? (100 * row.clean) / row.edits : Number.NaN;
      add(
        `edits-${kind}`,
        `clean one-character edits: ${kind === 'all' ? `all ${files.length} files` : kind} (${row?.edits ?? 0} edits)`,
        share,
        '%',
      );
    }
    add(
      'edits-impossible',
      '  of the rest, not writable as typed (autolink text, edge spaces)',
      rows.get('all')?.impossible ?? 0,
      'count',
    );
  });
  await attempt('save-keystroke', async () => {
    const codec = createMarkdownCodec();
    const spec = generateLargeSpec(114);
    const parsed = codec.parse(spec);
    const paragraphs = (parsed.doc.content ?? []).flatMap((node, index) =>
      node.type === 'paragraph' ? [index] : [],
    );
    const samples: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < (scale < 1 ? 3 : 30); run++) {
      const doc = structuredClone(parsed.doc);
      const paragraph = doc.content![paragraphs[(run * 37) % paragraphs.length]!]!;
      const last = paragraph.content!.filter((node) => node.type === 'text').at(-1)!;
      last.text += 'x';
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      codec.serialize(parsed, doc);
      cpu.push(process.cpuUsage(cpuStarted).user / 1000);
      samples.push(performance.now() - started);
    }
    add(
      'save-keystroke',
      'save after one keystroke, 5,000-line spec, p50',
      median(samples),
      'ms',
      undefined,
      samples,
    );
    add('save-keystroke-p95', '  p95', percentile(samples, 95), 'ms');
    add(
      'save-keystroke-cpu',
      '  CPU time p50 (what a busy machine cannot inflate)',
      median(cpu),
      'ms',
      undefined,
      cpu,
    );
  });
}
