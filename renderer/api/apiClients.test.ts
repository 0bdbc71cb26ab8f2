import { describe, expect, it } from 'vitest';
import {
  apiContract,
  eventNames,
  methodNames,
  type MethodName,
  type SpecbenchApi,
  type WorkspaceChangeEvent,
} from '../../shared/contract/apiContract.js';
import { createBridgeClient } from './bridgeClient.js';
import { createHttpClient, parseChangeEvent } from './httpClient.js';

describe('parseChangeEvent', () => {
  const cases: [string, WorkspaceChangeEvent | undefined][] = [
    ['{"paths":["specs/a.md"],"roadmap":false}', { paths: ['specs/a.md'], roadmap: false }],
    ['{"paths":[],"roadmap":true}', { paths: [], roadmap: true }],
    ['{"paths":["a.md",42],"roadmap":false}', { paths: ['a.md'], roadmap: false }],
    ['{"paths":"a.md","roadmap":false}', undefined],
    ['{"paths":[]}', undefined],
    [
      '{"paths":[],"roadmap":false,"comments":["SPEC-1",7]}',
      { paths: [], roadmap: false, comments: ['SPEC-1'] },
    ],
    ['{"paths":[],"roadmap":false,"searchReady":true}', { paths: [], roadmap: false, searchReady: true }],
    ['{"paths":[],"roadmap":false,"searchReady":"yes"}', { paths: [], roadmap: false }],
    ['not json', undefined],
  ];
  it.each(cases)('%s', (data, expected) => {
    expect(parseChangeEvent(data)).toEqual(expected);
  });
});

describe('clients are generated from the method list', () => {
  it('the HTTP client has one function per method plus the events', () => {
    const api = createHttpClient();
    expect(Object.keys(api).sort()).toEqual([...methodNames, ...eventNames].sort());
  });

  /** A stand-in for the preload's object, built the way the preload builds it. */
  function bridgeWith(names: readonly string[]): SpecbenchApi {
    const bridge: Record<string, unknown> = {
      onDidChangeWorkspace: () => () => undefined,
      onDidRequestContextMenu: () => () => undefined,
    };
    for (const name of names) bridge[name] = async (input: unknown) => ({ method: name, input });
    return bridge as SpecbenchApi;
  }

  const cases: [string, readonly string[], string][] = [
    ['a complete bridge', methodNames, 'ok'],
    ['a bridge missing a method', methodNames.filter((name) => name !== 'saveAsset'), 'lacks saveAsset'],
  ];
  it.each(cases)('%s', (_name, names, expected) => {
    let outcome = 'ok';
    try {
      createBridgeClient(bridgeWith(names));
    } catch (error) {
      outcome = /lacks (\w+)/.exec((error as Error).message)?.[0] ?? 'threw';
    }
    expect(outcome).toEqual(expected);
  });

  it('the bridge client passes calls through unchanged', async () => {
    const api = createBridgeClient(bridgeWith(methodNames));
    expect(await api.search({ query: 'guest' })).toEqual({ method: 'search', input: { query: 'guest' } });
  });
});

describe('failures as values', () => {
  it('every method that writes returns its failures as values', () => {
    const writesThrowing = methodNames.filter(
      (method) => apiContract[method].writes && !apiContract[method].failuresAsValues,
    );
    expect(writesThrowing).toEqual([]);
  });
});

describe('when the server is gone, each method fails the way its contract says', () => {
  async function outcome(method: MethodName, input: unknown): Promise<string> {
    // Nothing listens on loopback port 9 (discard): every call is refused, as when serve has stopped.
    const gone = createHttpClient({ baseUrl: 'http://127.0.0.1:9' });
    const call = gone[method] as (input: unknown) => Promise<{ error?: string }>;
    try {
      return `value ${(await call(input)).error}`;
    } catch (error) {
      return `thrown ${(error as { error?: string }).error}`;
    }
  }
  const cases: [MethodName, unknown, string][] = [
    ['listDocuments', {}, 'thrown unreachable'],
    ['trace', {}, 'thrown unreachable'],
    ['readDocument', { path: 'specs/guest-checkout.md' }, 'value unreachable'],
    ['exportBundle', { cancel: 'x' }, 'value unreachable'],
    ['updateRoadmapItem', { key: 'RM-1', patch: { owner: null } }, 'value unreachable'],
  ];
  it.each(cases)('%s → %s', async (method, input, expected) => {
    expect(await outcome(method, input)).toEqual(expected);
  });
});
