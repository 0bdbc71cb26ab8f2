/**
 * What a view says about one open document (an Undo it offers, the answer it gave), kept by the
 * document's session rather than the component: a reload from disk remounts the page, and a message
 * held in component state would vanish before the user read it.
 */
import { useCallback, useSyncExternalStore } from 'react';

export class SessionMemo {
  private values = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();

  get<T>(name: string): T | undefined {
    return this.values.get(name) as T | undefined;
  }

  set(name: string, value: unknown): void {
    if (this.values.get(name) === value) return;
    // A new map each time: React compares snapshots by identity.
    this.values = new Map(this.values).set(name, value);
    for (const listener of [...this.listeners]) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): ReadonlyMap<string, unknown> => this.values;
}

/** Like useState, but the value lives as long as the document's session. */
export function useSessionMemo<T>(
  memo: SessionMemo,
  name: string,
): [T | undefined, (value: T | undefined) => void] {
  const values = useSyncExternalStore(memo.subscribe, memo.snapshot);
  const set = useCallback((value: T | undefined) => memo.set(name, value), [memo, name]);
  return [values.get(name) as T | undefined, set];
}
