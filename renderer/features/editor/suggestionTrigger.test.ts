import { describe, it, expect } from 'vitest';
import { findTrigger, headingQuery, matchingHeadings, type SuggestionTrigger } from './suggestionTrigger.js';

describe('findTrigger', () => {
  const cases: [string, SuggestionTrigger | undefined][] = [
    ['See [[saved pay', { kind: 'reference', query: 'saved pay', length: 11 }],
    ['See [[', { kind: 'reference', query: '', length: 2 }],
    ['See [[SPEC-', { kind: 'reference', query: 'SPEC-', length: 7 }],
    ['See [[SPEC-1]] done', undefined],
    ['/', { kind: 'slash', query: '', length: 1 }],
    ['text /req', { kind: 'slash', query: 'req', length: 4 }],
    ['text /task list', { kind: 'slash', query: 'task list', length: 10 }],
    ['and/or', undefined],
    ['path /a/b', undefined],
    ['done / ', undefined],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(findTrigger(text)).toEqual(expected);
  });
});

describe('headingQuery and matchingHeadings', () => {
  it.each<[string, ReturnType<typeof headingQuery>]>([
    ['Pricing#', { note: 'Pricing', heading: '' }],
    ['Pricing#Pla', { note: 'Pricing', heading: 'Pla' }],
    ['#Open', { note: '', heading: 'Open' }],
    ['Pricing#^block', undefined],
    ['Pricing', undefined],
  ])('%j', (query, expected) => {
    expect(headingQuery(query)).toEqual(expected);
  });

  it('offers headings starting with the query first, then those holding it', () => {
    const headings = [{ text: 'Overview' }, { text: 'Plans compared' }, { text: 'Open plans' }];
    expect(matchingHeadings(headings, 'pla').map((heading) => heading.text)).toEqual([
      'Plans compared',
      'Open plans',
    ]);
  });
});
