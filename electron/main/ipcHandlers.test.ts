import { describe, expect, it } from 'vitest';
import type { MethodName, WorkspaceChangeEvent } from '../../shared/contract/apiContract.js';
import type { ApiService } from '../services/apiService.js';
import { handleCall, isTrustedSender, type SenderFrame } from './ipcHandlers.js';

describe('isTrustedSender', () => {
  const cases: [string, SenderFrame | null, boolean][] = [
    ['the app page', { url: 'specbench-app://app/index.html#/roadmap', parent: null }, true],
    ['a subframe of the app', { url: 'specbench-app://app/index.html', parent: {} }, false],
    ['a web page', { url: 'https://evil.example/', parent: null }, false],
    ['a file page', { url: 'file:///tmp/evil.html', parent: null }, false],
    ['another host on our scheme', { url: 'specbench-app://evil/index.html', parent: null }, false],
    ['a destroyed frame', null, false],
  ];
  it.each(cases)('%s', (_name, frame, expected) => {
    expect(isTrustedSender(frame)).toEqual(expected);
  });
});

/** Records what reaches the service, so the test sees which calls got through the checks. */
class RecordingService implements ApiService {
  readonly calls: [MethodName, unknown][] = [];
  async invoke(method: MethodName, input: unknown): Promise<never> {
    this.calls.push([method, input]);
    return { ok: true } as never;
  }
  onDidChangeWorkspace(_listener: (event: WorkspaceChangeEvent) => void): () => void {
    return () => undefined;
  }
}

describe('handleCall', () => {
  const app = { url: 'specbench-app://app/index.html', parent: null };
  const cases: [string, SenderFrame, string, unknown, unknown][] = [
    ['a valid call', app, 'search', { query: 'guest' }, { ok: true }],
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
    const service = new RecordingService();
    const result = (await handleCall(service, frame, method, input)) as { ok: boolean; error?: string };
    expect(result.ok ? result : result.error).toEqual(expected);
  });
});
