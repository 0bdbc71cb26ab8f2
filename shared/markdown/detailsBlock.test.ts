import { type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from './markdownCodec.js';
import { sourceCoverage } from './sourceCoverage.js';

const codec = createMarkdownCodec();
const text =
  '<details>\r\n<summary>Plan &amp; risks</summary>\r\n\r\nThe plan.\r\n\r\n- one\r\n\r\n</details>\r\n';

/** The file after one edit of the first block's JSON. */
function edited(source: string, edit: (details: JSONContent) => void): string {
  const parsed = codec.parse(source);
  const doc = JSON.parse(JSON.stringify(parsed.doc)) as JSONContent;
  edit(doc.content![0]!);
  return codec.serialize(parsed, doc);
}

const summary = (details: JSONContent) => details.content![0]!.content![0]!;

describe('<details> blocks', () => {
  it.each<[string, (details: JSONContent) => void, string]>([
    [
      'a summary edited: only the typed text, an entity written for <, &amp; kept as written, kept CRLF',
      (details) => (summary(details).text = 'Plan & <risks>'),
      '<details>\r\n<summary>Plan &amp; &lt;risks></summary>\r\n\r\nThe plan.\r\n\r\n- one\r\n\r\n</details>\r\n',
    ],
    [
      'a character deleted beside an entity: that character only',
      (details) => (summary(details).text = 'Plan& risks'),
      '<details>\r\n<summary>Plan&amp; risks</summary>\r\n\r\nThe plan.\r\n\r\n- one\r\n\r\n</details>\r\n',
    ],
    [
      'a body paragraph edited: only that line',
      (details) => (details.content![1]!.content![0]!.text = 'The new plan.'),
      '<details>\r\n<summary>Plan &amp; risks</summary>\r\n\r\nThe new plan.\r\n\r\n- one\r\n\r\n</details>\r\n',
    ],
    [
      'the body emptied: the block stays, blank line and all',
      (details) => details.content!.splice(1),
      '<details>\r\n<summary>Plan &amp; risks</summary>\r\n\r\n</details>\r\n',
    ],
    [
      'open set: the tag only',
      (details) => (details.attrs = { open: true }),
      '<details open>\r\n<summary>Plan &amp; risks</summary>\r\n\r\nThe plan.\r\n\r\n- one\r\n\r\n</details>\r\n',
    ],
  ])('%s', (_name, edit, expected) => {
    expect(edited(text, edit)).toBe(expected);
  });

  it('writes a new one in GitHub’s form, which reads back the same', () => {
    const parsed = codec.parse('Text\n');
    const details = {
      type: 'details',
      attrs: { open: false },
      content: [
        { type: 'detailsSummary', content: [{ type: 'text', text: 'S' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Body' }] },
      ],
    };
    const output = codec.serialize(parsed, { type: 'doc', content: [...parsed.doc.content!, details] });
    expect([output, codec.parse(output).doc.content![1]]).toEqual([
      'Text\n\n<details>\n<summary>S</summary>\n\nBody\n\n</details>\n',
      details,
    ]);
  });

  it.each([
    ['HTML in the summary', '<details>\n<summary><b>S</b></summary>\n\nBody\n\n</details>\n'],
    ['an entity it cannot read back', '<details>\n<summary>&hellip;</summary>\n\nBody\n\n</details>\n'],
    ['no closing tag', '<details>\n<summary>S</summary>\n\nBody\n'],
    ['a closing tag with more HTML', '<details>\n<summary>S</summary>\n\nBody\n\n</details>\n<p>x</p>\n'],
  ])('keeps %s as source', (_name, source) => {
    expect(codec.parse(source).doc.content!.map((node) => node.type)).not.toContain('details');
  });

  it('counts as a block the editor shows, with its body’s blocks, for doctor', () => {
    expect(sourceCoverage(codec.parse(text).doc)).toEqual({
      blocks: 3,
      rawBlocks: 0,
      inline: 0,
      rawInline: 0,
    });
  });
});
