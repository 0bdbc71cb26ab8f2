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
  // Both copies of REQ-30 in one file (both sides of a merge added it there); the second is renamed by line.
  const pay = requirement('REQ-30', 'Guests pay.');
  const save = requirement('REQ-30', 'Guests save a card.');
  await commit('specs/cards.md', spec('SPEC-3', pay), 'Dana adds REQ-30');
  await commit('specs/cards.md', spec('SPEC-3', `${pay}\n${save}`), 'Sam adds REQ-30 too');
  const payByCard = requirement('REQ-30', 'Guests pay by card.');
  await commit('specs/cards.md', spec('SPEC-3', `${payByCard}\n${save}`), 'Dana rewords hers');
  await commit(
    'specs/cards.md',
    spec('SPEC-3', `${payByCard}\n${requirement('REQ-31', 'Guests save a card.')}`),
    'Give the second REQ-30 a new key',
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

  it('follows the renamed copy when both copies of its old key were in one file, and not the other', async () => {
    const opened = await WorkspaceRepository.open(clone);
    if (!opened.ok) throw new Error(opened.message);
    const renamed = await itemHistory(opened.repository, 'REQ-31');
    const kept = await itemHistory(opened.repository, 'REQ-30');
    const summary = (history: typeof renamed) =>
      history.changes.map((change) => [change.message, change.change, change.after.split('\n')[1] ?? '']);
    expect([summary(renamed), summary(kept)]).toEqual([
      [
        ['Give the second REQ-30 a new key', 'changed', 'Guests save a card.'],
        ['Sam adds REQ-30 too', 'added', 'Guests save a card.'],
      ],
      [
        ['Dana rewords hers', 'changed', 'Guests pay by card.'],
        ['Dana adds REQ-30', 'added', 'Guests pay.'],
      ],
    ]);
  });
});
