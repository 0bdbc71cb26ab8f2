import { describe, expect, it } from 'vitest';
import { syncCommitMessage, type SyncedFile } from './syncCommitMessage.js';

const spec: SyncedFile = {
  path: 'specs/guest-checkout.md',
  change: 'modified',
  key: 'SPEC-1',
  title: 'Guest checkout',
  blocks: [
    { what: 'REQ-2', change: 'changed' },
    { what: 'front matter: status', change: 'changed' },
    { what: 'REQ-5', change: 'added' },
  ],
};
const roadmap: SyncedFile = {
  path: 'roadmap.json',
  change: 'modified',
  blocks: [{ what: 'RM-4', change: 'changed' }],
};
const story: SyncedFile = { path: 'stories/pay-by-link.md', change: 'added', key: 'STORY-11', blocks: [] };
const note: SyncedFile = {
  path: 'notes/meeting.md',
  change: 'modified',
  blocks: [{ what: 'heading "Next"', change: 'added' }],
};

describe('syncCommitMessage', () => {
  const cases: [string, SyncedFile[], string][] = [
    [
      'a spec, the roadmap and a new story',
      [spec, roadmap, story],
      'Sync: SPEC-1 (REQ-2, REQ-5), roadmap (RM-4), new STORY-11\n\n' +
        '- specs/guest-checkout.md (SPEC-1 Guest checkout): REQ-2 changed, front matter: status changed, REQ-5 added\n' +
        '- roadmap.json: RM-4 changed\n' +
        '- stories/pay-by-link.md (STORY-11): new\n',
    ],
    ['a note without a key', [note], 'Sync: meeting\n\n- notes/meeting.md: heading "Next" added\n'],
    [
      'more files than the subject holds',
      Array.from({ length: 6 }, (_, index) => ({
        ...spec,
        key: `SPEC-${index + 1}`,
        path: `specs/s${index}.md`,
        title: undefined,
      })),
      'Sync: SPEC-1 (REQ-2, REQ-5), SPEC-2 (REQ-2, REQ-5) and 4 more\n\n' +
        Array.from(
          { length: 6 },
          (_, index) =>
            `- specs/s${index}.md (SPEC-${index + 1}): REQ-2 changed, front matter: status changed, REQ-5 added\n`,
        ).join(''),
    ],
    ['nothing described', [], 'Sync from Specbench'],
  ];
  it.each(cases)('%s', (_name, files, expected) => {
    expect(syncCommitMessage(files)).toBe(expected);
  });
});
