import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiContract } from '../../shared/contract/apiContract.js';
import { Workspace } from '../engine/workspace.js';
import { WorkspaceService } from '../services/workspaceService.js';
import { startBrowserServer, type BrowserServer } from './browserServer.js';
import { makeServerFolders } from './testing/makeServerFolders.js';
import { login, send, snapshot, type Call } from './testing/rawRequest.js';

let base: string;
let root: string;
let renderer: string;
let workspace: Workspace;
let readOnly: BrowserServer;
let writable: BrowserServer;
let readOnlyCookie: string;
let writableCookie: string;

function origin(server: BrowserServer): string {
  return `http://127.0.0.1:${server.port}`;
}

function api(
  server: BrowserServer,
  cookie: string,
  method: string,
  input: unknown,
  extra: Record<string, string> = {},
) {
  return send(server, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { cookie, origin: origin(server), 'content-type': 'application/json', ...extra },
    body: JSON.stringify(input),
  });
}

beforeAll(async () => {
  ({ base, root, renderer } = await makeServerFolders(
    'specbench-server-',
    '<!doctype html><script type="module" src="/assets/app.js"></script>',
  ));
  const opened = await Workspace.open(root, { write: true, watch: true, cache: false });
  if (!opened.ok) throw new Error(opened.message);
  workspace = opened.workspace;
  const service = new WorkspaceService(workspace);
  readOnly = await startBrowserServer({ service, rendererRoot: renderer, workspaceRoot: root, write: false });
  writable = await startBrowserServer({ service, rendererRoot: renderer, workspaceRoot: root, write: true });
  readOnlyCookie = await login(readOnly);
  writableCookie = await login(writable);
});

afterAll(async () => {
  await readOnly?.close();
  await writable?.close();
  await workspace?.close();
  await fs.rm(base, { recursive: true, force: true });
});

describe('Host allowlist (DNS rebinding)', () => {
  const cases: [string, number, (port: number) => string | undefined][] = [
    ['evil.com', 421, () => 'evil.com'],
    ['evil.com with our port', 421, (port) => `evil.com:${port}`],
    ['localhost.evil.com', 421, (port) => `localhost.evil.com:${port}`],
    ['another port', 421, (port) => `127.0.0.1:${port + 1}`],
    ['missing', 421, () => undefined],
    ['127.0.0.1', 200, (port) => `127.0.0.1:${port}`],
    ['localhost', 200, (port) => `localhost:${port}`],
    ['[::1]', 200, (port) => `[::1]:${port}`],
  ];
  it.each(cases)('%s → %i', async (_name, expected, host) => {
    const reply = await send(readOnly, {
      path: '/',
      headers: { host: host(readOnly.port), cookie: readOnlyCookie },
    });
    expect(reply.status).toEqual(expected);
  });
});

describe('launch token and session cookie', () => {
  it('exchanges the token for an HttpOnly SameSite=Strict cookie and drops it from the address bar', async () => {
    const reply = await send(readOnly, {
      path: new URL(readOnly.url).pathname + new URL(readOnly.url).search,
    });
    const cookie = reply.headers['set-cookie']?.[0] ?? '';
    expect([
      reply.status,
      reply.headers.location,
      /; HttpOnly/.test(cookie),
      /; SameSite=Strict/.test(cookie),
    ]).toEqual([303, '/', true, true]);
  });

  const cases: [string, number, () => Call][] = [
    ['no token, no cookie', 401, () => ({ path: '/' })],
    ['wrong token', 401, () => ({ path: '/?token=guessed' })],
    ['API call without cookie', 401, () => ({ method: 'POST', path: '/api/listDocuments' })],
    ['the other server’s cookie', 401, () => ({ path: '/', headers: { cookie: writableCookie } })],
    [
      'a cookie from a previous launch',
      401,
      () => ({
        path: '/',
        headers: { cookie: `${readOnlyCookie.split('=')[0]}=${writableCookie.split('=')[1]}` },
      }),
    ],
    ['events without cookie', 401, () => ({ path: '/api/events' })],
    ['the cookie', 200, () => ({ path: '/', headers: { cookie: readOnlyCookie } })],
  ];
  it.each(cases)('%s → %i', async (_name, expected, call) => {
    expect((await send(readOnly, call())).status).toEqual(expected);
  });
});

describe('Origin checks on writes and on the event stream', () => {
  const save = (extra: Record<string, string | undefined>) => ({
    method: 'POST',
    path: '/api/createDocument',
    headers: {
      cookie: writableCookie,
      'content-type': 'application/json',
      origin: origin(writable),
      ...extra,
    },
    body: JSON.stringify({ type: 'spec', title: 'Origin probe' }),
  });
  const events = (extra: Record<string, string | undefined>) => ({
    path: '/api/events',
    headers: { cookie: writableCookie, origin: origin(writable), ...extra },
  });
  const cases: [string, number, () => Call][] = [
    ['write from https://evil.com', 403, () => save({ origin: 'https://evil.com' })],
    ['write from null', 403, () => save({ origin: 'null' })],
    ['write without Origin', 403, () => save({ origin: undefined })],
    ['write from a look-alike port', 403, () => save({ origin: `http://127.0.0.1:${writable.port + 1}` })],
    ['write marked cross-site', 403, () => save({ 'sec-fetch-site': 'cross-site' })],
    ['events from https://evil.com', 403, () => events({ origin: 'https://evil.com' })],
    ['events from null', 403, () => events({ origin: 'null' })],
    ['events marked cross-site', 403, () => events({ origin: undefined, 'sec-fetch-site': 'cross-site' })],
    ['write as text/plain (a form post)', 415, () => save({ 'content-type': 'text/plain' })],
  ];
  it.each(cases)('%s → %i', async (_name, expected, call) => {
    expect((await send(writable, call())).status).toEqual(expected);
  });
});

describe('paths stay contained', () => {
  const cases: [string, number][] = [
    ['/..%2f..%2fsecret.txt', 400],
    ['/%2e%2e/%2e%2e/secret.txt', 400],
    ['/%252e%252e/%252e%252e/secret.txt', 404],
    ['/..%5c..%5csecret.txt', 400],
    ['/index.html%00.js', 400],
    ['//etc/passwd', 400],
    ['/C:%5cWindows%5cwin.ini', 400],
    ['http://evil.com/index.html', 400],
    ['/workspace-assets/..%2fsecret.txt', 400],
    ['/workspace-assets/specbench.json', 404],
    ['/workspace-assets/specs/guest-checkout.md', 404],
    ['/workspace-assets/assets/checkout-flow.png', 200],
    ['/assets/app.js', 200],
    ['/assets/missing.js', 404],
  ];
  it.each(cases)('%s → %i', async (requestPath, expected) => {
    const reply = await send(readOnly, { path: requestPath, headers: { cookie: readOnlyCookie } });
    expect(reply.status).toEqual(expected);
  });
});

describe('the contract over HTTP', () => {
  it('refuses writes without --write', async () => {
    const reply = await api(readOnly, readOnlyCookie, 'createDocument', { type: 'spec', title: 'Nope' });
    expect([reply.status, JSON.parse(reply.body).error]).toEqual([403, 'read-only']);
  });

  const writeMethods = Object.entries(apiContract)
    .filter(([, method]) => method.writes)
    .map(([name]) => name);
  it.each(writeMethods)(
    'refuses %s without --write, whatever its arguments, and changes nothing',
    async (name) => {
      const before = await snapshot(root);
      const reply = await api(readOnly, readOnlyCookie, name, { path: 'specs/guest-checkout.md', text: '' });
      expect([reply.status, JSON.parse(reply.body).error, await snapshot(root)]).toEqual([
        403,
        'read-only',
        before,
      ]);
    },
  );

  const failures: [string, number, string, string, string][] = [
    ['unknown method', 404, 'unknown-method', 'dropTables', '{}'],
    ['invalid JSON', 400, 'invalid-json', 'listDocuments', '{'],
    ['wrong argument type', 400, 'invalid-arguments', 'search', '{"query":42}'],
    ['prototype pollution attempt', 400, 'invalid-arguments', 'search', '{"query":"x","__proto__":{"p":1}}'],
    ['a 10 MB key', 400, 'invalid-arguments', 'getLinks', JSON.stringify({ key: 'A'.repeat(10_000_000) })],
  ];
  it.each(failures)('%s → %i %s, without a stack trace', async (_name, status, error, method, body) => {
    const reply = await send(readOnly, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { cookie: readOnlyCookie, origin: origin(readOnly), 'content-type': 'application/json' },
      body,
    });
    const parsed = JSON.parse(reply.body) as { ok: boolean; error: string; message: string };
    expect([reply.status, parsed.ok, parsed.error, /\n\s+at /.test(reply.body)]).toEqual([
      status,
      false,
      error,
      false,
    ]);
  });

  it('refuses bodies over 25 MB with 413', async () => {
    const reply = await api(writable, writableCookie, 'saveAsset', {
      name: 'big.png',
      base64: 'A'.repeat(26 * 1024 * 1024),
    });
    expect(reply.status).toEqual(413);
  });

  it('reads a document end to end', async () => {
    const list = JSON.parse((await api(readOnly, readOnlyCookie, 'listDocuments', {})).body) as {
      path: string;
    }[];
    const read = JSON.parse(
      (await api(readOnly, readOnlyCookie, 'readDocument', { path: 'specs/guest-checkout.md' })).body,
    );
    const onDisk = await fs.readFile(path.join(root, 'specs', 'guest-checkout.md'), 'utf8');
    expect([list.some((entry) => entry.path === 'specs/guest-checkout.md'), read.ok, read.text]).toEqual([
      true,
      true,
      onDisk,
    ]);
  });

  it('saves a document end to end', async () => {
    const file = 'stories/pay-as-a-guest.md';
    const read = JSON.parse((await api(writable, writableCookie, 'readDocument', { path: file })).body);
    const text = `${read.text}\nEdited in the browser.\n`;
    const saved = JSON.parse(
      (await api(writable, writableCookie, 'saveDocument', { path: file, text, expected: read.version }))
        .body,
    );
    expect([saved.ok, await fs.readFile(path.join(root, file), 'utf8')]).toEqual([true, text]);
  });

  it('never sends CORS headers, even to a preflight', async () => {
    const replies = await Promise.all([
      send(readOnly, {
        method: 'OPTIONS',
        path: '/api/listDocuments',
        headers: { origin: 'https://evil.com' },
      }),
      api(readOnly, readOnlyCookie, 'listDocuments', {}, { origin: 'https://evil.com' }),
      api(readOnly, readOnlyCookie, 'listDocuments', {}),
    ]);
    expect(
      replies.flatMap((reply) =>
        Object.keys(reply.headers).filter((name) => name.startsWith('access-control-')),
      ),
    ).toEqual([]);
  });

  it('sends the security headers on every response', async () => {
    const replies = await Promise.all([
      send(readOnly, { path: '/', headers: { cookie: readOnlyCookie } }),
      send(readOnly, { path: '/', headers: { host: 'evil.com' } }),
      api(readOnly, readOnlyCookie, 'listDocuments', {}),
    ]);
    const picked = replies.map((reply) => [
      reply.headers['content-security-policy']?.includes("script-src 'self'"),
      reply.headers['content-security-policy']?.includes('unsafe-eval'),
      reply.headers['x-content-type-options'],
      reply.headers['referrer-policy'],
      reply.headers['cross-origin-opener-policy'],
      reply.headers['cross-origin-resource-policy'],
    ]);
    const expected = [true, false, 'nosniff', 'no-referrer', 'same-origin', 'same-origin'];
    expect(picked).toEqual([expected, expected, expected]);
  });
});

describe('the event stream', () => {
  it('pushes external edits as change events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const request = http.get(
        {
          host: '127.0.0.1',
          port: readOnly.port,
          path: '/api/events',
          headers: { cookie: readOnlyCookie, origin: origin(readOnly) },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            const match = /event: change\ndata: (.*)\n\n/.exec(text);
            if (match) {
              request.destroy();
              resolve(match[1]!);
            }
          });
          setTimeout(
            () => void fs.appendFile(path.join(root, 'faqs', 'saved-cards-faq.md'), '\nMore.\n'),
            300,
          );
        },
      );
      request.on('error', reject);
    });
    expect(JSON.parse(await received)).toEqual({ paths: ['faqs/saved-cards-faq.md'], roadmap: false });
  });
});

describe('saves from another page', () => {
  /** Opens the event stream of page `client`; `events` collects what it is sent. */
  function listen(client: string): { events: unknown[]; first: Promise<unknown>; close: () => void } {
    const events: unknown[] = [];
    let request: http.ClientRequest | undefined;
    const first = new Promise<unknown>((resolve, reject) => {
      request = http.get(
        {
          host: '127.0.0.1',
          port: writable.port,
          path: `/api/events?client=${client}`,
          headers: { cookie: writableCookie, origin: origin(writable) },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            for (const match of text.matchAll(/event: change\ndata: (.*)\n\n/g))
              events.push(JSON.parse(match[1]!));
            text = text.slice(text.lastIndexOf('\n\n') + 2);
            if (events.length > 0) resolve(events[0]);
          });
        },
      );
      request.on('error', reject);
    });
    return { events, first, close: () => request?.destroy() };
  }

  it('are told to every other page, marked as from another window, and not to the page that saved', async () => {
    const saver = listen('page-one-0001');
    const other = listen('page-two-0002');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const file = 'specs/guest-checkout.md';
    const read = JSON.parse((await api(writable, writableCookie, 'readDocument', { path: file })).body);
    await api(
      writable,
      writableCookie,
      'saveDocument',
      { path: file, text: `${read.text}\nFrom tab one.\n`, expected: read.version },
      { 'x-specbench-client': 'page-one-0001' },
    );
    const told = await other.first;
    await new Promise((resolve) => setTimeout(resolve, 300));
    saver.close();
    other.close();
    expect([told, saver.events]).toEqual([{ paths: [file], roadmap: false, fromOtherWindow: true }, []]);
  });
});
