/** What the codec's parse gives and its serialize and the link collector read: below both, so imports run one way. */
import { type JSONContent } from '@tiptap/core';
import { type Links } from 'marked';
import { type SplitDocument } from '../frontMatter/frontMatter.js';
import { type BlockList, type SourceText } from './blockWriter.js';
import { type MarkdownStyle } from './markdownStyle.js';

export interface ParsedDocument {
  /** The original file text. */
  text: string;
  split: SplitDocument;
  /** TipTap document JSON of the body. */
  doc: JSONContent;
  /** Opaque: where each top-level block came from. */
  source: DocumentSource;
}

export interface DocumentSource extends SourceText {
  blocks: BlockList;
  /** The document's link reference definitions, by label. */
  links: Links;
  fingerprint: string;
  /** The style the file already uses, where it uses one (what new Markdown is written in). */
  style: Partial<MarkdownStyle>;
}
