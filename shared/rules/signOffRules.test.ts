import { describe, expect, it } from 'vitest';
import { documentFingerprint } from '../model/signOff.js';
import { checkRule, documentFixture, requirementFixture } from './documentFixture.js';
import type { RuleFinding } from './finding.js';
import { staleApproval } from './staleApproval.js';
import { suspectLink } from './suspectLink.js';

const spec = documentFixture({
  path: 'specs/a.md',
  key: 'SPEC-1',
  type: 'spec',
  requirements: [
    requirementFixture('REQ-1', 4, { fingerprint: 'aaaaaaaa', priority: 'must' }),
    requirementFixture('REQ-2', 9, { fingerprint: 'bbbbbbbb' }),
  ],
});
const story = (fields: Record<string, unknown>, implementsKeys = ['REQ-1', 'REQ-2']) =>
  documentFixture({
    path: 'stories/s.md',
    key: 'STORY-1',
    type: 'story',
    implements: implementsKeys,
    fields,
  });

describe('suspect-link', () => {
  it.each<[string, Record<string, unknown>, RuleFinding[]]>([
    ['stamps match the requirements', { reviewed: { 'REQ-1': 'aaaaaaaa', 'REQ-2': 'bbbbbbbb' } }, []],
    ['no stamps: nothing to compare with', {}, []],
    [
      'REQ-2 changed since it was reviewed',
      { reviewed: { 'REQ-1': 'aaaaaaaa', 'REQ-2': '12345678' } },
      [
        {
          path: 'stories/s.md',
          line: 1,
          key: 'REQ-2',
          message:
            'REQ-2 changed since STORY-1 was reviewed against it: check the story, then mark it reviewed.',
        },
      ],
    ],
    [
      'a stamp for a requirement the story no longer implements is ignored',
      { reviewed: { 'REQ-3': 'x' } },
      [],
    ],
    ['a malformed reviewed field is ignored', { reviewed: ['REQ-1'] }, []],
  ])('%s', (_name, fields, expected) => {
    expect(checkRule(suspectLink, [spec, story(fields)])).toEqual(expected);
  });
});

describe('stale-approval', () => {
  const approved = (fingerprint: string) => ({
    approvals: [{ by: 'Dana Whitfield', email: 'dana@example.com', at: '2026-11-20T10:00:00Z', fingerprint }],
  });
  it.each<[string, Record<string, unknown>, RuleFinding[]]>([
    ['approved as it is', approved(documentFingerprint(spec)), []],
    ['never approved', {}, []],
    [
      'requirements changed after the approval',
      approved('00000000'),
      [
        {
          path: 'specs/a.md',
          line: 1,
          key: 'SPEC-1',
          message: 'SPEC-1 was approved by Dana Whitfield on 2026-11-20, and its requirements changed since.',
        },
      ],
    ],
    ['a malformed approvals field is ignored', { approvals: 'yes' }, []],
  ])('%s', (_name, fields, expected) => {
    expect(checkRule(staleApproval, [{ ...spec, fields }])).toEqual(expected);
  });
});
