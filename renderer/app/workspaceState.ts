/**
 * The workspace as every view sees it: info, documents, roadmap and findings, loaded once and
 * refreshed when the workspace changes on disk or through our own writes.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type {
  FindingView,
  SpecbenchApi,
  WorkspaceChangeEvent,
  WorkspaceInfo,
} from '../../shared/contract/apiContract.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import type { RoadmapItem } from '../../shared/model/roadmapModel.js';

export interface WorkspaceState {
  /** `loading` until the first load finishes; `failed` keeps `error` for the user. */
  status: 'loading' | 'ready' | 'failed';
  error?: string;
  info?: WorkspaceInfo;
  documents: readonly DocumentEntry[];
  roadmap: readonly RoadmapItem[];
  findings: readonly FindingView[];
  /** Lookups built once per load, so views never scan the list per render. */
  byPath: ReadonlyMap<string, DocumentEntry>;
  byKey: ReadonlyMap<string, DocumentEntry>;
  /** Requirement key → the spec that holds it. */
  requirementOwner: ReadonlyMap<string, DocumentEntry>;
  roadmapByKey: ReadonlyMap<string, RoadmapItem>;
  /** Increments on every refresh, so views can re-fetch derived data (links, trace). */
  revision: number;
  /** Paths that changed on disk in the last external-change event (for open editors). */
  lastChange?: WorkspaceChangeEvent;
  /** Re-reads everything now (after our own writes: create, roadmap moves). */
  refresh: () => Promise<void>;
}

export const emptyWorkspaceState: WorkspaceState = {
  status: 'loading',
  documents: [],
  roadmap: [],
  findings: [],
  byPath: new Map(),
  byKey: new Map(),
  requirementOwner: new Map(),
  roadmapByKey: new Map(),
  revision: 0,
  refresh: () => Promise.resolve(),
};

export const WorkspaceContext = createContext<WorkspaceState>(emptyWorkspaceState);

export function useWorkspace(): WorkspaceState {
  return useContext(WorkspaceContext);
}

interface Snapshot {
  info: WorkspaceInfo;
  documents: DocumentEntry[];
  roadmap: RoadmapItem[];
  findings: FindingView[];
}

/** Builds the lookup maps for one snapshot; pure, so it is unit-tested. */
export function indexSnapshot(
  documents: readonly DocumentEntry[],
  roadmap: readonly RoadmapItem[],
): Pick<WorkspaceState, 'byPath' | 'byKey' | 'requirementOwner' | 'roadmapByKey'> {
  const byPath = new Map<string, DocumentEntry>();
  const byKey = new Map<string, DocumentEntry>();
  const requirementOwner = new Map<string, DocumentEntry>();
  for (const entry of documents) {
    byPath.set(entry.path, entry);
    if (entry.key && !byKey.has(entry.key)) byKey.set(entry.key, entry);
    for (const requirement of entry.requirements) {
      if (!requirementOwner.has(requirement.key)) requirementOwner.set(requirement.key, entry);
    }
  }
  const roadmapByKey = new Map(roadmap.map((item) => [item.key, item] as const));
  return { byPath, byKey, requirementOwner, roadmapByKey };
}

async function loadSnapshot(api: SpecbenchApi): Promise<Snapshot> {
  const [info, documents, roadmap, findings] = await Promise.all([
    api.getWorkspace({}),
    api.listDocuments({}),
    api.listRoadmap({}),
    api.check({}),
  ]);
  return { info, documents, roadmap, findings };
}

/** Owns the state for <WorkspaceContext.Provider>; refreshes are coalesced to one in flight. */
export function useWorkspaceLoader(api: SpecbenchApi): WorkspaceState {
  const [snapshot, setSnapshot] = useState<Snapshot | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [revision, setRevision] = useState(0);
  const [lastChange, setLastChange] = useState<WorkspaceChangeEvent | undefined>(undefined);
  const inFlight = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);

  const refresh = useCallback((): Promise<void> => {
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    const run = async (): Promise<void> => {
      do {
        again.current = false;
        try {
          const next = await loadSnapshot(api);
          setSnapshot(next);
          setError(undefined);
          setRevision((value) => value + 1);
        } catch (failure) {
          setError(failure instanceof Error ? failure.message : String(failure));
        }
      } while (again.current);
      inFlight.current = undefined;
    };
    inFlight.current = run();
    return inFlight.current;
  }, [api]);

  useEffect(() => {
    void refresh();
    return api.onDidChangeWorkspace((event) => {
      setLastChange(event);
      void refresh();
    });
  }, [api, refresh]);

  return useMemo((): WorkspaceState => {
    if (!snapshot) {
      return { ...emptyWorkspaceState, status: error ? 'failed' : 'loading', error, refresh };
    }
    return {
      status: 'ready',
      error,
      ...snapshot,
      ...indexSnapshot(snapshot.documents, snapshot.roadmap),
      revision,
      lastChange,
      refresh,
    };
  }, [snapshot, error, revision, lastChange, refresh]);
}
