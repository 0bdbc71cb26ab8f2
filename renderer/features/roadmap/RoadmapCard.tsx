/** One roadmap item on the board: key, title, RICE score and how well it is delivered. */
import { memo } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import type { RoadmapItem } from '../../../shared/model/roadmapModel.js';
import { roadmapItemHash } from '../../workbench/route.js';
import { HashLink } from '../../ui/HashLink.js';
import type { DeliveryCount } from './roadmapLanes.js';
import { statusLabel } from '../../ui/statusLabel.js';
import { deliverySummary } from './roadmapLanes.js';
import { quarterTitle } from './quarterTimeline.js';
import { RiceScore } from './RiceScore.js';
import { evidenceCount, type EvidenceSummary } from '../evidence/index.js';

export interface RoadmapCardProps {
  item: RoadmapItem;
  delivery?: DeliveryCount;
  /** The feedback notes backing the item. */
  evidence?: EvidenceSummary | undefined;
  navigate: (hash: string) => void;
  draggable: boolean;
  dragging: boolean;
  /** Stable callbacks taking the item's key, so an unchanged card never re-renders. */
  onDragStart: (event: DragEvent<HTMLLIElement>, key: string) => void;
  onDragEnd: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>, key: string) => void;
}

export const RoadmapCard = memo(function RoadmapCard({
  item,
  delivery,
  evidence,
  navigate,
  draggable,
  dragging,
  onDragStart,
  onDragEnd,
  onKeyDown,
}: RoadmapCardProps) {
  const requirements = delivery?.requirements ?? 0;
  const withStories = delivery?.withStories ?? 0;
  const summary = deliverySummary(delivery);
  return (
    <li
      className="roadmap-card"
      data-key={item.key}
      data-dragging={dragging ? 'true' : undefined}
      draggable={draggable}
      onDragStart={(event) => onDragStart(event, item.key)}
      onDragEnd={onDragEnd}
      onKeyDown={(event) => onKeyDown(event, item.key)}
    >
      <div className="roadmap-card__top">
        <span className="key-chip">{item.key}</span>
        <span className={`status-chip status-chip--${item.status}`}>{statusLabel(item.status)}</span>
        {item.rice && <RiceScore rice={item.rice} />}
      </div>
      <HashLink
        className="roadmap-card__title"
        hash={roadmapItemHash(item.key)}
        navigate={navigate}
        draggable={false}
        aria-description={draggable ? 'Alt and arrow keys move this item' : undefined}
      >
        {item.title}
      </HashLink>
      <div className="roadmap-card__delivery">
        <span>{summary}</span>
        <span
          className="roadmap-card__meter"
          data-gap={requirements === 0 || withStories < requirements ? 'true' : undefined}
          aria-hidden="true"
        >
          <span style={{ width: `${requirements === 0 ? 0 : (withStories / requirements) * 100}%` }} />
        </span>
      </div>
      {evidence && evidence.notes.length > 0 && (
        <div className="roadmap-card__evidence">
          <span className="evidence-count">Evidence: {evidenceCount(evidence)}</span>
          {evidence.notes[0]?.evidence?.quote && (
            <q className="roadmap-card__quote">{evidence.notes[0].evidence.quote}</q>
          )}
        </div>
      )}
      {(item.quarter || item.theme || item.owner) && (
        <div className="roadmap-card__meta">
          {item.quarter && <span>{quarterTitle(item.quarter)}</span>}
          {item.theme && <span>{item.theme}</span>}
          {item.owner && <span>{item.owner}</span>}
        </div>
      )}
    </li>
  );
});
