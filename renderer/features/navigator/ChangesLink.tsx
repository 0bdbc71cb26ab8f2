/** The navigator's Changes entry: how many files are not committed (or conflicted), or a dash without git. */
import { conflictedPaths, useGitState } from '../../workbench/gitState.js';

/** `relink`: links still on a key renamed after a merge (rekeyed-reference), to point in Changes. */
export function ChangesLink({ current, relink = 0 }: { current: boolean; relink?: number }) {
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
        {relink > 0 && (
          <span
            className="count warning"
            id="count-relink"
            title={`${relink} ${relink === 1 ? 'link points' : 'links point'} at a key renamed after a merge: point ${relink === 1 ? 'it' : 'them'} in Changes`}
          >
            <span aria-hidden="true">↻{relink}</span>
            {/* The ↻ count means nothing read aloud: the link's name says it in words. */}
            <span className="visually-hidden">
              , {relink} {relink === 1 ? 'link' : 'links'} to point at a renamed key
            </span>
          </span>
        )}
      </a>
    </li>
  );
}
