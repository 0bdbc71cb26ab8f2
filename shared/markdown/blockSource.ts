/**
 * Where each block of a document sits in its source: the offsets the block writer rewrites by, shared
 * with the blocks that hold others (requirements, `<details>`) without importing the writer.
 */
import { type JSONContent } from '@tiptap/core';
import type { Token } from 'marked';

export interface BlockSource {
  start: number;
  end: number;
  node: JSONContent;
  fingerprint: string;
  /** For a requirement block: where its opening line ends, its inner blocks, where its closing line starts. */
  requirement?: { openEnd: number; inner: BlockList; closeStart: number };
  /** For a `<details>` block: where its opening HTML ends, its body's blocks, where `</details>` starts. */
  details?: { openEnd: number; inner: BlockList; closeStart: number };
}

export interface BlockList {
  start: number;
  end: number;
  blocks: BlockSource[];
}

/** A stretch of source the lexer's tokens tile: a block's `raw`, or a region kept raw. */
export interface TilePiece {
  start: number;
  end: number;
  /** Undefined for a region the lexer's tokens did not account for (kept raw). */
  token?: Token;
}
