/**
 * `roadmap.json` merged item by item (by key) and field by field, so two people adding items, or
 * editing different fields of one item, never conflict. An item both sides changed in the same
 * field is one conflict: the whole item as each side has it. Two people each adding an item get the
 * same next key (both saw RM-12 as the last): the two stay, and ours takes the next free key.
 */
import { splitKey } from '../grammar/linkGrammar.js';
import { nextKey } from '../model/keys.js';
import { formatRoadmapJson } from '../model/roadmapJson.js';
import { clean, pushPart, type MergePart } from './mergeParts.js';
import {
  isKeyedList,
  isPlainObject,
  mergedKeyOrder,
  mergeKeyedLists,
  mergeValues,
  type KeyedConflict,
} from './valueMerge.js';

const placeholder = (index: number) => `@@specbench-conflict-${index}@@`;
const placeholderLine = /^( *)(?:"([^"]+)": )?"@@specbench-conflict-(\d+)@@"(,?)$/;

interface Pending {
  what: string;
  /** Top-level field name, or undefined for a list item. */
  field?: string;
  list?: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** One key both sides added to the same list for different things, and the key our copy took instead. */
export interface RoadmapRenumbering {
  list: string;
  from: string;
  to: string;
}

/**
 * Undefined when a side is not a JSON object (the caller merges it line by line instead).
 * `renumbered` hears of each item of ours moved to a new key so both sides' additions stay.
 */
export function mergeRoadmap(
  base: string,
  ours: string,
  theirs: string,
  renumbered: (renumbering: RoadmapRenumbering) => void = () => undefined,
  /** The side whose copy moves: the one not shared yet (ours in a merge; theirs, the replayed commit, in a rebase). */
  moving: 'ours' | 'theirs' = 'ours',
): MergePart[] | undefined {
  if (ours === theirs || theirs === base) return [clean(ours)];
  if (ours === base) return [clean(theirs)];
  const baseData = base.trim() === '' ? {} : parseObject(base);
  const ourData = parseObject(ours);
  const theirData = parseObject(theirs);
  if (!baseData || !ourData || !theirData) return undefined;
  for (const list of ['items', 'releases']) {
    const [mover, stayer] = moving === 'ours' ? [ourData, theirData] : [theirData, ourData];
    for (const renumbering of separateTwinAdditions(list, baseData, mover, stayer)) renumbered(renumbering);
  }
  const pending: Pending[] = [];
  const result: Record<string, unknown> = {};
  for (const field of mergedKeyOrder(Object.keys(ourData), Object.keys(theirData))) {
    const [b, o, t] = [baseData[field], ourData[field], theirData[field]];
    if ((b === undefined || isKeyedList(b)) && isKeyedList(o) && isKeyedList(t)) {
      const merged = mergeKeyedLists(b ?? [], o, t);
      result[field] = merged.items.map((item) =>
        typeof item === 'number'
          ? placeholder(pending.push(listConflict(field, merged.conflicts[item]!)) - 1)
          : item,
      );
      continue;
    }
    const merged = mergeValues(b, o, t);
    if (merged.ok) {
      if (merged.value !== undefined) result[field] = merged.value;
    } else {
      result[field] = placeholder(pending.push({ what: field, field, base: b, ours: o, theirs: t }) - 1);
    }
  }
  const text = formatRoadmapJson(result);
  if (pending.length === 0) return [clean(text)];
  const parts: MergePart[] = [];
  for (const line of text.split(/(?<=\n)/)) {
    const match = placeholderLine.exec(line.replace(/\n$/, ''));
    if (!match) {
      pushPart(parts, clean(line));
      continue;
    }
    const entry = pending[Number(match[3])]!;
    const comma = match[4]!;
    const format = (value: unknown) => (value === undefined ? '' : formatEntry(entry, value, comma));
    parts.push({
      kind: 'conflict',
      what: entry.what,
      base: format(entry.base),
      ours: format(entry.ours),
      theirs: format(entry.theirs),
    });
  }
  return parts;
}

/**
 * Items both sides added under one key (absent from the base) that are not the same item: the moving
 * side's copy takes the next key free on every side, and its releases that list it follow. Changes
 * `moving` in place.
 */
function separateTwinAdditions(
  list: string,
  base: Record<string, unknown>,
  moving: Record<string, unknown>,
  staying: Record<string, unknown>,
): RoadmapRenumbering[] {
  const [b, o, t] = [base[list] ?? [], moving[list], staying[list]];
  if (!isKeyedList(b) || !isKeyedList(o) || !isKeyedList(t)) return [];
  const keyOf = (item: Record<string, unknown>) => String(item.key);
  const baseKeys = new Set(b.map(keyOf));
  const theirItems = new Map(t.map((item) => [keyOf(item), item]));
  const used = new Set([...b, ...o, ...t].map(keyOf));
  const renumberings: RoadmapRenumbering[] = [];
  for (const item of o) {
    const key = keyOf(item);
    const twin = theirItems.get(key);
    if (baseKeys.has(key) || twin === undefined || JSON.stringify(twin) === JSON.stringify(item)) continue;
    const prefix = splitKey(key)?.prefix;
    if (prefix === undefined) continue;
    const fresh = nextKey(prefix, used);
    used.add(fresh);
    item.key = fresh;
    renumberings.push({ list, from: key, to: fresh });
  }
  if (list === 'items' && renumberings.length > 0 && isKeyedList(moving.releases)) {
    const moved = new Map(renumberings.map(({ from, to }) => [from, to]));
    for (const release of moving.releases) {
      if (Array.isArray(release.items))
        release.items = release.items.map((key) => moved.get(String(key)) ?? key);
    }
  }
  return renumberings;
}

function listConflict(list: string, conflict: KeyedConflict): Pending {
  return { what: conflict.key, list, base: conflict.base, ours: conflict.ours, theirs: conflict.theirs };
}

/** One side's item or field laid out as it would be in the file, at its place. */
function formatEntry(entry: Pending, value: unknown, comma: string): string {
  const lines = formatRoadmapJson(entry.field ? { [entry.field]: value } : { [entry.list!]: [value] })
    .trimEnd()
    .split('\n');
  const inner = entry.field ? lines.slice(1, -1) : lines.slice(2, -2);
  return `${inner.join('\n')}${comma}\n`;
}

/**
 * The resolver's text for a roadmap file, made valid again: a side chosen as "deleted" can leave a
 * comma before a closing bracket. Undefined when the text is still not JSON.
 */
export function finishResolvedRoadmap(text: string): string | undefined {
  const repaired = text.replace(/,(\s*[\]}])/g, '$1');
  const data = parseObject(repaired);
  return data === undefined ? undefined : formatRoadmapJson(data);
}
