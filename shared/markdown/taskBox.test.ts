import { type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from './markdownCodec.js';
import { taskAttributes } from './taskBox.js';

const codec = createMarkdownCodec();
const text = '# Tasks\n\n- [ ] Draft\n- [?] Ask about the budget\n  - [>] Translate it\n\n- [1] Smith\n';

/** The file after setting the box of item `path` (indexes into the task list) to `character`. */
function withBox(path: number[], character: string): string {
  const parsed = codec.parse(text);
  const doc = JSON.parse(JSON.stringify(parsed.doc)) as JSONContent;
  let node = doc.content![1]!;
  for (const [depth, index] of path.entries()) {
    node = node.content![index]!;
    if (depth < path.length - 1) node = node.content!.find((child) => child.type === 'taskList')!;
  }
  node.attrs = { ...node.attrs, ...taskAttributes(character) };
  return codec.serialize(parsed, doc);
}

describe('task boxes with a state character', () => {
  it.each<[string, number[], string, string]>([
    ['an ordinary box ticked', [0], 'x', text.replace('- [ ] Draft', '- [x] Draft')],
    ['a question answered', [1], 'x', text.replace('[?]', '[x]')],
    ['a question cancelled', [1], '-', text.replace('[?]', '[-]')],
    ['a nested deferred task reopened', [1, 0], ' ', text.replace('[>]', '[ ]')],
  ])('%s: only its character changes', (_name, path, character, expected) => {
    expect(withBox(path, character)).toBe(expected);
  });

  it('keeps each character, and a numbered reference stays text', () => {
    const list = codec.parse(text).doc.content!;
    const boxes = list[1]!.content!.map((item) => [item.attrs!.checked, item.attrs!.marker]);
    expect([boxes, list[2]!.type]).toEqual([
      [
        [false, null],
        [false, '?'],
      ],
      'bulletList',
    ]);
  });
});
