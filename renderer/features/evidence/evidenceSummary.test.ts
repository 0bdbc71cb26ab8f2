import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import {
  titleLeadOf,
  evidenceByKey,
  evidenceCount,
  filterFeedback,
  linkTargets,
  matchTargets,
  type FeedbackFilter,
} from './evidenceSummary.js';

function note(
  title: string,
  about: string[],
  evidence: Partial<NonNullable<DocumentSummary['evidence']>>,
  status = 'new',
): DocumentSummary {
  return {
    path: `feedback/${title}.md`,
    type: 'feedback',
    title,
    status,
    implements: [],
    answers: [],
    about,
    requirements: [],
    mtimeMs: 0,
    evidence: { quote: title, ...evidence },
  };
}

const spec: DocumentSummary = {
  path: 'specs/pay.md',
  key: 'SPEC-1',
  type: 'spec',
  title: 'Pay',
  implements: [],
  answers: [],
  about: [],
  requirements: [{ key: 'REQ-1', line: 5, summary: 'Pay in pounds', roadmap: ['RM-2'] }],
  mtimeMs: 0,
};

const documents = [
  spec,
  note('a', ['RM-2'], { customer: 'Litware', date: '2026-01-02', source: 'support', segment: 'SMB' }),
  note('b', ['REQ-1'], { customer: 'litware', date: '2026-03-01', source: 'sales' }),
  note('c', ['REQ-1', 'RM-2'], { customer: 'Contoso', source: 'survey' }),
  note('d', [], { customer: 'Contoso', date: '2026-02-01', source: 'support', segment: 'SMB' }),
  note('e', [], { source: 'review' }, 'archived'),
];

describe('evidenceByKey', () => {
  const cases: [string, string, unknown][] = [
    [
      'an item counts its own notes and its requirements’ once each, newest first',
      'RM-2',
      [
        ['b', 'a', 'c'],
        ['litware', 'Contoso'],
      ],
    ],
    [
      'a requirement counts the notes about it',
      'REQ-1',
      [
        ['b', 'c'],
        ['litware', 'Contoso'],
      ],
    ],
    ['a key without notes has none', 'RM-9', undefined],
  ];
  it.each(cases)('%s', (_name, key, expected) => {
    const evidence = evidenceByKey(documents).get(key);
    expect(evidence && [evidence.notes.map((entry) => entry.title), evidence.customers]).toEqual(expected);
  });

  it('says how much', () => {
    expect(
      [
        { notes: [], customers: [] },
        { notes: [spec], customers: [] },
        { notes: [spec, spec], customers: ['A'] },
      ].map(evidenceCount),
    ).toEqual(['0 notes', '1 note', '2 notes from 1 customer']);
  });
});

describe('filterFeedback', () => {
  const cases: [FeedbackFilter, string[]][] = [
    [{ scope: 'inbox' }, ['d']],
    [{ scope: 'all' }, ['b', 'd', 'a', 'c', 'e']],
    [{ scope: 'all', source: 'support' }, ['d', 'a']],
    [{ scope: 'all', segment: 'SMB', customer: 'Litware' }, ['a']],
    [{ scope: 'inbox', source: 'sales' }, []],
  ];
  it.each(cases)('%j', (filter, expected) => {
    expect(filterFeedback(documents, filter).map((entry) => entry.title)).toEqual(expected);
  });
});

describe('matchTargets', () => {
  const targets = linkTargets(
    [
      { key: 'RM-2', title: 'Local currencies', lane: 'next', status: 'planned', description: '', rank: 0 },
      { key: 'RM-12', title: 'Pay by invoice', lane: 'later', status: 'planned', description: '', rank: 1 },
    ] as never,
    documents,
  );
  const cases: [string, string[]][] = [
    ['', ['RM-2', 'RM-12', 'REQ-1']],
    ['pay', ['RM-12', 'REQ-1']],
    ['req', ['REQ-1']],
    ['rm-1', ['RM-12']],
    ['pounds pay', ['REQ-1']],
    ['nothing', []],
  ];
  it.each(cases)('%j', (query, expected) => {
    expect(matchTargets(targets, query).map((target) => target.key)).toEqual(expected);
  });
});

describe('titleLeadOf', () => {
  it.each([
    { title: 'Let me pay later', quote: 'Let me pay later.', lead: { lead: 'Let me pay later.', rest: '' } },
    {
      title: 'Why do I need an account to buy one lamp?',
      quote: 'Why do I need an account\nto buy one lamp? It is a lamp.',
      lead: { lead: 'Why do I need an account\nto buy one lamp?', rest: ' It is a lamp.' },
    },
    {
      title: 'A very long first sentence that the import cut…',
      quote: 'A very long first sentence that the import cut at a word, and more.',
      lead: { lead: 'A very long first sentence that the import cut', rest: ' at a word, and more.' },
    },
    { title: 'Checkout is slow', quote: 'Paying takes a minute.', lead: undefined },
    { title: 'Why do I', quote: 'Why do Iceland users pay twice?', lead: undefined },
    { title: '', quote: 'Anything.', lead: undefined },
  ])('$title in $quote', ({ title, quote, lead }) => {
    expect(titleLeadOf(title, quote)).toEqual(lead);
  });
});
