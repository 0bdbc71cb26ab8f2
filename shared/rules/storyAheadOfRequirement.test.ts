import { describe, expect, it } from 'vitest';
import type { DocumentEntry } from '../model/documentModel.js';
import { checkRule, documentFixture, requirementFixture } from './documentFixture.js';
import { storyAheadOfRequirement } from './storyAheadOfRequirement.js';

const spec = documentFixture({
  path: 'specs/a.md',
  key: 'SPEC-1',
  type: 'spec',
  requirements: [
    requirementFixture('REQ-1', 4, { status: 'draft' }),
    requirementFixture('REQ-2', 9, { status: 'approved' }),
    requirementFixture('REQ-3', 14),
  ],
});
const story = (status: string | undefined, implementsKeys: string[]): DocumentEntry =>
  documentFixture({
    path: 'stories/s.md',
    key: 'STORY-1',
    type: 'story',
    ...(status === undefined ? {} : { status }),
    implements: implementsKeys,
  });
/** `implements:` as a block list from line 6: REQ-1 on line 7, REQ-2 on line 8. */
const linkLine = (_document: DocumentEntry, _field: string, key: string): number => 6 + Number(key.slice(4));

describe('story-ahead-of-requirement', () => {
  const cases: [string, DocumentEntry, string[]][] = [
    [
      'a ready story on a draft requirement, at the line listing it',
      story('ready', ['REQ-2', 'REQ-1']),
      [
        'stories/s.md:7 STORY-1 is ready, but REQ-1 (SPEC-1) that it implements is still a draft: settle the requirement first, or move the story back.',
      ],
    ],
    [
      'an in-progress story too',
      story('in-progress', ['REQ-1']),
      [
        'stories/s.md:7 STORY-1 is in-progress, but REQ-1 (SPEC-1) that it implements is still a draft: settle the requirement first, or move the story back.',
      ],
    ],
    ['an idea may implement a draft', story('idea', ['REQ-1']), []],
    ['a done story is history, not a plan', story('done', ['REQ-1']), []],
    ['a story without a status', story(undefined, ['REQ-1']), []],
    [
      'an approved requirement, one without a status, or one that does not exist',
      story('ready', ['REQ-2', 'REQ-3', 'REQ-9']),
      [],
    ],
  ];
  it.each(cases)('%s', (_name, document, expected) => {
    expect(
      checkRule(storyAheadOfRequirement, [spec, document], [], { linkLine }).map(
        (finding) => `${finding.path}:${finding.line} ${finding.message}`,
      ),
    ).toEqual(expected);
  });
});
