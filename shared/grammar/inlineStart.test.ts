import fc from 'fast-check';
import { Marked, type TokenizerExtension } from 'marked';
import { describe, expect, it } from 'vitest';
import { findInlineStart, inlineStartWindow } from './inlineStart.js';
import { referenceAtStart } from './linkGrammar.js';

const candidates = /[[&%$^]/g;
const matchesAt = (source: string, index: number) =>
  referenceAtStart.test(source.slice(index)) ||
  /^(?:&[a-z]+;|%%[^%]*%%|\$[^$\s]+\$|\^[a-z]+$)/.test(source.slice(index));

/** The unbounded search findInlineStart replaces: every candidate to the end of the source. */
function findFully(source: string): number {
  candidates.lastIndex = 0;
  for (let match = candidates.exec(source); match; match = candidates.exec(source)) {
    if (matchesAt(source, match.index)) return match.index;
  }
  return -1;
}

function lexerWith(start: (source: string) => number): Marked {
  const extension: TokenizerExtension = {
    name: 'atom',
    level: 'inline',
    start: (source) => {
      const index = start(source);
      return index === -1 ? undefined : index;
    },
    tokenizer: (source) => {
      const match = /^(?:\[\[[A-Z]+-[0-9]+\]\]|&[a-z]+;|%%[^%]*%%|\$[^$\s]+\$|\^[a-z]+$)/.exec(source);
      return match ? { type: 'atom', raw: match[0] } : undefined;
    },
  };
  return new Marked({ gfm: true, extensions: [extension] });
}

const bounded = lexerWith((source) => findInlineStart(source, candidates, matchesAt));
const unbounded = lexerWith(findFully);
const piece = fc.oneof(
  fc.constantFrom(
    '[[SPEC-1]]',
    '[[',
    ']]',
    '&amp;',
    '&',
    '%%c%%',
    '$x$',
    '^id',
    '`',
    '``',
    '~~',
    '*',
    '**',
    '_',
  ),
  fc.constantFrom(
    '\\',
    '<b>',
    '![a](b)',
    '[a](b)',
    '  \n',
    '\n',
    ' ',
    'www.a.com',
    'a@b.co',
    'http://x.y',
    '---',
  ),
  fc.stringMatching(/^[a-z ]{1,12}$/),
);
const inlineText = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('findInlineStart', () => {
  it('tokenizes exactly as the unbounded search, text tokens joined (fast-check, seed printed on failure)', () => {
    fc.assert(
      fc.property(inlineText, fc.nat(3), (text, padding) => {
        // Padding past the window exercises the whitespace cut as well as the stop characters.
        const source = 'word '.repeat(padding * (inlineStartWindow / 4)) + text;
        expect(JSON.stringify(bounded.lexer(source))).toEqual(JSON.stringify(unbounded.lexer(source)));
      }),
      { numRuns: 300 },
    );
  });

  const cases: [string, string, number][] = [
    ['a reference at the start', '[[SPEC-1]] rest', 0],
    ['an entity after a word', 'café &amp;', 5],
    ['no candidate, no stop', 'plain words', -1],
    ['a stop before the first match', 'a * b &amp;', 2],
    ['failing brackets cut at the first', '[[[[[[', 0],
    [
      'a long run without stops cuts after whitespace',
      `${'x'.repeat(inlineStartWindow)} y`,
      inlineStartWindow + 1,
    ],
  ];
  it.each(cases)('%s', (_name, source, expected) => {
    expect(findInlineStart(source, candidates, matchesAt)).toEqual(expected);
  });
});
