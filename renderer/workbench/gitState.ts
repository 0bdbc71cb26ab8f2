/**
 * The workspace's git state as every view sees it: the branch and changed files (for the Changes
 * panel, the navigator's count and the editor's conflict guard), or the one line saying why there is
 * none. Re-read after the workspace changes, when the window gets focus, and after each git action.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import type { GitFileChange, GitStatusView } from '../../shared/contract/gitViews.js';
import { renumberedLine } from '../../shared/merge/renumberedLine.js';
import { syncCommitMessage, type SyncedFile } from './syncCommitMessage.js';

export interface GitState {
  phase: 'loading' | 'ready' | 'unavailable';
  status?: GitStatusView;
  /** Why there is no git here, in one line (git missing, no repository). */
  unavailable?: string;
  /** What the last automatic pull or sync did, in one line, until it is dismissed or no longer true. */
  autoSync?: AutoSyncMessage;
  /**
   * An automatic pull (on open, or the timer's) has not ended and been read back: a status read meanwhile
   * may see git's merge or rebase begun before its conflicts are written, as during a Pull from the bar.
   */
  pulling?: boolean;
  refresh: () => Promise<void>;
  /** The user has read the automatic sync's message (or acted since): it goes. */
  dismissAutoSync: () => void;
}

export interface AutoSyncMessage {
  text: string;
  /** `resolved`: true only while a merge or rebase waits (sync stopped at a conflict). */
  until?: 'resolved';
}

export const emptyGitState: GitState = {
  phase: 'loading',
  refresh: () => Promise.resolve(),
  dismissAutoSync: () => undefined,
};

/** The automatic sync's message once the status is read again: one about a conflict goes when the merge is over. */
export function autoSyncAfter(
  message: AutoSyncMessage | undefined,
  status: GitStatusView | undefined,
): AutoSyncMessage | undefined {
  if (message?.until === 'resolved' && status && !status.operation) return undefined;
  return message;
}

export const GitStateContext = createContext<GitState>(emptyGitState);

export function useGitState(): GitState {
  return useContext(GitStateContext);
}

/** The workspace's conflicted files, by path (empty without git). */
export function conflictedPaths(state: GitState): ReadonlySet<string> {
  return new Set(
    (state.status?.files ?? []).filter((file) => file.change === 'conflicted').map((file) => file.path),
  );
}

/** Settles the status a moment after the workspace stops changing, so a burst of saves costs one git call. */
const refreshDelay = 800;

export function useGitStateLoader(
  api: SpecbenchApi,
  revision: number,
  writable: boolean,
  byPath: ReadonlyMap<string, DocumentSummary>,
): GitState {
  const [state, setState] = useState<Omit<GitState, 'refresh' | 'dismissAutoSync'>>({ phase: 'loading' });
  const running = useRef<Promise<void> | undefined>(undefined);
  const refresh = useCallback(async () => {
    if (running.current) await running.current;
    const read = (async () => {
      const result = await api.gitStatus({});
      setState((current) =>
        result.ok
          ? {
              ...current,
              phase: 'ready',
              status: result.status,
              unavailable: undefined,
              autoSync: autoSyncAfter(current.autoSync, result.status),
            }
          : result.error === 'unreachable' && current.status
            ? // The server is away for a moment: what was read last stays on screen, the line says why.
              { ...current, unavailable: result.message }
            : { ...current, phase: 'unavailable', status: undefined, unavailable: result.message },
      );
    })();
    running.current = read;
    try {
      await read;
    } finally {
      running.current = undefined;
    }
  }, [api]);

  useEffect(() => {
    const timer = window.setTimeout(() => void refresh(), revision === 0 ? 0 : refreshDelay);
    return () => window.clearTimeout(timer);
  }, [refresh, revision]);

  useEffect(() => {
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);

  const reportAutoSync = useCallback(
    (message: AutoSyncMessage) => setState((current) => ({ ...current, autoSync: message })),
    [],
  );
  const setPulling = useCallback((pulling: boolean) => setState((current) => ({ ...current, pulling })), []);
  const dismissAutoSync = useCallback(() => setState((current) => ({ ...current, autoSync: undefined })), []);
  const byPathRef = useRef(byPath);
  byPathRef.current = byPath;
  useAutoSync(api, state.status, writable, refresh, reportAutoSync, byPathRef, setPulling);

  return { ...state, refresh, dismissAutoSync };
}

/** Each file an automatic commit takes, with its changed blocks, for a message that says what changed. */
async function describeFiles(
  api: SpecbenchApi,
  files: readonly GitFileChange[],
  byPath: ReadonlyMap<string, DocumentSummary>,
): Promise<SyncedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const document = byPath.get(file.path);
      const diff =
        file.change === 'modified' || file.change === 'renamed'
          ? await api.gitFileDiff({ path: file.path })
          : undefined;
      return {
        path: file.path,
        change: file.change,
        ...(document?.key ? { key: document.key } : {}),
        ...(document?.title ? { title: document.title } : {}),
        blocks: diff?.ok ? diff.diff.blocks.map(({ what, change }) => ({ what, change })) : [],
      };
    }),
  );
}

/** Pull on open and commit-and-push on a timer, both this clone's own choice and both off by default. */
function useAutoSync(
  api: SpecbenchApi,
  status: GitStatusView | undefined,
  writable: boolean,
  refresh: () => Promise<void>,
  report: (message: AutoSyncMessage) => void,
  byPath: { readonly current: ReadonlyMap<string, DocumentSummary> },
  setPulling: (pulling: boolean) => void,
): void {
  /** A pull, then the status read after it: until both are done, the Changes panel says "Pulling…". */
  const pulling = useCallback(
    async <T>(run: () => Promise<T>): Promise<T> => {
      setPulling(true);
      try {
        return await run();
      } finally {
        setPulling(false);
      }
    },
    [setPulling],
  );
  const pulledOnOpen = useRef(false);
  const statusRef = useRef(status);
  statusRef.current = status;
  const pullOnOpen = status?.settings.pullOnOpen ?? false;
  const minutes = status?.settings.syncMinutes ?? 0;

  useEffect(() => {
    if (!writable || !pullOnOpen || pulledOnOpen.current || !status?.upstream) return;
    pulledOnOpen.current = true;
    void pulling(async () => {
      const result = await api.gitPull({ operationId: `open-${Date.now()}` });
      report({
        text: result.ok
          ? [
              `Pulled when Specbench opened: ${result.message}`,
              ...result.renumbered.map(renumberedLine),
            ].join(' ')
          : result.message,
      });
      await refresh();
    });
  }, [api, writable, pullOnOpen, status, refresh, report, pulling]);

  useEffect(() => {
    if (!writable || minutes <= 0) return;
    const timer = window.setInterval(() => {
      const current = statusRef.current;
      // Never while a merge waits, without a name to commit as, or with conflicts to resolve.
      if (!current || current.operation || !current.user) return;
      const files = current.files.filter((file) => file.change !== 'conflicted');
      void (async () => {
        if (files.length > 0) {
          const message = syncCommitMessage(await describeFiles(api, files, byPath.current));
          const committed = await api.gitCommit({ paths: files.map((file) => file.path), message });
          if (!committed.ok) return report({ text: committed.message });
        }
        if (current.remotes.length === 0) {
          // The commit changed the status: the Changes list and its count must not keep the file.
          await refresh();
          return report({ text: 'Saved a commit; there is no remote to push to.' });
        }
        const pulled = await pulling(async () => {
          const result = await api.gitPull({ operationId: `sync-pull-${Date.now()}` });
          // Read back before "Pulling…" goes: a read from mid-pull would show a merge with nothing to resolve.
          if (!result.ok || result.outcome === 'conflicts') await refresh();
          return result;
        });
        if (!pulled.ok || pulled.outcome === 'conflicts') {
          return report(
            pulled.ok
              ? { text: 'Automatic sync stopped at a conflict: resolve it in Changes.', until: 'resolved' }
              : { text: pulled.message },
          );
        }
        const pushed = await api.gitPush({ operationId: `sync-push-${Date.now()}` });
        const moved = pulled.renumbered.map(renumberedLine);
        report({
          text: pushed.ok
            ? [`Synced at ${new Date().toLocaleTimeString()}.`, ...moved].join(' ')
            : [pushed.message, ...moved].join(' '),
        });
        await refresh();
      })();
    }, minutes * 60_000);
    return () => window.clearInterval(timer);
  }, [api, writable, minutes, refresh, report, pulling]);
}
