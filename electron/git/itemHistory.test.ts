/** A requirement's history with real git, back through a change of its key (the newer copy of a duplicate renamed). */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemHistory } from './itemHistory.js';
import { createGitSandbox, type GitSandbox } from './testing/gitSandbox.js';
import { WorkspaceRepository } from './workspaceRepository.js';

let sandbox: GitSandbox;
let clone: string;

const spec = (key: string, requirements: string) =>
  `---\nkey: ${key}\ntype: spec\ntitle: ${key}\n---\n## Requirements\n${requirements}`;
const requirement = (key: string, text: string) => `:::requirement{#${key} priority=should}\n${text}\n:::\n`;

async function commit(file: string, text: string, message: string): Promise<void> {
  await fs.writeFile(path.join(clone, file), text);
  sandbox.git(clone, ['add', '-A']);
  sandbox.git(clone, ['commit', '-q', '-m', message]);
}

beforeAll(async () => {
  sandbox = await createGitSandbox();
  clone = await sandbox.clone('dana');
  await fs.mkdir(path.join(clone, 'specs'));
  await commit(
    'specs/receipts.md',
    spec('SPEC-1', requirement('REQ-15', 'Receipts as PDF.')),
    'Dana adds REQ-15',
  );
  await commit('specs/promo.md', spec('SPEC-2', requirement('REQ-15', 'Share a code.')), 'Sam adds REQ-15');
  await commit(
    'specs/promo.md',
    spec('SPEC-2', requirement('REQ-15', 'Share a code by link.')),
    'Sam rewords',
  );
  await commit(
    'specs/promo.md',
    spec('SPEC-2', requirement('REQ-16', 'Share a code by link.')),
    'Give the newer REQ-15 a new key',
  );
  await fs.writeFile(
    path.join(clone, 'specs/promo.md'),
    spec('SPEC-2', requirement('REQ-16', 'Share a code by a link.')),
  );
}, 30_000);

afterAll(async () => {
  await sandbox.remove();
});

describe('itemHistory', () => {
  it('follows a requirement back through the change of its key, and not into the other copy of the old key', async () => {
    const opened = await WorkspaceRepository.open(clone);
    if (!opened.ok) throw new Error(opened.message);
    const history = await itemHistory(opened.repository, 'REQ-16');
    expect(
      history.changes.map((change) => [change.message, change.change, change.path, change.previousKey ?? '']),
    ).toEqual([
      ['Not committed yet', 'changed', 'specs/promo.md', ''],
      ['Give the newer REQ-15 a new key', 'changed', 'specs/promo.md', 'REQ-15'],
      ['Sam rewords', 'changed', 'specs/promo.md', ''],
      ['Sam adds REQ-15', 'added', 'specs/promo.md', ''],
    ]);
  });
});
