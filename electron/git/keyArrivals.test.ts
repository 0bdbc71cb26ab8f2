/** Which copy of a duplicated key is the newer one, from real git history of two people's clones. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyArrivals, newestArrival } from './keyArrivals.js';
import { findRepository, type RepositoryPlace } from './repositoryStatus.js';
import { createGitSandbox, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let place: RepositoryPlace;
const requirement = (text: string) => `:::requirement{#REQ-13 priority=must}\n${text}\n:::\n`;

beforeAll(async () => {
  sandbox = await createGitSandbox();
  const dana = await sandbox.clone('dana');
  const sam = await sandbox.clone('sam');
  const write = (clone: string, file: string, text: string) =>
    fs
      .mkdir(path.dirname(path.join(clone, 'ws', file)), { recursive: true })
      .then(() => fs.writeFile(path.join(clone, 'ws', file), text));
  // Dana's branch mentions REQ-13 nowhere at first; she defines it in a.md a commit later.
  await write(dana, 'specs/a.md', '# A\n');
  sandbox.git(dana, ['add', '-A']);
  sandbox.git(dana, ['commit', '-q', '-m', 'Spec A']);
  await write(dana, 'specs/a.md', `# A\n\n${requirement('Guests pay.')}`);
  sandbox.git(dana, ['commit', '-q', '-am', 'REQ-13 in A']);
  sandbox.git(dana, ['push', '-q', 'origin', 'HEAD:main']);
  sandbox.git(sam, ['pull', '-q', 'origin', 'main']);
  // Sam, later, defines REQ-13 again in b.md; Dana pulls it in.
  await write(sam, 'specs/b.md', `# B\n\n${requirement('Guests save a card.')}`);
  sandbox.git(sam, ['add', '-A']);
  sandbox.git(sam, ['commit', '-q', '-m', 'REQ-13 in B']);
  sandbox.git(sam, ['push', '-q', 'origin', 'HEAD:main']);
  sandbox.git(dana, ['pull', '-q', 'origin', 'main']);
  // And a third copy that only Dana's working copy has.
  await write(dana, 'specs/c.md', `# C\n\n${requirement('Guests see a receipt.')}`);
  place = (await findRepository(path.join(dana, 'ws')))!;
}, 60_000);

afterAll(async () => {
  await sandbox.remove();
});

describe('keyArrivals', () => {
  it('dates each copy by the commit that brought the key into its file; an uncommitted one has none', async () => {
    const arrivals = await keyArrivals(place, 'REQ-13', ['specs/a.md', 'specs/b.md', 'specs/c.md']);
    expect(arrivals.map(({ path: file, author, committedAt }) => [file, author, typeof committedAt])).toEqual(
      [
        ['specs/a.md', 'Dana', 'string'],
        ['specs/b.md', 'Sam', 'string'],
        ['specs/c.md', undefined, 'undefined'],
      ],
    );
    expect(Date.parse(arrivals[1]!.committedAt!)).toBeGreaterThan(Date.parse(arrivals[0]!.committedAt!));
    expect(newestArrival(arrivals)).toBe('specs/c.md');
    expect(newestArrival(arrivals.slice(0, 2))).toBe('specs/b.md');
  });

  it('cannot tell between two copies that are both uncommitted, or at the same time', () => {
    expect([
      newestArrival([{ path: 'x.md' }, { path: 'y.md' }]),
      newestArrival([
        { path: 'x.md', committedAt: '2026-12-01T10:00:00Z' },
        { path: 'y.md', committedAt: '2026-12-01T10:00:00Z' },
      ]),
      newestArrival([{ path: 'x.md' }]),
    ]).toEqual([undefined, undefined, undefined]);
  });
});
