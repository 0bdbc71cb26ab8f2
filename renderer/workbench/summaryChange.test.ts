import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import { changesWhatViewsShow } from './summaryChange.js';

const before: DocumentSummary = {
  path: 'specs/guest-checkout.md',
  key: 'SPEC-1',
  type: 'spec',
  title: 'Guest checkout',
  status: 'draft',
  owner: 'Dana',
  implements: [],
  answers: [],
  about: [],
  mtimeMs: 1,
  requirements: [
    { key: 'REQ-1', line: 10, summary: 'Guests pay', roadmap: ['RM-1'], priority: 'must', status: 'draft' },
  ],
};

const requirement = before.requirements[0]!;

describe('changesWhatViewsShow', () => {
  const cases: [string, DocumentSummary | undefined, DocumentSummary, boolean][] = [
    ['a document the views do not know yet', undefined, before, true],
    ['nothing but the save time', before, { ...before, mtimeMs: 2 }, false],
    ['a status', before, { ...before, status: 'review' }, true],
    ['an owner removed', before, { ...before, owner: undefined }, true],
    ['a title', before, { ...before, title: 'Guest checkout v2' }, true],
    ['an implements list', before, { ...before, implements: ['REQ-9'] }, true],
    ['an estimate', before, { ...before, estimate: 3 }, true],
    ['a feedback note linked as evidence', before, { ...before, about: ['RM-1'] }, true],
    [
      "a feedback note's quote, being typed",
      { ...before, evidence: { quote: 'I', source: 'support' } },
      { ...before, evidence: { quote: 'I want', source: 'support' } },
      false,
    ],
    ['a front-matter problem', before, { ...before, problem: { message: 'Bad YAML', line: 2 } }, true],
    [
      "a requirement's first line, being typed",
      before,
      { ...before, requirements: [{ ...requirement, summary: 'Guests pay by card' }] },
      false,
    ],
    [
      'lines moved by a paragraph typed above',
      before,
      { ...before, requirements: [{ ...requirement, line: 12 }] },
      false,
    ],
    [
      "a requirement's status",
      before,
      { ...before, requirements: [{ ...requirement, status: 'approved' }] },
      true,
    ],
    [
      'a roadmap item added to a requirement',
      before,
      { ...before, requirements: [{ ...requirement, roadmap: ['RM-1', 'RM-5'] }] },
      true,
    ],
    [
      'a requirement added',
      before,
      { ...before, requirements: [requirement, { ...requirement, key: 'REQ-2' }] },
      true,
    ],
  ];
  it.each(cases)('%s', (_name, previous, next, expected) => {
    expect(changesWhatViewsShow(previous, next)).toBe(expected);
  });
});
