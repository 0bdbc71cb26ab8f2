/**
 * The contract's git methods over one workspace. git runs one write at a time (a timer's
 * commit-and-push never races a click on Pull); where git is missing or the folder is in no
 * repository, every method answers with the same one-line failure and the rest of the app works.
 */
import type { Failure, MethodInput, MethodName, MethodOutput } from '../../shared/contract/apiContract.js';
import type { SyncProgress } from '../../shared/contract/gitViews.js';
import type { Workspace } from '../engine/workspace.js';
import { rekeysFile } from '../engine/rekeyLog.js';
import { resolveConflict } from '../git/conflictResolution.js';
import { conflictView } from '../git/conflictView.js';
import { abortOperation, finishOperation } from '../git/finishOperation.js';
import { fileDiff } from '../git/fileChanges.js';
import { GitMissingError, runGit } from '../git/gitCommand.js';
import { keyArrivals, lineArrivals, newestArrival, newestLine } from '../git/keyArrivals.js';
import { linksMeantForNewKey } from '../git/rekeyReferences.js';
import { fileHistory, keyHistory, listRevisions, reviewedVersions } from '../git/historyReads.js';
import { approvedChanges } from '../git/approvedChanges.js';
import { changeReport } from '../git/changeReport.js';
import {
  findRepository,
  repositoryStatus,
  settingNames,
  readSyncSettings,
  type RepositoryPlace,
} from '../git/repositoryStatus.js';
import { commitFiles, pull, push } from '../git/syncCommands.js';
import { syncFailure } from '../git/syncErrors.js';
import { WorkspaceRepository } from '../git/workspaceRepository.js';

export const gitMethodNames = [
  'gitStatus',
  'gitFileDiff',
  'gitCommit',
  'gitPull',
  'gitPush',
  'gitProgress',
  'gitConflict',
  'keyArrivals',
  'rekeyReferences',
  'gitResolve',
  'gitFinish',
  'gitAbort',
  'gitSetIdentity',
  'gitSetSyncSettings',
  'itemHistory',
  'listRevisions',
  'compareRevisions',
  'reviewedVersions',
  'approvedChanges',
] as const satisfies readonly MethodName[];
type GitMethod = (typeof gitMethodNames)[number];

export type GitHandlers = {
  [M in GitMethod]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
};

type Unavailable = Failure<'no-git' | 'not-a-repository'>;

const notARepository: Unavailable = {
  ok: false,
  error: 'not-a-repository',
  message:
    'This folder is not in a git repository, so there is nothing to commit, pull or push (git init starts one).',
};

export function gitHandlers(workspace: Workspace, writable: () => boolean): GitHandlers {
  let place: RepositoryPlace | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const progress = new Map<string, SyncProgress>();

  /** The repository, found once (a folder that is in none is asked again: the user may run git init). */
  async function withRepository<T>(run: (place: RepositoryPlace) => Promise<T>): Promise<T | Unavailable> {
    try {
      place ??= await findRepository(workspace.root);
      if (!place) return notARepository;
      return await run(place);
    } catch (error) {
      if (error instanceof GitMissingError) return { ok: false, error: 'no-git', message: error.message };
      throw error;
    }
  }
  /** Writes run one after another, and only where the workspace may be written. */
  function writing<T>(
    run: (place: RepositoryPlace) => Promise<T>,
  ): Promise<T | Unavailable | Failure<'read-only'>> {
    if (!writable()) {
      return Promise.resolve({
        ok: false,
        error: 'read-only',
        message: 'This workspace is open read-only, so git cannot change it here.',
      });
    }
    const next = queue.then(() => withRepository(run));
    queue = next.catch(() => undefined);
    return next;
  }
  const repository = (at: RepositoryPlace) => WorkspaceRepository.fromPlace(at.root, at.prefix);
  const tracked = (operationId: string) => (step: SyncProgress) => {
    const last = progress.get(operationId);
    // Within one step the fraction never falls; a new step starts again.
    progress.set(
      operationId,
      last?.step === step.step && (last.fraction ?? 0) > (step.fraction ?? 0) ? last : step,
    );
  };
  const finishing = async <T>(operationId: string, run: () => Promise<T>): Promise<T> => {
    progress.set(operationId, { step: 'Starting' });
    try {
      return await run();
    } finally {
      progress.delete(operationId);
    }
  };

  // A rebase moved the commit ids the rename records name (rebasedRekeys.ts): read them again.
  const rekeysRead = async <T>(result: T): Promise<T> => {
    if (writable()) await workspace.rekeys.load();
    return result;
  };

  return {
    gitStatus: () =>
      withRepository(async (at) => ({ ok: true as const, status: await repositoryStatus(at) })),
    gitFileDiff: ({ path }) => withRepository((at) => fileDiff(at, path)),
    gitCommit: ({ paths, message }) => writing((at) => commitFiles(at, paths, message)),
    gitPull: ({ operationId }) =>
      writing((at) => finishing(operationId, () => pull(at, tracked(operationId)))).then(rekeysRead),
    gitPush: ({ operationId }) =>
      writing((at) => finishing(operationId, () => push(at, tracked(operationId)))),
    gitProgress: ({ operationId }) => {
      const now = progress.get(operationId);
      return Promise.resolve(
        now
          ? { ok: true as const, ...now }
          : {
              ok: false as const,
              error: 'unknown-operation' as const,
              message: 'That operation is not running.',
            },
      );
    },
    gitConflict: ({ path }) => withRepository((at) => conflictView(at, path, workspace)),
    keyArrivals: ({ key, paths, lines }) =>
      withRepository(async (at) => {
        if (lines && paths.length === 1) {
          const arrivals = await lineArrivals(at, paths[0]!, lines);
          const line = newestLine(arrivals);
          return { ok: true as const, arrivals, ...(line === undefined ? {} : { newestLine: line }) };
        }
        const arrivals = await keyArrivals(at, key, paths);
        const newest = newestArrival(arrivals);
        return { ok: true as const, arrivals, ...(newest === undefined ? {} : { newest }) };
      }),
    rekeyReferences: ({ key, newKey, path }) =>
      withRepository(async (at) => {
        const references = await linksMeantForNewKey(at, workspace, key, newKey, path);
        // Kept until each link is pointed or the old key kept: Changes offers them again, check reports them.
        if (writable()) await workspace.rekeys.record({ key, newKey, path, references });
        return { ok: true as const, references };
      }),
    gitResolve: ({ path, choices, onDisk }) =>
      writing(async (at) => {
        const resolved = await resolveConflict(workspace, at, path, choices, onDisk);
        if (!resolved.ok || (resolved.renamed ?? []).length === 0) return resolved;
        for (const { from, to, references } of resolved.renamed ?? [])
          await workspace.rekeys.record({ key: from, newKey: to, path, references });
        // The record is part of what Keep both did: staged with the file, Finish commits it with the
        // merge instead of asking about a file the app wrote a moment ago.
        const staged = await runGit(['add', '--', `:(top,literal)${at.prefix}${rekeysFile}`], {
          cwd: at.root,
        });
        return staged.ok ? resolved : syncFailure(staged);
      }),
    gitFinish: ({ include, message }) =>
      writing((at) => finishOperation(at, include, message)).then(rekeysRead),
    gitAbort: () => writing((at) => abortOperation(at)),
    gitSetIdentity: ({ name, email }) =>
      writing(async (at) => {
        for (const [key, value] of [
          ['user.name', name],
          ['user.email', email],
        ] as const) {
          const set = await runGit(['config', '--local', key, value.trim()], { cwd: at.root });
          if (!set.ok) return syncFailure(set);
        }
        return { ok: true as const };
      }),
    gitSetSyncSettings: (settings) =>
      writing(async (at) => {
        const values: [string, string | undefined][] = [
          [
            settingNames.pullOnOpen,
            settings.pullOnOpen === undefined ? undefined : String(settings.pullOnOpen),
          ],
          [
            settingNames.syncMinutes,
            settings.syncMinutes === undefined ? undefined : String(settings.syncMinutes),
          ],
        ];
        for (const [key, value] of values) {
          if (value === undefined) continue;
          const set = await runGit(['config', '--local', key, value], { cwd: at.root });
          if (!set.ok) return syncFailure(set);
        }
        return { ok: true as const, settings: await readSyncSettings(at.root) };
      }),
    itemHistory: (input) =>
      withRepository(async (at) => ({
        ok: true as const,
        changes:
          'key' in input
            ? await keyHistory(repository(at), input.key)
            : await fileHistory(repository(at), input.path),
      })),
    listRevisions: () =>
      withRepository(async (at) => ({ ok: true as const, revisions: await listRevisions(repository(at)) })),
    compareRevisions: ({ from, to }) =>
      withRepository(async (at) => {
        const repo = repository(at);
        for (const revision of to === undefined ? [from] : [from, to]) {
          const resolved = await repo.resolve(revision);
          if (!resolved.ok)
            return { ok: false as const, error: 'unknown-revision', message: `${resolved.message}.` };
        }
        const before = await repo.filesAt(from);
        const after = to === undefined ? await repo.workingFiles() : await repo.filesAt(to);
        return { ok: true as const, report: changeReport(from, to ?? 'your working copy', before, after) };
      }),
    reviewedVersions: ({ path }) =>
      (async () => {
        const found = await withRepository(async (at) => repository(at));
        const repo = found instanceof WorkspaceRepository ? found : undefined;
        return { ok: true as const, versions: await reviewedVersions(workspace, repo, path) };
      })(),
    approvedChanges: ({ path }) =>
      (async () => {
        const found = await withRepository(async (at) => repository(at));
        const repo = found instanceof WorkspaceRepository ? found : undefined;
        const changes = await approvedChanges(workspace, repo, path);
        return { ok: true as const, ...(changes ? { changes } : {}) };
      })(),
  };
}
