import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../engine/workspace.js';
import { WorkspaceService } from '../services/workspaceService.js';
import { handleCall, isTrustedSender, type SenderFrame } from './ipcHandlers.js';

describe('isTrustedSender', () => {
  const cases: [string, SenderFrame | null, boolean][] = [
    ['the app page', { url: 'specbench-app://app/index.html#/roadmap', parent: null }, true],
    ['a subframe of the app', { url: 'specbench-app://app/index.html', parent: {} }, false],
    ['a web page', { url: 'https://evil.example/', parent: null }, false],
    ['a file page', { url: 'file:///tmp/evil.html', parent: null }, false],
    ['another host on our scheme', { url: 'specbench-app://evil/index.html', parent: null }, false],
    ['a destroyed frame', null, false],
    ['a frame without a URL yet', { url: '', parent: null }, false],
    ['about:blank', { url: 'about:blank', parent: null }, false],
    ['a data: page', { url: 'data:text/html,<script>1</script>', parent: null }, false],
    ['a blob: page made by the app', { url: 'blob:specbench-app://app/4f1c', parent: null }, false],
    [
      'a workspace image opened as a page',
      { url: 'specbench-app://app/workspace-assets/a.svg', parent: null },
      false,
    ],
    ['another file of the app', { url: 'specbench-app://app/assets/index.js', parent: null }, false],
    ['our scheme with credentials', { url: 'specbench-app://user@app/index.html', parent: null }, false],
    ['our scheme with a port', { url: 'specbench-app://app:8080/index.html', parent: null }, false],
    ['a look-alike host', { url: 'specbench-app://app.evil/index.html', parent: null }, false],
    ['our page served over http', { url: 'http://app/index.html', parent: null }, false],
    ['devtools', { url: 'devtools://devtools/bundled/inspector.html', parent: null }, false],
    [
      'a nested subframe on our page',
      { url: 'specbench-app://app/index.html', parent: { parent: {} } },
      false,
    ],
  ];
  it.each(cases)('%s', (_name, frame, expected) => {
    expect(isTrustedSender(frame)).toEqual(expected);
  });
});

let base: string;
let workspace: Workspace;
let service: WorkspaceService;
beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-ipc-'));
  await fs.cp(path.join(import.meta.dirname, '../../samples/acme-checkout'), base, { recursive: true });
  const opened = await Workspace.open(base, { write: false, watch: false, cache: false });
  if (!opened.ok) throw new Error(opened.message);
  workspace = opened.workspace;
  service = new WorkspaceService(workspace);
});
afterAll(async () => {
  await workspace?.close();
  await fs.rm(base, { recursive: true, force: true });
});

describe('handleCall', () => {
  const app = { url: 'specbench-app://app/index.html', parent: null };
  const cases: [string, SenderFrame, string, unknown, unknown][] = [
    ['a valid call', app, 'search', { query: 'guest' }, 'answered'],
    [
      'an untrusted sender',
      { url: 'https://evil.example/', parent: null },
      'search',
      { query: 'x' },
      'untrusted-sender',
    ],
    ['an unknown method', app, 'deleteEverything', {}, 'unknown-method'],
    ['a prototype name', app, '__proto__', {}, 'unknown-method'],
    ['wrong argument types', app, 'search', { query: 42 }, 'invalid-arguments'],
    ['extra arguments', app, 'listDocuments', { path: '/etc' }, 'invalid-arguments'],
    ['a 10 MB key', app, 'getLinks', { key: 'A'.repeat(10_000_000) }, 'invalid-arguments'],
  ];
  it.each(cases)('%s', async (_name, frame, method, input, expected) => {
    const result = (await handleCall(service, frame, method, input)) as
      { ok?: boolean; error?: string } | unknown[];
    expect(Array.isArray(result) ? 'answered' : result.error).toEqual(expected);
  });
});
