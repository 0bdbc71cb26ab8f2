/** Bad requests and bad workspaces through the browser server, over real HTTP on loopback. */
import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startBrowserServer, type BrowserServer } from '../../server/browserServer.js';
import { Workspace } from '../../engine/workspace.js';
import { WorkspaceService } from '../../services/workspaceService.js';
import type { BadInputCase } from './badInputCorpus.js';
import { applyOutsideChange, buildCaseWorkspace, compareSnapshots, snapshotFolder } from './caseWorkspace.js';

export interface Reply {
  status: number;
  body: string;
}

/** A request's method name and its raw body (a string, so bodies need not be valid JSON). */
export interface BadRequest {
  name: string;
  method: string;
  body: string;
}

const tenMegabytes = 'x'.repeat(10 * 1024 * 1024);

/** Requests with wrong types, missing or extra fields, 10 MB strings, odd method names and broken JSON. */
export const badRequests: readonly BadRequest[] = [
  { name: 'a path that is a number', method: 'readDocument', body: '{"path":42}' },
  { name: 'a path that is an object', method: 'readDocument', body: '{"path":{"toString":"x"}}' },
  { name: 'a path with ..', method: 'readDocument', body: '{"path":"../outside/secret.md"}' },
  { name: 'an absolute path', method: 'readDocument', body: '{"path":"/etc/passwd"}' },
  { name: 'a path with a NUL', method: 'readDocument', body: '{"path":"specs/a\\u0000.md"}' },
  { name: 'a reserved Windows name', method: 'readDocument', body: '{"path":"specs/CON.md"}' },
  { name: 'a 10 MB path', method: 'readDocument', body: JSON.stringify({ path: tenMegabytes }) },
  { name: 'a 10 MB search', method: 'search', body: JSON.stringify({ query: tenMegabytes }) },
  { name: 'a 10 MB key', method: 'getLinks', body: JSON.stringify({ key: tenMegabytes }) },
  { name: 'a search limit of -1', method: 'search', body: '{"query":"guest","limit":-1}' },
  { name: 'a search limit that is a string', method: 'search', body: '{"query":"guest","limit":"9"}' },
  { name: 'an extra field', method: 'listDocuments', body: '{"extra":true}' },
  { name: 'a __proto__ field', method: 'search', body: '{"query":"guest","__proto__":{"limit":1}}' },
  { name: 'a null body', method: 'search', body: 'null' },
  { name: 'an array body', method: 'search', body: '["guest"]' },
  { name: 'a string body', method: 'search', body: '"guest"' },
  { name: 'broken JSON', method: 'search', body: '{"query":' },
  { name: 'JSON nested 100,000 deep', method: 'search', body: '['.repeat(100_000) + ']'.repeat(100_000) },
  { name: 'an unknown method', method: 'deleteEverything', body: '{}' },
  { name: 'the method __proto__', method: '__proto__', body: '{}' },
  { name: 'the method constructor', method: 'constructor', body: '{}' },
  { name: 'the method toString', method: 'toString', body: '{}' },
  {
    name: 'a save with a version of the wrong types',
    method: 'saveDocument',
    body: '{"path":"notes/unrelated.md","text":"x","expected":{"size":"1","mtimeMs":null,"hash":7}}',
  },
  {
    name: 'a save with a stale version',
    method: 'saveDocument',
    body: '{"path":"notes/unrelated.md","text":"x","expected":{"size":1,"mtimeMs":1,"hash":"00"}}',
  },
  {
    name: 'a save over a path outside',
    method: 'saveDocument',
    body: '{"path":"../outside/secret.md","text":"x","expected":{"size":1,"mtimeMs":1,"hash":"00"}}',
  },
  {
    name: 'a 10 MB title',
    method: 'createDocument',
    body: JSON.stringify({ type: 'spec', title: tenMegabytes }),
  },
  {
    name: 'a document type that does not exist',
    method: 'createDocument',
    body: '{"type":"novel","title":"x"}',
  },
  { name: 'an asset named ..', method: 'saveAsset', body: '{"name":"..","base64":"aGk="}' },
  { name: 'an asset that is not base64', method: 'saveAsset', body: '{"name":"a.png","base64":"@@@"}' },
  {
    name: 'a roadmap patch of the wrong types',
    method: 'updateRoadmapItem',
    body: '{"key":"RM-1","patch":{"rice":"high"}}',
  },
  {
    name: 'a move to a lane that does not exist',
    method: 'moveRoadmapItem',
    body: '{"key":"RM-1","lane":"soon","index":0}',
  },
  {
    name: 'an export of 10,001 specs',
    method: 'exportBundle',
    body: JSON.stringify({ exportId: 'e1', specs: Array(10_001).fill('SPEC-1'), format: 'md', include: [] }),
  },
];

/** Calls every case's workspace answers through the server: reads of each document and every query. */
export function workspaceRequests(documentPaths: readonly string[]): BadRequest[] {
  return [
    { name: 'workspace', method: 'getWorkspace', body: '{}' },
    { name: 'documents', method: 'listDocuments', body: '{}' },
    { name: 'check', method: 'check', body: '{}' },
    { name: 'trace', method: 'trace', body: '{}' },
    { name: 'roadmap', method: 'listRoadmap', body: '{}' },
    { name: 'search', method: 'search', body: '{"query":"guest"}' },
    { name: 'switch', method: 'quickSwitch', body: '{"query":"gue"}' },
    { name: 'links', method: 'getLinks', body: '{"key":"SPEC-1"}' },
    ...documentPaths.map((file) => ({
      name: file,
      method: 'readDocument',
      body: JSON.stringify({ path: file }),
    })),
  ];
}

export interface ServerSession {
  server: BrowserServer;
  cookie: string;
  close(): Promise<void>;
}

/** A writable browser server over an open workspace, logged in. */
export async function startServerSession(workspace: Workspace): Promise<ServerSession> {
  const renderer = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-bad-renderer-'));
  const server = await startBrowserServer({
    service: new WorkspaceService(workspace),
    rendererRoot: renderer,
    workspaceRoot: workspace.root,
    write: true,
  });
  const entry = new URL(server.url);
  const login = await request(server, 'GET', entry.pathname + entry.search, undefined, '');
  return {
    server,
    cookie: login.cookie,
    close: async () => {
      await server.close();
      await fs.rm(renderer, { recursive: true, force: true });
    },
  };
}

export async function callApi(session: ServerSession, call: BadRequest): Promise<Reply> {
  const reply = await request(session.server, 'POST', `/api/${call.method}`, call.body, session.cookie);
  return { status: reply.status, body: reply.body };
}

/** Whether a reply is what a browser can handle: a JSON value, never a 500 or a stack. */
export function isCleanReply(reply: Reply): boolean {
  if (reply.status >= 500) return false;
  try {
    JSON.parse(reply.body);
  } catch {
    return false;
  }
  return !/\n\s+at \S/.test(reply.body);
}

export interface ServerCaseResult {
  /** Names of requests whose reply was not clean, with their status. */
  unclean: string[];
  refused: boolean;
  difference: ReturnType<typeof compareSnapshots>;
}

/** Opens the case's workspace, serves it, asks for everything, and compares the folder before and after. */
export async function runServerCase(badInput: BadInputCase): Promise<ServerCaseResult> {
  const built = await buildCaseWorkspace(badInput);
  try {
    const opened = await Workspace.open(built.root, { write: true, watch: false, cache: true });
    if (!opened.ok) {
      return { unclean: [], refused: true, difference: { changed: [], created: [], removed: [] } };
    }
    const session = await startServerSession(opened.workspace);
    try {
      for (const change of badInput.whileOpen ?? []) await applyOutsideChange(built.root, change);
      const before = await snapshotFolder(built.folder);
      const paths = opened.workspace.documents().map((document) => document.path);
      const unclean: string[] = [];
      for (const call of [...workspaceRequests(paths), ...badRequests.slice(0, 6)]) {
        const reply = await callApi(session, call);
        if (!isCleanReply(reply)) unclean.push(`${call.name}: ${reply.status}`);
      }
      const difference = compareSnapshots(before, await snapshotFolder(built.folder));
      return { unclean, refused: false, difference };
    } finally {
      await session.close();
      await opened.workspace.close();
    }
  } finally {
    await built.remove();
  }
}

function request(
  server: BrowserServer,
  method: string,
  target: string,
  body: string | undefined,
  cookie: string,
): Promise<Reply & { cookie: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: target,
        headers: {
          origin: server.origin,
          ...(cookie ? { cookie } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            cookie: (response.headers['set-cookie']?.[0] ?? '').split(';')[0]!,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
