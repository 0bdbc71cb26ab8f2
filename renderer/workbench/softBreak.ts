/**
 * A soft line break of the Markdown source (a newline inside a paragraph), shown as a space the way
 * GitHub shows it. The codec keeps it as "\n" in the text; the editor holds it as this atom, since
 * ProseMirror re-reads a typed-in text node from the DOM and turns each "\n" there into a hard break.
 */
import { Node, type JSONContent } from '@tiptap/core';

export const SoftBreak = Node.create({
  name: 'softBreak',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: false,

  parseHTML() {
    return [{ tag: 'span[data-soft-break]' }];
  },

  renderHTML() {
    return ['span', { 'data-soft-break': '', class: 'soft-break' }, ' '];
  },

  renderText() {
    return ' ';
  },
});

const plainTextblocks = new Set(['paragraph', 'heading']);

function splitText(node: JSONContent): JSONContent[] {
  const text = node.text ?? '';
  if (!text.includes('\n')) return [node];
  const marks = node.marks ? { marks: node.marks } : {};
  return text
    .split('\n')
    .flatMap((line, index) => [
      ...(index > 0 ? [{ type: 'softBreak', ...marks }] : []),
      ...(line === '' ? [] : [{ ...node, text: line }]),
    ]);
}

/** The codec's document with each soft line break of a paragraph or heading as a softBreak node. */
export function softBreaksToNodes(node: JSONContent): JSONContent {
  if (!node.content) return node;
  const content = plainTextblocks.has(node.type ?? '')
    ? node.content.flatMap((child) => (child.type === 'text' ? splitText(child) : [child]))
    : node.content.map(softBreaksToNodes);
  return { ...node, content };
}

function sameMarks(a: JSONContent, b: JSONContent): boolean {
  return JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? []);
}

/** The editor's document with its softBreak nodes back as "\n" in the text, as the codec reads it. */
export function softBreaksToText(node: JSONContent): JSONContent {
  if (!node.content) return node;
  if (!plainTextblocks.has(node.type ?? '')) return { ...node, content: node.content.map(softBreaksToText) };
  const content: JSONContent[] = [];
  for (const child of node.content) {
    const text = child.type === 'softBreak' ? { ...child, type: 'text', text: '\n' } : child;
    const previous = content[content.length - 1];
    if (text.type === 'text' && previous?.type === 'text' && sameMarks(previous, text)) {
      content[content.length - 1] = { ...previous, text: (previous.text ?? '') + (text.text ?? '') };
    } else {
      content.push(text.marks && text.marks.length === 0 ? { type: 'text', text: text.text } : text);
    }
  }
  return { ...node, content };
}
