import { describe, expect, it } from 'vitest';
import { findWord, foldText } from './textFolding.js';

describe('foldText', () => {
  const cases: [string, string][] = [
    ['Guest Checkout', 'guest checkout'],
    ['Résumé Café', 'resume cafe'],
    ['Zoë ÅNGSTRÖM', 'zoe angstrom'],
    ['日本語', '日本語'],
    ['İstanbul', 'İstanbul'.length === foldText('İstanbul').length ? foldText('İstanbul') : 'length changed'],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(foldText(text)).toBe(expected);
  });

  it('keeps every offset', () => {
    const text = 'Straße İİ ﬁne Ǆ café';
    expect(foldText(text).length).toBe(text.length);
  });
});

describe('findWord', () => {
  const cases: [string, string, boolean, number][] = [
    ['a guest pays', 'guest', false, 2],
    ['guests pay', 'guest', false, -1],
    ['guests pay', 'guest', true, 0],
    ['the reguest guest', 'guest', false, 12],
    ['x-guest', 'guest', false, 2],
    ['', 'guest', true, -1],
    ['checkouts checkered checkout', 'checkout', false, 20],
    ['checkered checkouts', 'checkout', true, 10],
    ['checkoutlet', 'checkout', false, -1],
  ];
  it.each(cases)('%j in %j', (text, word, prefix, expected) => {
    expect(findWord(text, word, prefix)).toBe(expected);
  });
});
