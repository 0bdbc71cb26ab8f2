import { describe, expect, it } from 'vitest';
import { inlineHtmlTag, renderedInlineHtml } from './inlineHtml.js';

describe('inlineHtmlTag', () => {
  it.each<[string, ReturnType<typeof inlineHtmlTag>]>([
    ['<kbd>', { name: 'kbd', closing: false, empty: false }],
    ['</KBD>', { name: 'kbd', closing: true, empty: false }],
    ['<span style="font-family: cursive">', { name: 'span', closing: false, empty: false }],
    ['<br>', { name: 'br', closing: false, empty: true }],
    ['<br/>', { name: 'br', closing: false, empty: true }],
    ['<p/>', { name: 'p', closing: false, empty: true }],
    ['<p>', undefined],
    ['<script>', undefined],
    ['<a href="x">', undefined],
    ['<!-- c -->', undefined],
  ])('%s', (source, tag) => {
    expect(inlineHtmlTag(source)).toEqual(tag);
  });
});

describe('renderedInlineHtml', () => {
  it.each<[string, (string | undefined)[], number[]]>([
    ['a pair and the text between', ['<kbd>', undefined, '</kbd>'], [0, 2]],
    ['nested pairs', ['<sup>', '<b>', undefined, '</b>', '</sup>'], [0, 1, 3, 4]],
    ['an opening tag with no closing one', ['<sub>', undefined], []],
    ['a closing tag of another element', ['<sub>', undefined, '</sup>'], []],
    ['a line break alone', [undefined, '<br>', undefined], [1]],
  ])('%s', (_name, sources, shown) => {
    expect([...renderedInlineHtml(sources)].sort()).toEqual(shown);
  });
});
