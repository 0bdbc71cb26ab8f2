import { describe, expect, it } from 'vitest';
import { firstDifference, sourceLines } from './doctor.js';

describe('firstDifference', () => {
  const cases: [string, string, string, { line: number; reason: string }][] = [
    [
      'an escaped character',
      '# A\n\nsnake_case\n',
      '# A\n\nsnake\\_case\n',
      { line: 3, reason: 'line 3 would be rewritten' },
    ],
    ['CRLF turned into LF', 'a\r\nb\r\n', 'a\nb\n', { line: 1, reason: 'line 1 would be rewritten' }],
    ['a final newline added', 'a\nb', 'a\nb\n', { line: 3, reason: 'lines would be added at the end' }],
    ['a final newline dropped', 'a\nb\n', 'a\nb', { line: 3, reason: 'the end of the file would change' }],
  ];
  it.each(cases)('%s', (_name, before, after, expected) => {
    expect(firstDifference(before, after)).toEqual(expected);
  });
});

describe('sourceLines', () => {
  it('names the line each block shown as source starts on, the same text twice at each place', () => {
    const text = '---\ntitle: A\n---\n# A\n\n<div>\nraw\n</div>\n\ntext\n\n  <div>\n  raw\n  </div>\n';
    expect(sourceLines(text, ['<div>\nraw\n</div>', '<div>\nraw\n</div>', 'not in the file'])).toEqual([
      6, 12, 12,
    ]);
  });

  it('names the block shown as source, not an earlier one that starts with the same line and renders', () => {
    const steps = '1. Open the download page.\n2. Run the installer.\n';
    const withCode = '1. Open the download page.\n2. Run:\n   ```sh\n   snap install\n   ```\n';
    const text = `# Install\n\n${steps}\n## Snap\n\n${withCode}`;
    expect(sourceLines(text, [withCode.trimEnd()])).toEqual([8]);
  });
});
