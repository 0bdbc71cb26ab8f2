import { describe, it, expect } from 'vitest';
import { brokenLink } from './brokenLink.js';
import { checkRule, documentFixture, requirementFixture, roadmapFixture } from './documentFixture.js';
import type { DocumentEntry } from '../model/documentModel.js';
import type { RuleFinding } from './finding.js';

const spec = documentFixture({
  path: 'specs/guest.md',
  key: 'SPEC-1',
  type: 'spec',
  headings: [{ level: 2, text: 'Release plan', line: 30 }],
  requirements: [requirementFixture('REQ-1', 12, { roadmap: ['RM-1'] })],
});
const otherSpec = documentFixture({
  path: 'specs/cards.md',
  key: 'SPEC-2',
  type: 'spec',
  requirements: [requirementFixture('REQ-5', 8, { roadmap: ['RM-1'] })],
});
const reference = (target: string, line: number, anchor?: string) => ({
  target,
  line,
  column: 1,
  ...(anchor === undefined ? {} : { anchor }),
});

describe('broken-link', () => {
  const cases: { name: string; document: DocumentEntry; expected: RuleFinding[] }[] = [
    {
      name: 'links to documents, requirements, roadmap items, anchors and headings that exist',
      document: documentFixture({
        path: 'notes.md',
        references: [
          reference('SPEC-1', 1),
          reference('REQ-5', 2),
          reference('RM-1', 3),
          reference('SPEC-1', 4, 'REQ-1'),
          reference('SPEC-1', 5, 'release-plan'),
          reference('SPEC-1', 6, 'Release plan'),
        ],
      }),
      expected: [],
    },
    {
      name: 'a link to a key that does not exist',
      document: documentFixture({ path: 'notes.md', key: 'DOC-1', references: [reference('SPEC-9', 7)] }),
      expected: [
        {
          path: 'notes.md',
          line: 7,
          key: 'DOC-1',
          message: '[[SPEC-9]] in DOC-1 links to SPEC-9, which does not exist.',
        },
      ],
    },
    {
      name: 'a requirement anchor in the wrong spec, and one that exists nowhere',
      document: documentFixture({
        path: 'notes.md',
        references: [reference('SPEC-1', 3, 'REQ-5'), reference('SPEC-1', 4, 'REQ-77')],
      }),
      expected: [
        {
          path: 'notes.md',
          line: 3,
          message: '[[SPEC-1#REQ-5]] in notes.md links to REQ-5 in SPEC-1, but REQ-5 is in SPEC-2.',
        },
        {
          path: 'notes.md',
          line: 4,
          message: '[[SPEC-1#REQ-77]] in notes.md links to REQ-77 in SPEC-1, which has no such requirement.',
        },
      ],
    },
    {
      name: 'a heading anchor that is not there',
      document: documentFixture({ path: 'notes.md', references: [reference('SPEC-1', 2, 'Rollout')] }),
      expected: [
        {
          path: 'notes.md',
          line: 2,
          message:
            '[[SPEC-1#Rollout]] in notes.md links to the heading "Rollout" in SPEC-1, which has no such heading.',
        },
      ],
    },
    {
      name: 'a story implementing a missing requirement, and a spec',
      document: documentFixture({
        path: 'stories/pay.md',
        key: 'STORY-1',
        type: 'story',
        implements: ['REQ-1', 'REQ-9', 'SPEC-2'],
      }),
      expected: [
        {
          path: 'stories/pay.md',
          line: 1,
          key: 'STORY-1',
          message: 'STORY-1 implements REQ-9, which does not exist.',
        },
        {
          path: 'stories/pay.md',
          line: 1,
          key: 'STORY-1',
          message: 'STORY-1 implements SPEC-2, which is not a requirement.',
        },
      ],
    },
    {
      name: 'an FAQ answering about a missing document',
      document: documentFixture({
        path: 'faqs/guest.md',
        key: 'FAQ-1',
        type: 'faq',
        answers: ['SPEC-1', 'SPEC-4'],
      }),
      expected: [
        {
          path: 'faqs/guest.md',
          line: 1,
          key: 'FAQ-1',
          message: 'FAQ-1 answers questions about SPEC-4, which does not exist.',
        },
      ],
    },
    {
      name: 'a requirement delivering a missing roadmap item, and a requirement',
      document: documentFixture({
        path: 'specs/new.md',
        key: 'SPEC-3',
        type: 'spec',
        requirements: [requirementFixture('REQ-8', 20, { roadmap: ['RM-1', 'RM-404', 'REQ-1'] })],
      }),
      expected: [
        {
          path: 'specs/new.md',
          line: 20,
          key: 'REQ-8',
          message: 'REQ-8 delivers RM-404, which does not exist.',
        },
        {
          path: 'specs/new.md',
          line: 20,
          key: 'REQ-8',
          message: 'REQ-8 delivers REQ-1, which is not a roadmap item.',
        },
      ],
    },
    {
      name: 'a document linking to itself is fine',
      document: documentFixture({
        path: 'specs/self.md',
        key: 'SPEC-7',
        type: 'spec',
        references: [reference('SPEC-7', 3)],
      }),
      expected: [],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(checkRule(brokenLink, [spec, otherSpec, testCase.document], [roadmapFixture('RM-1')])).toEqual(
        testCase.expected,
      );
    });
  }
});

describe('broken-link: evidence and releases', () => {
  const note = (about: string[]) =>
    documentFixture({ path: 'feedback/quote.md', key: 'FB-1', type: 'feedback', about });
  const release = (items: string[]) => ({
    key: 'REL-1',
    name: 'Autumn',
    status: 'planned' as const,
    items,
  });
  const cases: {
    name: string;
    documents: DocumentEntry[];
    releases: ReturnType<typeof release>[];
    expected: RuleFinding[];
  }[] = [
    {
      name: 'evidence for a roadmap item and a requirement, a release shipping an item, a link to a release',
      documents: [
        spec,
        note(['RM-1', 'REQ-1']),
        documentFixture({ path: 'notes.md', references: [reference('REL-1', 2)] }),
      ],
      releases: [release(['RM-1'])],
      expected: [],
    },
    {
      name: 'evidence for nothing, and for a spec',
      documents: [spec, note(['RM-9', 'SPEC-1'])],
      releases: [],
      expected: [
        {
          path: 'feedback/quote.md',
          line: 1,
          key: 'FB-1',
          message: 'FB-1 is evidence for RM-9, which does not exist.',
        },
        {
          path: 'feedback/quote.md',
          line: 1,
          key: 'FB-1',
          message: 'FB-1 is evidence for SPEC-1, which is not a roadmap item or requirement.',
        },
      ],
    },
    {
      name: 'a release shipping an item that does not exist',
      documents: [spec],
      releases: [release(['RM-1', 'RM-7'])],
      expected: [
        { path: 'roadmap.json', line: 4, key: 'REL-1', message: 'REL-1 ships RM-7, which does not exist.' },
      ],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(
        checkRule(brokenLink, testCase.documents, [roadmapFixture('RM-1')], {
          releases: testCase.releases,
          roadmapLines: new Map([['REL-1', [4]]]),
        }),
      ).toEqual(testCase.expected);
    });
  }
});
