import { describe, expect, it } from 'vitest';
import { scanMarkdown } from '../../shared/grammar/markdownScanner.js';
import { contentFingerprint } from '../../shared/templates/templateExamples.js';
import { countWords, summarizeSections } from './sectionSummary.js';

/** [title, words, items] per heading, for a body starting at file line 1. */
function summary(body: string): [string, number, number][] {
  return summarizeSections(body, scanMarkdown(body).headings, 1).map((section) => [
    section.title,
    section.words,
    section.items,
  ]);
}

describe('summarizeSections', () => {
  const cases: [string, string, [string, number, number][]][] = [
    ['no headings', 'Just text.\n', []],
    [
      'text before the first heading',
      'As a shopper.\n<!-- hint -->\n## Notes\n',
      [
        ['', 3, 0],
        ['Notes', 0, 0],
      ],
    ],
    [
      'an empty section',
      '## Problem\n\n## Goals\nShip it.\n',
      [
        ['Problem', 0, 0],
        ['Goals', 2, 0],
      ],
    ],
    [
      'a parent counts its subsections, not their headings',
      '# Spec\nIntro words here.\n## Part\nTwo words.\n# Next\n',
      [
        ['Spec', 5, 0],
        ['Part', 2, 0],
        ['Next', 0, 0],
      ],
    ],
    [
      'HTML comments are not content, even across lines',
      '## Problem\n<!-- Describe\nthe problem -->\n\n## Goals\nReal <!-- hint --> text\n',
      [
        ['Problem', 0, 0],
        ['Goals', 2, 0],
      ],
    ],
    [
      'list and task items are counted',
      '## Acceptance criteria\n- [ ] Given a cart\n* two\n1. three\n2) four\n-not a list\n',
      [['Acceptance criteria', 11, 4]],
    ],
    [
      'list markers inside fenced code are not items, but its words count',
      '## Code\n```\n- not an item\n```\n',
      [['Code', 3, 0]],
    ],
    [
      'requirement fences are markup; their text is content',
      '## Requirements\n:::requirement{#REQ-1 priority=must}\nPay as a guest.\n:::\n',
      [['Requirements', 4, 0]],
    ],
    ['CRLF lines', '## Goals\r\n- one\r\n```\r\n- code\r\n```\r\n', [['Goals', 2, 1]]],
    ['setext headings and their underline', 'Title\n=====\nBody here\n', [['Title', 2, 0]]],
    ['accented and non-Latin words', '## Résumé\nçà et là 日本\n', [['Résumé', 4, 0]]],
  ];
  it.each(cases)('%s', (_name, body, expected) => {
    expect(summary(body)).toEqual(expected);
  });

  it('reports file lines, shifted by where the body starts; text before the first heading is on the first', () => {
    const body = 'Intro\n## Goals\n';
    expect(summarizeSections(body, scanMarkdown(body).headings, 7).map((section) => section.line)).toEqual([
      7, 8,
    ]);
  });

  it('fingerprints short sections with words, subheadings included, to compare with template examples', () => {
    const body = [
      'As a **type of user**, I want it.',
      '<!-- guidance -->',
      '## External FAQ',
      '<!-- Required. -->',
      '### Question a customer will ask?',
      '## Notes',
      '<!-- guidance only -->',
      '## Long',
      'word '.repeat(70),
    ].join('\n');
    const sections = summarizeSections(body, scanMarkdown(body).headings, 1);
    expect(sections.map((section) => [section.title, section.level, section.fingerprint])).toEqual([
      ['', 0, contentFingerprint(['As a type of user, I want it.'])],
      ['External FAQ', 2, contentFingerprint(['Question a customer will ask?'])],
      ['Question a customer will ask?', 3, undefined],
      ['Notes', 2, undefined],
      ['Long', 2, undefined],
    ]);
  });
});

describe('countWords', () => {
  const cases: [string, number][] = [
    ['', 0],
    ['one', 1],
    ['two words', 2],
    ["don't stop-me now", 5],
    ['  **bold** _it_ ', 2],
    ['naïve café', 2],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });
});
