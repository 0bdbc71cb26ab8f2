/** The board's items: the workspace's roadmap, with moves shown at once and rolled back if the store refuses. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { RoadmapItem } from '../../../shared/model/roadmapModel.js';
import type { MoveTarget } from './roadmapLanes.js';
import { applyMove, reuseUnchanged } from './roadmapLanes.js';

export interface RoadmapItems {
  items: RoadmapItem[];
  move: (key: string, target: MoveTarget) => Promise<boolean>;
  error?: string;
  dismissError: () => void;
}

export function useRoadmapItems(
  api: SpecbenchApi,
  roadmap: readonly RoadmapItem[],
  refresh?: () => unknown,
): RoadmapItems {
  const [items, setItems] = useState<RoadmapItem[]>(() => [...roadmap]);
  const [error, setError] = useState<string | undefined>(undefined);
  const current = useRef(items);
  current.current = items;
  useEffect(() => setItems(reuseUnchanged(current.current, roadmap)), [roadmap]);

  const move = useCallback(
    async (key: string, target: MoveTarget) => {
      const before = current.current;
      setItems(applyMove(before, key, target));
      try {
        const result = await api.moveRoadmapItem({ key, lane: target.lane, index: target.index });
        if (!result.ok) throw new Error(result.message);
        setItems(reuseUnchanged(current.current, result.items));
        setError(undefined);
        void refresh?.();
        return true;
      } catch (thrown) {
        setItems(before);
        setError(`Could not move ${key}: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
        return false;
      }
    },
    [api, refresh],
  );

  return { items, move, error, dismissError: () => setError(undefined) };
}
