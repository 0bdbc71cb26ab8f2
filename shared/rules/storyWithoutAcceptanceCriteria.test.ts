import { describe, it, expect } from 'vitest';
import { checkRule, documentFixture, sectionFixture } from './documentFixture.js';
import { storyWithoutAcceptanceCriteria } from './storyWithoutAcceptanceCriteria.js';
import type { DocumentEntry } from '../model/documentModel.js';
import type { RuleFinding } from './finding.js';

const story = (sections: DocumentEntry['sections'], type: DocumentEntry['type'] = 'story') =>
  documentFixture({ path: 'stories/pay.md', key: 'STORY-1', type, bodyLine: 8, sections });

describe('story-without-acceptance-criteria', () => {
  const cases: { name: string; document: DocumentEntry; expected: RuleFinding[] }[] = [
    {
      name: 'criteria with items',
      document: story([sectionFixture('Acceptance criteria', 12, 20, 2)]),
      expected: [],
    },
    {
      name: 'the title in another case',
      document: story([sectionFixture('Acceptance Criteria ', 12, 20, 1)]),
      expected: [],
    },
    {
      name: 'no such section',
      document: story([sectionFixture('Notes', 12, 20)]),
      expected: [
        {
          path: 'stories/pay.md',
          line: 8,
          key: 'STORY-1',
          message: 'STORY-1 has no "Acceptance criteria" section.',
        },
      ],
    },
    {
      name: 'a section of prose without items',
      document: story([sectionFixture('Acceptance criteria', 12, 30, 0)]),
      expected: [
        {
          path: 'stories/pay.md',
          line: 12,
          key: 'STORY-1',
          message:
            'The acceptance criteria of STORY-1 list no items; add one Given/When/Then item per criterion.',
        },
      ],
    },
    { name: 'specs are not stories', document: story([], 'spec'), expected: [] },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(checkRule(storyWithoutAcceptanceCriteria, [testCase.document])).toEqual(testCase.expected);
    });
  }
});
