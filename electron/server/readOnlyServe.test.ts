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
let cookie: string;

/** One call the way the app's client makes it, with the cookie and Origin a browser would send. */
async function call(method: string, input: unknown): Promise<Record<string, unknown>> {
  const origin = new URL(server.url).origin;
  const reply = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await reply.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-read-only-serve-'));
  const root = path.join(base, 'acme-checkout');
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
});

afterAll(async () => {
  await server?.close();
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
