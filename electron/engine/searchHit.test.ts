import { describe, expect, it } from 'vitest';
import { documentEntryFixture } from '../../shared/model/documentEntryFixture.js';
import { everyLineHit, LineStarts } from './searchHit.js';
import { parseQuery } from './searchQuery.js';

describe('search hits line by line', () => {
  it('numbers lines through the line table as counting newlines does', () => {
    const text = 'one\ntwo\n\nfour\nfive';
    const lines = new LineStarts(text);
    expect([0, 3, 4, 8, 9, 14, 18].map((offset) => lines.lineAt(offset))).toEqual([1, 1, 2, 3, 4, 5, 5]);
    expect([1, 2, 3, 4, 5, 6].map((line) => lines.offset(line, text.length))).toEqual([0, 4, 8, 9, 14, 18]);
  });

  it('gives every mentioning line its own hit and number, across 20,000 lines in one pass each', () => {
    const entry = documentEntryFixture({ path: 'specs/big.md', key: 'SPEC-8', type: 'spec' });
    const text = Array.from({ length: 20_000 }, (_, index) =>
      index % 2 === 0 ? `Line ${index + 1} links [[SPEC-1]] here.` : 'Nothing here.',
    ).join('\n');
    const hits = everyLineHit(entry, text, 0, parseQuery('SPEC-1'));
    expect(hits.length).toBe(10_000);
    expect(hits.slice(0, 2).map((hit) => [hit.line, hit.snippet])).toEqual([
      [1, 'Line 1 links [[SPEC-1]] here.'],
      [3, 'Line 3 links [[SPEC-1]] here.'],
    ]);
    expect(hits.at(-1)?.line).toBe(19_999);
  });
});
