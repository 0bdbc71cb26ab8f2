import { describe, it, expect } from 'vitest';
import { findTrigger, type SuggestionTrigger } from './suggestionTrigger.js';

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
