/** `git status` read into branch and upstream, against real git: an empty remote before and after the first push. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepository, parseStatus, repositoryStatus } from './repositoryStatus.js';
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

describe('repositoryStatus', () => {
  it("never writes the repository's index, so the user's own git never finds index.lock taken", async () => {
    // A tracked file touched (same content, new time): a plain `git status` would rewrite the index.
    const index = path.join(clone, '.git', 'index');
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(path.join(clone, 'notes.md'), later, later);
    const before = (await fs.stat(index)).mtimeMs;
    const place = await findRepository(clone);
    const read = place && (await repositoryStatus(place));
    const untouched = (await fs.stat(index)).mtimeMs === before;
    sandbox.git(clone, ['status', '--porcelain']);
    // The same check, shown able to fail: git itself refreshes the index here.
    const rewrittenByGit = (await fs.stat(index)).mtimeMs !== before;
    expect({ branch: read?.branch, untouched, rewrittenByGit }).toEqual({
      branch: 'main',
      untouched: true,
      rewrittenByGit: true,
    });
  });
});
