/**
 * A bullet list whose items mix tasks and plain bullets (`- Milestones` … `- [ ] Draft`, as Obsidian
 * notes write them) has no single node in the schema: it is read as consecutive runs, each a bullet
 * list or a task list over its own items' lines, so the whole list is editable and its boxes tickable.
 * Numbered lists are not: an item's number comes from the list's first (`1.` `1.` `1.` reads 1, 2, 3),
 * so a run read on its own would show and write numbers its list does not have.
 */
import type { JSONContent } from '@tiptap/core';
import type { Token, Tokens } from 'marked';
import { taskListRegion } from './extensions/taskList.js';
import type { TilePiece } from './blockSource.js';

/** One run's lines; `loose` when the whole list is (looseness belongs to a list, not to its runs). */
export interface TaskRun {
  start: number;
  end: number;
  loose: boolean;
}

/**
 * The runs of `piece` (offsets into `text`) when it is a bullet list mixing task and plain items,
 * else undefined. Each run ends at its last non-blank line; the blank lines between runs are separators.
 */
export function mixedTaskRuns(text: string, piece: TilePiece): TaskRun[] | undefined {
  const token = piece.token as Token | undefined;
  if (token?.type !== 'list' || (token as Tokens.List).ordered) return undefined;
  const items = (token as Tokens.List).items;
  if (items.map((item) => item.raw).join('') !== text.slice(piece.start, piece.end)) return undefined;
  const isTask = items.map((item) => taskListRegion(item.raw) !== undefined);
  if (isTask.every(Boolean) || !isTask.some(Boolean)) return undefined;
  const runs: { start: number; end: number }[] = [];
  let cursor = piece.start;
  for (const [index, item] of items.entries()) {
    const end = cursor + item.raw.length;
    if (index > 0 && isTask[index] === isTask[index - 1]) runs[runs.length - 1]!.end = end;
    else runs.push({ start: cursor, end });
    cursor = end;
  }
  const loose = (token as Tokens.List).loose;
  return runs.map((run) => ({
    start: run.start,
    end: run.start + text.slice(run.start, run.end).trimEnd().length,
    loose,
  }));
}

/** The list types the runs are read as. */
export const listRunTypes = new Set(['bulletList', 'taskList']);

/**
 * `node` as it reads on its own: a one-item run's looseness comes from the list it is a run of, which
 * its own lines cannot show, and writes no byte of its own (a splice or a read-back compares this).
 */
export function withoutRunLooseness(node: JSONContent): JSONContent {
  return listRunTypes.has(node.type ?? '') && node.content?.length === 1 && node.attrs?.loose === true
    ? { ...node, attrs: { ...node.attrs, loose: false } }
    : node;
}
