import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseReviewFile } from '../../shared/review/reviewFile.js';
import { createGitSandbox, type GitSandbox } from '../git/testing/gitSandbox.js';
import { Workspace } from './workspace.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const spec = `---
key: SPEC-3
type: spec
title: Guest checkout
---
## Problem
Shoppers abandon checkout when forced to create an account.

## Requirements
:::requirement{#REQ-12 priority=must status=approved}
Guest shoppers can pay without an account.
:::
`;
const files: Record<string, string> = {
  'specbench.json': JSON.stringify({ name: 'Acme' }),
  'specs/guest-checkout.md': spec,
  'specs/wallets.md': '---\nkey: SPEC-4\ntype: spec\ntitle: Wallets\n---\n## Problem\nNone yet.\n',
};
const dana = { name: 'Dana Lee', email: 'dana@example.com' };
const sam = { name: 'Sam Reviewer' };

async function writeFiles(root: string, contents: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(contents)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), text);
  }
}

async function open(root: string): Promise<Workspace> {
  const opened = await Workspace.open(root, { write: true, cache: false });
  if (!opened.ok) throw new Error(opened.message);
  cleanups.push(() => opened.workspace.close());
  return opened.workspace;
}

async function newWorkspace(): Promise<{ root: string; workspace: Workspace }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-comments-'));
  cleanups.push(() => fs.rm(root, { recursive: true, force: true }));
  await writeFiles(root, files);
  return { root, workspace: await open(root) };
}

function commentFindings(workspace: Workspace): string[] {
  return workspace
    .check()
    .filter((finding) => finding.rule.includes('comment'))
    .map((finding) => `${finding.severity} ${finding.path}:${finding.line} ${finding.message}`);
}

describe('comment store', () => {
  it('writes threads to reviews/<KEY>.md, counts the open ones in check, and resolves them', async () => {
    const { root, workspace } = await newWorkspace();
    const first = await workspace.comments.addThread(
      'SPEC-3',
      { kind: 'key', key: 'REQ-12' },
      'REQ-12',
      'What about saved cards?',
      dana,
    );
    if (!first.ok) throw new Error(first.message);
    await workspace.comments.addThread(
      'SPEC-3',
      { kind: 'heading', slug: 'problem' },
      '“Problem”',
      'Source?',
      sam,
    );
    expect(commentFindings(workspace)).toEqual([
      'info reviews/SPEC-3.md:5 SPEC-3 has 2 unresolved comment threads.',
    ]);
    await workspace.comments.addEntry('SPEC-3', first.thread.id, 'Cards later.', sam);
    await workspace.comments.addEntry('SPEC-3', first.thread.id, '', dana, 'resolved');
    expect(workspace.comments.unresolvedCounts()).toEqual({ 'SPEC-3': 1 });
    // Resolved threads stay in the workspace-wide list (the page hides them behind a toggle).
    expect(
      workspace.comments
        .threadsByDocument()
        .map(({ document, threads }) => [document, threads.map((thread) => thread.resolved)]),
    ).toEqual([['SPEC-3', [true, false]]]);
    const onDisk = parseReviewFile(await fs.readFile(path.join(root, 'reviews/SPEC-3.md'), 'utf8'));
    expect(
      onDisk.threads.map((thread) => [thread.resolved, thread.entries.map((entry) => entry.name)]),
    ).toEqual([
      [true, ['Dana Lee', 'Sam Reviewer', 'Dana Lee']],
      [false, ['Sam Reviewer']],
    ]);
    expect(await fs.readFile(path.join(root, 'reviews/.gitattributes'), 'utf8')).toContain(
      '*.md merge=union',
    );
    // Review files are not documents: no navigator entry, no missing-key finding.
    expect(workspace.documents().map((entry) => entry.path)).toEqual([
      'specs/guest-checkout.md',
      'specs/wallets.md',
    ]);
  });

  it('keeps key anchors through a rename and a move, and warns once the requirement or heading is gone', async () => {
    const { root, workspace } = await newWorkspace();
    await workspace.comments.addThread('SPEC-3', { kind: 'key', key: 'REQ-12' }, 'REQ-12', 'Cards?', dana);
    await workspace.comments.addThread(
      'SPEC-3',
      { kind: 'heading', slug: 'problem' },
      'Problem',
      'Why?',
      dana,
    );
    const renamed = await workspace.renameDocumentTo('specs/guest-checkout.md', 'checkout-for-guests');
    expect(renamed.ok).toBe(true);
    // The requirement moves to another spec: the thread still finds it by its key.
    const requirement = spec.slice(spec.indexOf(':::requirement'));
    await fs.writeFile(
      path.join(root, 'specs/checkout-for-guests.md'),
      spec.replace(requirement, '').replace('## Problem', '## Why'),
    );
    await fs.appendFile(path.join(root, 'specs/wallets.md'), `\n${requirement}`);
    const reopened = await open(root);
    // Its thread follows it to the spec that defines it now, and counts there; a reply is written to
    // the file the thread lives in.
    expect(reopened.comments.threads('SPEC-3').map((thread) => thread.anchor)).toEqual([
      { kind: 'heading', slug: 'problem' },
    ]);
    const moved = reopened.comments.threads('SPEC-4');
    expect(moved.map((thread) => thread.anchor)).toEqual([{ kind: 'key', key: 'REQ-12' }]);
    expect(reopened.comments.unresolvedCounts()).toEqual({ 'SPEC-3': 1, 'SPEC-4': 1 });
    // The workspace-wide list groups them the same way, by the document each is shown on.
    expect(
      reopened.comments
        .threadsByDocument()
        .map(({ document, threads }) => [document, threads.map((thread) => thread.label)]),
    ).toEqual([
      ['SPEC-3', ['Problem']],
      ['SPEC-4', ['REQ-12']],
    ]);
    expect(commentFindings(reopened)).toEqual([
      'info reviews/SPEC-3.md:5 SPEC-3 has 2 unresolved comment threads.',
      'warning reviews/SPEC-3.md:11 A comment on SPEC-3 is anchored to the heading #problem, which is no longer there.',
    ]);
    const reply = await reopened.comments.addEntry('SPEC-4', moved[0]!.id, 'Still open', sam);
    expect(reply.ok).toBe(true);
    expect(await fs.readFile(path.join(root, 'reviews/SPEC-3.md'), 'utf8')).toContain('Still open');
    await expect(fs.access(path.join(root, 'reviews/SPEC-4.md'))).rejects.toThrow();
    await fs.writeFile(path.join(root, 'specs/wallets.md'), files['specs/wallets.md']!);
    const third = await open(root);
    expect(commentFindings(third)).toContain(
      'warning reviews/SPEC-3.md:5 A comment on SPEC-3 is anchored to REQ-12, which is no longer there.',
    );
    void workspace;
  });

  it('appends again when the file changed between its read and its write', async () => {
    const { root, workspace } = await newWorkspace();
    const first = await workspace.comments.addThread(
      'SPEC-3',
      { kind: 'key', key: 'SPEC-3' },
      'SPEC-3',
      'Overall fine.',
      dana,
    );
    if (!first.ok) throw new Error(first.message);
    // Another process appends a note by hand; our store has not re-read the file.
    await fs.appendFile(path.join(root, 'reviews/SPEC-3.md'), '\nA line typed by hand.\n');
    const reply = await workspace.comments.addEntry('SPEC-3', first.thread.id, 'Thanks.', sam);
    expect(reply.ok).toBe(true);
    const text = await fs.readFile(path.join(root, 'reviews/SPEC-3.md'), 'utf8');
    expect(text).toContain('A line typed by hand.');
    expect(parseReviewFile(text).threads[0]!.entries.map((entry) => entry.body)).toEqual([
      'Overall fine.\n\nA line typed by hand.',
      'Thanks.',
    ]);
  });

  it('refuses an empty comment and a thread that does not exist, writing nothing', async () => {
    const { root, workspace } = await newWorkspace();
    const empty = await workspace.comments.addThread(
      'SPEC-3',
      { kind: 'key', key: 'REQ-12' },
      'REQ-12',
      '  ',
      dana,
    );
    const missing = await workspace.comments.addEntry('SPEC-3', 't-nothere', 'Hello', dana);
    expect([empty.ok ? '' : empty.message, missing.ok ? '' : missing.message]).toEqual([
      'A comment needs some text.',
      'There is no thread t-nothere on SPEC-3.',
    ]);
    await expect(fs.stat(path.join(root, 'reviews'))).rejects.toThrow();
  });
});

describe('review files in git', () => {
  let sandbox: GitSandbox;

  it('merges two people replying to the same thread and to different threads', async () => {
    sandbox = await createGitSandbox();
    cleanups.push(() => sandbox.remove());
    const pm = await sandbox.clone('pm');
    await writeFiles(pm, files);
    const pmWorkspace = await open(pm);
    const one = await pmWorkspace.comments.addThread(
      'SPEC-3',
      { kind: 'key', key: 'REQ-12' },
      'REQ-12',
      'Cards?',
      dana,
    );
    const two = await pmWorkspace.comments.addThread(
      'SPEC-3',
      { kind: 'heading', slug: 'problem' },
      'Problem',
      'Data?',
      dana,
    );
    if (!one.ok || !two.ok) throw new Error('comment not written');
    sandbox.git(pm, ['add', '-A']);
    sandbox.git(pm, ['commit', '-q', '-m', 'Comments']);
    sandbox.git(pm, ['push', '-q', 'origin', 'HEAD:main']);
    const reviewer = await sandbox.clone('reviewer');
    const reviewerWorkspace = await open(reviewer);

    await reviewerWorkspace.comments.addEntry('SPEC-3', one.thread.id, 'Reviewer on cards.', sam);
    await reviewerWorkspace.comments.addEntry('SPEC-3', two.thread.id, 'Reviewer on data.', sam);
    sandbox.git(reviewer, ['commit', '-q', '-am', 'Reviewer replies']);
    sandbox.git(reviewer, ['push', '-q', 'origin', 'HEAD:main']);

    await pmWorkspace.comments.addEntry('SPEC-3', one.thread.id, 'PM on cards.', dana);
    await pmWorkspace.comments.addEntry('SPEC-3', one.thread.id, '', dana, 'resolved');
    sandbox.git(pm, ['commit', '-q', '-am', 'PM replies']);
    const pulled = sandbox.git(pm, ['pull', '-q', '--no-rebase', 'origin', 'main'], { allowFailure: true });
    expect(pulled.code).toBe(0);
    const merged = parseReviewFile(await fs.readFile(path.join(pm, 'reviews/SPEC-3.md'), 'utf8'));
    expect(
      merged.threads.map((thread) => [
        thread.resolved,
        thread.entries.map((entry) => entry.body || entry.action),
      ]),
    ).toEqual([
      [true, ['Cards?', 'PM on cards.', 'resolved', 'Reviewer on cards.']],
      [false, ['Data?', 'Reviewer on data.']],
    ]);
  });
});
