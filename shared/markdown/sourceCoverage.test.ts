import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from './markdownCodec.js';
import { sourceCoverage, formatShare } from './sourceCoverage.js';

const codec = createMarkdownCodec();

describe('sourceCoverage', () => {
  const cases: [string, string, object][] = [
    ['an empty file', '', { blocks: 0, rawBlocks: 0, inline: 0, rawInline: 0 }],
    [
      'modelled blocks and inline constructs',
      '# Title\n\nText with **bold**, `code`, a [link](x.md) and [[SPEC-1]].\n\n- item\n',
      { blocks: 3, rawBlocks: 0, inline: 4, rawInline: 0 },
    ],
    [
      'a requirement card and its inner blocks count; an entity, a footnote and a whole HTML block render',
      ':::requirement{#REQ-1}\nBody with &copy; and a footnote[^1].\n:::\n\n<div>\nraw\n</div>\n',
      { blocks: 3, rawBlocks: 0, inline: 2, rawInline: 0 },
    ],
    [
      'an unpaired inline tag and HTML split over blocks stay source; paired tags, math, comments and footnotes do not',
      'Hi <span class="x">there</span> <b>open $x$ %%c%%.\n\n<div>\n\nInside\n\n</div>\n\n[^1]: Note.\n\n$$\na\n$$\n',
      { blocks: 6, rawBlocks: 2, inline: 5, rawInline: 1 },
    ],
    [
      'loose lists (RFC style) and code inside bold are modelled',
      '* one\n  more\n\n* two\n\n1. a\n\n2. **the `b` trait**\n',
      { blocks: 2, rawBlocks: 0, inline: 3, rawInline: 0 },
    ],
    [
      'code inside a link (an API name, as RFCs write it) is modelled',
      'Use [`Vec::push`](https://doc.rust-lang.org/std/vec/) or [the `Drop` trait](https://x.example).\n',
      { blocks: 1, rawBlocks: 0, inline: 4, rawInline: 0 },
    ],
    [
      'a link to another app is kept as its text, its paragraph modelled',
      '1. Open **[[Settings]]**.\n2. Go to [install Importer](obsidian://show-plugin?id=importer).\n',
      { blocks: 1, rawBlocks: 0, inline: 2, rawInline: 0 },
    ],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(sourceCoverage(codec.parse(text).doc)).toEqual(expected);
  });

  it('formats a share for people', () => {
    expect([formatShare(3, 4000, 'blocks'), formatShare(12, 140, 'blocks'), formatShare(0, 0, 'x')]).toEqual([
      '3 of 4,000 blocks (<0.1 %)',
      '12 of 140 blocks (8.6 %)',
      '0 of 0 x (0 %)',
    ]);
  });
});
