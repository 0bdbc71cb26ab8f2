/** Switches between the board and the timeline; both are views of the same roadmap. */
import { HashLink } from '../../ui/HashLink.js';

export function RoadmapTabs({
  current,
  navigate,
}: {
  current: 'board' | 'timeline';
  navigate: (hash: string) => void;
}) {
  return (
    <nav className="roadmap-tabs" aria-label="Roadmap views">
      <HashLink hash="#/roadmap" navigate={navigate} aria-current={current === 'board' ? 'page' : undefined}>
        Board
      </HashLink>
      <HashLink
        hash="#/timeline"
        navigate={navigate}
        aria-current={current === 'timeline' ? 'page' : undefined}
      >
        Timeline
      </HashLink>
    </nav>
  );
}
