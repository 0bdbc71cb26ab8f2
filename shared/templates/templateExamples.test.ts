import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInTemplate, renderTemplate, templateFromOverride } from './template.js';
import {
  contentFingerprint,
  contentWords,
  fingerprintOf,
  isExampleSection,
  templateExamples,
} from './templateExamples.js';

describe('contentWords', () => {
  const cases: [string, string[], string[] | undefined][] = [
    [
      'words in lower case',
      ['As a **type of user**, I want it.'],
      ['as', 'a', 'type', 'of', 'user', 'i', 'want', 'it'],
    ],
    ['guidance comments are not content', ['<!-- Required. Say why. -->', 'Why.'], ['why']],
    ['a comment over several lines', ['<!-- one', 'two -->three'], ['three']],
    [
      'list markers and checkboxes are not words',
      ['- [x] Given a cart', '1. Pay', '* [ ] Ship'],
      ['given', 'a', 'cart', 'pay', 'ship'],
    ],
    [
      'a table without its delimiter row',
      ['| Metric | Target |', '|---|:--:|', '|  |  |'],
      ['metric', 'target'],
    ],
    ['requirement fences are not words', [':::requirement{#REQ-1 priority=must}', 'Pay.', ':::'], ['pay']],
    ['subheadings are', ['### Question a customer will ask?'], ['question', 'a', 'customer', 'will', 'ask']],
    ['any script', ['Zahlung möglich 支付'], ['zahlung', 'möglich', '支付']],
    ['too many words to be an example', ['word '.repeat(65)], undefined],
  ];
  it.each(cases)('%s', (_name, lines, expected) => {
    expect(contentWords(lines)).toEqual(expected);
  });

  it('fingerprints only lines with words', () => {
    expect([contentFingerprint(['<!-- only guidance -->', '']), contentFingerprint(['Hi'])]).toEqual([
      undefined,
      fingerprintOf(['hi']),
    ]);
  });
});

describe('contentFingerprint', () => {
  // The fingerprint as it was defined: the words, then their hash.
  const byWords = (lines: string[]) => {
    const words = contentWords(lines);
    return words && words.length > 0 ? fingerprintOf(words) : undefined;
  };
  const pieces = [
    'Pay',
    'the CART',
    '42',
    ' ',
    '\t',
    '- ',
    '1. ',
    '[x] ',
    '> ',
    '## ',
    '|',
    '---',
    ':',
    ':::',
    ':::requirement{#REQ-1}',
    '<!--',
    '-->',
    '\r',
    'möglich',
    'İstanbul',
    '支付',
    '😀',
    'ǅ',
    '_',
    'word '.repeat(30),
  ];
  const line = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join(''));

  it('is the fingerprint of the words, for any lines and any range of them', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.nat(6), fc.nat(6), (lines, a, b) => {
        const [from, to] = [Math.min(a, b, lines.length), Math.min(Math.max(a, b), lines.length)];
        expect(contentFingerprint(lines, from, to)).toBe(byWords(lines.slice(from, to)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('templateExamples', () => {
  const fingerprint = (...lines: string[]) => contentFingerprint(lines);
  const cases: [string, ReadonlyMap<string, string>, [string, string | undefined][]][] = [
    [
      'the spec: only its metrics table',
      builtInTemplate('spec').examples,
      [['success metrics', fingerprint('Metric Baseline Target Actual')]],
    ],
    [
      'the story: its opening sentence and its sample criterion',
      builtInTemplate('story').examples,
      [
        ['', fingerprint('As a type of user, I want a goal so that a benefit.')],
        [
          'acceptance criteria',
          fingerprint('Given a context, when the user acts, then they see the outcome.'),
        ],
      ],
    ],
    [
      'the FAQ: each half with its sample question',
      builtInTemplate('faq').examples,
      [
        ['external faq', fingerprint('Question a customer will ask?')],
        ['internal faq', fingerprint('Question the team will ask?')],
      ],
    ],
    ['a feedback note: guidance only', builtInTemplate('feedback').examples, []],
    [
      "a workspace's own template, its example requirement left out as new documents leave it out",
      templateFromOverride(
        'spec',
        '---\nkey: {{key}}\n---\n## Scope\n\nIn: cards.\n\n## Requirements\n\n:::requirement{#{{requirementKey}} priority=must}\nDo it.\n:::\n',
      ).examples,
      [['scope', fingerprint('In: cards.')]],
    ],
  ];
  it.each(cases)('%s', (_name, examples, expected) => {
    expect([...examples]).toEqual(expected);
  });

  it('a rendered document holds no requirement from a template that had an example one', () => {
    const template = templateFromOverride(
      'spec',
      '## Requirements\n\n:::requirement{#{{requirementKey}}}\nDo it.\n:::\n\nAfter.\n',
    );
    expect(renderTemplate(template, { key: 'SPEC-1', title: 'T', date: '2026-01-01' })).toContain(
      '## Requirements\n\nAfter.\n',
    );
  });

  it('fingerprints the text of a template whose front matter YAML cannot read', () => {
    expect([...templateExamples('---\nkey: {{key}}\n---\nHello there.\n')]).toEqual([
      ['', fingerprint('Hello there.')],
    ]);
  });
});

describe('isExampleSection', () => {
  const spec = builtInTemplate('spec').examples;
  const fingerprint = (...lines: string[]) => contentFingerprint(lines);
  const cases: [string, ReadonlyMap<string, string> | undefined, string, string | undefined, boolean][] = [
    [
      "the spec template's metrics table",
      spec,
      'Success metrics',
      fingerprint('| Metric | Baseline | Target | Actual |'),
      true,
    ],
    [
      'the metrics table of the spec template before Baseline',
      spec,
      'Success metrics',
      fingerprint('| Metric | Target | Actual |', '|---|---|---|', '|  |  |  |'),
      true,
    ],
    [
      'that old table under another heading',
      spec,
      'Goals',
      fingerprint('| Metric | Target | Actual |'),
      false,
    ],
    [
      'a filled-in old table',
      spec,
      'Success metrics',
      fingerprint('| Metric | Target | Actual |', '| Conversion | 48% | |'),
      false,
    ],
    [
      'a template with no metrics example',
      new Map(),
      'Success metrics',
      fingerprint('| Metric | Target | Actual |'),
      false,
    ],
    [
      'a document without a template',
      undefined,
      'Success metrics',
      fingerprint('| Metric | Target | Actual |'),
      false,
    ],
  ];
  it.each(cases)('%s', (_name, examples, title, sectionFingerprint, expected) => {
    expect(isExampleSection(examples, title, sectionFingerprint)).toBe(expected);
  });
});
