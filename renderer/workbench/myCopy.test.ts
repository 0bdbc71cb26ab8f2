import { describe, expect, it } from 'vitest';
import { myCopyText } from './myCopy.js';

describe('myCopyText', () => {
  const identity = {
    key: 'SPEC-9',
    title: 'Guest checkout (my copy)',
    requirementPrefix: 'REQ',
    takenRequirementKeys: ['REQ-1', 'REQ-2', 'REQ-7'],
  };
  const cases: [string, string, string][] = [
    [
      'takes the copy’s key and title and fresh requirement keys, leaving the text as it was',
      '---\nkey: SPEC-1\ntitle: Guest checkout\nstatus: draft\n---\n## Requirements\n\n:::requirement{#REQ-1 priority=must}\nMine.\n:::\n\n:::requirement{#REQ-2}\nAlso mine.\n:::\n',
      '---\nkey: SPEC-9\ntitle: Guest checkout (my copy)\nstatus: draft\n---\n## Requirements\n\n:::requirement{#REQ-8 priority=must}\nMine.\n:::\n\n:::requirement{#REQ-9}\nAlso mine.\n:::\n',
    ],
    [
      'drops the original’s sign-offs',
      '---\nkey: SPEC-1\ntitle: Old\napprovals:\n  - by: Dana\n    at: 2026-11-20\nstatus: approved\n---\nText.\n',
      '---\nkey: SPEC-9\ntitle: Guest checkout (my copy)\nstatus: approved\n---\nText.\n',
    ],
    [
      'keeps CRLF line endings',
      '---\r\nkey: FAQ-1\r\ntitle: Old\r\n---\r\nText.\r\n',
      '---\r\nkey: SPEC-9\r\ntitle: Guest checkout (my copy)\r\n---\r\nText.\r\n',
    ],
  ];
  it.each(cases)('%s', (_name, mine, expected) => {
    expect(myCopyText(mine, identity)).toBe(expected);
  });
});
