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
