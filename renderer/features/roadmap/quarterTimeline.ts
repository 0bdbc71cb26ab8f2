/** Roadmap items by target quarter, in calendar order, with unscheduled items last. */
import type { RoadmapItem } from '../../../shared/model/roadmapModel.js';

export interface QuarterColumn {
  /** `2026-Q4`, or undefined for items without a quarter. */
  quarter?: string;
  title: string;
  items: RoadmapItem[];
}

const laneOrder = { now: 0, next: 1, later: 2 } as const;

export function quarterTimeline(items: readonly RoadmapItem[]): QuarterColumn[] {
  const byQuarter = new Map<string | undefined, RoadmapItem[]>();
  for (const item of items) {
    const column = byQuarter.get(item.quarter) ?? [];
    column.push(item);
    byQuarter.set(item.quarter, column);
  }
  const quarters = [...byQuarter.keys()].filter((quarter): quarter is string => quarter !== undefined).sort();
  const columns: QuarterColumn[] = quarters.map((quarter) => ({
    quarter,
    title: quarterTitle(quarter),
    items: sortItems(byQuarter.get(quarter)!),
  }));
  const unscheduled = byQuarter.get(undefined);
  if (unscheduled) columns.push({ title: 'Unscheduled', items: sortItems(unscheduled) });
  return columns;
}

/** `2026-Q4` → `Q4 2026`. */
export function quarterTitle(quarter: string): string {
  const [year, part] = quarter.split('-');
  return part && year ? `${part} ${year}` : quarter;
}

function sortItems(items: RoadmapItem[]): RoadmapItem[] {
  return [...items].sort(
    (left, right) => laneOrder[left.lane] - laneOrder[right.lane] || left.rank - right.rank,
  );
}

/** Quarters offered in pickers: the last one, the current one and six ahead, plus any already in use. */
export function quarterOptions(inUse: readonly (string | undefined)[], today: Date): string[] {
  const options = new Set<string>();
  const start = today.getFullYear() * 4 + Math.floor(today.getMonth() / 3) - 1;
  for (let index = start; index < start + 8; index += 1) {
    options.add(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  }
  for (const quarter of inUse) if (quarter) options.add(quarter);
  return [...options].sort();
}
