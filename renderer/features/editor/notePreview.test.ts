import { describe, expect, it } from 'vitest';
import { previewOf } from './notePreview.js';

const long = (word: string) => `${word} ${'x'.repeat(300)}`;

describe('previewOf', () => {
  it.each([
    ['a short note whole', '# A\n\nText.\n', 50, { markdown: '# A\n\nText.', cut: false }],
    [
      'cut between blocks past the limit',
      `${long('one')}\n\n${long('two')}\n\n${long('three')}\n`,
      400,
      { markdown: `${long('one')}\n\n${long('two')}`, cut: true },
    ],
    [
      'never inside fenced code',
      `${long('one')}\n\n\`\`\`\ncode\n\n${'y'.repeat(500)}\n\`\`\`\n\nafter\n`,
      310,
      { markdown: `${long('one')}\n\n\`\`\`\ncode\n\n${'y'.repeat(500)}\n\`\`\``, cut: true },
    ],
  ])('%s', (_name, markdown, limit, expected) => {
    expect(previewOf(markdown, limit)).toEqual(expected);
  });
});
