/**
 * The workspace as every view sees it: info, document summaries, roadmap and findings, loaded once,
 * then patched path by path when documents change on disk or through our own writes.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type {
  FindingView,
  SpecbenchApi,
  WorkspaceChangeEvent,
  WorkspaceInfo,
} from '../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import { NameResolver } from '../../shared/model/nameResolver.js';
import type { RoadmapItem } from '../../shared/model/roadmapModel.js';
import { SearchReadiness } from './searchReadiness.js';

/** What changed, so a refresh fetches only that: some documents, the roadmap, or everything. */
export interface WorkspaceUpdate {
  paths?: readonly string[];
  /** Summaries the caller already holds (a save answers with one): patched in without asking again. */
  summaries?: readonly DocumentSummary[];
  roadmap?: boolean;
}

export interface WorkspaceState {
  /** `loading` until the first load finishes; `failed` keeps `error` for the user. */
  status: 'loading' | 'ready' | 'failed';
  error?: string;
  info?: WorkspaceInfo;
  documents: readonly DocumentSummary[];
  roadmap: readonly RoadmapItem[];
  findings: readonly FindingView[];
  /**
   * False until the rules first answered: the first screen shows without waiting for them (over
   * 10,000 documents they take longer than the rest of the load), and findings arrive after.
   */
  findingsChecked: boolean;
  /** Lookups built once per change, so views never scan the list per render. */
  byPath: ReadonlyMap<string, DocumentSummary>;
  byKey: ReadonlyMap<string, DocumentSummary>;
  /** Requirement key → the spec that holds it. */
  requirementOwner: ReadonlyMap<string, DocumentSummary>;
  roadmapByKey: ReadonlyMap<string, RoadmapItem>;
  /** Files other than Markdown (images, PDFs) by workspace path: what `![[image.png]]` may name. */
  otherFiles: readonly string[];
  /** Resolves `[[Note]]`, `![[image.png]]` and relative links the way the engine does. */
  names: NameResolver;
  /** Increments whenever documents or the roadmap change, so views can re-fetch derived data (links, trace). */
  revision: number;
  /** Paths that changed on disk in the last external-change event (for open editors). */
  lastChange?: WorkspaceChangeEvent;
  /** Whether search has read every text yet; the same object for good, read it with `useSearchReady`. */
  searchReadiness: SearchReadiness;
  /** Re-reads everything now. */
  refresh: () => Promise<void>;
  /** Re-reads only what our own write changed (a saved or created document, the roadmap), then the findings. */
  update: (change: WorkspaceUpdate) => Promise<void>;
}

export const emptyWorkspaceState: WorkspaceState = {
  status: 'loading',
  documents: [],
  roadmap: [],
  findings: [],
  findingsChecked: false,
  byPath: new Map(),
  byKey: new Map(),
  requirementOwner: new Map(),
  roadmapByKey: new Map(),
  otherFiles: [],
  names: new NameResolver([]),
  revision: 0,
  searchReadiness: new SearchReadiness(),
  refresh: () => Promise.resolve(),
  update: () => Promise.resolve(),
};

export const WorkspaceContext = createContext<WorkspaceState>(emptyWorkspaceState);

export function useWorkspace(): WorkspaceState {
  return useContext(WorkspaceContext);
}

interface Snapshot {
  info: WorkspaceInfo;
  documents: DocumentSummary[];
  roadmap: RoadmapItem[];
  findings: readonly FindingView[];
  findingsChecked: boolean;
  otherFiles: readonly string[];
}

/** Builds the lookup maps for one snapshot; pure, so it is unit-tested. */
export function indexSnapshot(
  documents: readonly DocumentSummary[],
  roadmap: readonly RoadmapItem[],
  otherFiles: readonly string[] = [],
  repositoryFolder = '',
  folderName = '',
): Pick<WorkspaceState, 'byPath' | 'byKey' | 'requirementOwner' | 'roadmapByKey' | 'names'> {
  const byPath = new Map<string, DocumentSummary>();
  const byKey = new Map<string, DocumentSummary>();
  const requirementOwner = new Map<string, DocumentSummary>();
  for (const entry of documents) {
    byPath.set(entry.path, entry);
    if (entry.key && !byKey.has(entry.key)) byKey.set(entry.key, entry);
    for (const requirement of entry.requirements) {
      if (!requirementOwner.has(requirement.key)) requirementOwner.set(requirement.key, entry);
    }
  }
  const roadmapByKey = new Map(roadmap.map((item) => [item.key, item] as const));
  return {
    byPath,
    byKey,
    requirementOwner,
    roadmapByKey,
    names: new NameResolver(documents, otherFiles, repositoryFolder, folderName),
  };
}

/**
 * The list after re-reading `requested` paths: fresh summaries replace the old in place, new ones
 * are appended, and a requested path the answer left out is gone.
 */
export function patchDocuments(
  documents: readonly DocumentSummary[],
  requested: readonly string[],
  fresh: readonly DocumentSummary[],
): DocumentSummary[] {
  const byPath = new Map(fresh.map((summary) => [summary.path, summary] as const));
  const gone = new Set(requested);
  const patched: DocumentSummary[] = [];
  for (const document of documents) {
    const replacement = byPath.get(document.path);
    if (replacement) {
      patched.push(replacement);
      byPath.delete(document.path);
    } else if (!gone.has(document.path)) {
      patched.push(document);
    }
  }
  patched.push(...byPath.values());
  return patched;
}

/** An event that only says search became ready: nothing to re-read, nothing for open editors. */
export function isSearchReadyOnly(event: WorkspaceChangeEvent): boolean {
  return (
    event.searchReady === true &&
    event.paths.length === 0 &&
    !event.roadmap &&
    (event.comments?.length ?? 0) === 0
  );
}

/** Runs `run` once the next frame has been painted, or after a second where frames are paused (a hidden tab). */
function afterNextPaint(run: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    run();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 1_000);
}

function isMarkdown(path: string): boolean {
  return /\.md$/i.test(path);
}

/** Everything but the findings, which `refreshFindings` asks for once this is shown. */
async function loadSnapshot(api: SpecbenchApi): Promise<Omit<Snapshot, 'findings' | 'findingsChecked'>> {
  const [info, documents, roadmap, otherFiles] = await Promise.all([
    api.getWorkspace({}),
    api.listDocuments({}),
    api.listRoadmap({}),
    api.listOtherFiles({}),
  ]);
  return { info, documents, roadmap, otherFiles };
}

interface Pending {
  full: boolean;
  paths: Set<string>;
  /** Known summaries by path; a path here is not fetched. */
  summaries: Map<string, DocumentSummary>;
  roadmap: boolean;
  /** A file that is not Markdown changed: list them again. */
  otherFiles: boolean;
}

const nothingPending = (): Pending => ({
  full: false,
  paths: new Set(),
  summaries: new Map(),
  roadmap: false,
  otherFiles: false,
});

/** Owns the state for <WorkspaceContext.Provider>; loads run one at a time, changes queued meanwhile merge. */
export function useWorkspaceLoader(api: SpecbenchApi): WorkspaceState {
  const [snapshot, setSnapshot] = useState<Snapshot | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [revision, setRevision] = useState(0);
  const [lastChange, setLastChange] = useState<WorkspaceChangeEvent | undefined>(undefined);
  const pending = useRef<Pending>({ ...nothingPending(), full: true });
  const inFlight = useRef<Promise<void> | undefined>(undefined);
  const loaded = useRef(false);
  const findingsRequest = useRef(0);
  const [searchReadiness] = useState(() => new SearchReadiness(false));
  // Counts "search is ready" events, so a load answered before one cannot take it back.
  const readyEvents = useRef(0);

  // Rules look across documents, so findings are re-read whole, after the change is shown; the latest answer wins.
  const refreshFindings = useCallback(() => {
    const request = ++findingsRequest.current;
    api.check({}).then(
      (findings) => {
        if (request === findingsRequest.current)
          setSnapshot((last) => last && { ...last, findings, findingsChecked: true });
      },
      () => undefined,
    );
  }, [api]);

  const drain = useCallback((): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    const run = async (): Promise<void> => {
      while (
        pending.current.full ||
        pending.current.paths.size > 0 ||
        pending.current.summaries.size > 0 ||
        pending.current.roadmap ||
        pending.current.otherFiles
      ) {
        const next = pending.current;
        pending.current = nothingPending();
        try {
          if (next.full || !loaded.current) {
            const first = !loaded.current;
            findingsRequest.current++;
            const eventsBefore = readyEvents.current;
            const loadedSnapshot = await loadSnapshot(api);
            loaded.current = true;
            if (readyEvents.current === eventsBefore)
              searchReadiness.set(loadedSnapshot.info.searchReady !== false);
            // The last findings stay shown until the rules answer again (a first load has none yet).
            setSnapshot((last) => ({
              ...loadedSnapshot,
              findings: last?.findings ?? [],
              findingsChecked: last?.findingsChecked ?? false,
            }));
            // The first time, the rules (a second of the server's CPU over 10,000 documents) wait for
            // the navigator to be painted, and the server starts watching once they have answered.
            if (first) afterNextPaint(refreshFindings);
            else refreshFindings();
          } else {
            const fetch = [...next.paths].filter((path) => !next.summaries.has(path) && isMarkdown(path));
            // Nothing to ask for (a save's own summary) patches in at once, without a round trip.
            const [fetched, roadmap, otherFiles] = await Promise.all([
              fetch.length > 0 ? api.listDocuments({ paths: fetch }) : [],
              next.roadmap ? api.listRoadmap({}) : undefined,
              next.otherFiles ? api.listOtherFiles({}) : undefined,
            ]);
            const paths = [...fetch, ...next.summaries.keys()];
            const documents = [...fetched, ...next.summaries.values()];
            setSnapshot(
              (last) =>
                last && {
                  ...last,
                  documents:
                    paths.length > 0 ? patchDocuments(last.documents, paths, documents) : last.documents,
                  roadmap: roadmap ?? last.roadmap,
                  otherFiles: otherFiles ?? last.otherFiles,
                },
            );
            refreshFindings();
          }
          setError(undefined);
          setRevision((value) => value + 1);
        } catch (failure) {
          if (!next.full && loaded.current) pending.current.full = true;
          setError(failure instanceof Error ? failure.message : String(failure));
          break;
        }
      }
    };
    // Cleared once the run has settled: a run with nothing to do finishes before `run()` returns, and
    // clearing inside it would leave that finished run in flight for good, so no change was shown again.
    const running: Promise<void> = run().finally(() => {
      if (inFlight.current === running) inFlight.current = undefined;
    });
    inFlight.current = running;
    return running;
  }, [api, refreshFindings, searchReadiness]);

  const refresh = useCallback((): Promise<void> => {
    pending.current.full = true;
    return inFlight.current ? inFlight.current.then(drain) : drain();
  }, [drain]);

  const update = useCallback(
    (change: WorkspaceUpdate): Promise<void> => {
      // The later word on a path wins: a change event after a save is fetched, a save after an event is not.
      for (const path of change.paths ?? []) {
        if (!isMarkdown(path)) {
          pending.current.otherFiles = true;
          continue;
        }
        pending.current.paths.add(path);
        pending.current.summaries.delete(path);
      }
      for (const summary of change.summaries ?? []) {
        pending.current.summaries.set(summary.path, summary);
        pending.current.paths.delete(summary.path);
      }
      if (change.roadmap) pending.current.roadmap = true;
      return inFlight.current ? inFlight.current.then(drain) : drain();
    },
    [drain],
  );

  useEffect(() => {
    void refresh();
    return api.onDidChangeWorkspace((event) => {
      if (event.searchReady) {
        readyEvents.current++;
        searchReadiness.set(true);
      }
      // Setting lastChange re-renders every view: not for an event that changed no document.
      if (isSearchReadyOnly(event)) return;
      setLastChange(event);
      void update(event);
    });
  }, [api, refresh, update, searchReadiness]);

  // Rebuilt when the lists change, not when only the findings do.
  const documents = snapshot?.documents;
  const roadmap = snapshot?.roadmap;
  const otherFiles = snapshot?.otherFiles;
  const repositoryFolder = snapshot?.info.repositoryFolder;
  const folderName = snapshot?.info.folderName;
  const lookups = useMemo(
    () =>
      documents && roadmap
        ? indexSnapshot(documents, roadmap, otherFiles, repositoryFolder, folderName)
        : undefined,
    [documents, roadmap, otherFiles, repositoryFolder, folderName],
  );

  return useMemo((): WorkspaceState => {
    if (!snapshot || !lookups) {
      return {
        ...emptyWorkspaceState,
        status: error ? 'failed' : 'loading',
        error,
        searchReadiness,
        refresh,
        update,
      };
    }
    return {
      status: 'ready',
      error,
      ...snapshot,
      ...lookups,
      revision,
      lastChange,
      searchReadiness,
      refresh,
      update,
    };
  }, [snapshot, lookups, error, revision, lastChange, searchReadiness, refresh, update]);
}
