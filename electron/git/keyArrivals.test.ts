/** Which copy of a duplicated key is the newer one, from real git history of two people's clones. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyArrivals, lineArrivals, newestArrival, newestLine } from './keyArrivals.js';
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

  it('always names exactly one copy: between two uncommitted or equally old copies, the later one listed', () => {
    expect([
      newestArrival([{ path: 'x.md' }, { path: 'y.md' }]),
      newestArrival([
        { path: 'x.md', committedAt: '2026-12-01T10:00:00Z' },
        { path: 'y.md', committedAt: '2026-12-01T10:00:00Z' },
      ]),
      newestArrival([{ path: 'x.md' }]),
    ]).toEqual(['y.md', 'y.md', undefined]);
  });
});

describe('the copy already on the remote keeps the key', () => {
  let team: GitSandbox;
  let sam: string;
  let samPlace: RepositoryPlace;
  const definition = (key: string, text: string) => `:::requirement{#${key} priority=must}\n${text}\n:::\n`;
  const filler = Array.from({ length: 12 }, (_, index) => `Paragraph ${index + 1}.\n`).join('\n');
  const linesOf = async (key: string) =>
    (await fs.readFile(path.join(sam, 'ws', 'specs/one.md'), 'utf8'))
      .split('\n')
      .flatMap((text, index) => (text.startsWith(`:::requirement{#${key} `) ? [index + 1] : []));

  beforeAll(async () => {
    team = await createGitSandbox();
    const dana = await team.clone('dana');
    await fs.mkdir(path.join(dana, 'ws', 'specs'), { recursive: true });
    await fs.writeFile(path.join(dana, 'ws', 'specs/one.md'), `# One\n\n${filler}`);
    team.git(dana, ['add', '-A']);
    team.git(dana, ['commit', '-q', '-m', 'Spec one']);
    team.git(dana, ['push', '-q', 'origin', 'HEAD:main']);
    sam = await team.clone('sam');
    const kim = await team.clone('kim');
    // Sam commits his REQ-16 (top of one.md) and REQ-15 (sam.md) first, and does not push.
    await fs.writeFile(
      path.join(sam, 'ws', 'specs/one.md'),
      `# One\n\n${definition('REQ-16', 'Sam: codes stack.')}\n${filler}`,
    );
    await fs.writeFile(
      path.join(sam, 'ws', 'specs/sam.md'),
      `# Sam\n\n${definition('REQ-15', 'Sam: PayPal.')}`,
    );
    team.git(sam, ['add', '-A']);
    team.git(sam, ['commit', '-q', '-m', 'Sam adds REQ-15 and REQ-16']);
    // Kim commits hers later, and pushes: teammates may link to her REQ-15 and REQ-16 from now on.
    await fs.writeFile(
      path.join(kim, 'ws', 'specs/one.md'),
      `# One\n\n${filler}\n${definition('REQ-16', 'Kim: codes expire.')}`,
    );
    await fs.writeFile(
      path.join(kim, 'ws', 'specs/kim.md'),
      `# Kim\n\n${definition('REQ-15', 'Kim: cards.')}`,
    );
    team.git(kim, ['add', '-A']);
    team.git(kim, ['commit', '-q', '-m', 'Kim adds REQ-15 and REQ-16']);
    team.git(kim, ['push', '-q', 'origin', 'HEAD:main']);
    team.git(sam, ['pull', '-q', '--no-rebase', 'origin', 'main']);
    samPlace = (await findRepository(path.join(sam, 'ws')))!;
  }, 60_000);

  afterAll(async () => {
    await team.remove();
  });

  it('twice in one file: the copy not pushed yet gets the new key, though the published one is newer', async () => {
    const lines = await linesOf('REQ-16');
    expect(lines).toHaveLength(2);
    const arrivals = await lineArrivals(samPlace, 'specs/one.md', lines);
    expect(arrivals.map(({ line, author, published }) => [line, author, published])).toEqual([
      [lines[0], 'Sam', undefined],
      [lines[1], 'Kim', 'origin/main'],
    ]);
    expect(Date.parse(arrivals[1]!.committedAt!)).toBeGreaterThan(Date.parse(arrivals[0]!.committedAt!));
    expect(newestLine(arrivals)).toBe(lines[0]);
  });

  it('in two files: the same rule', async () => {
    const arrivals = await keyArrivals(samPlace, 'REQ-15', ['specs/kim.md', 'specs/sam.md']);
    expect(arrivals.map(({ author, published }) => [author, published])).toEqual([
      ['Kim', 'origin/main'],
      ['Sam', undefined],
    ]);
    expect(newestArrival(arrivals)).toBe('specs/sam.md');
  });

  it('once both are pushed, the one committed later gets the new key', async () => {
    team.git(sam, ['push', '-q', 'origin', 'HEAD:main']);
    const lines = await linesOf('REQ-16');
    const arrivals = await lineArrivals(samPlace, 'specs/one.md', lines);
    expect(arrivals.map((arrival) => arrival.published)).toEqual(['origin/main', 'origin/main']);
    expect(newestLine(arrivals)).toBe(lines[1]);
    expect(newestArrival(await keyArrivals(samPlace, 'REQ-15', ['specs/kim.md', 'specs/sam.md']))).toBe(
      'specs/kim.md',
    );
  });
});
