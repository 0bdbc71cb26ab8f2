import { describe, expect, it } from 'vitest';
import { appendListEntry } from './appendListEntry.js';

const entry = { by: 'Kim Lee', at: '2026-12-07T10:00:00Z', fingerprint: 'def45678' };

const cases: { name: string; raw: string; expected: string }[] = [
  {
    name: 'a block list gains an item in its indentation; every other byte stays',
    raw: `---\nkey: SPEC-1\ntitle:   "Guest checkout"   # the name\napprovals:\n  - at: 2026-01-01T00:00:00Z\n    by: Dana\n    note: 'first pass'\n    fingerprint: abc\nowner: Dana\n---\n`,
    expected: `---\nkey: SPEC-1\ntitle:   "Guest checkout"   # the name\napprovals:\n  - at: 2026-01-01T00:00:00Z\n    by: Dana\n    note: 'first pass'\n    fingerprint: abc\n  - by: Kim Lee\n    at: 2026-12-07T10:00:00Z\n    fingerprint: def45678\nowner: Dana\n---\n`,
  },
  {
    name: 'a flow list gains an entry before its bracket; the first keeps its quotes and order',
    raw: `---\nkey: SPEC-1\napprovals: [{at: '2026-01-01T00:00:00Z', by: Dana, fingerprint: abc}]  # signed\nstatus: review\n---\n`,
    expected: `---\nkey: SPEC-1\napprovals: [{at: '2026-01-01T00:00:00Z', by: Dana, fingerprint: abc}, {by: Kim Lee, at: 2026-12-07T10:00:00Z, fingerprint: def45678}]  # signed\nstatus: review\n---\n`,
  },
  {
    name: 'no list yet: one flow line at the end',
    raw: `---\nkey: SPEC-1\nstatus: review\n---\n`,
    expected: `---\nkey: SPEC-1\nstatus: review\napprovals: [{by: Kim Lee, at: 2026-12-07T10:00:00Z, fingerprint: def45678}]\n---\n`,
  },
  {
    name: 'CRLF block list keeps CRLF',
    raw: `---\r\nkey: SPEC-1\r\napprovals:\r\n- by: Dana\r\n  fingerprint: abc\r\nstatus: review\r\n---\r\n`,
    expected: `---\r\nkey: SPEC-1\r\napprovals:\r\n- by: Dana\r\n  fingerprint: abc\r\n- by: Kim Lee\r\n  at: 2026-12-07T10:00:00Z\r\n  fingerprint: def45678\r\nstatus: review\r\n---\r\n`,
  },
  {
    name: 'a block list last in the front matter',
    raw: `---\nkey: SPEC-1\napprovals:\n  - by: Dana\n    fingerprint: abc\n---\nBody\n`,
    expected: `---\nkey: SPEC-1\napprovals:\n  - by: Dana\n    fingerprint: abc\n  - by: Kim Lee\n    at: 2026-12-07T10:00:00Z\n    fingerprint: def45678\n---\nBody\n`,
  },
];

describe('appendListEntry', () => {
  it.each(cases)('$name', ({ raw, expected }) => {
    expect(appendListEntry(raw, 'approvals', entry)).toBe(expected);
  });
});
