import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from '../markdown/markdownCodec.js';
import { codecBlockSplitter } from './codecBlocks.js';
import { mergeFileVersions } from './mergeFile.js';
import { conflictCount, renderParts } from './mergeParts.js';

const splitBlocks = codecBlockSplitter(createMarkdownCodec());

function merge(base: string, ours: string, theirs: string, path = 'specs/a.md'): string {
  return renderParts(mergeFileVersions({ path, base, ours, theirs }, splitBlocks).parts);
}

const front = (fields: string) => `---\nkey: SPEC-1\ntype: spec\n${fields}---\n`;
const requirement = (key: string, text: string, attributes = 'priority=must') =>
  `:::requirement{#${key} ${attributes}}\n${text}\n:::\n`;
const spec = (...blocks: string[]) =>
  `${front('title: Guest checkout\nstatus: draft\n')}## Requirements\n\n${blocks.join('\n')}`;

const r1 = requirement('REQ-1', 'Guests pay without an account.');
const r2 = requirement('REQ-2', 'The receipt goes to the email given.');
const r3 = requirement('REQ-3', 'Guests can track the order.');

describe('mergeFileVersions on Markdown', () => {
  it.each<[string, string, string, string, string]>([
    [
      'edits to adjacent requirement blocks merge cleanly',
      spec(r1, r2),
      spec(requirement('REQ-1', 'Guests pay without creating an account.'), r2),
      spec(r1, requirement('REQ-2', 'The receipt goes to the email address given once.')),
      spec(
        requirement('REQ-1', 'Guests pay without creating an account.'),
        requirement('REQ-2', 'The receipt goes to the email address given once.'),
      ),
    ],
    [
      'requirements added on both sides after the same block are both kept, ours first',
      spec(r1),
      spec(r1, r2),
      spec(r1, r3),
      spec(r1, r2, r3),
    ],
    [
      'different attributes of one requirement merge one by one, roadmap as a set',
      spec(requirement('REQ-1', 'Text.', 'priority=should status=draft roadmap=RM-1')),
      spec(requirement('REQ-1', 'Text.', 'priority=must status=draft roadmap=RM-1,RM-2')),
      spec(requirement('REQ-1', 'Text.', 'priority=should status=approved roadmap=RM-1,RM-3')),
      spec(requirement('REQ-1', 'Text.', 'priority=must status=approved roadmap=RM-1,RM-2,RM-3')),
    ],
    [
      'a requirement moved on one side keeps the text edited on the other',
      spec(r1, r2, r3),
      spec(r3, r1, r2),
      spec(r1, requirement('REQ-2', 'Changed.'), r3),
      spec(r3, r1, requirement('REQ-2', 'Changed.')),
    ],
    [
      'front matter fields changed on both sides merge field by field',
      spec(r1),
      spec(r1).replace('status: draft', 'status: review'),
      spec(r1).replace('title: Guest checkout', 'title: Guest checkout v2'),
      spec(r1)
        .replace('status: draft', 'status: review')
        .replace('title: Guest checkout', 'title: Guest checkout v2'),
    ],
    [
      'front matter lists changed on both sides merge item by item',
      `---\nkey: STORY-1\nimplements: [REQ-1, REQ-2]\n---\nText.\n`,
      `---\nkey: STORY-1\nimplements: [REQ-1, REQ-2, REQ-3]\n---\nText.\n`,
      `---\nkey: STORY-1\nimplements: [REQ-2, REQ-4]\n---\nText.\n`,
      `---\nkey: STORY-1\nimplements: [REQ-2, REQ-3, REQ-4]\n---\nText.\n`,
    ],
    [
      'review stamps recorded on both sides merge key by key',
      `---\nkey: STORY-1\nreviewed: {REQ-1: aaaaaaaa}\n---\nText.\n`,
      `---\nkey: STORY-1\nreviewed: {REQ-1: bbbbbbbb}\n---\nText.\n`,
      `---\nkey: STORY-1\nreviewed: {REQ-1: aaaaaaaa, REQ-2: cccccccc}\n---\nText.\n`,
      `---\nkey: STORY-1\nreviewed: {REQ-1: bbbbbbbb, REQ-2: cccccccc}\n---\nText.\n`,
    ],
    [
      'a field only one side added keeps its place',
      `---\nkey: SPEC-1\ntitle: A\n---\nText.\n`,
      `---\nkey: SPEC-1\ntitle: A\nowner: Dana\n---\nText.\n`,
      `---\nkey: SPEC-1\nstatus: draft\ntitle: A\n---\nText.\n`,
      `---\nkey: SPEC-1\nstatus: draft\ntitle: A\nowner: Dana\n---\nText.\n`,
    ],
    [
      'paragraphs edited on both sides at different positions merge by position',
      '# T\n\nOne.\n\nTwo.\n\nThree.\n',
      '# T\n\nOne, edited.\n\nTwo.\n\nThree.\n',
      '# T\n\nOne.\n\nTwo, edited.\n\nThree.\n',
      '# T\n\nOne, edited.\n\nTwo, edited.\n\nThree.\n',
    ],
    [
      'different list items edited on both sides merge line by line inside the block',
      '- a\n- b\n- c\n- d\n',
      '- A\n- b\n- c\n- d\n',
      '- a\n- b\n- c\n- D\n',
      '- A\n- b\n- c\n- D\n',
    ],
    [
      'a block added at the end on one side keeps a blank line before it',
      'One.\n',
      'One.\n\nTwo.\n',
      'One, edited.\n',
      'One, edited.\n\nTwo.\n',
    ],
    [
      'CRLF files stay CRLF',
      spec(r1, r2).replace(/\n/g, '\r\n'),
      spec(requirement('REQ-1', 'New one.'), r2).replace(/\n/g, '\r\n'),
      spec(r1, requirement('REQ-2', 'New two.')).replace(/\n/g, '\r\n'),
      spec(requirement('REQ-1', 'New one.'), requirement('REQ-2', 'New two.')).replace(/\n/g, '\r\n'),
    ],
    [
      'the same requirement edited on both sides conflicts in that block only',
      spec(r1, r2),
      spec(r1, requirement('REQ-2', 'Ours.')),
      spec(requirement('REQ-1', 'Theirs edits one.'), requirement('REQ-2', 'Theirs.')),
      spec(
        requirement('REQ-1', 'Theirs edits one.'),
        '<<<<<<< ours\n' +
          requirement('REQ-2', 'Ours.') +
          '=======\n' +
          requirement('REQ-2', 'Theirs.') +
          '>>>>>>> theirs\n',
      ),
    ],
    [
      'a conflict keeps the attributes that merged on both sides of it',
      spec(requirement('REQ-1', 'Text.', 'priority=should status=draft')),
      spec(requirement('REQ-1', 'Ours.', 'priority=must status=draft')),
      spec(requirement('REQ-1', 'Theirs.', 'priority=should status=approved')),
      spec(
        '<<<<<<< ours\n' +
          requirement('REQ-1', 'Ours.', 'priority=must status=approved') +
          '=======\n' +
          requirement('REQ-1', 'Theirs.', 'priority=must status=approved') +
          '>>>>>>> theirs\n',
      ),
    ],
    [
      'the same front matter field set differently conflicts on that field only',
      spec(r1),
      spec(r1).replace('status: draft', 'status: review').replace('title: Guest checkout', 'title: Ours'),
      spec(r1).replace('status: draft', 'status: approved'),
      spec(r1)
        .replace('title: Guest checkout', 'title: Ours')
        .replace(
          'status: draft\n',
          '<<<<<<< ours\nstatus: review\n=======\nstatus: approved\n>>>>>>> theirs\n',
        ),
    ],
    [
      'a requirement deleted on one side and changed on the other is a conflict, not a loss',
      spec(r1, r2),
      spec(r1),
      spec(r1, requirement('REQ-2', 'Changed.')),
      spec(r1, '<<<<<<< ours\n=======\n' + requirement('REQ-2', 'Changed.') + '>>>>>>> theirs\n'),
    ],
    [
      'a requirement deleted on one side and untouched on the other is deleted',
      spec(r1, r2, r3),
      spec(r1, r3),
      spec(requirement('REQ-1', 'Edited.'), r2, r3),
      spec(requirement('REQ-1', 'Edited.'), r3),
    ],
    [
      'both sides creating REQ-4 differently keep both (check reports the duplicate key)',
      spec(r1),
      spec(r1, requirement('REQ-4', 'Ours new.')),
      spec(r1, requirement('REQ-4', 'Theirs new.')),
      spec(r1, requirement('REQ-4', 'Ours new.'), requirement('REQ-4', 'Theirs new.')),
    ],
    ['both sides adding the same requirement keep one', spec(r1), spec(r1, r2), spec(r1, r2), spec(r1, r2)],
  ])('%s', (_name, base, ours, theirs, expected) => {
    expect(merge(base, ours, theirs)).toBe(expected);
  });

  it('keeps both sides of a paragraph changed on both sides', () => {
    const outcome = mergeFileVersions(
      { path: 'a.md', base: 'Intro.\n\nOld.\n', ours: 'Intro.\n\nMine.\n', theirs: 'Intro.\n\nYours.\n' },
      splitBlocks,
    );
    expect([conflictCount(outcome.parts), renderParts(outcome.parts)]).toEqual([
      1,
      'Intro.\n\n<<<<<<< ours\nMine.\n=======\nYours.\n>>>>>>> theirs\n',
    ]);
  });
});
