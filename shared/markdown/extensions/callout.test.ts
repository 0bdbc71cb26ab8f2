import { type JSONContent } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from '../markdownCodec.js';

const codec = createMarkdownCodec();

function edit(source: string, change: (content: JSONContent[]) => void): string {
  const parsed = codec.parse(source);
  const doc = JSON.parse(JSON.stringify(parsed.doc)) as JSONContent;
  change(doc.content!);
  return codec.serialize(parsed, doc);
}

/** The JSON node at `path` (child indexes) under `node`. */
function at(node: JSONContent, ...path: number[]): JSONContent {
  return path.reduce((current, index) => current.content![index]!, node);
}

const callouts =
  '> [!note]- Heads **up**\n> Body with [[Link]].\n>\n> > [!tip]\n> > Nested\n\n> [!WARNING]\n> Alert\n';

describe('callouts', () => {
  it.each<[string, string, string[]]>([
    ['an Obsidian callout', '> [!note] Title\n> Body.\n', ['callout:note:', 'calloutTitle', 'paragraph']],
    ['folded, no title', '> [!faq]-\n> Body.\n', ['callout:faq:-', 'calloutTitle', 'paragraph']],
    ['a GitHub alert', '> [!IMPORTANT]\n> Read this.\n', ['callout:IMPORTANT:', 'calloutTitle', 'paragraph']],
    ['title only', '> [!tip]+ Only a title\n', ['callout:tip:+', 'calloutTitle']],
    [
      'spaces ending the title line, as Obsidian help writes them',
      '> [!tip] View side-by-side  \n> To open a note.\n',
      ['callout:tip:', 'calloutTitle', 'paragraph'],
    ],
    ['spaces after the type alone', '> [!note] \n> Tags.\n', ['callout:note:', 'calloutTitle', 'paragraph']],
    [
      'a code fence indented one more space, opened and closed unevenly as Obsidian’s Callouts page does',
      '> [!warning]-\n>  ```md\n> > [!warning]\n> > Lorem ipsum\n> ```\n',
      ['callout:warning:-', 'calloutTitle', 'codeBlock'],
    ],
    [
      'a no-break space before the title, as Obsidian help writes one',
      '> [!abstract]\u00a0**Further reading**: [[Publish your content]]\n',
      ['callout:abstract:', 'calloutTitle', 'wikiLink'],
    ],
    [
      'nested',
      '> [!note]\n> > [!tip] Inner\n> > Text\n',
      ['callout:note:', 'calloutTitle', 'callout:tip:', 'calloutTitle', 'paragraph'],
    ],
    [
      'in a list item',
      '- item\n  > [!note] T\n  > Body\n',
      ['bulletList', 'listItem', 'paragraph', 'callout:note:', 'calloutTitle', 'paragraph'],
    ],
    ['a quote that is no callout', '> [!not a type]\n> text\n', ['rawBlock']],
    ['a callout continued by a lazy line stays raw', '> [!note]\n> text\nlazy\n', ['rawBlock']],
    [
      'a block id on the line after it (Obsidian’s id for the callout)',
      '> [!tip] Tip\n> Body.\n^callout-tip\n',
      ['callout:tip:', 'calloutTitle', 'paragraph'],
    ],
    [
      'a blank line between its title and its body',
      '> [!todo]- Bookmark a file\n>\n> **Bookmarks**:\n>\n> - Select it.\n',
      ['callout:todo:-', 'calloutTitle', 'paragraph', 'bulletList', 'listItem', 'paragraph'],
    ],
    [
      'three deep, as Obsidian’s Callouts page nests them, two spaces before a title',
      '> [!question] Can callouts be nested?\n> > [!todo] Yes!, they can.\n> > > [!example]  You can even nest.\n',
      [
        'callout:question:',
        'calloutTitle',
        'callout:todo:',
        'calloutTitle',
        'callout:example:',
        'calloutTitle',
      ],
    ],
    [
      'a callout ending in a blank line, then a paragraph (no lazy line)',
      '> [!warning] Encoding\n> Encode it.\n> \n This is important.\n',
      ['callout:warning:', 'calloutTitle', 'paragraph', 'paragraph'],
    ],
  ])('reads %s', (_name, source, expected) => {
    const parsed = codec.parse(source);
    const types: string[] = [];
    const visit = (node: JSONContent) => {
      if (node.type === 'text' || node.type === 'doc') return node.content?.forEach(visit);
      types.push(node.type === 'callout' ? `callout:${node.attrs!.type}:${node.attrs!.fold}` : node.type!);
      node.content?.forEach(visit);
    };
    visit(parsed.doc);
    expect([
      types,
      Node.fromJSON(codec.schema, parsed.doc).check(),
      codec.serialize(parsed, parsed.doc),
    ]).toEqual([expected, undefined, source]);
  });

  it.each<[string, string, (content: JSONContent[]) => void, string]>([
    [
      'a word typed in the title keeps its bold',
      callouts,
      (content) => (at(content[0]!, 0, 0).text = 'Heads x '),
      callouts.replace('Heads **up**', 'Heads x **up**'),
    ],
    [
      'a title typed into an untitled alert goes after its type',
      callouts,
      (content) => (at(content[1]!, 0).content = [{ type: 'text', text: 'New title' }]),
      callouts.replace('[!WARNING]', '[!WARNING] New title'),
    ],
    [
      'a type chosen changes only the marker',
      callouts,
      (content) => (content[0]!.attrs = { type: 'warning', fold: '-' }),
      callouts.replace('[!note]-', '[!warning]-'),
    ],
    [
      'unfolding and typing in the body',
      callouts,
      (content) => {
        content[0]!.attrs = { type: 'note', fold: '' };
        at(content[0]!, 1, 0).text = 'Body! with ';
      },
      callouts.replace('[!note]-', '[!note]').replace('Body with', 'Body! with'),
    ],
    [
      'a nested callout edited',
      callouts,
      (content) => (at(content[0]!, 2, 1, 0).text = 'Nested more'),
      callouts.replace('> > Nested', '> > Nested more'),
    ],
    [
      'a paragraph added to the body is quoted',
      callouts,
      (content) =>
        content[0]!.content!.push({ type: 'paragraph', content: [{ type: 'text', text: 'added' }] }),
      callouts.replace('> > Nested\n', '> > Nested\n>\n> added\n'),
    ],
    [
      'a new callout is written in Obsidian form',
      '',
      (content) =>
        content.splice(0, content.length, {
          type: 'callout',
          attrs: { type: 'tip', fold: '' },
          content: [
            { type: 'calloutTitle', content: [{ type: 'text', text: 'Try this' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Body' }] },
          ],
        }),
      '> [!tip] Try this\n> Body\n',
    ],
    [
      'typing in a callout with a block id keeps the id',
      '> [!tip] Tip\n> Body.\n^callout-tip\n',
      (content) => (at(content[0]!, 1, 0).text = 'Body, edited.'),
      '> [!tip] Tip\n> Body, edited.\n^callout-tip\n',
    ],
    [
      'typing after the blank line under a title keeps it',
      '> [!todo]- Bookmark\n>\n> Select it.\n',
      (content) => (at(content[0]!, 1, 0).text = 'Select them.'),
      '> [!todo]- Bookmark\n>\n> Select them.\n',
    ],
    [
      'typing in the innermost of three keeps its spacing',
      '> [!question] Nested?\n> > [!todo] Yes.\n> > > [!example]  Many layers.\n',
      (content) => (at(content[0]!, 1, 1, 0, 0).text = 'Many layers!'),
      '> [!question] Nested?\n> > [!todo] Yes.\n> > > [!example]  Many layers!\n',
    ],
  ])('%s', (_name, source, change, expected) => {
    expect(edit(source, change)).toBe(expected);
  });
});

describe('edits inside quotes and callouts', () => {
  it.each<[string, string, (content: JSONContent[]) => void, string]>([
    [
      'a paragraph after a fenced code block',
      '> [!note] T\n> ```md\n> a\n> ```\n> \n> After x.\n',
      (content) => (at(content[0]!, 2, 0).text = 'After y.'),
      '> [!note] T\n> ```md\n> a\n> ```\n> \n> After y.\n',
    ],
    [
      'a paragraph after code in a list item',
      '- item\n\n  ```\n  code\n  ```\n\n  After x.\n',
      (content) => (at(content[0]!, 0, 2, 0).text = 'After y.'),
      '- item\n\n  ```\n  code\n  ```\n\n  After y.\n',
    ],
    [
      'a paragraph after three quoted blank lines',
      '> Multiple\n> \n> \n> \n> and x.\n',
      (content) => (at(content[0]!, 2, 0).text = 'and y.'),
      '> Multiple\n> \n> \n> \n> and y.\n',
    ],
  ])('%s changes only that', (_name, source, change, expected) => {
    expect(edit(source, change)).toBe(expected);
  });
});
