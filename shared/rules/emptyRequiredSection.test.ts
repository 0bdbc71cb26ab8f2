import { describe, it, expect } from 'vitest';
import { checkRule, documentFixture, sectionFixture } from './documentFixture.js';
import { emptyRequiredSection } from './emptyRequiredSection.js';
import type { DocumentEntry } from '../model/documentModel.js';
import type { RuleFinding, RuleInput } from './finding.js';

describe('empty-required-section', () => {
  const cases: {
    name: string;
    document: DocumentEntry;
    extra?: Partial<RuleInput>;
    expected: RuleFinding[];
  }[] = [
    {
      name: 'required sections with words or items',
      document: documentFixture({
        path: 'specs/a.md',
        key: 'SPEC-1',
        type: 'spec',
        sections: [sectionFixture('Problem', 10, 40), sectionFixture('Goals', 14, 0, 3)],
      }),
      expected: [],
    },
    {
      name: 'an empty required section; an empty optional one is fine',
      document: documentFixture({
        path: 'specs/a.md',
        key: 'SPEC-1',
        type: 'spec',
        sections: [sectionFixture('problem', 10, 0), sectionFixture('Non-goals', 14, 0)],
      }),
      expected: [
        {
          path: 'specs/a.md',
          line: 10,
          key: 'SPEC-1',
          message: 'The required section "problem" in SPEC-1 is empty.',
        },
      ],
    },
    {
      name: 'the FAQ halves',
      document: documentFixture({
        path: 'faqs/f.md',
        key: 'FAQ-1',
        type: 'faq',
        sections: [sectionFixture('External FAQ', 3, 0), sectionFixture('Internal FAQ', 9, 12)],
      }),
      expected: [
        {
          path: 'faqs/f.md',
          line: 3,
          key: 'FAQ-1',
          message: 'The required section "External FAQ" in FAQ-1 is empty.',
        },
      ],
    },
    {
      name: 'empty story criteria are left to story-without-acceptance-criteria',
      document: documentFixture({
        path: 'stories/s.md',
        key: 'STORY-1',
        type: 'story',
        sections: [sectionFixture('Acceptance criteria', 3, 0)],
      }),
      expected: [],
    },
    {
      name: 'a workspace template decides what is required',
      document: documentFixture({
        path: 'specs/a.md',
        key: 'SPEC-1',
        type: 'spec',
        sections: [sectionFixture('Problem', 10, 0), sectionFixture('Context', 12, 0)],
      }),
      extra: { requiredSections: { spec: ['Context'] } },
      expected: [
        {
          path: 'specs/a.md',
          line: 12,
          key: 'SPEC-1',
          message: 'The required section "Context" in SPEC-1 is empty.',
        },
      ],
    },
    {
      name: 'plain documents have no template',
      document: documentFixture({ path: 'notes.md', sections: [sectionFixture('Problem', 10, 0)] }),
      expected: [],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(checkRule(emptyRequiredSection, [testCase.document], [], testCase.extra)).toEqual(
        testCase.expected,
      );
    });
  }
});
