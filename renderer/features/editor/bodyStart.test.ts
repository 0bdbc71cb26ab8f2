import { describe, expect, it } from 'vitest';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { bodyStart } from './bodyStart.js';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** Where Enter in the Title lands, shown as the Markdown with `|` at the cursor (or `+|` for a new line). */
function landing(markdown: string): string {
  const codec = sharedCodec();
  const doc = ProseMirrorNode.fromJSON(codec.schema, codec.parse(markdown).doc);
  const target = bodyStart(doc);
  const position = 'select' in target ? target.select : target.insertParagraphAt;
  const before = doc.textBetween(0, position, '/', (node) =>
    node.type.name === 'rawBlock' ? '<!--…-->' : '',
  );
  return 'select' in target ? `${before}|` : `${before}+|`;
}

describe('where Enter in the Title puts the cursor', () => {
  const cases: [string, string, string][] = [
    [
      'a spec: under the first heading and its guidance, on a new line',
      '## Summary\n\n<!-- Say it. -->\n\n## Problem\n',
      'Summary/<!--…-->+|',
    ],
    ['a story: at its first paragraph', 'As a **user**, I want it.\n\n## Acceptance criteria\n', '|'],
    ['a heading followed by text: in the text', '## Summary\n\nAlready here.\n', 'Summary/|'],
    ['a list before any paragraph: in its first item', '## Steps\n\n- one\n- two\n', 'Steps/|'],
    ['only a heading: under it', '## Summary\n', 'Summary+|'],
    ['an empty document: in its one empty line', '', '|'],
  ];
  it.each(cases)('%s', (_name, markdown, expected) => {
    expect(landing(markdown)).toBe(expected);
  });
});
