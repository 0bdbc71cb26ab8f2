/** `git status` read into branch and upstream, against real git: an empty remote before and after the first push. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStatus } from './repositoryStatus.js';
import { createGitSandbox, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let clone: string;

beforeAll(async () => {
  sandbox = await createGitSandbox();
  clone = await sandbox.clone('dana');
  await fs.writeFile(path.join(clone, 'notes.md'), '# Notes\n');
  sandbox.git(clone, ['add', '-A']);
  sandbox.git(clone, ['commit', '-q', '-m', 'First']);
}, 30_000);

afterAll(async () => {
  await sandbox.remove();
});

function status() {
  const parsed = parseStatus(sandbox.git(clone, ['status', '--porcelain=v2', '--branch', '-z']).output);
  return { branch: parsed.branch, upstream: parsed.upstream, missingUpstream: parsed.missingUpstream };
}

describe('parseStatus', () => {
  it('a clone of an empty remote tracks a branch the remote does not have until the first push', () => {
    const before = status();
    sandbox.git(clone, ['push', '-q', 'origin', 'main']);
    expect({ before, after: status() }).toEqual({
      before: { branch: 'main', upstream: undefined, missingUpstream: 'origin/main' },
      after: { branch: 'main', upstream: 'origin/main', missingUpstream: undefined },
    });
  });
});
