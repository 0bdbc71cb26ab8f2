import { describe, expect, it } from 'vitest';
import type { DocumentType } from '../../../shared/model/documentModel.js';
import { oneLine, shownTitle, takenName, titleRefusal } from './titleRules.js';

describe('titleRefusal', () => {
  const cases: [DocumentType, string, string | undefined][] = [
    ['spec', '', 'A spec needs a title.'],
    ['story', '   ', 'A story needs a title.'],
    ['faq', '\t', 'An FAQ needs a title.'],
    ['feedback', '', 'A feedback note needs a title.'],
    ['doc', ' ', 'A document needs a title.'],
    ['spec', 'Guest checkout', undefined],
    ['spec', 'שלום', undefined],
  ];
  it.each(cases)('%s %j', (type, title, expected) => {
    expect(titleRefusal(type, title)).toBe(expected);
  });
});

describe('takenName', () => {
  const existing = new Set(['specs/guest-checkout.md', 'specs/step.md', 'specs/step-2.md']);
  const exists = (path: string) => existing.has(path);
  const cases: [string, string, string, string | undefined][] = [
    [
      'a -2 because the plain name is taken',
      'specs/guest-checkout-2.md',
      'Guest checkout',
      'specs/guest-checkout.md',
    ],
    ['the plain name', 'specs/guest-checkout.md', 'Guest checkout', undefined],
    ['a title that ends in a number', 'specs/step-2.md', 'Step 2', undefined],
    ['a -3', 'specs/step-2-3.md', 'Step 2', 'specs/step-2.md'],
    ['a -2 whose plain name is free', 'specs/promo-2.md', 'Promo', undefined],
  ];
  it.each(cases)('%s', (_name, path, title, expected) => {
    expect(takenName(path, title, exists)).toBe(expected);
  });
});

describe('oneLine', () => {
  it('turns pasted line breaks into spaces', () => {
    expect(oneLine('Guest\r\ncheckout \n  for all')).toBe('Guest checkout for all');
  });
});

describe('shownTitle', () => {
  it.each([
    ['spec', 'Untitled spec', ''],
    ['faq', 'Untitled FAQ', ''],
    ['spec', 'Untitled spec v2', 'Untitled spec v2'],
    ['story', 'Untitled spec', 'Untitled spec'],
    ['doc', 'Untitled', 'Untitled'],
  ] as const)('a %s titled “%s” shows “%s”', (type, title, shown) => {
    expect(shownTitle(type, title)).toBe(shown);
  });
});
