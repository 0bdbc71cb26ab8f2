import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvalState, reviewStamps, suspectLinks } from '../../shared/model/signOff.js';
import { approveSpec, markReviewed } from '../git/signOff.js';
import { Workspace } from './workspace.js';

const spec = `---
key: SPEC-3
type: spec
title: Guest checkout
---
:::requirement{#REQ-12 priority=must}
Guest shoppers can pay.
:::
`;
const story = `---
key: STORY-8
type: story
title: Pay as a guest
implements: [REQ-12]
---
Body.
`;

/** A workspace whose story is reviewed and whose spec is approved, through the real sign-off writers. */
async function signedOff(): Promise<{ root: string; workspace: Workspace }> {
  const root = mkdtempSync(path.join(tmpdir(), 'specbench-rekey-signoff-'));
  writeFileSync(path.join(root, 'specbench.json'), '{"name": "Sign-off"}\n');
  mkdirSync(path.join(root, 'specs'));
  mkdirSync(path.join(root, 'stories'));
  writeFileSync(path.join(root, 'specs/guest.md'), spec);
  writeFileSync(path.join(root, 'stories/pay.md'), story);
  const opened = await Workspace.open(root, { write: true, watch: false, cache: false });
  if (!opened.ok) throw new Error(opened.message);
  const workspace = opened.workspace;
  await markReviewed(workspace, 'stories/pay.md');
  await approveSpec(workspace, 'specs/guest.md', { name: 'Dana' }, new Date('2026-12-01T10:00:00Z'));
  return { root, workspace };
}

/** What a reviewer sees after the change: the story's stamps, its suspect links, and whether the approval is stale. */
function signOffState(workspace: Workspace) {
  const story = workspace.document('STORY-8')!;
  const approved = approvalState(workspace.document('SPEC-3')!);
  return {
    stamps: Object.fromEntries(reviewStamps(story.fields)),
    suspect: suspectLinks(story, (key) => workspace.requirement(key)?.requirement).length,
    approvalStale: approved?.changedSince,
  };
}

describe('rekey keeps sign-off', () => {
  it('moves the review stamp to the new key and keeps the approval current', async () => {
    const { root, workspace } = await signedOff();
    const stamp = reviewStamps(workspace.document('STORY-8')!.fields).get('REQ-12');
    const result = await workspace.rekey('REQ-12', 'REQ-120');
    const state = signOffState(workspace);
    await workspace.close();
    expect({ ok: result.ok, state, story: readFileSync(path.join(root, 'stories/pay.md'), 'utf8') }).toEqual({
      ok: true,
      state: { stamps: { 'REQ-120': stamp }, suspect: 0, approvalStale: false },
      story: story
        .replace('[REQ-12]', '[REQ-120]')
        .replace('---\nBody', `reviewed: {REQ-120: ${stamp}}\n---\nBody`),
    });
  });

  it('still makes the approval stale when the text changed before the rename', async () => {
    const { workspace } = await signedOff();
    const read = await workspace.readDocument('specs/guest.md');
    if (!read.ok) throw new Error(read.message);
    const edited = read.file.text.replace('can pay.', 'can pay without an account.');
    await workspace.saveDocument('specs/guest.md', edited, read.file);
    await workspace.rekey('REQ-12', 'REQ-120');
    const state = signOffState(workspace);
    await workspace.close();
    expect(state.approvalStale).toBe(true);
  });
});
