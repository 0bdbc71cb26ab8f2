import { describe, expect, it } from 'vitest';
import type { DocumentEntry } from '../model/documentModel.js';
import { checkRule, documentFixture } from './documentFixture.js';
import { missingFrontMatter } from './missingFrontMatter.js';

describe('missing-front-matter', () => {
  const cases: [string, DocumentEntry, string[]][] = [
    [
      'a story written without front matter',
      documentFixture({ path: 'stories/pay.md', bodyLine: 1 }),
      [
        'stories/pay.md:1 stories/pay.md has no front matter, so it is read as a plain document, not a story: start it with --- and key: STORY-n and type: story.',
      ],
    ],
    [
      'a spec whose front matter has no key',
      documentFixture({ path: 'specs/guest.md', bodyLine: 4, fields: { title: 'Guest' } }),
      [
        'specs/guest.md:1 specs/guest.md has no key, so it is read as a plain document, not a spec: add key: SPEC-n and type: spec to its front matter.',
      ],
    ],
    [
      'a file declaring its type without a key (missing-key reports it)',
      documentFixture({ path: 'stories/q.md', type: 'story', bodyLine: 3, fields: { type: 'story' } }),
      [],
    ],
    ['a keyed story', documentFixture({ path: 'stories/a.md', key: 'STORY-1', type: 'story' }), []],
    ['a note outside the type folders', documentFixture({ path: 'notes/a.md' }), []],
    ['a README in specs/', documentFixture({ path: 'specs/README.md' }), []],
    [
      'front matter that does not parse (malformed-file reports it)',
      documentFixture({ path: 'stories/b.md', problem: { line: 2, message: 'bad' } }),
      [],
    ],
  ];
  it.each(cases)('%s', (_name, document, expected) => {
    expect(
      checkRule(missingFrontMatter, [document]).map(
        (finding) => `${finding.path}:${finding.line} ${finding.message}`,
      ),
    ).toEqual(expected);
  });
});
