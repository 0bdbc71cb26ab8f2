/** The roadmap board: Now, Next and Later lanes; cards move by drag and drop or Alt+arrow keys. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { Lane, Release, RoadmapItem } from '../../../shared/model/roadmapModel.js';
import { lanes } from '../../../shared/model/roadmapModel.js';
import { roadmapHash } from '../../workbench/route.js';
import { useReleaseList } from '../../workbench/useReleases.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { NewRoadmapItemForm } from './NewRoadmapItemForm.js';
import { evidenceByKey } from '../evidence/index.js';
import { RoadmapCard } from './RoadmapCard.js';
import { RoadmapTabs } from './RoadmapTabs.js';
import type { MoveDirection, MoveTarget } from './roadmapLanes.js';
import { deliveryCounts, itemsByLane, keyboardMove, laneTitles, unfilteredTarget } from './roadmapLanes.js';
import { useRoadmapItems } from './useRoadmapItems.js';
import './roadmap.css';

export interface RoadmapBoardProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  /** Only the items of this release (`none`: of no release), from the URL. */
  release?: string;
}

/** Cards rendered per lane at first; the reference roadmap has 2,000 items. */
const lanePage = 60;

const arrowDirections: Record<string, MoveDirection> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

export function RoadmapBoard({ api, workspace, navigate, release }: RoadmapBoardProps) {
  const { update } = workspace;
  const refreshRoadmap = useCallback(() => update({ roadmap: true }), [update]);
  const { items, move, error, dismissError } = useRoadmapItems(api, workspace.roadmap, refreshRoadmap);
  const releases = useReleaseList(api, workspace.revision);
  const shownItems = useMemo(() => inRelease(items, releases, release), [items, releases, release]);
  const all = useMemo(() => itemsByLane(items), [items]);
  const grouped = useMemo(() => itemsByLane(shownItems), [shownItems]);
  const deliveries = deliveryCounts(workspace.documents);
  const evidence = useMemo(() => evidenceByKey(workspace.documents), [workspace.documents]);
  const writable = workspace.info?.writable ?? false;
  const [dragging, setDragging] = useState<string | undefined>(undefined);
  const [dropTarget, setDropTarget] = useState<MoveTarget | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const [focusKey, setFocusKey] = useState<string | undefined>(undefined);
  const [limits, setLimits] = useState<Record<Lane, number>>({
    now: lanePage,
    next: lanePage,
    later: lanePage,
  });
  const boardRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focusKey) return;
    const lane = lanes.find((name) => grouped[name].some((item) => item.key === focusKey));
    const position = lane ? grouped[lane].findIndex((item) => item.key === focusKey) : -1;
    // A card moved or created past the rendered part of its lane is brought into view.
    if (lane && position >= limits[lane]) {
      setLimits((current) => ({ ...current, [lane]: position + 1 }));
      return;
    }
    boardRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"] a`)?.focus();
  }, [focusKey, grouped, limits]);

  /** `target` is a position among the shown cards; on a filtered board it lands among the hidden ones too. */
  async function moveTo(key: string, target: MoveTarget) {
    const lane = grouped[target.lane];
    const size = lane.some((item) => item.key === key) ? lane.length : lane.length + 1;
    setFocusKey(key);
    const whole = shownItems === items ? target : unfilteredTarget(all, grouped, key, target);
    if (await move(key, whole)) {
      setAnnouncement(`Moved ${key} to ${laneTitles[target.lane]}, position ${target.index + 1} of ${size}.`);
    }
  }

  const latest = useRef({ grouped, writable, moveTo });
  latest.current = { grouped, writable, moveTo };

  const onCardKeyDown = useCallback((event: KeyboardEvent<HTMLElement>, key: string) => {
    const direction = arrowDirections[event.key];
    if (!event.altKey || !direction || !latest.current.writable) return;
    event.preventDefault();
    const target = keyboardMove(latest.current.grouped, key, direction);
    if (target) void latest.current.moveTo(key, target);
    else setAnnouncement(`${key} cannot move ${direction}.`);
  }, []);

  const onCardDragStart = useCallback((event: DragEvent<HTMLElement>, key: string) => {
    event.dataTransfer.setData('text/plain', key);
    event.dataTransfer.effectAllowed = 'move';
    setDragging(key);
  }, []);

  const onCardDragEnd = useCallback(() => {
    setDragging(undefined);
    setDropTarget(undefined);
  }, []);

  function onDragOver(event: DragEvent<HTMLElement>, lane: Lane) {
    if (!dragging) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const cards = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-key]')].filter(
      (card) => card.dataset.key !== dragging,
    );
    const index = cards.findIndex((card) => {
      const box = card.getBoundingClientRect();
      return event.clientY < box.top + box.height / 2;
    });
    const target = { lane, index: index < 0 ? cards.length : index };
    if (target.lane !== dropTarget?.lane || target.index !== dropTarget.index) setDropTarget(target);
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    const key = dragging ?? event.dataTransfer.getData('text/plain');
    const target = dropTarget;
    setDragging(undefined);
    setDropTarget(undefined);
    if (key && target) void moveTo(key, target);
  }

  return (
    <div className="roadmap view" ref={boardRef}>
      <header className="view__header">
        <div>
          <h1 className="view__title">Roadmap</h1>
          <p className="view__subtitle">
            {shownItems === items
              ? `${items.length} item${items.length === 1 ? '' : 's'}`
              : `${shownItems.length} of ${items.length} items`}
            {writable ? ' · drag cards or press Alt+arrow keys to move them' : ' · read-only'}
          </p>
        </div>
        <RoadmapTabs current="board" navigate={navigate} />
        <ReleaseFilter releases={releases} release={release} navigate={navigate} />
        {writable && (
          <NewRoadmapItemForm
            api={api}
            quarters={items.map((item) => item.quarter)}
            onCreated={(key) => {
              setFocusKey(key);
              setAnnouncement(`Created ${key}.`);
              void refreshRoadmap();
            }}
          />
        )}
      </header>
      {error && (
        <div className="banner banner--danger" role="alert">
          {error}
          <button type="button" className="button button--quiet" onClick={dismissError}>
            Dismiss
          </button>
        </div>
      )}
      <div className="roadmap-board">
        {lanes.map((lane) => (
          <section
            key={lane}
            className={`roadmap-lane roadmap-lane--${lane}`}
            aria-labelledby={`lane-${lane}`}
            data-drop-active={dropTarget?.lane === lane ? 'true' : undefined}
            onDragOver={(event) => onDragOver(event, lane)}
            onDragLeave={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(undefined);
            }}
            onDrop={onDrop}
          >
            <h2 className="roadmap-lane__title" id={`lane-${lane}`}>
              {laneTitles[lane]} <span className="roadmap-lane__count">{grouped[lane].length}</span>
            </h2>
            <ul className="roadmap-lane__list" role="list" aria-label={laneTitles[lane]}>
              {grouped[lane]
                .slice(0, limits[lane])
                .map((item, index) => [
                  dropTarget?.lane === lane &&
                    dropTarget.index === indexWithout(grouped[lane], dragging, index) && (
                      <li key="drop" className="roadmap-drop-indicator" aria-hidden="true" />
                    ),
                  <RoadmapCard
                    key={item.key}
                    item={item}
                    delivery={deliveries.get(item.key)}
                    evidence={evidence.get(item.key)}
                    navigate={navigate}
                    draggable={writable}
                    dragging={dragging === item.key}
                    onDragStart={onCardDragStart}
                    onDragEnd={onCardDragEnd}
                    onKeyDown={onCardKeyDown}
                  />,
                ])}
              {dropTarget?.lane === lane &&
                dropTarget.index >=
                  grouped[lane].slice(0, limits[lane]).filter((item) => item.key !== dragging).length && (
                  <li className="roadmap-drop-indicator" aria-hidden="true" />
                )}
            </ul>
            {grouped[lane].length > limits[lane] && (
              <button
                type="button"
                className="button button--quiet roadmap-lane__more"
                onClick={() => setLimits({ ...limits, [lane]: limits[lane] + lanePage * 4 })}
              >
                Show {Math.min(grouped[lane].length - limits[lane], lanePage * 4)} more of{' '}
                {grouped[lane].length - limits[lane]}
              </button>
            )}
            {grouped[lane].length === 0 && dropTarget?.lane !== lane && (
              <p className="roadmap-lane__empty">
                {release === 'none'
                  ? 'No items outside a release'
                  : release
                    ? `No ${release} items`
                    : 'No items'}
                {writable ? ' — drop one here' : ''}
              </p>
            )}
          </section>
        ))}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" aria-label="Roadmap announcements">
        {announcement}
      </p>
    </div>
  );
}

function inRelease(
  items: readonly RoadmapItem[],
  releases: readonly Release[],
  release: string | undefined,
): readonly RoadmapItem[] {
  if (!release) return items;
  if (release === 'none') {
    const released = new Set(releases.flatMap((entry) => entry.items));
    return items.filter((item) => !released.has(item.key));
  }
  const keys = new Set(releases.find((entry) => entry.key === release)?.items ?? []);
  return items.filter((item) => keys.has(item.key));
}

/** Shows one release's items on the board; the choice lives in the URL, so it survives a reload and can be shared. */
function ReleaseFilter({
  releases,
  release,
  navigate,
}: {
  releases: readonly Release[];
  release: string | undefined;
  navigate: (hash: string) => void;
}) {
  if (releases.length === 0 && !release) return null;
  const known = !release || release === 'none' || releases.some((entry) => entry.key === release);
  return (
    <div className="roadmap-filter">
      <label htmlFor="roadmap-release">Release</label>
      <select
        id="roadmap-release"
        className="select"
        value={release ?? ''}
        onChange={(event) => navigate(roadmapHash(event.target.value || undefined))}
      >
        <option value="">All items</option>
        {releases.map((entry) => (
          <option key={entry.key} value={entry.key}>
            {entry.key} {entry.name}
          </option>
        ))}
        <option value="none">Not in a release</option>
        {!known && <option value={release}>{release} (no such release)</option>}
      </select>
    </div>
  );
}

/** The card's position among the lane's items once the dragged card is taken out (-1 for the dragged card). */
function indexWithout(
  items: readonly { key: string }[],
  dragging: string | undefined,
  index: number,
): number {
  if (items[index]?.key === dragging) return -1;
  const draggedBefore = items.slice(0, index).some((item) => item.key === dragging);
  return draggedBefore ? index - 1 : index;
}
