import { describe, expect, it } from 'vitest';
import type { WorkspaceChangeEvent } from '../../shared/contract/apiContract.js';
import { SearchReadiness } from './searchReadiness.js';
import { isSearchReadyOnly } from './workspaceState.js';

describe('isSearchReadyOnly: the events that re-render no workspace view', () => {
  const cases: [WorkspaceChangeEvent, boolean][] = [
    [{ paths: [], roadmap: false, searchReady: true }, true],
    [{ paths: [], roadmap: false, comments: [], searchReady: true }, true],
    [{ paths: ['specs/a.md'], roadmap: false, searchReady: true }, false],
    [{ paths: [], roadmap: true, searchReady: true }, false],
    [{ paths: [], roadmap: false, comments: ['SPEC-1'], searchReady: true }, false],
    [{ paths: [], roadmap: false }, false],
  ];
  it.each(cases)('%j', (event, expected) => {
    expect(isSearchReadyOnly(event)).toBe(expected);
  });
});

describe('SearchReadiness', () => {
  it('tells its listeners only when readiness changes', () => {
    const readiness = new SearchReadiness(false);
    const told: boolean[] = [];
    const unsubscribe = readiness.subscribe(() => told.push(readiness.get()));
    readiness.set(false);
    readiness.set(true);
    readiness.set(true);
    unsubscribe();
    readiness.set(false);
    expect(told).toEqual([true]);
  });
});
