/** Where a published copy is named: the upstream, else the remote's default branch, never a stale side branch. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedOn } from './keyArrivals.js';
import { findRepository } from './repositoryStatus.js';
import { createGitSandbox, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let dana: string;
let lee: string;

beforeAll(async () => {
  sandbox = await createGitSandbox();
  dana = await sandbox.clone('dana');
  await fs.writeFile(path.join(dana, 'a.md'), ':::requirement{#REQ-5}\nGuests pay.\n:::\n');
  sandbox.git(dana, ['add', '-A']);
  sandbox.git(dana, ['commit', '-q', '-m', 'REQ-5']);
  sandbox.git(dana, ['push', '-q', '-u', 'origin', 'main']);
  // A side branch, alphabetically first, that also holds the commit.
  sandbox.git(dana, ['push', '-q', 'origin', 'main:dana-gift']);
  lee = await sandbox.clone('lee');
  sandbox.git(lee, ['checkout', '-q', '-b', 'lee-dup']);
  sandbox.git(dana, ['checkout', '-q', '-b', 'lee-dup']);
}, 30_000);

afterAll(async () => {
  await sandbox.remove();
});

describe('publishedOn', () => {
  it('off the upstream, names the remote default branch rather than a side branch', async () => {
    const named = [];
    for (const clone of [lee, dana]) {
      const place = (await findRepository(clone))!;
      named.push(await publishedOn(place, sandbox.git(clone, ['rev-parse', 'HEAD']).output.trim()));
    }
    // Lee cloned after the push (origin/HEAD is set); Dana made the remote (it is not).
    expect(named).toEqual(['origin/main', 'origin/main']);
  });
});
