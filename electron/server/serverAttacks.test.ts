import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../engine/workspace.js';
import { WorkspaceService } from '../services/workspaceService.js';
import { startBrowserServer, type BrowserServer } from './browserServer.js';
import { makeServerFolders } from './testing/makeServerFolders.js';
import { login, send, sendForHeaders, snapshot, type Call, type Reply } from './testing/rawRequest.js';

let base: string;
let root: string;
let renderer: string;
let workspace: Workspace;
let service: WorkspaceService;
let server: BrowserServer;
let cookie: string;

const anyVersion = { size: 6, mtimeMs: 0, hash: '0'.repeat(64) };

function origin(): string {
  return `http://127.0.0.1:${server.port}`;
}

function callApi(method: string, input: unknown): Promise<Reply> {
  return send(server, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { cookie, origin: origin(), 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
}

function start(port?: number): Promise<BrowserServer> {
  return startBrowserServer({
    service,
    rendererRoot: renderer,
    workspaceRoot: root,
    write: true,
    ...(port ? { port } : {}),
  });
}

beforeAll(async () => {
  ({ base, root, renderer } = await makeServerFolders(
    'specbench-attacks-',
    '<!doctype html><title>app</title>',
  ));
  await fs.writeFile(path.join(base, 'secret.md'), '# Secret\n');
  await fs.writeFile(path.join(base, 'secret.png'), 'not really a png');
  await fs.symlink(path.join(base, 'secret.md'), path.join(root, 'specs', 'leak.md'));
  await fs.symlink(path.join(base, 'secret.png'), path.join(root, 'assets', 'leak.png'));
  await fs.symlink(base, path.join(root, 'assets', 'outside'));
  await fs.symlink(path.join(base, 'secret.txt'), path.join(renderer, 'assets', 'leak.js'));
  const opened = await Workspace.open(root, { write: true, watch: false, cache: false });
  if (!opened.ok) throw new Error(opened.message);
  workspace = opened.workspace;
  service = new WorkspaceService(workspace);
  server = await start();
  cookie = await login(server);
});

afterAll(async () => {
  await server?.close();
  await workspace?.close();
  await fs.rm(base, { recursive: true, force: true });
});

describe('a token or cookie from before a restart', () => {
  it('is refused by the new server on the same port, which accepts only its own', async () => {
    const first = await start();
    const oldUrl = new URL(first.url);
    const oldCookie = await login(first);
    const port = first.port;
    await first.close();
    const second = await start(port);
    try {
      const replies = await Promise.all([
        send(second, { path: oldUrl.pathname + oldUrl.search }),
        send(second, { path: '/', headers: { cookie: oldCookie } }),
        send(second, {
          method: 'POST',
          path: '/api/listDocuments',
          headers: { cookie: oldCookie, origin: oldUrl.origin, 'content-type': 'application/json' },
          body: '{}',
        }),
        send(second, { path: '/api/events', headers: { cookie: oldCookie } }),
        login(second).then((fresh) => send(second, { path: '/', headers: { cookie: fresh } })),
      ]);
      expect([second.port, ...replies.map((reply) => reply.status)]).toEqual([port, 401, 401, 401, 401, 200]);
    } finally {
      await second.close();
    }
  });
});

describe('every API path argument stays inside the workspace', () => {
  const paths: [string, string][] = [
    ['../secret.md', 'outside-workspace'],
    ['specs/../../secret.md', 'outside-workspace'],
    ['/etc/passwd', 'outside-workspace'],
    [path.join(os.tmpdir(), 'secret.md'), 'outside-workspace'],
    ['C:\\Windows\\win.ini', 'invalid-path'],
    ['specs\\..\\..\\secret.md', 'invalid-path'],
    ['specs/guest-checkout.md\u0000.png', 'invalid-path'],
    ['specs/leak.md', 'outside-workspace'],
    ['assets/outside/secret.md', 'outside-workspace'],
  ];
  const methods: [string, (file: string) => unknown][] = [
    ['readDocument', (file) => ({ path: file })],
    ['saveDocument', (file) => ({ path: file, text: '# Overwritten\n', expected: anyVersion })],
    ['trashDocument', (file) => ({ path: file })],
  ];
  const cases = methods.flatMap(([method, input]) =>
    paths.map(([file, error]) => [method, file, input(file), error] as const),
  );
  it.each(cases)('%s %j → %s, nothing outside read or changed', async (method, _file, input, error) => {
    const before = await snapshot(base);
    const reply = await callApi(method, input);
    const body = JSON.parse(reply.body) as { ok: boolean; error: string; text?: string };
    expect([reply.status, body.ok, body.error, body.text, await snapshot(base)]).toEqual([
      200,
      false,
      error,
      undefined,
      before,
    ]);
  });

  const assetNames: [string, unknown][] = [
    ['../../evil.png', { ok: false }],
    ['/tmp/evil.png', { ok: false }],
    ['..\\evil.png', { ok: false }],
  ];
  it.each(assetNames)('saveAsset named %j writes nothing outside assets/', async (name) => {
    const before = await snapshot(base);
    const reply = await callApi('saveAsset', { name, base64: 'iVBORw0KGgo=' });
    const body = JSON.parse(reply.body) as { ok: boolean; path?: string };
    const after = await snapshot(base);
    const added = Object.keys(after).filter((file) => !(file in before));
    const inside = added.every((file) => file.startsWith(`acme-checkout${path.sep}assets${path.sep}`));
    expect([reply.status, inside, body.ok ? body.path?.startsWith('assets/') : 'refused']).toEqual([
      200,
      true,
      body.ok ? true : 'refused',
    ]);
  });
});

describe('static routes do not follow a symbolic link out', () => {
  const cases: [string, number][] = [
    ['/workspace-assets/assets/leak.png', 404],
    ['/workspace-assets/assets/outside/secret.png', 404],
    ['/assets/leak.js', 404],
    ['/workspace-assets/specs/leak.md', 404],
    ['/workspace-assets/%2fetc%2fpasswd', 400],
    ['/workspace-assets//etc/passwd', 400],
    ['/workspace-assets/assets/checkout-flow.png%00.png', 400],
    ['/workspace-assets/%252e%252e/secret.png', 404],
  ];
  it.each(cases)('%s → %i', async (requestPath, expected) => {
    const reply = await send(server, { path: requestPath, headers: { cookie } });
    expect([reply.status, reply.body.includes('secret')]).toEqual([expected, false]);
  });
});

describe('security headers on every kind of response', () => {
  const kinds: [string, () => Call, number, 'page' | 'asset' | 'sign-in'][] = [
    ['the HTML page', () => ({ path: '/', headers: { cookie } }), 200, 'page'],
    ['a script', () => ({ path: '/assets/app.js', headers: { cookie } }), 200, 'page'],
    [
      'a workspace image',
      () => ({ path: '/workspace-assets/assets/checkout-flow.png', headers: { cookie } }),
      200,
      'asset',
    ],
    [
      'an API answer',
      () => ({
        method: 'POST',
        path: '/api/listDocuments',
        headers: { cookie, origin: origin(), 'content-type': 'application/json' },
        body: '{}',
      }),
      200,
      'page',
    ],
    [
      'an API error',
      () => ({
        method: 'POST',
        path: '/api/search',
        headers: { cookie, origin: origin(), 'content-type': 'application/json' },
        body: '{"query":42}',
      }),
      400,
      'page',
    ],
    ['a missing file', () => ({ path: '/assets/missing.js', headers: { cookie } }), 404, 'page'],
    ['a refused traversal', () => ({ path: '/..%2fsecret.txt', headers: { cookie } }), 400, 'page'],
    // The sign-in page runs its one inline script, allowed by its hash and nothing else.
    ['no session', () => ({ path: '/' }), 401, 'sign-in'],
    ['a wrong Host', () => ({ path: '/', headers: { host: 'evil.com', cookie } }), 421, 'page'],
    ['a wrong method', () => ({ method: 'DELETE', path: '/', headers: { cookie } }), 405, 'page'],
    [
      'the token exchange',
      () => ({ path: new URL(server.url).pathname + new URL(server.url).search }),
      303,
      'page',
    ],
    [
      'a CORS preflight',
      () => ({
        method: 'OPTIONS',
        path: '/api/saveDocument',
        headers: { origin: 'https://evil.com', 'access-control-request-method': 'POST' },
      }),
      401,
      'page',
    ],
    ['the event stream', () => ({ path: '/api/events', headers: { cookie, origin: origin() } }), 200, 'page'],
  ];
  it.each(kinds)('%s', async (name, call, status, policy) => {
    const reply =
      name === 'the event stream' ? await sendForHeaders(server, call()) : await send(server, call());
    const csp = String(reply.headers['content-security-policy'] ?? '');
    expect({
      status: reply.status,
      policy:
        policy === 'asset'
          ? csp.includes('sandbox')
          : policy === 'sign-in'
            ? /script-src 'sha256-[A-Za-z0-9+/]+=*';/.test(csp) && csp.startsWith("default-src 'none'")
            : csp.includes("script-src 'self'"),
      nosniff: reply.headers['x-content-type-options'],
      frames: reply.headers['x-frame-options'],
      cors: Object.keys(reply.headers).filter((header) => header.startsWith('access-control-')),
    }).toEqual({ status, policy: true, nosniff: 'nosniff', frames: 'DENY', cors: [] });
  });
});
