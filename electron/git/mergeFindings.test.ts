/** check while a merge waits for its conflicts, with real git: one finding per conflicted file, no false duplicate keys. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitSandbox, runSpecbenchIn, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let dana: string;

const spec = (open: string, text: string) =>
  `---\nkey: SPEC-1\ntype: spec\ntitle: Checkout\n---\n## Requirements\n${open}\n${text}\n:::\n`;

beforeAll(async () => {
  sandbox = await createGitSandbox();
  dana = await sandbox.clone('dana');
  await fs.mkdir(path.join(dana, 'specs'));
  await fs.writeFile(path.join(dana, 'specbench.json'), '{"name": "Checkout"}\n');
  const file = path.join(dana, 'specs/checkout.md');
  await fs.writeFile(file, spec(':::requirement{#REQ-1 priority=must roadmap=RM-1}', 'Pay as a guest.'));
  await fs.writeFile(
    path.join(dana, 'roadmap.json'),
    '{"items": [{"key": "RM-1", "title": "Guest", "lane": "now"}]}\n',
  );
  // The merge driver writes each side's whole block between the markers: two copies of REQ-1.
  expect(runSpecbenchIn(sandbox, dana, ['merge-driver', 'install', '.']).code).toBe(0);
  sandbox.git(dana, ['add', '-A']);
  sandbox.git(dana, ['commit', '-q', '-m', 'Start']);
  sandbox.git(dana, ['checkout', '-q', '-b', 'sam']);
  await fs.writeFile(
    file,
    spec(':::requirement{#REQ-1 priority=should roadmap=RM-1}', 'Pay as a guest, fast.'),
  );
  sandbox.git(dana, ['commit', '-q', '-am', 'Sam']);
  sandbox.git(dana, ['checkout', '-q', 'main']);
  await fs.writeFile(file, spec(':::requirement{#REQ-1 priority=could roadmap=RM-1}', 'Guests pay.'));
  sandbox.git(dana, ['commit', '-q', '-am', 'Dana']);
  expect(sandbox.git(dana, ['merge', 'sam'], { allowFailure: true }).code).toBe(1);
}, 30_000);

afterAll(async () => {
  await sandbox.remove();
});

describe('check during a merge', () => {
  it('reports each conflicted file once, as a merge in progress, not as duplicate keys', () => {
    const run = runSpecbenchIn(sandbox, dana, ['check', '.', '--json']);
    const findings = (
      JSON.parse(run.stdout) as { findings: { rule: string; path: string; line: number; message: string }[] }
    ).findings;
    expect([run.code, findings]).toEqual([
      1,
      [
        {
          rule: 'malformed-file',
          severity: 'error',
          path: 'specs/checkout.md',
          line: 7,
          message:
            'Merge in progress: this file has conflicts; resolve them in Changes (the other rules wait until then).',
        },
      ],
    ]);
  });
});
