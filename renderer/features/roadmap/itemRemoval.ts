/** Deleting a roadmap item from its page and putting it back (Undo): same key, lane position and evidence links. */
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { roadmapItemSchema, type RoadmapItem } from '../../../shared/model/roadmapModel.js';

export interface DeletedItem {
  item: RoadmapItem;
  /** Its place in its lane when it was deleted. */
  index: number;
  /** The feedback notes that lost their link to it. */
  unlinked: string[];
}

/** Deletes the item; the one-line reason when the workspace refuses (a requirement delivers it, a release ships it). */
export async function deleteItem(
  api: SpecbenchApi,
  item: RoadmapItem,
  roadmap: readonly RoadmapItem[],
): Promise<{ ok: true; deleted: DeletedItem } | { ok: false; message: string }> {
  const index = roadmap
    .filter((entry) => entry.lane === item.lane)
    .findIndex((entry) => entry.key === item.key);
  const removed = await api.removeRoadmapItem({ key: item.key });
  if (!removed.ok) return { ok: false, message: removed.message };
  return { ok: true, deleted: { item, index: Math.max(0, index), unlinked: removed.unlinked } };
}

/** Creates the item again under its key, moves it back to its place, and relinks the notes; or says why not. */
export async function restoreItem(api: SpecbenchApi, deleted: DeletedItem): Promise<string | undefined> {
  const { item } = deleted;
  const fields = Object.fromEntries(
    Object.entries(item).filter(([name]) => name !== 'rank' && name in roadmapItemSchema.shape),
  ) as Omit<RoadmapItem, 'rank'>;
  const created = await api.createRoadmapItem(fields);
  if (!created.ok) return created.message;
  const moved = await api.moveRoadmapItem({ key: item.key, lane: item.lane, index: deleted.index });
  if (!moved.ok) return moved.message;
  for (const path of deleted.unlinked) {
    const linked = await api.triageFeedback({ path, link: [item.key] });
    if (!linked.ok) return linked.message;
  }
  return undefined;
}
