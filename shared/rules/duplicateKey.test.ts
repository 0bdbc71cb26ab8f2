import { describe, it, expect } from 'vitest';
import { duplicateKey } from './duplicateKey.js';
import { checkRule, documentFixture, requirementFixture, roadmapFixture } from './documentFixture.js';
import type { DocumentEntry } from '../model/documentModel.js';
import type { RoadmapItem } from '../model/roadmapModel.js';
import type { RuleFinding } from './finding.js';

describe('duplicate-key', () => {
  const cases: {
    name: string;
    documents: DocumentEntry[];
    roadmap?: RoadmapItem[];
    expected: RuleFinding[];
  }[] = [
    {
      name: 'unique keys',
      documents: [
        documentFixture({ path: 'a.md', key: 'SPEC-1', requirements: [requirementFixture('REQ-1', 5)] }),
        documentFixture({ path: 'b.md', key: 'SPEC-2' }),
      ],
      roadmap: [roadmapFixture('RM-1')],
      expected: [],
    },
    {
      name: 'two documents',
      documents: [
        documentFixture({ path: 'a.md', key: 'SPEC-1' }),
        documentFixture({ path: 'b.md', key: 'SPEC-1' }),
      ],
      expected: [
        {
          path: 'a.md',
          line: 1,
          key: 'SPEC-1',
          message: 'SPEC-1 is also used in b.md:1; keys must be unique.',
        },
        {
          path: 'b.md',
          line: 1,
          key: 'SPEC-1',
          message: 'SPEC-1 is also used in a.md:1; keys must be unique.',
        },
      ],
    },
    {
      name: 'requirements in two specs, and a document sharing a requirement key',
      documents: [
        documentFixture({ path: 'a.md', key: 'SPEC-1', requirements: [requirementFixture('REQ-1', 5)] }),
        documentFixture({ path: 'b.md', key: 'REQ-1', requirements: [requirementFixture('REQ-1', 9)] }),
      ],
      expected: [
        {
          path: 'a.md',
          line: 5,
          key: 'REQ-1',
          message: 'REQ-1 is also used in b.md:1, b.md:9; keys must be unique.',
        },
        {
          path: 'b.md',
          line: 1,
          key: 'REQ-1',
          message: 'REQ-1 is also used in a.md:5, b.md:9; keys must be unique.',
        },
        {
          path: 'b.md',
          line: 9,
          key: 'REQ-1',
          message: 'REQ-1 is also used in a.md:5, b.md:1; keys must be unique.',
        },
      ],
    },
    {
      name: 'roadmap items',
      documents: [],
      roadmap: [roadmapFixture('RM-1'), roadmapFixture('RM-1', 'later')],
      expected: [
        {
          path: 'roadmap.json',
          line: 1,
          key: 'RM-1',
          message: 'RM-1 is also used in roadmap.json:1; keys must be unique.',
        },
        {
          path: 'roadmap.json',
          line: 1,
          key: 'RM-1',
          message: 'RM-1 is also used in roadmap.json:1; keys must be unique.',
        },
      ],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(checkRule(duplicateKey, testCase.documents, testCase.roadmap)).toEqual(testCase.expected);
    });
  }

  it('points at each roadmap item by its line', () => {
    const lines = new Map([['RM-1', [4, 16]]]);
    const findings = checkRule(duplicateKey, [], [roadmapFixture('RM-1'), roadmapFixture('RM-1', 'later')], {
      roadmapLines: lines,
    });
    expect(findings.map((finding) => `${finding.line}: ${finding.message}`)).toEqual([
      '4: RM-1 is also used in roadmap.json:16; keys must be unique.',
      '16: RM-1 is also used in roadmap.json:4; keys must be unique.',
    ]);
  });

  it('lists three other places and counts the rest', () => {
    const documents = ['a', 'b', 'c', 'd', 'e'].map((name) =>
      documentFixture({ path: `${name}.md`, key: 'SPEC-1' }),
    );
    expect(checkRule(duplicateKey, documents)[0]).toEqual({
      path: 'a.md',
      line: 1,
      key: 'SPEC-1',
      message: 'SPEC-1 is also used in b.md:1, c.md:1, d.md:1 and 1 more; keys must be unique.',
    });
  });
});

describe('duplicate-key: releases', () => {
  it('a release key used twice, and by a document', () => {
    const release = { key: 'REL-1', name: 'Autumn', status: 'planned' as const, items: [] };
    expect(
      checkRule(duplicateKey, [documentFixture({ path: 'a.md', key: 'REL-1' })], [], {
        releases: [release, { ...release, name: 'Winter' }],
        roadmapLines: new Map([['REL-1', [3, 9]]]),
      }),
    ).toEqual([
      {
        path: 'a.md',
        line: 1,
        key: 'REL-1',
        message: 'REL-1 is also used in roadmap.json:3, roadmap.json:9; keys must be unique.',
      },
      {
        path: 'roadmap.json',
        line: 3,
        key: 'REL-1',
        message: 'REL-1 is also used in a.md:1, roadmap.json:9; keys must be unique.',
      },
      {
        path: 'roadmap.json',
        line: 9,
        key: 'REL-1',
        message: 'REL-1 is also used in a.md:1, roadmap.json:3; keys must be unique.',
      },
    ]);
  });
});
