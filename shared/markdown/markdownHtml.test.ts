import { type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from './markdownCodec.js';
import { renderHtml } from './markdownHtml.js';

describe('renderHtml, as the codec compares a block with its canonical form', () => {
  it.each([
    ['a link in bold, bold in a link', '[**x**](https://a.example)**y**', '**[x](https://a.example)y**'],
    ['emphasis in bold, bold in emphasis', '***x***', '_**x**_'],
    ['a run split in two', '**a**__b__', '**ab**'],
  ])('counts %s as the same', (_name, a, b) => {
    expect(renderHtml(a, {})).toBe(renderHtml(b, {}));
  });

  it.each([
    ['bold and italic', '**x**', '*x*'],
    ['links to different places', '[x](https://a.example)', '[x](https://b.example)'],
    ['formatting over more text', '**x**y', '**xy**'],
  ])('tells %s apart', (_name, a, b) => {
    expect(renderHtml(a, {})).not.toBe(renderHtml(b, {}));
  });
});

it('a bold character typed after a bold link is written with its own delimiters, the rest as it was', () => {
  const codec = createMarkdownCodec();
  const file = 'See [**the docs**](https://a.example) now.\n';
  const parsed = codec.parse(file);
  const doc = JSON.parse(JSON.stringify(parsed.doc)) as JSONContent;
  const content = doc.content![0]!.content!;
  content.splice(2, 0, { type: 'text', text: 'x', marks: [{ type: 'bold' }] });
  expect(codec.serialize(parsed, doc)).toBe('See [**the docs**](https://a.example)**x** now.\n');
});
