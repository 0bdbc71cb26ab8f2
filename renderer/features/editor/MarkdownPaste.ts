/**
 * Plain text pasted into the document (from a text editor, Obsidian's source view, a terminal) is
 * Markdown: read it with the codec that opens files, so `## Section` becomes a heading and `- item` a
 * list, instead of one paragraph per line written back escaped. Pasted HTML and paste into code keep
 * ProseMirror's own paths (it asks this parser only for plain text outside code).
 */
import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Selection } from '@tiptap/pm/state';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { softBreaksToNodes } from '../../workbench/softBreak.js';

/**
 * The blocks `text` means as Markdown, as a slice to paste at `selection`: paragraphs at either end
 * join the text around it, as pasted lines of text do, and other blocks (a heading, a list) split it.
 */
export function markdownSlice(text: string, schema: Schema, { $from, $to }: Selection): Slice {
  // A leading newline: a paste starting with `---` is a rule, never a file's front matter to set aside.
  const parsed = sharedCodec().parse(`\n${text.replace(/\r\n?/g, '\n')}`);
  const blocks: ProseMirrorNode[] = [];
  schema.nodeFromJSON(softBreaksToNodes(parsed.doc)).forEach((block) => blocks.push(block));
  if (blocks.length === 0) return Slice.empty;
  const paragraph = schema.nodes.paragraph!;
  // Markdown drops a paragraph's leading spaces; pasted after a word they are the space between.
  const lead = /^[ \t]+/.exec(text)?.[0];
  if (lead && blocks[0]!.type === paragraph) {
    blocks[0] = blocks[0]!.copy(Fragment.from(schema.text(lead)).append(blocks[0]!.content));
  }
  // An empty open paragraph takes the text before (after) the caret, so the block next to it stays whole.
  if (blocks[0]!.type !== paragraph && $from.parentOffset > 0) blocks.unshift(paragraph.create());
  if (blocks[blocks.length - 1]!.type !== paragraph && $to.parentOffset < $to.parent.content.size) {
    blocks.push(paragraph.create());
  }
  const openStart = blocks[0]!.type === paragraph ? 1 : 0;
  const openEnd = blocks[blocks.length - 1]!.type === paragraph ? 1 : 0;
  return new Slice(Fragment.from(blocks), openStart, openEnd);
}

export const MarkdownPaste = Extension.create({
  name: 'markdownPaste',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('markdownPaste'),
        props: {
          clipboardTextParser: (text, _context, _plain, view) =>
            markdownSlice(text, view.state.schema, view.state.selection),
        },
      }),
    ];
  },
});
