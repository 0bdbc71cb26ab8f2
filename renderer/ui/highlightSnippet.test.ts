import { describe, it, expect } from 'vitest';
import { highlightSnippet } from './highlightSnippet.js';

function render(snippet: string, highlights: [number, number][]): string {
  return highlightSnippet(snippet, highlights)
    .map((segment) => (segment.highlighted ? `[${segment.text}]` : segment.text))
    .join('');
}

describe('highlightSnippet', () => {
  const cases: [string, string, [number, number][], string][] = [
    ['no highlights', 'guest checkout', [], 'guest checkout'],
    ['one word', 'guest checkout', [[6, 14]], 'guest [checkout]'],
    [
      'two words, out of order',
      'pay as a guest',
      [
        [9, 14],
        [0, 3],
      ],
      '[pay] as a [guest]',
    ],
    [
      'overlapping ranges merge',
      'guest checkout',
      [
        [0, 4],
        [2, 5],
      ],
      '[guest] checkout',
    ],
    [
      'touching ranges merge',
      'abcdef',
      [
        [0, 2],
        [2, 4],
      ],
      '[abcd]ef',
    ],
    [
      'out of bounds are clamped',
      'short',
      [
        [-3, 2],
        [4, 99],
      ],
      '[sh]or[t]',
    ],
    [
      'empty and reversed ranges are ignored',
      'text',
      [
        [2, 2],
        [3, 1],
      ],
      'text',
    ],
    ['markup stays text', '<b>x</b>', [[3, 4]], '<b>[x]</b>'],
  ];
  it.each(cases)('%s', (_name, snippet, highlights, expected) => {
    expect(render(snippet, highlights)).toBe(expected);
  });
});
