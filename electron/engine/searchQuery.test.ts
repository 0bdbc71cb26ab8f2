import { describe, expect, it } from 'vitest';
import { findTerm, parseQuery } from './searchQuery.js';
import { foldText } from './textFolding.js';

describe('parseQuery', () => {
  const cases: [string, string[]][] = [
    ['', []],
    ['  Guest   checkout ', ['guest', 'checkout*']],
    ['memory.high', ['memory.high*']],
    ['REQ-4', ['req-4']],
    ['[[REQ-4]], then', ['req-4', 'then*']],
    ['"Nested Loop" join', ['"nested loop"', 'join*']],
    ['join "nested  loop', ['join', '"nested loop"']],
    ['“curly quotes” café, résumé!', ['"curly quotes"', 'cafe', 'resume*']],
    ['"" !! ', []],
  ];
  it.each(cases)('%j', (query, expected) => {
    expect(
      parseQuery(query).map((term) =>
        term.phrase ? `"${term.text}"` : `${term.text}${term.prefix ? '*' : ''}`,
      ),
    ).toEqual(expected);
  });
});

describe('findTerm', () => {
  const cases: [string, string, string | undefined][] = [
    ['memory.high', 'set memory.high to 2G', 'memory.high'],
    ['memory.high', 'an in-memory cache, high hit rate', undefined],
    ['REQ-4', 'see [[SPEC-1#REQ-4]].', 'REQ-4'],
    ['REQ-4', 'REQ-40 and REQ-41', undefined],
    ['"nested loop"', 'a nested, loop', 'nested, loop'],
    ['"nested loop"', 'deeply nested code; a loop', undefined],
    ['"nested loop"', 'Nested\nLoop joins', 'Nested\nLoop'],
    ['"nested loop"', 'unnested loops', undefined],
    ['check', 'Checkouts', 'Checkouts'],
  ];
  it.each(cases)('%s in %j', (query, text, expected) => {
    const match = findTerm(foldText(text), parseQuery(query)[0]!);
    expect(match && text.slice(match.at, match.at + match.length)).toBe(expected);
  });
});
