import { describe, expect, it } from 'vitest';
import {
  readableFields,
  readableFrontMatterField,
  readableLines,
  readableRequirement,
  readableText,
  wordRuns,
  type ReadableChange,
} from './readableChange.js';

const requirement = (open: string, ...lines: string[]) =>
  `:::requirement{${open}}\n${lines.join('\n')}\n:::\n`;
const given = '- Given a guest, when they pay, then no account is created.';
const receipt = '- Given a paid order, when the page loads, then a receipt is sent.';

describe('readable changes, as terminal lines', () => {
  it.each<[string, ReadableChange, string[]]>([
    [
      'a requirement whose priority and status moved',
      readableRequirement(
        requirement('#REQ-3 priority=should status=draft', 'Guests pay.', '', given),
        requirement('#REQ-3 priority=must status=approved', 'Guests pay.', '', given),
      ),
      ['priority should → must · status draft → approved'],
    ],
    [
      'a requirement added lists the priority and status it starts with',
      readableRequirement('', requirement('#REQ-3 priority=should status=draft', 'Guests pay.', '', given)),
      [
        'priority should · status draft',
        'text: {+Guests pay.+}',
        '+ criterion Given a guest, when they pay, then no account is created.',
      ],
    ],
    [
      'a requirement whose statement changed by a word',
      readableRequirement(
        requirement('#REQ-3', 'Guests pay without an account.', '', given),
        requirement('#REQ-3', 'Guests pay without any account.', '', given),
      ),
      ['text: Guests pay without [-an-]{+any+} account.'],
    ],
    [
      'a criterion added and one removed',
      readableRequirement(
        requirement('#REQ-3', 'Guests pay.', '', given),
        requirement('#REQ-3', 'Guests pay.', '', receipt),
      ),
      [
        '+ criterion Given a paid order, when the page loads, then a receipt is sent.',
        '- criterion Given a guest, when they pay, then no account is created.',
      ],
    ],
    [
      'a criterion reworded',
      readableRequirement(
        requirement('#REQ-3', 'Guests pay.', '', given),
        requirement('#REQ-3', 'Guests pay.', '', given.replace('no account', 'no customer account')),
      ),
      ['criterion: Given a guest, when they pay, then no {+customer +}account is created.'],
    ],
    [
      'a requirement added: its text and criteria',
      readableRequirement('', requirement('#REQ-9 priority=must', 'Guests pay.', '', given)),
      [
        'priority must',
        'text: {+Guests pay.+}',
        '+ criterion Given a guest, when they pay, then no account is created.',
      ],
    ],
    [
      'a roadmap item moved lane and score',
      readableFields(
        { key: 'RM-4', title: 'Wallets', lane: 'next', rice: { reach: 100, effort: 2 } },
        { key: 'RM-4', title: 'Wallets', lane: 'now', rice: { reach: 180, effort: 2 } },
      ),
      ['lane next → now · rice.reach 100 → 180'],
    ],
    [
      'a roadmap description by words',
      readableFields(
        { key: 'RM-4', description: 'Pay with a wallet on phones that support one.' },
        { key: 'RM-4', description: 'Pay with a wallet on every phone that supports one.' },
      ),
      ['description: Pay with a wallet on [-phones-]{+every phone+} that [-support-]{+supports+} one.'],
    ],
    [
      'a roadmap item added, by title',
      readableFields(undefined, { key: 'RM-9', title: 'Gift cards', lane: 'later' }),
      ['+ RM-9 Gift cards'],
    ],
    [
      'a release removed, by name',
      readableFields({ key: 'REL-2', name: 'Wallets', items: ['RM-4'] }, undefined, 'name'),
      ['- REL-2 Wallets'],
    ],
    [
      'a front-matter value',
      readableFrontMatterField('status', 'status: draft\n', 'status: approved\n'),
      ['status draft → approved'],
    ],
    [
      'a front-matter list',
      readableFrontMatterField(
        'implements',
        'implements: [REQ-1, REQ-2]\n',
        'implements:\n  - REQ-2\n  - REQ-5\n',
      ),
      ['+ implements REQ-5', '- implements REQ-1'],
    ],
    [
      'a front-matter field added',
      readableFrontMatterField('owner', '', 'owner: Dana\n'),
      ['owner (none) → Dana'],
    ],
    [
      'a review stamp renewed by Mark reviewed: in words, not fingerprints',
      readableFrontMatterField(
        'reviewed',
        'reviewed: { REQ-3: 2d9cd73b, REQ-4: 11aa22bb }\n',
        'reviewed: { REQ-3: 99e5c515, REQ-4: 11aa22bb }\n',
      ),
      ["Marked reviewed against REQ-3's current text"],
    ],
    [
      'review stamps added and dropped',
      readableFrontMatterField(
        'reviewed',
        'reviewed:\n  REQ-1: 0f0f0f0f\n',
        'reviewed: { REQ-2: 1e1e1e1e }\n',
      ),
      ['No longer marked reviewed against REQ-1', "Marked reviewed against REQ-2's current text"],
    ],
    [
      'a second approval, and the first one taken out: who and when, not emails and fingerprints',
      readableFrontMatterField(
        'approvals',
        'approvals:\n  - { by: Dana PM, email: dana@x, at: 2026-12-01T09:00:00Z, fingerprint: 1f14ab0a }\n',
        'approvals:\n  - { by: Sam PM, email: sam@x, at: 2026-12-07T12:01:24Z, fingerprint: 2b25bc1b }\n',
      ),
      ['Approved by Sam PM on 2026-12-07', 'Approval by Dana PM on 2026-12-01 taken out'],
    ],
    [
      'a paragraph',
      readableText('Checkout takes three steps.\n', 'Checkout takes two steps.\n'),
      ['text: Checkout takes [-three-]{+two+} steps.'],
    ],
  ])('%s', (_name, change, expected) => {
    expect(readableLines(change)).toEqual(expected);
  });
});

const dana = 'A guest can check out without creating an account, using only an email address (Dana).';
const sam = 'A guest can check out without creating an account or a password, in under two minutes (Sam).';

describe('wordRuns: each side read in its own text, whole words marked', () => {
  it.each([
    // walk12g: the resolver marked "u|sing only an email address" and "(D|ana)", one character late.
    [dana, sam, 'A guest can check out without creating an account, [using only an email address] ([Dana]).'],
    [
      sam,
      dana,
      'A guest can check out without creating an account[ or a password], [in under two minutes] ([Sam]).',
    ],
    [
      'Shoppers  can apply\none code.',
      'Shoppers can apply one or two codes.',
      'Shoppers  can apply\none [code].',
    ],
    ['Pay by card.', 'Pay by card or PayPal.', 'Pay by card.'],
  ])('%s', (before, after, marked) => {
    const own = wordRuns(before, after).filter((run) => run.change !== 'added');
    expect(own.map((run) => (run.change ? `[${run.text}]` : run.text)).join('')).toEqual(marked);
  });

  it('reads the change in place: one <ins>or two</ins> promo', () => {
    const runs = wordRuns('Shoppers can apply one promo code.', 'Shoppers can apply one or two promo codes.');
    const shown = runs.map((run) =>
      run.change === 'added' ? `+{${run.text}}` : run.change ? `-{${run.text}}` : run.text,
    );
    expect(shown.join('')).toEqual('Shoppers can apply one +{or two }promo -{code}+{codes}.');
  });
});
