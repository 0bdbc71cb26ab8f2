import { describe, it, expect } from 'vitest';
import { checkRule, documentFixture, requirementFixture, roadmapFixture } from './documentFixture.js';
import { nowItemWithoutRequirements } from './nowItemWithoutRequirements.js';
import type { RoadmapItem } from '../model/roadmapModel.js';
import type { RuleFinding } from './finding.js';

const spec = documentFixture({
  path: 'specs/a.md',
  key: 'SPEC-1',
  type: 'spec',
  requirements: [requirementFixture('REQ-1', 4, { roadmap: ['RM-1'] })],
});

describe('now-item-without-requirements', () => {
  const cases: {
    name: string;
    roadmap: RoadmapItem[];
    roadmapPath?: string;
    roadmapLines?: Map<string, number[]>;
    expected: RuleFinding[];
  }[] = [
    { name: 'delivered', roadmap: [roadmapFixture('RM-1')], expected: [] },
    {
      name: 'later items may wait',
      roadmap: [roadmapFixture('RM-2', 'later'), roadmapFixture('RM-3', 'next')],
      expected: [],
    },
    {
      name: 'a Now item nothing delivers',
      roadmap: [roadmapFixture('RM-1'), roadmapFixture('RM-2', 'now', 'Saved cards')],
      roadmapPath: 'plan/roadmap.json',
      expected: [
        {
          path: 'plan/roadmap.json',
          line: 1,
          key: 'RM-2',
          message: 'RM-2 (Saved cards) is in Now, but no requirement delivers it.',
        },
      ],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const extra =
        testCase.roadmapPath === undefined
          ? {}
          : { roadmapPath: testCase.roadmapPath, roadmapLines: testCase.roadmapLines };
      expect(checkRule(nowItemWithoutRequirements, [spec], testCase.roadmap, extra)).toEqual(
        testCase.expected,
      );
    });
  }
});
