/**
 * Where a workspace's repository stands: branch, upstream and how far apart they are, remotes, a
 * merge or rebase that stopped, and the workspace's changed files — from one `git status` and a
 * few small reads, so it can be asked after every save.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type {
  FileChangeKind,
  GitFileChange,
  GitOperation,
  GitStatusView,
  SyncSettings,
} from '../../shared/contract/gitViews.js';
import { stoppedMergeMessage } from './mergeMessage.js';
import { runGit } from './gitCommand.js';
import type { RepositoryPlace } from './repositoryPlace.js';
import { withRenames } from './unstagedRenames.js';

export { findRepository, topPath, type RepositoryPlace } from './repositoryPlace.js';

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

/** The operation that stopped and waits (git's own marker files), if any. */
export async function stoppedOperation(gitDir: string): Promise<GitOperation | undefined> {
  const markers: [string, GitOperation][] = [
    ['rebase-merge', 'rebase'],
    ['rebase-apply', 'rebase'],
    ['MERGE_HEAD', 'merge'],
    ['CHERRY_PICK_HEAD', 'cherry-pick'],
    ['REVERT_HEAD', 'revert'],
  ];
  for (const [marker, operation] of markers) {
    if (await exists(path.join(gitDir, marker))) return operation;
  }
  return undefined;
}

/** The branch a stopped rebase is rebasing (`main`), read from git's rebase state. */
async function rebasingBranch(gitDir: string): Promise<string | undefined> {
  for (const folder of ['rebase-merge', 'rebase-apply']) {
    try {
      const name = (await fs.readFile(path.join(gitDir, folder, 'head-name'), 'utf8')).trim();
      return name.replace(/^refs\/heads\//, '');
    } catch {
      // Not this kind of rebase.
    }
  }
  return undefined;
}

const conflictCodes = new Set(['DD', 'AU', 'UD', 'UA', 'DU', 'AA', 'UU']);

function changeOf(code: string): FileChangeKind {
  if (conflictCodes.has(code)) return 'conflicted';
  if (code.includes('D')) return 'deleted';
  if (code.includes('A')) return 'added';
  return 'modified';
}

export interface ParsedStatus {
  branch?: string;
  upstream?: string;
  /** The upstream the branch is set to track when the remote does not have it (an empty remote before the first push). */
  missingUpstream?: string;
  ahead: number;
  behind: number;
  hasCommits: boolean;
  /** Repository-relative paths. */
  files: GitFileChange[];
}

/** `git status --porcelain=v2 --branch -z` read into branch, upstream and files (repository-relative). */
export function parseStatus(output: string): ParsedStatus {
  const status: ParsedStatus = { ahead: 0, behind: 0, hasCommits: true, files: [] };
  let compared = false;
  const fields = output.split('\0');
  for (let index = 0; index < fields.length; index++) {
    const entry = fields[index]!;
    if (entry.startsWith('# branch.oid ')) status.hasCommits = entry.slice(13) !== '(initial)';
    else if (entry.startsWith('# branch.head ')) {
      const head = entry.slice(14);
      if (head !== '(detached)') status.branch = head;
    } else if (entry.startsWith('# branch.upstream ')) status.upstream = entry.slice(18);
    else if (entry.startsWith('# branch.ab ')) {
      compared = true;
      const match = /^\+(\d+) -(\d+)$/.exec(entry.slice(12));
      if (match) [status.ahead, status.behind] = [Number(match[1]), Number(match[2])];
    } else if (entry.startsWith('1 ')) {
      const parts = entry.split(' ');
      status.files.push({ path: parts.slice(8).join(' '), change: changeOf(parts[1]!) });
    } else if (entry.startsWith('2 ')) {
      const parts = entry.split(' ');
      const previousPath = fields[++index] ?? '';
      status.files.push({ path: parts.slice(9).join(' '), previousPath, change: 'renamed' });
    } else if (entry.startsWith('u ')) {
      const parts = entry.split(' ');
      status.files.push({ path: parts.slice(10).join(' '), change: 'conflicted' });
    } else if (entry.startsWith('? ')) {
      status.files.push({ path: entry.slice(2), change: 'added' });
    }
  }
  // git names an upstream but cannot compare with it when the remote has no such branch (yet).
  if (status.upstream !== undefined && !compared) {
    status.missingUpstream = status.upstream;
    delete status.upstream;
  }
  return status;
}

async function configValue(root: string, name: string): Promise<string | undefined> {
  const output = await runGit(['config', '--get', name], { cwd: root });
  return output.ok ? output.stdout.trim() : undefined;
}

export const settingNames = { pullOnOpen: 'specbench.pullOnOpen', syncMinutes: 'specbench.syncMinutes' };

export async function readSyncSettings(root: string): Promise<SyncSettings> {
  const [pull, minutes] = await Promise.all([
    configValue(root, settingNames.pullOnOpen),
    configValue(root, settingNames.syncMinutes),
  ]);
  const syncMinutes = Number(minutes);
  return {
    pullOnOpen: pull === 'true',
    syncMinutes: Number.isInteger(syncMinutes) && syncMinutes > 0 ? syncMinutes : 0,
  };
}

/** The workspace's own files are ours to show; the cache folder never is. */
function inWorkspace(file: string): boolean {
  return file !== '.specbench' && !file.startsWith('.specbench/');
}

/** The branch whose commit a stopped merge is merging: the upstream (a pull) by its name, else any that names it. */
async function mergingWith(root: string, upstream: string | undefined): Promise<string | undefined> {
  const commitOf = async (revision: string) => {
    const output = await runGit(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd: root });
    return output.ok ? output.stdout.trim() : undefined;
  };
  const merging = await commitOf('MERGE_HEAD');
  if (merging === undefined) return undefined;
  if (upstream && (await commitOf(upstream)) === merging) return upstream;
  const named = await runGit(['name-rev', '--name-only', '--no-undefined', '--exclude=*/HEAD', merging], {
    cwd: root,
  });
  return named.ok ? named.stdout.trim().replace(/^remotes\//, '') || undefined : undefined;
}

export async function repositoryStatus(place: RepositoryPlace): Promise<GitStatusView> {
  const { root, prefix, gitDir } = place;
  const [output, remotes, operation, name, email, settings] = await Promise.all([
    runGit(
      [
        '-c',
        'core.quotePath=false',
        'status',
        '--porcelain=v2',
        '--branch',
        '-z',
        '--untracked-files=all',
        '--find-renames',
      ],
      { cwd: root, timeout: 60_000 },
    ),
    runGit(['remote'], { cwd: root }),
    stoppedOperation(gitDir),
    configValue(root, 'user.name'),
    configValue(root, 'user.email'),
    readSyncSettings(root),
  ]);
  const parsed = parseStatus(output.ok ? output.stdout : '');
  const outside = parsed.files.filter((file) => !file.path.startsWith(prefix)).length;
  const ours = parsed.files.filter(
    (file) => file.path.startsWith(prefix) && inWorkspace(file.path.slice(prefix.length)),
  );
  const files: GitFileChange[] = [];
  for (const file of await withRenames(place, ours)) {
    const relative: GitFileChange = { path: file.path.slice(prefix.length), change: file.change };
    if (file.previousPath !== undefined) {
      // A file renamed into the workspace from outside is new here.
      if (file.previousPath.startsWith(prefix))
        relative.previousPath = file.previousPath.slice(prefix.length);
      else relative.change = 'added';
    }
    files.push(relative);
  }
  files.sort((left, right) => left.path.localeCompare(right.path));
  const view: GitStatusView = {
    ahead: parsed.ahead,
    behind: parsed.behind,
    remotes: remotes.ok ? remotes.stdout.split('\n').filter(Boolean) : [],
    hasCommits: parsed.hasCommits,
    files,
    outside,
    settings,
  };
  if (parsed.branch) view.branch = parsed.branch;
  if (parsed.upstream) view.upstream = parsed.upstream;
  if (parsed.missingUpstream) view.missingUpstream = parsed.missingUpstream;
  if (operation) view.operation = operation;
  if (operation === 'merge') {
    const message = await stoppedMergeMessage(place);
    view.mergeMessage = message.text;
    if (message.lines.length > 0) view.mergeLines = message.lines;
    const merging = await mergingWith(root, parsed.upstream);
    if (merging) view.mergingWith = merging;
  }
  if (operation === 'rebase') {
    const rebasing = await rebasingBranch(gitDir);
    if (rebasing) view.rebasing = rebasing;
    const onto = rebasing
      ? await runGit(['rev-parse', '--abbrev-ref', `${rebasing}@{upstream}`], { cwd: root })
      : undefined;
    if (onto?.ok && onto.stdout.trim()) view.rebasingOnto = onto.stdout.trim();
  }
  if (name) view.user = email ? { name, email } : { name };
  return view;
}
