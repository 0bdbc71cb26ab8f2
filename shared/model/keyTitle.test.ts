import { describe, expect, it } from 'vitest';
import { shortTitle } from './keyTitle.js';

describe('shortTitle', () => {
  const cases: [string, string, number, string][] = [
    ['a short title stays whole', 'Saved payment methods', 60, 'Saved payment methods'],
    ['whitespace is folded', '  Saved\n payment   methods ', 60, 'Saved payment methods'],
    ['an empty title stays empty', '', 60, ''],
    [
      'a long sentence is cut at a word, without a trailing comma',
      'Guests give an email address once, and it is used for the receipt and every order update.',
      34,
      'Guests give an email address once…',
    ],
    ['one long word is cut where it must be', 'x'.repeat(30), 10, `${'x'.repeat(10)}…`],
  ];
  it.each(cases)('%s', (_name, title, limit, expected) => {
    expect(shortTitle(title, limit)).toBe(expected);
  });
});
