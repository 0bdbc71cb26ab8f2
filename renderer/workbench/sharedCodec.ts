/** One codec for the whole renderer: building its schema and marked instance is not free. */
import { createMarkdownCodec, type MarkdownCodec } from '../../shared/markdown/markdownCodec.js';

let codec: MarkdownCodec | undefined;

export function sharedCodec(): MarkdownCodec {
  codec ??= createMarkdownCodec();
  return codec;
}
