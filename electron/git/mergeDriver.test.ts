/** The merge driver under real git: a bare remote, two clones, pull with merge and with rebase. */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatRoadmapJson } from '../../shared/model/roadmapJson.js';
import { sampleWorkspaceFolder } from '../cli/packageRoot.js';
import { driverCommand } from './mergeDriver.js';
import { createGitSandbox, runSpecbenchIn, specbenchBin, type GitSandbox } from './testing/gitSandbox.js';

let sandbox: GitSandbox;
let one: string;
let two: string;

const specPath = 'ws/specs/guest-checkout.md';
const storyPath = 'ws/stories/guest-receipt-email.md';
const req1 = 'Guest shoppers can pay without creating an account.';
const req2 = 'Guests give an email address once, and it is used for the receipt and every order update.';

async function edit(clone: string, file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(clone, file);
  const before = await fs.readFile(target, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  await fs.writeFile(target, after);
}

async function addRoadmapItem(clone: string, key: string, title: string): Promise<void> {
  await edit(clone, 'ws/roadmap.json', (text) => {
    const data = JSON.parse(text) as { items: object[] };
    data.items.push({ key, title, description: '', lane: 'later', rank: 9, status: 'proposed' });
    return formatRoadmapJson(data);
  });
}

function commit(clone: string, message: string): void {
  sandbox.git(clone, ['commit', '-q', '-am', message]);
}

const read = (clone: string, file: string) => fs.readFile(path.join(clone, file), 'utf8');

let clones = 0;

beforeAll(async () => {
  sandbox = await createGitSandbox();
  const seed = await sandbox.clone('seed');
  await fs.cp(sampleWorkspaceFolder(), path.join(seed, 'ws'), { recursive: true });
  const installed = runSpecbenchIn(sandbox, seed, ['merge-driver', 'install', 'ws']);
  expect(installed.code, installed.stderr).toBe(0);
  sandbox.git(seed, ['add', '-A']);
  sandbox.git(seed, ['commit', '-q', '-m', 'Sample workspace']);
  sandbox.git(seed, ['push', '-q', 'origin', 'HEAD:main']);
});

/** Each test gets two fresh clones of the remote with the driver registered as install does it. */
beforeEach(async () => {
  clones++;
  [one, two] = await Promise.all([sandbox.clone(`one${clones}`), sandbox.clone(`two${clones}`)]);
  const command = driverCommand(process.execPath, specbenchBin);
  for (const clone of [one, two]) sandbox.git(clone, ['config', 'merge.specbench.driver', command]);
  // Each test pushes to main: start both clones from the remote's first commit again.
  const first = sandbox.git(one, ['rev-list', '--max-parents=0', 'HEAD']).output.trim();
  for (const clone of [one, two]) sandbox.git(clone, ['reset', '-q', '--hard', first]);
  sandbox.git(one, ['push', '-q', '--force', 'origin', 'HEAD:main']);
});

afterAll(async () => {
  await sandbox.remove();
});

/** One adds RM-90 and edits REQ-1; two adds RM-91 and edits REQ-2 (the adjacent block); two pulls. */
async function concurrentEdits(pullArguments: string[]) {
  await addRoadmapItem(one, 'RM-90', 'Gift cards');
  await edit(one, specPath, (text) =>
    text.replace(req1, 'Guest shoppers can pay without ever creating an account.'),
  );
  commit(one, 'One: gift cards, REQ-1 wording');
  sandbox.git(one, ['push', '-q']);
  await addRoadmapItem(two, 'RM-91', 'Store credit');
  await edit(two, specPath, (text) => text.replace(req2, `${req2} Guests can correct it before paying.`));
  commit(two, 'Two: store credit, REQ-2 wording');
  return sandbox.git(two, ['pull', ...pullArguments], { allowFailure: true });
}

describe('specbench merge-driver with real git', () => {
  it('install prints what it set and is a no-op the second time', () => {
    expect(runSpecbenchIn(sandbox, two, ['merge-driver', 'install', 'ws']).code).toBe(0);
    const again = runSpecbenchIn(sandbox, two, ['merge-driver', 'install', 'ws']);
    expect([again.code, again.stdout]).toEqual([
      0,
      "This clone's git config already has the Specbench merge driver.\n" +
        'ws/.gitattributes already routes Markdown and roadmap.json to it.\n',
    ]);
  });

  it.each([
    ['git pull (merge)', ['--no-rebase']],
    ['git pull --rebase', ['--rebase']],
  ])(
    '%s: roadmap items added on both sides and adjacent requirements edited merge with no conflict',
    async (_name, args) => {
      const pulled = await concurrentEdits(args);
      const roadmap = JSON.parse(await read(two, 'ws/roadmap.json')) as { items: { key: string }[] };
      const spec = await read(two, specPath);
      expect({
        code: pulled.code,
        status: sandbox.git(two, ['status', '--porcelain']).output,
        lastKeys: roadmap.items
          .slice(-2)
          .map((item) => item.key)
          .sort(),
        req1: spec.includes('pay without ever creating an account.'),
        req2: spec.includes('Guests can correct it before paying.'),
        markers: /^(<{7}|={7}|>{7})/m.test(spec),
      }).toEqual({
        code: 0,
        status: '',
        lastKeys: ['RM-90', 'RM-91'],
        req1: true,
        req2: true,
        markers: false,
      });
    },
  );

  it.each([
    ['git pull (merge)', '--no-rebase'],
    ['git pull --rebase', '--rebase'],
  ])(
    '%s: two people each adding the next roadmap item (both RM-13) keep both; the unpushed one moves',
    async (_name, how) => {
      await addRoadmapItem(one, 'RM-13', 'Gift cards');
      commit(one, 'One: gift cards');
      sandbox.git(one, ['push', '-q']);
      await addRoadmapItem(two, 'RM-13', 'Store credit');
      commit(two, 'Two: store credit');
      const pulled = sandbox.git(two, ['pull', how], { allowFailure: true });
      const roadmap = JSON.parse(await read(two, 'ws/roadmap.json')) as {
        items: { key: string; title: string }[];
      };
      // One's item was pushed first, so links to RM-13 elsewhere mean it: two's own item moves, in a
      // merge (where it is "ours") and in a rebase (where the replayed commit is "theirs").
      expect({
        code: pulled.code,
        added: roadmap.items
          .slice(-2)
          .map((item) => `${item.key} ${item.title}`)
          .sort(),
      }).toEqual({ code: 0, added: ['RM-13 Gift cards', 'RM-14 Store credit'] });
    },
  );

  it('the same requirement edited on both sides leaves markers around that block only', async () => {
    await edit(one, specPath, (text) =>
      text.replace(req1, 'One rewrote REQ-1.').replace(req2, 'One rewrote REQ-2.'),
    );
    commit(one, 'One: REQ-1 and REQ-2');
    sandbox.git(one, ['push', '-q']);
    const before = await read(two, specPath);
    await edit(two, specPath, (text) => text.replace(req2, 'Two rewrote REQ-2.'));
    commit(two, 'Two: REQ-2');
    const pulled = spawnSync('git', ['pull', '--no-rebase'], {
      cwd: two,
      env: sandbox.env,
      encoding: 'utf8',
    });
    const spec = await read(two, specPath);
    const block = (text: string) =>
      before.slice(before.indexOf(':::requirement{#REQ-2')).split('\n:::\n')[0]!.replace(req2, text) +
      '\n:::\n';
    // git's output names the requirement by key and title (its title before both edits); each marker by
    // its own side's title, so ours and theirs read differently.
    const named = 'REQ-2 “Guests give an email address once, and it is used for the r…”';
    const expected = before
      .replace(req1, 'One rewrote REQ-1.')
      .replace(
        block(req2),
        `<<<<<<< ours: REQ-2 “Two rewrote REQ-2.”\n${block('Two rewrote REQ-2.')}=======\n` +
          `${block('One rewrote REQ-2.')}>>>>>>> theirs: REQ-2 “One rewrote REQ-2.”\n`,
      );
    expect([
      pulled.status,
      sandbox.git(two, ['status', '--porcelain']).output,
      spec,
      pulled.stderr.split('\n').filter((line) => line.startsWith('specbench:')),
    ]).toEqual([1, `UU ${specPath}\n`, expected, [`specbench: ${specPath}: ${named} changed on both sides`]]);
  });

  it('two branches adding the same new requirement key merge cleanly, and the driver names the duplicate in one line', async () => {
    const add = (text: string) => (spec: string) =>
      `${spec}\n:::requirement{#REQ-15 priority=should status=draft}\n${text}\n:::\n`;
    await edit(one, specPath, add('One: guests can cancel within ten minutes.'));
    commit(one, 'One: REQ-15');
    sandbox.git(one, ['push', '-q']);
    await edit(two, specPath, add('Two: guests can add a gift message.'));
    commit(two, 'Two: REQ-15');
    const pulled = spawnSync('git', ['pull', '--no-rebase', '--no-edit'], {
      cwd: two,
      env: sandbox.env,
      encoding: 'utf8',
    });
    const lines = (await read(two, specPath))
      .split('\n')
      .flatMap((line, index) => (line.startsWith(':::requirement{#REQ-15 ') ? [index + 1] : []));
    expect([
      pulled.status,
      lines.length,
      pulled.stderr.split('\n').filter((line) => line.startsWith('specbench:')),
    ]).toEqual([
      0,
      2,
      [
        `specbench: REQ-15 is now defined twice in ${specPath} (lines ${lines[0]} and ${lines[1]}): both branches added it; open Changes in Specbench and choose "Give the newer one a new key"`,
      ],
    ]);
  });

  it('front matter lists changed on both sides merge item by item', async () => {
    await edit(one, storyPath, (text) => text.replace('implements: [REQ-2]', 'implements: [REQ-2, REQ-1]'));
    commit(one, 'One: STORY-2 also implements REQ-1');
    sandbox.git(one, ['push', '-q']);
    await edit(two, storyPath, (text) =>
      text
        .replace('implements: [REQ-2]', 'implements: [REQ-2, REQ-5]')
        .replace('status: done', 'status: in-progress'),
    );
    commit(two, 'Two: STORY-2 implements REQ-5, back in progress');
    const pulled = sandbox.git(two, ['pull', '--rebase'], { allowFailure: true });
    const story = await read(two, storyPath);
    // A rebase replays two's commit onto one's: one's version is "ours", so its REQ-1 comes first.
    expect([pulled.code, story.split('---\n')[1]]).toEqual([
      0,
      'key: STORY-2\ntype: story\ntitle: Receive my receipt as a guest\nstatus: in-progress\nimplements: [REQ-2, REQ-1, REQ-5]\nestimate: 3\nreviewed: {REQ-2: 3dab4061}\n',
    ]);
  });

  it('specbench init offers the driver in a repository, installs it with --merge-driver only in the workspace’s own repository, and names what it set', async () => {
    const repository = path.join(sandbox.root, `fresh${clones}`);
    sandbox.git(sandbox.root, ['init', '-q', repository]);
    const own = path.join(repository, 'own');
    sandbox.git(repository, ['init', '-q', own]);
    const offered = runSpecbenchIn(sandbox, repository, ['init', 'solo']);
    // Inside a bigger repository (a clone of something else): that repository is left alone.
    const refused = runSpecbenchIn(sandbox, repository, ['init', 'team', '--merge-driver']);
    const installed = runSpecbenchIn(sandbox, repository, ['init', 'own', '--merge-driver']);
    const driverIn = (folder: string) =>
      sandbox.git(folder, ['config', '--local', 'merge.specbench.driver'], { allowFailure: true }).output;
    expect({
      offered: [offered.code, offered.stdout.split('\n').find((line) => line.includes('git repository'))],
      refused: [refused.code, refused.stderr],
      outerConfig: driverIn(repository),
      teamAttributes: await fs.stat(path.join(repository, 'team', '.gitattributes')).catch(() => 'none'),
      installed: [
        installed.code,
        installed.stdout.slice(installed.stdout.indexOf('Set in')).split('\n').slice(0, 9),
      ],
      ownConfig: driverIn(own).includes('merge-driver run %O %A %B %P'),
      attributes: sandbox.git(own, ['check-attr', 'merge', 'specs/new.md']).output,
    }).toEqual({
      offered: [
        0,
        `This folder is in the git repository at ${repository}: specbench merge-driver install solo lets git merge specs block by block and roadmap.json item by item.`,
      ],
      refused: [
        2,
        `specbench: init: created team, but did not install the merge driver: team is inside the git repository at ${repository}, not its top folder, and init changes no repository but the workspace's own (to install it there anyway: specbench merge-driver install team)\n`,
      ],
      outerConfig: '',
      teamAttributes: 'none',
      installed: [
        0,
        [
          `Set in this clone's git config (${path.join(own, '.git', 'config')}):`,
          '  merge.specbench.name = Specbench: Markdown block by block, roadmap.json item by item',
          expect.stringMatching(/^ {2}merge\.specbench\.driver = .* merge-driver run %O %A %B %P$/),
          'Added to own/.gitattributes:',
          '  *.md merge=specbench',
          '  *.markdown merge=specbench',
          '  roadmap.json merge=specbench',
          '  rekeys.json merge=specbench',
          'Commit own/.gitattributes so merges use the driver in every clone; each clone runs this command once.',
        ],
      ],
      ownConfig: true,
      attributes: 'specs/new.md: merge: specbench\n',
    });
  });
});
