/** The navigator's Changes entry: how many files are not committed (or conflicted), or a dash without git. */
import { conflictedPaths, useGitState } from '../../workbench/gitState.js';

export function ChangesLink({ current }: { current: boolean }) {
  const git = useGitState();
  const files = git.status?.files.length ?? 0;
  const conflicts = conflictedPaths(git).size;
  return (
    <li>
      <a href="#/changes" className="section-link" aria-current={current ? 'page' : undefined}>
        <span>Changes</span>
        {git.status && (
          <span
            className={conflicts > 0 ? 'count warning' : 'count'}
            id="count-changes"
            title={conflicts > 0 ? `${conflicts} conflicted` : undefined}
          >
            {conflicts > 0 ? conflicts : files}
          </span>
        )}
      </a>
    </li>
  );
}
