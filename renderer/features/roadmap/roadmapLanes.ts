/** Pure roadmap board logic: lanes in order, keyboard moves, and how well each item is delivered. */
import type { DocumentEntry } from '../../../shared/model/documentModel.js';
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

/** Applies a move locally so the board can show it before the store answers. */
export function applyMove(items: readonly RoadmapItem[], key: string, target: MoveTarget): RoadmapItem[] {
  const moving = items.find((item) => item.key === key);
  if (!moving) return [...items];
  const grouped = itemsByLane(items.filter((item) => item.key !== key));
  const lane = grouped[target.lane];
  lane.splice(Math.max(0, Math.min(target.index, lane.length)), 0, { ...moving, lane: target.lane });
  return lanes.flatMap((name) => grouped[name].map((item, rank) => ({ ...item, rank })));
}

export interface Delivery {
  /** Requirements whose `roadmap` attribute names the item. */
  requirements: {
    key: string;
    path: string;
    line: number;
    priority?: string;
    status?: string;
    summary: string;
    stories: StoryLink[];
  }[];
  /** How many of those requirements at least one story implements. */
  withStories: number;
}

export interface StoryLink {
  key?: string;
  title: string;
  path: string;
  status?: string;
}

/** Delivery of every roadmap item, computed from the specs in one pass (never stored twice). */
export function deliveryByItem(documents: readonly DocumentEntry[]): Map<string, Delivery> {
  const storiesByRequirement = new Map<string, StoryLink[]>();
  for (const document of documents) {
    if (document.type !== 'story') continue;
    for (const requirement of document.implements) {
      const stories = storiesByRequirement.get(requirement) ?? [];
      stories.push({
        key: document.key,
        title: document.title,
        path: document.path,
        status: document.status,
      });
      storiesByRequirement.set(requirement, stories);
    }
  }
  const deliveries = new Map<string, Delivery>();
  for (const document of documents) {
    for (const requirement of document.requirements) {
      const stories = storiesByRequirement.get(requirement.key) ?? [];
      for (const itemKey of requirement.roadmap) {
        const delivery = deliveries.get(itemKey) ?? { requirements: [], withStories: 0 };
        delivery.requirements.push({
          key: requirement.key,
          path: document.path,
          line: requirement.line,
          priority: requirement.priority,
          status: requirement.status,
          summary: requirement.summary,
          stories,
        });
        if (stories.length > 0) delivery.withStories += 1;
        deliveries.set(itemKey, delivery);
      }
    }
  }
  return deliveries;
}

export function deliverySummary(delivery: Delivery | undefined): string {
  const count = delivery?.requirements.length ?? 0;
  return `${count} requirement${count === 1 ? '' : 's'} · ${delivery?.withStories ?? 0} with stories`;
}
