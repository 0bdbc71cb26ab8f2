import { describe, it, expect } from 'vitest';
import type { DocumentEntry } from '../model/documentModel.js';
import { criterionNotGherkin } from './criterionNotGherkin.js';
import { checkRule, documentFixture } from './documentFixture.js';
import type { RuleFinding } from './finding.js';

const story = (texts: string[], type: DocumentEntry['type'] = 'story') =>
  documentFixture({
    path: 'stories/pay.md',
    key: 'STORY-1',
    type,
    criteria: texts.map((text, index) => ({ line: 12 + index, text })),
  });

describe('criterion-not-gherkin', () => {
  const cases: { name: string; document: DocumentEntry; expected: RuleFinding[] }[] = [
    {
      name: 'criteria that split into steps',
      document: story(['Given a cart, when I pay, then I see the receipt.', 'When I pay then I see it']),
      expected: [],
    },
    {
      name: 'a criterion without Given/When/Then',
      document: story(['Given a cart, when I pay, then I see it.', 'The receipt arrives within a minute.']),
      expected: [
        {
          path: 'stories/pay.md',
          line: 13,
          key: 'STORY-1',
          message:
            'A criterion of STORY-1 does not read "Given …, when …, then …", so it exports as a comment, not a scenario.',
        },
      ],
    },
    { name: 'only stories are exported', document: story(['Receipts arrive.'], 'spec'), expected: [] },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(checkRule(criterionNotGherkin, [testCase.document])).toEqual(testCase.expected);
    });
  }
});
