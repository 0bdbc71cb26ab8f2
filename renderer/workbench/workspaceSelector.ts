/**
 * The workspace as a store that a component reads a part of: it renders again only when its part
 * changed. A long spec holds hundreds of requirement cards and link chips; read through the
 * context, every one of them rendered again whenever the workspace changed (each save answers a
 * summary), a main-thread task of 100–150 ms right after the typing.
 */
import { createContext, useCallback, useContext, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { emptyWorkspaceState, type WorkspaceState } from './workspaceState.js';

export interface WorkspaceStore {
  current(): WorkspaceState;
  subscribe(listener: () => void): () => void;
}

class PublishedWorkspace implements WorkspaceStore {
  private readonly listeners = new Set<() => void>();
  constructor(private value: WorkspaceState) {}
  current = (): WorkspaceState => this.value;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  publish(value: WorkspaceState): void {
    if (value === this.value) return;
    this.value = value;
    for (const listener of [...this.listeners]) listener();
  }
}

export const WorkspaceStoreContext = createContext<WorkspaceStore>(
  new PublishedWorkspace(emptyWorkspaceState),
);

/** For the component that provides WorkspaceContext: the same state as a store, one object for the app's life. */
export function usePublishedWorkspace(workspace: WorkspaceState): WorkspaceStore {
  const store = useRef<PublishedWorkspace>(undefined);
  store.current ??= new PublishedWorkspace(workspace);
  useLayoutEffect(() => store.current!.publish(workspace), [workspace]);
  return store.current;
}

/** The store itself, to read the workspace at the moment it is needed (a picker opening) without rendering on its changes. */
export function useWorkspaceStore(): WorkspaceStore {
  return useContext(WorkspaceStoreContext);
}

/**
 * What `select` reads of the workspace; the component renders again only when that changes by
 * `equal` (by default: the same JSON, for small plain values). `select` may change between renders.
 */
export function useWorkspaceSelector<T>(
  select: (workspace: WorkspaceState) => T,
  equal: (before: T, after: T) => boolean = sameJson,
): T {
  const store = useWorkspaceStore();
  const selectRef = useRef(select);
  selectRef.current = select;
  const last = useRef<{ workspace: WorkspaceState; select: unknown; value: T }>(undefined);
  const snapshot = useCallback((): T => {
    const workspace = store.current();
    const previous = last.current;
    if (previous && previous.workspace === workspace && previous.select === selectRef.current)
      return previous.value;
    const value = selectRef.current(workspace);
    const kept = previous && equal(previous.value, value) ? previous.value : value;
    last.current = { workspace, select: selectRef.current, value: kept };
    return kept;
  }, [store, equal]);
  return useSyncExternalStore(store.subscribe, snapshot);
}

function sameJson<T>(before: T, after: T): boolean {
  return before === after || JSON.stringify(before) === JSON.stringify(after);
}
