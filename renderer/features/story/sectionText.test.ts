import { describe, it, expect } from 'vitest';
import { sectionAround, sectionNamed } from './sectionText.js';

const text = [
  '---', // 1
  'key: SPEC-1', // 2
  '---', // 3
  '## Problem', // 4
  'Hurts.', // 5
  '## Requirements', // 6
  '### Payment', // 7
  ':::requirement{#REQ-1}', // 8
  'Pay.', // 9
  ':::', // 10
  '```', // 11
  '## not a heading', // 12
  '```', // 13
  '## Acceptance criteria', // 14
  '- [ ] Given', // 15
].join('\n');

describe('sections', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    [
      'around a requirement: its nearest heading',
      sectionAround(text, 9),
      '### Payment\n:::requirement{#REQ-1}\nPay.\n:::\n```\n## not a heading\n```',
    ],
    ['above the first heading', sectionAround(text, 2), undefined],
    ['named, case-insensitive', sectionNamed(text, 'acceptance CRITERIA'), '- [ ] Given'],
    ['named with subsections', sectionNamed(text, 'Problem'), 'Hurts.'],
    ['missing', sectionNamed(text, 'Goals'), undefined],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
