import { describe, expect, it } from 'vitest';
import { differingWords } from './differingWords.js';

describe('differingWords', () => {
  it.each([
    [
      'the same start, different last words',
      'Guest shoppers can pay without creating an account by card.',
      'Guest shoppers can pay without creating an account by PayPal.',
      '…PayPal.',
    ],
    [
      'the same start and end, different middle',
      'Guest shoppers can pay by card without creating an account first.',
      'Guest shoppers can pay by PayPal without creating an account first.',
      '…PayPal…',
    ],
    [
      'a short shared start is kept in full',
      'Guests can cancel an order within ten minutes.',
      'Guests can add a gift message.',
      'Guests can add a gift message.',
    ],
    [
      'a second text that only lacks words is kept in full',
      'Guest shoppers can pay without creating an account by card.',
      'Guest shoppers can pay without creating an account.',
      'Guest shoppers can pay without creating an account.',
    ],
    ['nothing shared', 'Export to PDF.', 'Import from CSV.', 'Import from CSV.'],
  ])('%s', (_name, first, second, expected) => {
    expect(differingWords(first, second)).toBe(expected);
  });
});
