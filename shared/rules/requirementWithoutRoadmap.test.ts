import { describe, it, expect } from 'vitest';
import { checkRule, documentFixture, requirementFixture } from './documentFixture.js';
import { requirementWithoutRoadmap } from './requirementWithoutRoadmap.js';
import type { RequirementEntry } from '../model/documentModel.js';
import type { RuleFinding } from './finding.js';

describe('requirement-without-roadmap', () => {
  const cases: { name: string; requirements: RequirementEntry[]; expected: RuleFinding[] }[] = [
    { name: 'linked', requirements: [requirementFixture('REQ-1', 4, { roadmap: ['RM-1'] })], expected: [] },
    {
      name: 'not linked',
      requirements: [requirementFixture('REQ-1', 4, { roadmap: ['RM-1'] }), requirementFixture('REQ-2', 9)],
      expected: [
        {
          path: 'specs/a.md',
          line: 9,
          key: 'REQ-2',
          message: 'REQ-2 is not linked to a roadmap item; add roadmap=RM-… to it.',
        },
      ],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const spec = documentFixture({
        path: 'specs/a.md',
        key: 'SPEC-1',
        type: 'spec',
        requirements: testCase.requirements,
      });
      expect(checkRule(requirementWithoutRoadmap, [spec])).toEqual(testCase.expected);
    });
  }
});
