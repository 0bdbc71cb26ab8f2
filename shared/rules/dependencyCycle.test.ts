import { describe, expect, it } from 'vitest';
import type { DocumentEntry } from '../model/documentModel.js';
import { brokenLink } from './brokenLink.js';
import { dependencyCycle } from './dependencyCycle.js';
import { checkRule, documentFixture, requirementFixture } from './documentFixture.js';

const spec = documentFixture({
  path: 'specs/a.md',
  key: 'SPEC-1',
  type: 'spec',
  requirements: [requirementFixture('REQ-7', 4)],
});
const story = (number: number, depends: string[]): DocumentEntry =>
  documentFixture({ path: `stories/s${number}.md`, key: `STORY-${number}`, type: 'story', depends });
/** `depends:` as a block list from line 6: each key on the line of its number. */
const linkLine = (_document: DocumentEntry, _field: string, key: string): number => Number(key.split('-')[1]);
const shown = (rule: typeof dependencyCycle, documents: DocumentEntry[]) =>
  checkRule(rule, [spec, ...documents], [], { linkLine }).map(
    (finding) => `${finding.path}:${finding.line} ${finding.message}`,
  );

describe('dependency-cycle', () => {
  const cases: [string, DocumentEntry[], string[]][] = [
    [
      'two stories waiting for each other: once, on the first by key',
      [story(5, ['STORY-3']), story(3, ['REQ-7', 'STORY-5'])],
      [
        'stories/s3.md:5 STORY-3 → STORY-5 → STORY-3: these stories depend on each other in a circle, so none can start first.',
      ],
    ],
    [
      'a longer circle, with a story leading into it but not in it',
      [story(1, ['STORY-2']), story(2, ['STORY-4']), story(4, ['STORY-6']), story(6, ['STORY-2'])],
      [
        'stories/s2.md:4 STORY-2 → STORY-4 → STORY-6 → STORY-2: these stories depend on each other in a circle, so none can start first.',
      ],
    ],
    [
      'a story depending on itself',
      [story(8, ['STORY-8'])],
      [
        'stories/s8.md:8 STORY-8 → STORY-8: these stories depend on each other in a circle, so none can start first.',
      ],
    ],
    ['a chain is no circle', [story(1, ['STORY-2']), story(2, ['STORY-3', 'REQ-7']), story(3, [])], []],
    ['a key that does not exist is broken-link’s to report', [story(1, ['STORY-99'])], []],
  ];
  it.each(cases)('%s', (_name, documents, expected) => {
    expect(shown(dependencyCycle, documents)).toEqual(expected);
  });
});

describe('broken-link on depends', () => {
  it('reports a key nothing has, at its line; a requirement or story that exists is fine', () => {
    expect(shown(brokenLink, [story(1, ['REQ-7', 'STORY-2', 'STORY-99']), story(2, [])])).toEqual([
      'stories/s1.md:99 STORY-1 depends on STORY-99, which does not exist.',
    ]);
  });
});
