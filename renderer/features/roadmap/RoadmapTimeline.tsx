/** The roadmap by target quarter (`#/timeline`): one column per quarter, unscheduled items last. */
import { useMemo, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { roadmapItemHash } from '../../workbench/route.js';
import { HashLink } from '../../ui/HashLink.js';
import { quarterTimeline } from './quarterTimeline.js';
import { RiceScore } from './RiceScore.js';
import { RoadmapTabs } from './RoadmapTabs.js';
import { deliveryCounts, deliverySummary, laneTitles } from './roadmapLanes.js';
import './roadmap.css';

export interface RoadmapTimelineProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
}

/** Items rendered per quarter at first; the reference roadmap has 2,000 items. */
const columnPage = 40;

export function RoadmapTimeline({ workspace, navigate }: RoadmapTimelineProps) {
  const [limits, setLimits] = useState<Record<string, number>>({});
  const columns = useMemo(() => quarterTimeline(workspace.roadmap), [workspace.roadmap]);
  const deliveries = deliveryCounts(workspace.documents);
  return (
    <div className="roadmap view">
      <header className="view__header">
        <div>
          <h1 className="view__title">Timeline</h1>
          <p className="view__subtitle">Roadmap items by target quarter</p>
        </div>
        <RoadmapTabs current="timeline" navigate={navigate} />
      </header>
      {columns.length === 0 && <p className="view-empty">The roadmap is empty.</p>}
      <div className="timeline">
        {columns.map((column) => (
          <section
            key={column.title}
            className="timeline__quarter"
            aria-labelledby={`quarter-${column.title}`}
          >
            <h2 className="timeline__title" id={`quarter-${column.title}`}>
              {column.title} <span className="roadmap-lane__count">{column.items.length}</span>
            </h2>
            <ul className="timeline__list" role="list" aria-label={column.title}>
              {column.items.slice(0, limits[column.title] ?? columnPage).map((item) => (
                <li key={item.key} className={`timeline__item timeline__item--${item.lane}`}>
                  <div className="roadmap-card__top">
                    <span className="key-chip">{item.key}</span>
                    <span className={`lane-chip lane-chip--${item.lane}`}>{laneTitles[item.lane]}</span>
                    {item.rice && <RiceScore rice={item.rice} />}
                  </div>
                  <HashLink
                    className="roadmap-card__title"
                    hash={roadmapItemHash(item.key)}
                    navigate={navigate}
                  >
                    {item.title}
                  </HashLink>
                  <div className="roadmap-card__delivery">{deliverySummary(deliveries.get(item.key))}</div>
                </li>
              ))}
            </ul>
            {column.items.length > (limits[column.title] ?? columnPage) && (
              <button
                type="button"
                className="button button--quiet roadmap-lane__more"
                onClick={() =>
                  setLimits({
                    ...limits,
                    [column.title]: (limits[column.title] ?? columnPage) + columnPage * 5,
                  })
                }
              >
                Show more ({column.items.length - (limits[column.title] ?? columnPage)} left)
              </button>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
