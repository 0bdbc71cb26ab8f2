import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../engine/workspace.js';
import { WorkspaceService } from '../services/workspaceService.js';
import { startBrowserServer, type BrowserServer } from './browserServer.js';

let base: string;
let workspace: Workspace;
let server: BrowserServer;
let commenting: BrowserServer;
let cookie: string;
let commentingCookie: string;
let root: string;

/** One call the way the app's client makes it, with the cookie and Origin a browser would send. */
async function call(
  method: string,
  input: unknown,
  to: { server: BrowserServer; cookie: string } = { server, cookie },
): Promise<Record<string, unknown>> {
  const { server: target, cookie: session } = to;
  const origin = new URL(target.url).origin;
  const reply = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { cookie: session, origin, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await reply.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-read-only-serve-'));
  root = path.join(base, 'acme-checkout');
  const renderer = path.join(base, 'renderer');
  await fs.cp(path.join(import.meta.dirname, '../../samples/acme-checkout'), root, { recursive: true });
  await fs.mkdir(renderer);
  await fs.writeFile(path.join(renderer, 'index.html'), '<!doctype html>');
  const opened = await Workspace.open(root, { write: false, watch: false, cache: false });
  if (!opened.ok) throw new Error(opened.message);
  workspace = opened.workspace;
  server = await startBrowserServer({
    service: new WorkspaceService(workspace),
    rendererRoot: renderer,
    workspaceRoot: root,
    write: false,
  });
  const login = await fetch(server.url, { redirect: 'manual' });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  // The same read-only workspace served as `specbench serve --comments` would.
  commenting = await startBrowserServer({
    service: new WorkspaceService(workspace, { comments: true }),
    rendererRoot: renderer,
    workspaceRoot: root,
    write: false,
    comments: true,
  });
  const commentingLogin = await fetch(commenting.url, { redirect: 'manual' });
  commentingCookie = (commentingLogin.headers.get('set-cookie') ?? '').split(';')[0]!;
});

afterAll(async () => {
  await server?.close();
  await commenting?.close();
  await workspace?.close();
  await fs.rm(base, { recursive: true, force: true });
});

describe('a read-only specbench serve', () => {
  const cases: [string, string, unknown, (body: Record<string, unknown>) => unknown, unknown][] = [
    [
      'exports a spec (export writes nothing into the workspace)',
      'exportBundle',
      { exportId: 'read-only', specs: ['SPEC-1'], format: 'md', include: ['stories'] },
      (body) => [body.ok, body.fileName, typeof body.base64 === 'string' && body.base64.length > 100],
      [true, 'guest-checkout.md', true],
    ],
    [
      'still refuses a write',
      'createDocument',
      { type: 'spec', title: 'Nope' },
      (body) => body.error,
      'read-only',
    ],
  ];
  it.each(cases)('%s', async (_name, method, input, observe, expected) => {
    expect(observe(await call(method, input))).toEqual(expected);
  });
});

describe('a read-only specbench serve --comments', () => {
  const reviewer = { name: 'Rae Reviewer', email: 'rae@example.com' };
  const asReviewer = () => ({ server: commenting, cookie: commentingCookie });

  it('refuses comments without --comments, and says how to allow them', async () => {
    const reply = await call('addComment', {
      document: 'SPEC-1',
      anchor: { kind: 'key', key: 'REQ-1' },
      label: 'REQ-1',
      body: 'Nope',
      author: reviewer,
    });
    expect([reply.error, reply.message]).toEqual([
      'read-only',
      'This workspace is served read-only. Restart `specbench serve` with --comments to comment.',
    ]);
  });

  it('takes a comment, a reply and a resolve, and writes nothing but reviews/', async () => {
    const specBefore = await fs.readFile(path.join(root, 'specs/guest-checkout.md'), 'utf8');
    const started = await call(
      'addComment',
      {
        document: 'SPEC-1',
        anchor: { kind: 'key', key: 'REQ-1' },
        label: 'REQ-1',
        body: 'Why email?',
        author: reviewer,
      },
      asReviewer(),
    );
    const thread = (started.thread as { id: string }).id;
    await call(
      'addCommentEntry',
      { document: 'SPEC-1', thread, action: 'comment', body: 'For receipts.', author: reviewer },
      asReviewer(),
    );
    await call(
      'addCommentEntry',
      { document: 'SPEC-1', thread, action: 'resolved', body: '', author: reviewer },
      asReviewer(),
    );
    const listed = (await call('listComments', { document: 'SPEC-1' }, asReviewer())) as unknown as {
      threads: { resolved: boolean; entries: { name: string; action: string }[] }[];
    };
    expect([
      listed.threads.map((each) => [each.resolved, each.entries.map((entry) => entry.action)]),
      (await call('createDocument', { type: 'spec', title: 'Nope' }, asReviewer())).error,
      await fs.readFile(path.join(root, 'specs/guest-checkout.md'), 'utf8'),
      (await fs.readdir(path.join(root, 'reviews'))).sort(),
    ]).toEqual([
      [[true, ['comment', 'comment', 'resolved']]],
      'read-only',
      specBefore,
      ['.gitattributes', 'SPEC-1.md'],
    ]);
  });

  it('never offers nor records the server machine’s git user: a reviewer without a name is asked', async () => {
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['config', 'user.name', 'Owner Olga'], { cwd: root });
    execFileSync('git', ['config', 'user.email', 'olga@owner.example'], { cwd: root });
    const unnamed = await call(
      'addComment',
      { document: 'SPEC-2', anchor: { kind: 'key', key: 'SPEC-2' }, label: 'SPEC-2', body: 'Who am I?' },
      asReviewer(),
    );
    expect([
      await call('commentAuthor', {}, asReviewer()),
      unnamed.error,
      await fs.readFile(path.join(root, 'reviews/SPEC-2.md'), 'utf8').catch(() => 'none'),
    ]).toEqual([{}, 'no-author', 'none']);
  });
});
