import { describe, it, expect } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { completenessOf } from './completeness.js';

const heading = (text: string, level = 2): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const paragraph = (text?: string): JSONContent =>
  text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };

describe('completenessOf', () => {
  const cases: [string, JSONContent[], 'spec' | 'story', string[]][] = [
    ['empty spec', [], 'spec', ['Summary', 'Problem', 'Goals', 'Success metrics', 'Requirements']],
    [
      'a guidance comment is not content',
      [heading('Acceptance criteria'), { type: 'rawBlock', attrs: { source: '<!-- Required. Given… -->' } }],
      'story',
      ['Acceptance criteria'],
    ],
    [
      'filled sections, empty paragraph does not count',
      [
        heading('Summary'),
        paragraph('Why'),
        heading('Problem'),
        paragraph(),
        heading('Goals'),
        paragraph('g'),
      ],
      'spec',
      ['Problem', 'Success metrics', 'Requirements'],
    ],
    [
      'a subheading keeps the section open',
      [heading('Acceptance criteria'), heading('Card', 3), paragraph('Given…')],
      'story',
      [],
    ],
    [
      'requirement block counts as content',
      [heading('requirements'), { type: 'requirement', attrs: { key: 'REQ-1' }, content: [paragraph()] }],
      'spec',
      ['Summary', 'Problem', 'Goals', 'Success metrics'],
    ],
    [
      'a heading kept as raw source still opens its section',
      [{ type: 'rawBlock', attrs: { source: '## Acceptance criteria' } }, paragraph('Given…')],
      'story',
      [],
    ],
  ];
  it.each(cases)('%s', (_name, content, type, expected) => {
    expect(completenessOf({ type: 'doc', content }, type).empty).toEqual(expected);
  });
});
