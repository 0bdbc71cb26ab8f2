/** Pure roadmap board logic: lanes in order, keyboard moves, and how well each item is delivered. */
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import type { Lane, RoadmapItem } from '../../../shared/model/roadmapModel.js';
import { lanes } from '../../../shared/model/roadmapModel.js';

export const laneTitles: Record<Lane, string> = { now: 'Now', next: 'Next', later: 'Later' };

export function itemsByLane(items: readonly RoadmapItem[]): Record<Lane, RoadmapItem[]> {
  const grouped: Record<Lane, RoadmapItem[]> = { now: [], next: [], later: [] };
  for (const item of items) grouped[item.lane].push(item);
  for (const lane of lanes) grouped[lane].sort(byRank);
  return grouped;
}

function byRank(left: RoadmapItem, right: RoadmapItem): number {
  return left.rank - right.rank || left.key.localeCompare(right.key, 'en', { numeric: true });
}

export type MoveDirection = 'up' | 'down' | 'left' | 'right';

/** Where a keyboard move takes an item: `index` is its final position in the target lane. */
export interface MoveTarget {
  lane: Lane;
  index: number;
}

export function keyboardMove(
  grouped: Record<Lane, RoadmapItem[]>,
  key: string,
  direction: MoveDirection,
): MoveTarget | undefined {
  const laneIndex = lanes.findIndex((lane) => grouped[lane].some((item) => item.key === key));
  if (laneIndex < 0) return undefined;
  const lane = lanes[laneIndex]!;
  const position = grouped[lane].findIndex((item) => item.key === key);
  if (direction === 'up') return position > 0 ? { lane, index: position - 1 } : undefined;
  if (direction === 'down') {
    return position < grouped[lane].length - 1 ? { lane, index: position + 1 } : undefined;
  }
  const targetLane = lanes[laneIndex + (direction === 'left' ? -1 : 1)];
  if (targetLane === undefined) return undefined;
  return { lane: targetLane, index: Math.min(position, grouped[targetLane].length) };
}

/**
 * A move made on a filtered board, as a position in the whole lane: just before the shown card it
 * landed on, or just after the last shown card (the end of the lane when none is shown), so the
 * items the filter hides keep their order around it. Positions count the lane without the moved item.
 */
export function unfilteredTarget(
  all: Record<Lane, RoadmapItem[]>,
  shown: Record<Lane, RoadmapItem[]>,
  key: string,
  target: MoveTarget,
): MoveTarget {
  const whole = all[target.lane].filter((item) => item.key !== key);
  const visible = shown[target.lane].filter((item) => item.key !== key);
  const at = (anchor: RoadmapItem) => whole.findIndex((item) => item.key === anchor.key);
  const before = visible[target.index];
  if (before) return { lane: target.lane, index: at(before) };
  const last = visible.at(-1);
  return { lane: target.lane, index: last ? at(last) + 1 : whole.length };
}

/** Applies a move locally so the board can show it before the store answers. */
export function applyMove(items: readonly RoadmapItem[], key: string, target: MoveTarget): RoadmapItem[] {
  const moving = items.find((item) => item.key === key);
  if (!moving) return [...items];
  const grouped = itemsByLane(items.filter((item) => item.key !== key));
  const lane = grouped[target.lane];
  lane.splice(Math.max(0, Math.min(target.index, lane.length)), 0, { ...moving, lane: target.lane });
  return lanes.flatMap((name) =>
    grouped[name].map((item, rank) => (item.rank === rank && item.lane === name ? item : { ...item, rank })),
  );
}

/** Keeps the previous object for every item whose content did not change, so memoized cards skip rendering. */
export function reuseUnchanged(
  previous: readonly RoadmapItem[],
  next: readonly RoadmapItem[],
): RoadmapItem[] {
  const known = new Map(previous.map((item) => [item.key, item] as const));
  return next.map((item) => {
    const before = known.get(item.key);
    return before && sameItem(before, item) ? before : item;
  });
}

function sameItem(left: RoadmapItem, right: RoadmapItem): boolean {
  const fields = ['title', 'description', 'lane', 'rank', 'quarter', 'status', 'theme', 'owner'] as const;
  if (fields.some((field) => left[field] !== right[field])) return false;
  const [a, b] = [left.rice, right.rice];
  if (!a || !b) return a === b;
  return (
    a.reach === b.reach && a.impact === b.impact && a.confidence === b.confidence && a.effort === b.effort
  );
}

export interface DeliveryCount {
  /** Requirements whose `roadmap` attribute names the item. */
  requirements: number;
  /** How many of those requirements at least one story implements. */
  withStories: number;
}

export interface Delivery extends DeliveryCount {
  details: {
    key: string;
    path: string;
    line: number;
    priority?: string;
    status?: string;
    summary: string;
    stories: StoryLink[];
  }[];
}

export interface StoryLink {
  key?: string;
  title: string;
  path: string;
  status?: string;
}

const countCache = new WeakMap<readonly DocumentSummary[], Map<string, DeliveryCount>>();

/**
 * Delivery counts of every roadmap item, computed from the specs (never stored twice) in one pass
 * without allocating per requirement, and cached per document list so every view shares it.
 */
export function deliveryCounts(documents: readonly DocumentSummary[]): Map<string, DeliveryCount> {
  const cached = countCache.get(documents);
  if (cached) return cached;
  const implemented = new Set<string>();
  for (const document of documents) {
    if (document.type === 'story') for (const key of document.implements) implemented.add(key);
  }
  const counts = new Map<string, DeliveryCount>();
  for (const document of documents) {
    for (const requirement of document.requirements) {
      const hasStory = implemented.has(requirement.key);
      for (const itemKey of requirement.roadmap) {
        let count = counts.get(itemKey);
        if (!count) counts.set(itemKey, (count = { requirements: 0, withStories: 0 }));
        count.requirements += 1;
        if (hasStory) count.withStories += 1;
      }
    }
  }
  countCache.set(documents, counts);
  return counts;
}

/** The requirements delivering one item, with their stories, for the item page. */
export function deliveryOf(documents: readonly DocumentSummary[], itemKey: string): Delivery {
  const details: Delivery['details'] = [];
  for (const document of documents) {
    for (const requirement of document.requirements) {
      if (!requirement.roadmap.includes(itemKey)) continue;
      details.push({
        key: requirement.key,
        path: document.path,
        line: requirement.line,
        priority: requirement.priority,
        status: requirement.status,
        summary: requirement.summary,
        stories: [],
      });
    }
  }
  const byRequirement = new Map(details.map((detail) => [detail.key, detail] as const));
  for (const document of documents) {
    if (document.type !== 'story') continue;
    for (const key of document.implements) {
      byRequirement.get(key)?.stories.push({
        key: document.key,
        title: document.title,
        path: document.path,
        status: document.status,
      });
    }
  }
  const withStories = details.filter((detail) => detail.stories.length > 0).length;
  return { requirements: details.length, withStories, details };
}

export function deliverySummary(delivery: DeliveryCount | undefined): string {
  const count = delivery?.requirements ?? 0;
  return `${count} requirement${count === 1 ? '' : 's'} · ${delivery?.withStories ?? 0} with stories`;
}
