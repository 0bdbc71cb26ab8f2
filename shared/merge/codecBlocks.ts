/** The codec's own cut of a body into top-level blocks, for the block-by-block merge. */
import type { MarkdownCodec } from '../markdown/markdownCodec.js';
import type { BlockSplitter } from './markdownMerge.js';

export function codecBlockSplitter(codec: MarkdownCodec): BlockSplitter {
  return (body) => {
    const parsed = codec.parse(body);
    // A body that itself starts like front matter is split again by parse: shift its offsets back.
    const shift = body.length - parsed.split.body.length;
    return parsed.source.blocks.blocks.map((block) => ({
      start: block.start + shift,
      end: block.end + shift,
    }));
  };
}
