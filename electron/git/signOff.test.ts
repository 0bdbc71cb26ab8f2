import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../engine/workspace.js';
import { fileFingerprint } from './approvedChanges.js';
import { approveSpec } from './signOff.js';

const body = `:::requirement{#REQ-12 priority=must}
Guest shoppers can pay.
:::
`;

async function approvedTwice(frontMatter: string): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'specbench-signoff-'));
  try {
    writeFileSync(path.join(root, 'specbench.json'), '{"name": "Sign-off"}\n');
    mkdirSync(path.join(root, 'specs'));
    writeFileSync(path.join(root, 'specs/guest.md'), `---\n${frontMatter}---\n${body}`);
    const opened = await Workspace.open(root, { write: true, watch: false, cache: false });
    if (!opened.ok) throw new Error(opened.message);
    const approved = await approveSpec(
      opened.workspace,
      'specs/guest.md',
      { name: 'Kim', email: 'kim@example.com' },
      new Date('2026-12-07T10:00:00Z'),
    );
    await opened.workspace.close();
    if (!approved.ok) throw new Error(approved.message);
    return readFileSync(path.join(root, 'specs/guest.md'), 'utf8');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('Approve again', () => {
  it("appends the approval and sets the status, keeping the user's field order, earlier entries and spacing", async () => {
    const before = `title:   Guest checkout   # shown on the cover
key: SPEC-3
approvals:
  - fingerprint: 0badc0de
    at: '2026-11-01T09:00:00Z'
    by: Dana
    note: first pass
status: review
type: spec
`;
    expect(await approvedTwice(before)).toBe(`---
title:   Guest checkout   # shown on the cover
key: SPEC-3
approvals:
  - fingerprint: 0badc0de
    at: '2026-11-01T09:00:00Z'
    by: Dana
    note: first pass
  - by: Kim
    email: kim@example.com
    at: 2026-12-07T10:00:00Z
    fingerprint: ${fileFingerprint('specs/guest.md', body)}
status: approved
type: spec
---
${body}`);
  });
});
