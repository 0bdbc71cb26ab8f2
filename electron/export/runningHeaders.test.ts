import { describe, expect, it } from 'vitest';
import { cssString, runningHeaderStyles } from './runningHeaders.js';

describe('cssString', () => {
  const cases: [string, string, string][] = [
    ['plain words stay readable', 'Guest checkout: v2 (draft)', '"Guest checkout: v2 (draft)"'],
    ['letters beyond ASCII stay', 'Café – Zahlung', '"Café – Zahlung"'],
    ['a quote cannot end the string', 'say "hi"', '"say \\000022hi\\000022"'],
    ['a backslash cannot escape the quote', 'a\\', '"a\\00005c"'],
    ['newlines and tabs fold to one space', ' one\n\ttwo\r\n', '"one two"'],
    ['the style element cannot be closed', '</style>', '"\\00003c\\00002fstyle\\00003e"'],
    ['braces and semicolons cannot end the rule', '};@x{', '"\\00007d\\00003b\\000040x\\00007b"'],
    ['an emoji is one escape', 'ok 🚀', '"ok \\01f680"'],
    ['a long title is cut with an ellipsis', 'word '.repeat(30), `"${'word '.repeat(17)}word…"`],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(cssString(text)).toEqual(expected);
  });
});

describe('runningHeaderStyles', () => {
  it('names a page per section and shows its title in the top right box', () => {
    const styles = runningHeaderStyles({
      workspaceName: 'Acme',
      bundleTitle: 'Acme specifications',
      sections: [{ page: 'document-1', title: 'Guest checkout' }],
    });
    expect(styles.split('\n')).toEqual([
      '@page { @top-left { content: "Acme"; } @top-right { content: "Acme specifications"; } @bottom-center { content: "Page " counter(page) " of " counter(pages); } }',
      '@page cover { @top-left { content: none; } @top-right { content: none; } }',
      '.cover { page: cover; }',
      '@page document-1 { @top-right { content: "Guest checkout"; } }',
      '[data-page="document-1"] { page: document-1; }',
    ]);
  });
});
