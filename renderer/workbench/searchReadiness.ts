/**
 * Whether search and the quick switcher have read every text yet (`WorkspaceInfo.searchReady`).
 * Kept outside the workspace state so its one change re-renders only the views that show it.
 */
import { useSyncExternalStore } from 'react';

export class SearchReadiness {
  private ready: boolean;
  private readonly listeners = new Set<() => void>();

  constructor(ready = true) {
    this.ready = ready;
  }

  get = (): boolean => this.ready;

  set(ready: boolean): void {
    if (ready === this.ready) return;
    this.ready = ready;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** True once search is ready; re-renders the caller only when that changes. */
export function useSearchReady(readiness: SearchReadiness): boolean {
  return useSyncExternalStore(readiness.subscribe, readiness.get);
}
