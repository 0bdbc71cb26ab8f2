/** A spec changed since its approval, with real git: which requirements changed, by words, against the approved version. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleWorkspaceFolder } from '../cli/packageRoot.js';
import { Workspace } from '../engine/workspace.js';
import { approvedChanges } from './approvedChanges.js';
import { createGitSandbox, type GitSandbox } from './testing/gitSandbox.js';
import { WorkspaceRepository } from './workspaceRepository.js';

let sandbox: GitSandbox;
let folder: string;
const spec = 'specs/guest-checkout.md';

async function edit(change: (text: string) => string): Promise<void> {
  const target = path.join(folder, spec);
  await fs.writeFile(target, change(await fs.readFile(target, 'utf8')));
}

async function changesNow() {
  const opened = await Workspace.open(folder, { write: false, watch: false, cache: false });
  if (!opened.ok) throw new Error(opened.message);
  const repository = await WorkspaceRepository.open(folder);
  try {
    return await approvedChanges(opened.workspace, repository.ok ? repository.repository : undefined, spec);
  } finally {
    await opened.workspace.close();
  }
}

beforeAll(async () => {
  sandbox = await createGitSandbox();
  folder = path.join(sandbox.root, 'ws');
  await fs.cp(sampleWorkspaceFolder(), folder, {
    recursive: true,
    filter: (file) => path.basename(file) !== '.specbench',
  });
  sandbox.git(folder, ['init', '-q']);
  sandbox.git(folder, ['add', '-A']);
  sandbox.git(folder, ['commit', '-q', '-m', 'Approved sample']);
}, 60_000);

afterAll(async () => {
  await sandbox.remove();
});

describe('approvedChanges', () => {
  it('is nothing while the spec is as approved', async () => {
    expect(await changesNow()).toBeUndefined();
  });

  it('lists each requirement changed since approval with its words against the approved commit', async () => {
    await edit((text) =>
      text
        .replace('Guests give an email address once', 'Guests give an email address exactly once')
        .replace('{#REQ-4 priority=could', '{#REQ-40 priority=could'),
    );
    sandbox.git(folder, ['commit', '-q', '-am', 'Reword REQ-2, REQ-4 gets a new key']);
    const changes = await changesNow();
    const first = sandbox.git(folder, ['rev-list', '--max-parents=0', 'HEAD']).output.trim();
    expect({
      approval: changes?.approval,
      commit: changes?.found?.commit,
      changed: changes?.requirements?.changed.map((change) => [
        change.from ?? '',
        change.key,
        change.readable?.texts.map((text) => text.words.filter((run) => run.change)),
      ]),
      added: changes?.requirements?.added.length,
      removed: changes?.requirements?.removed.length,
    }).toEqual({
      // The approval's own date and approver, not the commit that holds the approved text.
      approval: { by: 'Dana Whitfield', at: '2026-11-20T15:30:00Z' },
      commit: first,
      changed: [
        ['', 'REQ-2', [[{ text: 'exactly ', change: 'added' }]]],
        ['REQ-4', 'REQ-40', []],
      ],
      added: 0,
      removed: 0,
    });
  });

  it('says only the fingerprint is known when no commit holds the approved requirements', async () => {
    await edit((text) => text.replace('fingerprint: 68bda9c6', 'fingerprint: 0badf00d'));
    expect(await changesNow()).toEqual({
      fingerprint: '0badf00d',
      approval: { by: 'Dana Whitfield', at: '2026-11-20T15:30:00Z' },
      note: 'No commit holds the requirements as they were approved (fingerprint 0badf00d): only the fingerprint is known.',
    });
  });
});
