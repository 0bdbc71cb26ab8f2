import { describe, expect, it } from 'vitest';
import { parseDesignLinks } from './designLinks.js';

describe('parseDesignLinks', () => {
  const cases: [string, unknown, unknown][] = [
    [
      'a Markdown link and a bare URL',
      ['[Checkout flow (Figma)](https://figma.com/file/abc)', 'https://miro.com/board/1'],
      [
        { label: 'Checkout flow (Figma)', url: 'https://figma.com/file/abc' },
        { label: 'https://miro.com/board/1', url: 'https://miro.com/board/1' },
      ],
    ],
    [
      'one value, not a list',
      'http://example.com/a',
      [{ label: 'http://example.com/a', url: 'http://example.com/a' }],
    ],
    [
      'not http or https: text, never a link',
      ['[Click](javascript:alert(1))', 'file:///etc/passwd', 'see the wiki', 'https://user:pw@evil.test/'],
      [
        { label: '[Click](javascript:alert(1))' },
        { label: 'file:///etc/passwd' },
        { label: 'see the wiki' },
        { label: 'https://user:pw@evil.test/' },
      ],
    ],
    [
      'an empty label takes the address',
      ['[](https://a.test/x)'],
      [{ label: 'https://a.test/x', url: 'https://a.test/x' }],
    ],
    ['nothing, numbers and blanks', [undefined, 3, ' ', null], []],
    ['absent', undefined, []],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(parseDesignLinks(value)).toEqual(expected);
  });
});
