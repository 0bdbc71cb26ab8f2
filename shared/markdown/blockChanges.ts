/**
 * What differs between a block as read and as edited: textblocks whose content changed, checkboxes
 * toggled, and list items or table rows added or removed; undefined when anything else changed.
 */
import { type JSONContent } from '@tiptap/core';
import { alignBlocks, fingerprintOf } from './blockAlignment.js';

export type Change =
  /** `path`: the textblock, task item or callout in the old block; `target`: the same in the new one. */
  | { kind: 'text' | 'checked' | 'callout'; path: number[]; target: number[] }
  /** A new child of the list or table at `path`, after its old child `after` (-1: first). */
  | { kind: 'insert'; path: number[]; after: number; node: JSONContent; newIndex: number }
  | { kind: 'remove'; path: number[]; index: number };

const textblockTypes = new Set(['paragraph', 'heading', 'codeBlock', 'calloutTitle']);
/** Containers whose children (items, rows, a quote's blocks) can be added or removed one by one. */
export const childListTypes = new Set(['bulletList', 'orderedList', 'taskList', 'table', 'blockquote']);

export function changesBetween(old: JSONContent, next: JSONContent): Change[] | undefined {
  const changes: Change[] = [];
  return collect(old, next, [], [], changes) ? changes : undefined;
}

function collect(
  old: JSONContent,
  next: JSONContent,
  path: number[],
  target: number[],
  changes: Change[],
): boolean {
  if (old.type !== next.type) return false;
  if (textblockTypes.has(old.type ?? '')) {
    if (fingerprintOf(old.attrs) !== fingerprintOf(next.attrs)) return false;
    if (fingerprintOf(old.content ?? []) !== fingerprintOf(next.content ?? []))
      changes.push({ kind: 'text', path, target });
    return true;
  }
  if (fingerprintOf(old.attrs) !== fingerprintOf(next.attrs) && old.type === 'callout') {
    changes.push({ kind: 'callout', path, target });
  } else if (fingerprintOf(old.attrs) !== fingerprintOf(next.attrs)) {
    if (old.type !== 'taskItem') return false;
    const { checked: _was, marker: _wasMarked, ...oldRest } = old.attrs ?? {};
    const { checked: _now, marker: _nowMarked, ...newRest } = next.attrs ?? {};
    if (fingerprintOf(oldRest) !== fingerprintOf(newRest)) return false;
    changes.push({ kind: 'checked', path, target });
  }
  const oldChildren = old.content ?? [];
  const newChildren = next.content ?? [];
  if (oldChildren.length === newChildren.length) {
    return oldChildren.every((child, index) =>
      collect(child, newChildren[index]!, [...path, index], [...target, index], changes),
    );
  }
  if (!childListTypes.has(old.type ?? '')) return false;
  return collectChildren(oldChildren, newChildren, path, target, changes);
}

/**
 * Items kept (equal, or edited in place of the old item at the same gap), added and removed, in
 * order; false when children moved.
 */
function collectChildren(
  oldChildren: JSONContent[],
  newChildren: JSONContent[],
  path: number[],
  target: number[],
  changes: Change[],
): boolean {
  const match = alignBlocks(oldChildren.map(fingerprintOf), newChildren.map(fingerprintOf));
  const used = new Set(match.filter((index) => index >= 0));
  let previous = -1;
  for (let index = 0; index < newChildren.length; index++) {
    let counterpart = match[index]!;
    if (counterpart >= 0 && counterpart <= previous) return false;
    if (counterpart < 0) {
      const nextKept = match.slice(index + 1).find((candidate) => candidate >= 0) ?? oldChildren.length;
      const candidate = previous + 1;
      // An edited child stands in place of the next old one not kept, as long as there is one.
      if (candidate < nextKept && !used.has(candidate)) {
        counterpart = candidate;
        used.add(candidate);
      }
    }
    if (counterpart < 0) {
      changes.push({ kind: 'insert', path, after: previous, node: newChildren[index]!, newIndex: index });
      continue;
    }
    for (let removed = previous + 1; removed < counterpart; removed++) {
      if (!used.has(removed)) changes.push({ kind: 'remove', path, index: removed });
    }
    if (
      !collect(
        oldChildren[counterpart]!,
        newChildren[index]!,
        [...path, counterpart],
        [...target, index],
        changes,
      )
    )
      return false;
    previous = counterpart;
  }
  for (let removed = previous + 1; removed < oldChildren.length; removed++) {
    if (!used.has(removed)) changes.push({ kind: 'remove', path, index: removed });
  }
  return true;
}
