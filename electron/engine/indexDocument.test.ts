import { requirementFingerprint } from '../../shared/model/fingerprint.js';
import { describe, expect, it } from 'vitest';
import { indexDocument, unreadableDocument } from './indexDocument.js';

const version = { size: 1, mtimeMs: 2, hash: 'abc' };

const spec = `---
key: SPEC-3
type: spec
title: Guest checkout
status: draft
owner: Dana
---
## Problem
Shoppers abandon checkout.

## Requirements
:::requirement{#REQ-12 priority=must status=approved roadmap=RM-3,RM-4}

Guest shoppers can pay without an account.
:::

See also [[FAQ-2]] and [[STORY-8|the story]].
`;

describe('indexDocument', () => {
  const entry = indexDocument('specs/guest-checkout.md', spec, version);

  const cases: [string, unknown, unknown][] = [
    ['key', entry.key, 'SPEC-3'],
    ['type', entry.type, 'spec'],
    ['title', entry.title, 'Guest checkout'],
    ['status and owner', [entry.status, entry.owner], ['draft', 'Dana']],
    ['body line', entry.bodyLine, 8],
    [
      'headings in file lines',
      entry.headings,
      [
        { level: 2, text: 'Problem', line: 8 },
        { level: 2, text: 'Requirements', line: 11 },
      ],
    ],
    [
      'requirements in file lines',
      entry.requirements,
      [
        {
          key: 'REQ-12',
          priority: 'must',
          status: 'approved',
          roadmap: ['RM-3', 'RM-4'],
          line: 12,
          endLine: 15,
          summary: 'Guest shoppers can pay without an account.',
          fingerprint: requirementFingerprint('Guest shoppers can pay without an account.'),
          section: 'Requirements',
        },
      ],
    ],
    [
      'references in file lines',
      entry.references.map((reference) => [reference.target, reference.line, reference.label]),
      [
        ['FAQ-2', 17, undefined],
        ['STORY-8', 17, 'the story'],
      ],
    ],
    [
      'sections',
      entry.sections.map((section) => [section.title, section.line, section.words]),
      [
        ['Problem', 8, 3],
        ['Requirements', 11, 16],
      ],
    ],
    ['version', [entry.size, entry.mtimeMs, entry.hash], [1, 2, 'abc']],
    ['no problem', entry.problem, undefined],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  const typed: [string, string, string, [string, string, string | undefined]][] = [
    [
      'type from front matter',
      'notes/a.md',
      '---\nkey: STORY-1\ntype: story\n---\n',
      ['story', 'a', 'STORY-1'],
    ],
    ['type from the folder', 'faqs/a.md', '---\nkey: FAQ-1\n---\n', ['faq', 'a', 'FAQ-1']],
    // Titled by its file name, as Obsidian and GitHub show it, not by its first heading.
    [
      'no Specbench front matter is a doc',
      'notes/Configuration folder.md',
      '## Access your configuration folder\n',
      ['doc', 'Configuration folder', undefined],
    ],
    [
      'front matter title wins',
      'notes/a.md',
      '---\ntitle: Plan A\n---\n# Other\n',
      ['doc', 'Plan A', undefined],
    ],
    ['title falls back to the file name', 'notes/Plan B.md', 'text\n', ['doc', 'Plan B', undefined]],
    ['unknown type in an unknown folder', 'x/a.md', '---\nkey: X-1\ntype: memo\n---\n', ['doc', 'a', 'X-1']],
  ];
  it.each(typed)('%s', (_name, path, text, expected) => {
    const typedEntry = indexDocument(path, text, version);
    expect([typedEntry.type, typedEntry.title, typedEntry.key]).toEqual(expected);
  });

  const lists: [string, string, [string[], string[]]][] = [
    ['flow lists', 'implements: [REQ-1, REQ-2]\nanswers: [SPEC-1]', [['REQ-1', 'REQ-2'], ['SPEC-1']]],
    ['a single key', 'implements: REQ-1', [['REQ-1'], []]],
    ['block lists', 'implements:\n  - REQ-1\n  - REQ-2', [['REQ-1', 'REQ-2'], []]],
    ['non-strings are ignored', 'implements: [1, REQ-2]', [['REQ-2'], []]],
  ];
  it.each(lists)('%s', (_name, yaml, expected) => {
    const listed = indexDocument('stories/a.md', `---\nkey: STORY-1\n${yaml}\n---\n`, version);
    expect([listed.implements, listed.answers]).toEqual(expected);
  });

  it('keeps a front matter error with its file line', () => {
    const broken = indexDocument(
      'specs/a.md',
      '---\nkey: SPEC-1\ntitle: [unclosed\n---\n# Heading\n',
      version,
    );
    expect([broken.problem !== undefined, broken.title, broken.headings[0]?.line]).toEqual([true, 'a', 5]);
  });

  it('lists an unreadable file with its problem', () => {
    const unreadable = unreadableDocument('specs/b.md', 'specs/b.md is not valid UTF-8 text.', {
      size: 3,
      mtimeMs: 4,
    });
    expect([unreadable.title, unreadable.problem]).toEqual([
      'b',
      { message: 'specs/b.md is not valid UTF-8 text.', line: 1 },
    ]);
  });
});

describe('indexDocument: feedback, criteria and metrics', () => {
  const note = `---
key: FB-4
title: Forced sign-up
source: support
customer: Northwind
segment: SMB
date: 2026-10-03
url: https://support.example.com/tickets/9
about: [RM-1, REQ-2]
---
<!-- The ticket in the customer's words. -->

> Why do I need an **account** to buy one lamp?

## Ticket
Plan: free.
`;
  const story = `---
key: STORY-1
type: story
title: Pay as a guest
---
As a shopper, I want to pay.

## Acceptance criteria

- [x] Given a cart, when I pay, then I see a receipt.
`;
  const metrics = `---
key: SPEC-1
type: spec
title: Guest checkout
---
## Success metrics

| Metric | Target | Actual |
|---|---|---|
| Conversion | 48% | 46.5% |
`;
  const cases: [string, unknown, unknown][] = [
    [
      'a note in feedback/ is a feedback note, with its evidence and about',
      (({ type, about, evidence }) => ({ type, about, evidence }))(
        indexDocument('feedback/forced.md', note, version),
      ),
      {
        type: 'feedback',
        about: ['RM-1', 'REQ-2'],
        evidence: {
          quote: 'Why do I need an account to buy one lamp?',
          source: 'support',
          customer: 'Northwind',
          segment: 'SMB',
          date: '2026-10-03',
          url: 'https://support.example.com/tickets/9',
        },
      },
    ],
    [
      "a story's criteria",
      indexDocument('stories/pay.md', story, version).criteria,
      [{ line: 10, text: 'Given a cart, when I pay, then I see a receipt.', done: true }],
    ],
    [
      "a spec's metrics",
      indexDocument('specs/guest.md', metrics, version).metrics,
      [{ line: 10, metric: 'Conversion', target: '48%', actual: '46.5%' }],
    ],
    [
      'criteria and metrics are read only for stories and specs',
      (({ criteria, metrics: found, evidence }) => ({ criteria, metrics: found, evidence }))(
        indexDocument(
          'notes/x.md',
          story.replace('type: story', 'type: faq') + metrics.slice(metrics.indexOf('##')),
          version,
        ),
      ),
      { criteria: [], metrics: [], evidence: undefined },
    ],
  ];
  for (const [name, actual, expected] of cases) {
    it(name, () => {
      expect(actual).toEqual(expected);
    });
  }
});
