/** What the Changes panel shows under the sync bar: the stopped operation's conflicts, a wait, or the changed files. */
import type { GitOperation } from '../../../shared/contract/gitViews.js';

export type ChangesPanel =
  | { shows: 'conflicts' }
  | { shows: 'waiting'; text: 'Pulling…' | 'Reading the conflicts…' }
  | { shows: 'files' };

export function changesPanel({
  operation,
  pulling,
  readingConflicts,
}: {
  /** The stopped merge or rebase git's last status read reported. */
  operation: GitOperation | undefined;
  /** A Pull started here has not ended, or its end has not been read back yet. */
  pulling: boolean;
  /** A pull just stopped at conflicts and the status is being read again. */
  readingConflicts: boolean;
}): ChangesPanel {
  // Mid-pull git has started the rebase or merge but not yet written its conflicts: an empty list is not "resolved".
  if (operation && pulling) return { shows: 'waiting', text: 'Pulling…' };
  if (operation) return { shows: 'conflicts' };
  if (readingConflicts) return { shows: 'waiting', text: 'Reading the conflicts…' };
  return { shows: 'files' };
}
