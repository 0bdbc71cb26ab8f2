/**
 * Change reports with real git: a requirement given a new key with the same text reads as one
 * change ("REQ-16 → REQ-18 (new key)") in `specbench diff`, the export chapter and the Changes
 * panel's blocks; an added requirement carries its fields and text in words.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeReport } from './changeReport.js';
import { changeReportMarkdown, formatChangeReport } from './formatChangeReport.js';
import { blockViews } from './readableBlocks.js';
import { createGitSandbox, runSpecbenchIn, type GitSandbox } from './testing/gitSandbox.js';
import { WorkspaceRepository } from './workspaceRepository.js';

let sandbox: GitSandbox;
let clone: string;
const file = 'specs/promo-codes.md';
const spec = (requirements: string) =>
  `---\nkey: SPEC-4\ntype: spec\ntitle: Promo codes\n---\n## Requirements\n\n${requirements}`;
const requirement = (open: string, text: string) => `:::requirement{${open}}\n${text}\n:::\n\n`;
const share = 'A shopper shares a code by link.';
const expiry = 'A code expires after thirty days.';
let before = '';
let after = '';

beforeAll(async () => {
  sandbox = await createGitSandbox();
  clone = await sandbox.clone('dana');
  await fs.mkdir(path.join(clone, 'specs'));
  before = spec(requirement('#REQ-15 priority=should', expiry) + requirement('#REQ-16 priority=must', share));
  await fs.writeFile(path.join(clone, file), before);
  sandbox.git(clone, ['add', '-A']);
  sandbox.git(clone, ['commit', '-q', '-m', 'Promo codes']);
  sandbox.git(clone, ['tag', 'v1']);
  // The rekey after a merge: REQ-16 keeps its text under REQ-18; REQ-15 becomes REQ-17 and a should
  // becomes a must beside it; REQ-19 is new.
  after = spec(
    requirement('#REQ-17 priority=must', expiry) +
      requirement('#REQ-18 priority=must', share) +
      requirement(
        '#REQ-19 priority=could status=draft roadmap=RM-8',
        'A code never combines with another.\n\n- Given a free-shipping code, the total stays.',
      ),
  );
  await fs.writeFile(path.join(clone, file), after);
  sandbox.git(clone, ['commit', '-q', '-am', 'Give the newer keys new numbers']);
  sandbox.git(clone, ['tag', 'v2']);
}, 60_000);

afterAll(async () => {
  await sandbox.remove();
});

async function report() {
  const opened = await WorkspaceRepository.open(clone);
  if (!opened.ok) throw new Error(opened.message);
  const { repository } = opened;
  return changeReport('v1', 'v2', await repository.filesAt('v1'), await repository.filesAt('v2'));
}

describe('a requirement under a new key in a change report', () => {
  it('is one change from the old key, with its field change beside it, not removed and added', async () => {
    const { requirements } = await report();
    expect({
      changed: requirements.changed.map((change) => ({
        from: change.from,
        key: change.key,
        fields: change.readable.fields,
        texts: change.readable.texts.length,
      })),
      removed: requirements.removed.map((item) => item.key),
      added: requirements.added.map((item) => [item.key, item.readable]),
    }).toEqual({
      changed: [
        {
          from: 'REQ-15',
          key: 'REQ-17',
          fields: [
            { field: 'key', from: 'REQ-15', to: 'REQ-17' },
            { field: 'priority', from: 'should', to: 'must' },
          ],
          texts: 0,
        },
        { from: 'REQ-16', key: 'REQ-18', fields: [{ field: 'key', from: 'REQ-16', to: 'REQ-18' }], texts: 0 },
      ],
      removed: [],
      added: [
        [
          'REQ-19',
          {
            fields: [
              { field: 'priority', from: '', to: 'could' },
              { field: 'status', from: '', to: 'draft' },
              { field: 'roadmap', from: '', to: 'RM-8' },
            ],
            texts: [
              { what: 'text', words: [{ text: 'A code never combines with another.', change: 'added' }] },
            ],
            added: [{ what: 'criterion', text: 'Given a free-shipping code, the total stays.' }],
            removed: [],
          },
        ],
      ],
    });
  });

  it('reads "REQ-16 → REQ-18 (new key)" in specbench diff (text and --json), the export chapter and the Changes panel', async () => {
    const text = runSpecbenchIn(sandbox, clone, ['diff', '.', 'v1', 'v2']).stdout;
    const json = JSON.parse(runSpecbenchIn(sandbox, clone, ['diff', '.', 'v1', 'v2', '--json']).stdout) as {
      requirements: { changed: { from?: string; key: string }[]; removed: unknown[] };
    };
    const chapter = changeReportMarkdown(await report());
    expect({
      text: text.split('\n').filter((line) => line.includes('REQ-1')),
      json: json.requirements.changed.map((change) => `${change.from}>${change.key}`),
      jsonRemoved: json.requirements.removed.length,
      chapter: chapter.split('\n').filter((line) => line.includes('new key')),
      panel: blockViews(file, before, after).map((block) => `${block.what} ${block.change}`),
      lines: formatChangeReport(await report()).some((line) => line.includes('Requirements removed')),
    }).toEqual({
      text: [
        `  REQ-19  ${file}  A code never combines with another.`,
        `  REQ-15 → REQ-17 (new key)  ${file}  priority should → must`,
        `  REQ-16 → REQ-18 (new key)  ${file}`,
      ],
      json: ['REQ-15>REQ-17', 'REQ-16>REQ-18'],
      jsonRemoved: 0,
      chapter: [
        `- **REQ-15 → REQ-17 (new key)** (${file}): priority should → must`,
        `- **REQ-16 → REQ-18 (new key)** (${file})`,
      ],
      panel: ['REQ-15 → REQ-17 (new key) changed', 'REQ-16 → REQ-18 (new key) changed', 'REQ-19 added'],
      lines: false,
    });
  });
});
