/** The navigator's Changes entry: how many files are not committed (or conflicted), or a dash without git. */
import { conflictedPaths, useGitState } from '../../workbench/gitState.js';

/** `relink`: links still on a key renamed after a merge (rekeyed-reference), to point in Changes. */
export function ChangesLink({ current, relink = 0 }: { current: boolean; relink?: number }) {
  const git = useGitState();
  const files = git.status?.files.length ?? 0;
  const conflicts = conflictedPaths(git).size;
  const count = git.status ? ` ${conflicts > 0 ? conflicts : files}` : '';
  // The ↻ count means nothing read aloud: the link's name says it in words.
  const links = relink > 0 ? `, ${relink} ${relink === 1 ? 'link' : 'links'} to point at a renamed key` : '';
  return (
    <li>
      <a
        href="#/changes"
        className="section-link"
        aria-current={current ? 'page' : undefined}
        aria-label={`Changes${count}${links}`}
      >
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
        {relink > 0 && (
          <span
            className="count warning"
            id="count-relink"
            title={`${relink} ${relink === 1 ? 'link points' : 'links point'} at a key renamed after a merge: point ${relink === 1 ? 'it' : 'them'} in Changes`}
          >
            ↻{relink}
          </span>
        )}
      </a>
    </li>
  );
}
