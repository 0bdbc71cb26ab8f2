import { describe, it, expect } from 'vitest';
import { checkRule, documentFixture, requirementFixture } from './documentFixture.js';
import { mustWithoutStory } from './mustWithoutStory.js';
import type { DocumentEntry } from '../model/documentModel.js';
import type { RuleFinding } from './finding.js';

const spec = documentFixture({
  path: 'specs/a.md',
  key: 'SPEC-1',
  type: 'spec',
  requirements: [
    requirementFixture('REQ-1', 4, { priority: 'must' }),
    requirementFixture('REQ-2', 9, { priority: 'should' }),
  ],
});

describe('must-without-story', () => {
  const cases: { name: string; others: DocumentEntry[]; expected: RuleFinding[] }[] = [
    {
      name: 'a story implements the must',
      others: [
        documentFixture({ path: 'stories/s.md', key: 'STORY-1', type: 'story', implements: ['REQ-1'] }),
      ],
      expected: [],
    },
    {
      name: 'no story: only the must is reported',
      others: [],
      expected: [
        {
          path: 'specs/a.md',
          line: 4,
          key: 'REQ-1',
          message: 'REQ-1 is a must, but no story implements it.',
        },
      ],
    },
    {
      name: 'an FAQ listing it under implements does not count',
      others: [documentFixture({ path: 'faqs/f.md', key: 'FAQ-1', type: 'faq', implements: ['REQ-1'] })],
      expected: [
        {
          path: 'specs/a.md',
          line: 4,
          key: 'REQ-1',
          message: 'REQ-1 is a must, but no story implements it.',
        },
      ],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(checkRule(mustWithoutStory, [spec, ...testCase.others])).toEqual(testCase.expected);
    });
  }
});
