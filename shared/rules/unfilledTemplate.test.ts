import { describe, expect, it } from 'vitest';
import { builtInTemplate } from '../templates/template.js';
import { contentFingerprint } from '../templates/templateExamples.js';
import { checkRule, documentFixture, sectionFixture } from './documentFixture.js';
import type { RuleInput } from './finding.js';
import { unfilledTemplate } from './unfilledTemplate.js';

const table = contentFingerprint(['| Metric | Baseline | Target | Actual |']);
const metrics = (fingerprint: string | undefined, type: 'spec' | 'doc' = 'spec') =>
  documentFixture({
    path: 'specs/a.md',
    key: 'SPEC-1',
    type,
    sections: [{ ...sectionFixture('Success metrics', 12, 3), fingerprint }],
  });

describe('unfilled-template', () => {
  const cases: [string, ReturnType<typeof metrics>, Partial<RuleInput>, string[]][] = [
    [
      "a section holding the built-in template's example",
      metrics(table),
      {},
      [
        `specs/a.md:12 "Success metrics" in SPEC-1 still holds the template's example; replace it with your own words.`,
      ],
    ],
    [
      'the table of the spec template before Baseline was added, left as it was',
      metrics(contentFingerprint(['| Metric | Target | Actual |', '|---|---|---|', '|  |  |  |'])),
      {},
      [
        `specs/a.md:12 "Success metrics" in SPEC-1 still holds the template's example; replace it with your own words.`,
      ],
    ],
    ['a section of its own words', metrics(contentFingerprint(['| Conversion | 48% | |'])), {}, []],
    ['a section too long to fingerprint', metrics(undefined), {}, []],
    ['a document no template made', metrics(table, 'doc'), {}, []],
    [
      "a workspace's own template, whose metrics section has no example",
      metrics(table),
      { examples: { spec: new Map() } },
      [],
    ],
    [
      "a workspace's own template, whose metrics section has no example, and the old built-in table",
      metrics(contentFingerprint(['| Metric | Target | Actual |'])),
      { examples: { spec: new Map() } },
      [],
    ],
  ];
  it.each(cases)('%s', (_name, document, extra, expected) => {
    expect(
      checkRule(unfilledTemplate, [document], [], extra).map(
        (finding) => `${finding.path}:${finding.line} ${finding.message}`,
      ),
    ).toEqual(expected);
  });

  it('knows the built-in spec template by its table', () => {
    expect(builtInTemplate('spec').examples.get('success metrics')).toBe(table);
  });
});
