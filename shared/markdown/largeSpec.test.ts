import { describe, expect, it } from 'vitest';
import { generateLargeSpec } from './largeSpec.js';
import { createMarkdownCodec } from './markdownCodec.js';

declare const console: { info(...values: unknown[]): void };

const codec = createMarkdownCodec();
const spec = generateLargeSpec(114);

/** The fastest of a few runs: the machine is shared, so the minimum is the least disturbed. */
function fastest<T>(runs: number, run: () => T): { result: T; milliseconds: number } {
  let best = Infinity;
  let result!: T;
  for (let count = 0; count < runs; count++) {
    const start = Date.now();
    result = run();
    best = Math.min(best, Date.now() - start);
  }
  return { result, milliseconds: best };
}

describe('a 5,000-line spec', () => {
  it('is 5,000 lines of varied Markdown', () => {
    expect(spec.split('\n').length).toBeGreaterThanOrEqual(5000);
  });

  it('round-trips, keeps an edit inside its block, and reports its speed', () => {
    const parsing = fastest(5, () => codec.parse(spec));
    const parsed = parsing.result;
    const doc = JSON.parse(JSON.stringify(parsed.doc)) as typeof parsed.doc;
    const index = doc.content!.findIndex((node) => node.type === 'paragraph');
    doc.content![index] = { type: 'paragraph', content: [{ type: 'text', text: 'An edited paragraph.' }] };
    const saving = fastest(5, () => codec.serialize(parsed, doc));
    const unchanged = fastest(5, () => codec.serialize(parsed, parsed.doc));
    console.info(
      `5,000-line spec (${spec.length} characters, ${parsed.doc.content!.length} blocks): parse ${parsing.milliseconds} ms, ` +
        `serialize after one edit ${saving.milliseconds} ms, serialize unchanged ${unchanged.milliseconds} ms`,
    );
    const block = parsed.source.blocks.blocks[index]!;
    const prefix = spec.length - parsed.source.body.length;
    const expected =
      spec.slice(0, prefix + block.start) + 'An edited paragraph.' + spec.slice(prefix + block.end);
    expect([unchanged.result === spec, saving.result === expected]).toEqual([true, true]);
  });
});
