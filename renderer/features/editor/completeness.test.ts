import { describe, it, expect } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { builtInOutline, completenessOf, sameCompleteness } from './completeness.js';

const heading = (text: string, level = 2): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const paragraph = (text?: string): JSONContent =>
  text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };

describe('completenessOf', () => {
  const cases: [string, JSONContent[], 'spec' | 'story' | 'faq', string[]][] = [
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
      [
        heading('requirements'),
        { type: 'requirement', attrs: { key: 'REQ-1', roadmap: [], extra: [] }, content: [paragraph()] },
      ],
      'spec',
      ['Summary', 'Problem', 'Goals', 'Success metrics'],
    ],
    [
      "a section holding only the template's example is not filled",
      [
        heading('Acceptance criteria'),
        { type: 'rawBlock', attrs: { source: '<!-- Required. -->' } },
        {
          type: 'taskList',
          content: [
            {
              type: 'taskItem',
              attrs: { checked: false },
              content: [paragraph('Given a context, when the user acts, then they see the outcome.')],
            },
          ],
        },
      ],
      'story',
      ['Acceptance criteria'],
    ],
    [
      'one word of its own fills it',
      [
        heading('Acceptance criteria'),
        {
          type: 'taskList',
          content: [
            {
              type: 'taskItem',
              attrs: { checked: false },
              content: [paragraph('Given a cart, when the user acts, then they see the outcome.')],
            },
          ],
        },
      ],
      'story',
      [],
    ],
    [
      "an FAQ's sample question is not an answer",
      [
        heading('External FAQ'),
        heading('Question a customer will ask?', 3),
        { type: 'rawBlock', attrs: { source: '<!-- The answer. -->' } },
        heading('Internal FAQ'),
        heading('Can we ship by May?', 3),
        paragraph('Yes.'),
      ],
      'faq',
      ['External FAQ'],
    ],
    [
      'a heading kept as raw source still opens its section',
      [{ type: 'rawBlock', attrs: { source: '## Acceptance criteria' } }, paragraph('Given…')],
      'story',
      [],
    ],
  ];
  it.each(cases)('%s', (_name, content, type, expected) => {
    const doc = sharedCodec().schema.nodeFromJSON({
      type: 'doc',
      content: content.length > 0 ? content : [paragraph()],
    });
    expect(completenessOf(doc, builtInOutline(type)).empty).toEqual(expected);
  });
});

describe('sameCompleteness', () => {
  it('keeps the previous value when the same sections are required and empty, so the page does not render again', () => {
    const previous = { required: ['Summary', 'Goals'], empty: ['Goals'] };
    expect(sameCompleteness({ required: ['Summary', 'Goals'], empty: ['Goals'] })(previous)).toBe(previous);
    const filled = { required: ['Summary', 'Goals'], empty: [] };
    expect(sameCompleteness(filled)(previous)).toBe(filled);
  });
});
