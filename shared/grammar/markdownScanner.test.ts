import { describe, expect, it } from 'vitest';
import { scanMarkdown } from './markdownScanner.js';

describe('scanMarkdown headings', () => {
  it.each([
    ['plain', '# Problem', 'Problem'],
    ['closing sequence', '## Goals ##', 'Goals'],
    ['closing sequence with trailing spaces', '### Users ###   ', 'Users'],
    ['a # inside the text', '# C# support', 'C# support'],
    ['a # glued to the text is kept', '# foo#', 'foo#'],
    ['an escaped closing #', '# foo \\#', 'foo \\#'],
    ['only a closing sequence', '### ###', ''],
    ['empty', '#', ''],
    ['tab separated', '#\tTab', 'Tab'],
    ['inline code is kept as written', '## The `--json` flag', 'The `--json` flag'],
    [
      'a tag and a link are kept as written',
      '## Press <kbd>K</kbd> [now](#x)',
      'Press <kbd>K</kbd> [now](#x)',
    ],
    ['an HTML comment is left out', '## Plan <!-- draft --> B', 'Plan  B'],
    ['a comment marker in code is code', '## The `<!--` marker', 'The `<!--` marker'],
    ['an Obsidian comment is left out', '## Status %%draft%%', 'Status'],
  ])('%s', (_name, line, text) => {
    expect(scanMarkdown(`${line}\n`).headings.map((heading) => heading.text)).toEqual([text]);
  });

  it('finds setext headings and skips headings inside fenced code', () => {
    const body = 'Title\n=====\n\n```\n# not a heading\n```\n\nSub\n---\n';
    expect(scanMarkdown(body).headings).toEqual([
      { level: 1, text: 'Title', line: 1 },
      { level: 2, text: 'Sub', line: 8 },
    ]);
  });
});

describe('scanMarkdown links by name, tags and block ids', () => {
  const describeLinks = (body: string) =>
    scanMarkdown(body).nameLinks.map(
      (link) =>
        `${link.line}:${link.column} ${link.form}${link.embed ? ' embed' : ''} ${link.target}${link.anchor === undefined ? '' : `#${link.anchor}`}${link.label === undefined ? '' : ` |${link.label}`}`,
    );
  it.each([
    [
      'wikilink forms',
      '[[Note]] [[a/Note#H|l]] [[#Top]] [[N#^b1]]',
      ['1:1 wiki Note', '1:10 wiki a/Note#H |l', '1:25 wiki #Top', '1:34 wiki N#^b1'],
    ],
    [
      'embeds with a size',
      '![[chart.png|300]] ![[Note#Part]]',
      ['1:1 wiki embed chart.png |300', '1:20 wiki embed Note#Part'],
    ],
    ['keys are references, not names', '[[SPEC-1]] [[SPEC-1|x]]', []],
    ['a citation [[1]](url) is a link, not a wikilink', 'See [[1]](https://example.com).', []],
    ['escaped and in code', '\\[[No]] `[[No]]` [[Yes]]', ['1:18 wiki Yes']],
    ['a label written as code keeps its text', '[[F#has|`has()`]]', ['1:1 wiki F#has |`has()`']],
    ['in a table, the escaped bar', '| [[Note\\|label]] |', ['1:3 wiki Note |label']],
    [
      'relative Markdown links and images, not URLs',
      '[a](../x.md#Sec) ![i](img/p%20q.png "t") [w](https://w.org) [m](mailto:a@b) [s](#own)',
      ['1:1 markdown ../x.md#Sec |a', '1:18 markdown embed img/p q.png |i', '1:77 markdown #own |s'],
    ],
    [
      'a badge inside a link',
      '[![build](badge.svg)](docs/ci.md)',
      ['1:1 markdown docs/ci.md |![build](badge.svg)', '1:2 markdown embed badge.svg |build'],
    ],
    [
      'a link whose text is code keeps its text, a code span after it stays unread',
      'See [`PoolOptions`](/docs/api/Pool.md#x) and `[a](b.md)`.',
      ['1:5 markdown /docs/api/Pool.md#x |`PoolOptions`'],
    ],
    ['html images', '<p><img alt="x" src="assets/a.png"></p>', ['1:4 markdown embed assets/a.png']],
    ['fenced code is skipped', '```\n[[No]]\n```\n[[Yes]]', ['4:1 wiki Yes']],
    [
      'fenced code in a callout is skipped, and ends with the callout',
      '> [!note] Code\n> ```\n> [[No]]\n> ```\n> [[Yes]]\n\n> ```\n> [[No]]\n[[After]]',
      ['5:3 wiki Yes', '9:1 wiki After'],
    ],
  ])('%s', (_name, body, expected) => {
    expect(describeLinks(body)).toEqual(expected);
  });

  it('collects tags once each and block ids, not headings, anchors or code', () => {
    const scan = scanMarkdown(
      '# Heading\nText #idea and #area/sub-1, #idea again ^blk-1\n`#code` #123 [x](#anchor)\n',
    );
    expect([scan.tags, scan.blockIds]).toEqual([['idea', 'area/sub-1'], ['blk-1']]);
  });

  it('finds no tags in code, in a callout or a list either', () => {
    const scan = scanMarkdown(
      '```css\na { color: #ff0000; }\n```\n> [!note] Colours #real\n> ```css\n> b { color: #00ff00; }\n> ```\n>> ~~~\n>> #deep\n>> ~~~\n- item\n\n  ```\n  #listed\n  ```\n',
    );
    expect(scan.tags).toEqual(['real']);
  });
});
