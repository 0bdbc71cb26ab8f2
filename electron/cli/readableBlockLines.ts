/** Changed blocks for a terminal, as a PM reads them; a block Specbench cannot read gets its source diff. */
import type { BlockChangeView } from '../../shared/contract/gitViews.js';
import { isEmptyChange, readableLines } from '../../shared/merge/readableChange.js';

export function readableBlockLines(blocks: readonly BlockChangeView[]): string[] {
  const single = blocks.length === 1;
  return blocks.flatMap((block) => {
    const body =
      block.readable && !isEmptyChange(block.readable) ? readableLines(block.readable) : block.diff;
    // One block is the item itself; several are a document's parts, each named.
    return single ? body : [`${block.what} ${block.change}`, ...body.map((line) => `  ${line}`)];
  });
}
