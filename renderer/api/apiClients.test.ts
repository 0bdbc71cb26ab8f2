import { describe, expect, it } from 'vitest';
import {
  methodNames,
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
    ['not json', undefined],
  ];
  it.each(cases)('%s', (data, expected) => {
    expect(parseChangeEvent(data)).toEqual(expected);
  });
});

describe('clients are generated from the method list', () => {
  it('the HTTP client has one function per method plus the change event', () => {
    const api = createHttpClient();
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'onDidChangeWorkspace'].sort());
  });

  /** A stand-in for the preload's object, built the way the preload builds it. */
  function bridgeWith(names: readonly string[]): SpecbenchApi {
    const bridge: Record<string, unknown> = { onDidChangeWorkspace: () => () => undefined };
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
