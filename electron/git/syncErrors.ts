/** git's complaints about pulls, pushes and commits, put into the words a PM reads and one next step. */
import { gitComplaint, type GitOutput } from './gitCommand.js';

export type SyncError =
  | 'no-remote'
  | 'no-upstream'
  | 'auth'
  | 'network'
  | 'rejected'
  | 'local-changes'
  | 'in-progress'
  | 'no-identity'
  | 'nothing-to-commit'
  | 'unrelated'
  /** A conflicted file changed on disk since the resolver showed it. */
  | 'changed'
  | 'failed';

export interface SyncFailure {
  ok: false;
  error: SyncError;
  message: string;
}

const patterns: [RegExp, SyncError, string][] = [
  [
    /No configured push destination|No such remote|no remote repository specified/i,
    'no-remote',
    'This repository has no remote to sync with. Add one (git remote add origin <address>) and try again.',
  ],
  [
    /Authentication failed|could not read Username|could not read Password|Permission denied \(publickey|terminal prompts disabled|access denied|403 Forbidden|401 Unauthorized|Host key verification failed/i,
    'auth',
    'The remote did not accept your credentials. Sign in to git on this computer (a credential helper or an SSH key) and try again.',
  ],
  [
    /Could not resolve host|unable to access|does not appear to be a git repository|Connection refused|Connection timed out|Network is unreachable|Could not read from remote repository|took too long/i,
    'network',
    'The remote could not be reached. Check your network connection and try again.',
  ],
  [
    /\[rejected\]|Updates were rejected|fetch first|non-fast-forward|failed to push some refs/i,
    'rejected',
    'The remote has new commits you do not have yet. Pull first, then push.',
  ],
  [
    /would be overwritten by (merge|checkout)|Please commit your changes or stash them|cannot pull with rebase: You have unstaged changes|Your local changes/i,
    'local-changes',
    'You have changes that are not committed, and the pull would change the same files. Commit them first, then pull.',
  ],
  [
    /You have not concluded your merge|MERGE_HEAD exists|rebase in progress|It seems that there is already a rebase|unmerged files|needs merge|You are in the middle/i,
    'in-progress',
    'A merge or rebase is waiting for its conflicts to be resolved. Resolve them in Changes, then Finish.',
  ],
  [
    /Please tell me who you are|unable to auto-detect email address|empty ident name/i,
    'no-identity',
    'git does not know your name yet. Enter your name and email for commits.',
  ],
  [
    /There is no tracking information|no upstream branch|has no upstream/i,
    'no-upstream',
    'This branch is not on the remote yet. Push it first.',
  ],
  [
    /refusing to merge unrelated histories/i,
    'unrelated',
    'The remote holds a different history than this folder (it was not cloned from it), so they cannot be merged here.',
  ],
  [
    /nothing to commit|no changes added to commit|nothing added to commit/i,
    'nothing-to-commit',
    'There is nothing to commit: every change is already committed.',
  ],
];

/** The plain reason for a failed git command, from what it printed. */
export function syncFailure(output: GitOutput): SyncFailure {
  const text = `${output.stderr}\n${output.stdout}`;
  for (const [pattern, error, message] of patterns) {
    if (pattern.test(text)) return { ok: false, error, message };
  }
  return { ok: false, error: 'failed', message: `git: ${gitComplaint(output)}` };
}
