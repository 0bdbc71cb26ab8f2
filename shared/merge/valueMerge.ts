/**
 * Three-way merge of parsed YAML or JSON values: maps field by field, lists of keyed objects
 * (`{key: RM-3, …}`) item by item, other lists as sets, scalars whole. `undefined` means absent.
 */

export type ValueResult = { ok: true; value: unknown } | { ok: false };

/** A text equal for equal values whatever the order of object fields. */
export function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, item: unknown) =>
      item !== null && typeof item === 'object' && !Array.isArray(item)
        ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : item,
    ) ?? 'undefined'
  );
}

function same(a: unknown, b: unknown): boolean {
  return a === b || canonical(a) === canonical(b);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Lists whose items are all objects with a string `key`, like roadmap items. */
export function isKeyedList(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.every((item) => isPlainObject(item) && typeof item.key === 'string');
}

export function mergeValues(base: unknown, ours: unknown, theirs: unknown): ValueResult {
  if (same(ours, theirs)) return { ok: true, value: ours };
  if (same(base, ours)) return { ok: true, value: theirs };
  if (same(base, theirs)) return { ok: true, value: ours };
  const baseFits = (test: (value: unknown) => boolean) => base === undefined || test(base);
  if (isKeyedList(ours) && isKeyedList(theirs) && baseFits(isKeyedList)) {
    const merged = mergeKeyedLists((base ?? []) as Record<string, unknown>[], ours, theirs);
    return merged.conflicts.length > 0 ? { ok: false } : { ok: true, value: merged.items };
  }
  if (Array.isArray(ours) && Array.isArray(theirs) && baseFits(Array.isArray)) {
    return { ok: true, value: mergeSets((base ?? []) as unknown[], ours, theirs) };
  }
  if (isPlainObject(ours) && isPlainObject(theirs) && baseFits(isPlainObject)) {
    return mergeObjects((base ?? {}) as Record<string, unknown>, ours, theirs);
  }
  return { ok: false };
}

/** Items removed on either side go; items added on either side come (ours first, then theirs'). */
export function mergeSets(base: unknown[], ours: unknown[], theirs: unknown[]): unknown[] {
  const inBase = new Set(base.map(canonical));
  const inOurs = new Set(ours.map(canonical));
  const inTheirs = new Set(theirs.map(canonical));
  const kept = ours.filter((item) => {
    const id = canonical(item);
    return !(inBase.has(id) && !inTheirs.has(id));
  });
  const added = theirs.filter((item) => {
    const id = canonical(item);
    return !inBase.has(id) && !inOurs.has(id);
  });
  return [...kept, ...added];
}

/** Field by field, in ours' order with fields only theirs added after the field they follow there. */
export function mergeObjects(
  base: Record<string, unknown>,
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
): ValueResult {
  const result: Record<string, unknown> = {};
  for (const key of mergedKeyOrder(Object.keys(ours), Object.keys(theirs))) {
    const merged = mergeValues(own(base, key), own(ours, key), own(theirs, key));
    if (!merged.ok) return merged;
    if (merged.value !== undefined) result[key] = merged.value;
  }
  return { ok: true, value: result };
}

function own(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/**
 * Ours' keys in order; each key only theirs has goes after the nearest key before it in theirs,
 * else before the nearest key after it, else at the end.
 */
export function mergedKeyOrder(ours: readonly string[], theirs: readonly string[]): string[] {
  const order = [...ours];
  const present = new Set(ours);
  theirs.forEach((key, index) => {
    if (present.has(key)) return;
    const before = theirs
      .slice(0, index)
      .reverse()
      .find((candidate) => present.has(candidate));
    const after = theirs.slice(index + 1).find((candidate) => present.has(candidate));
    const at =
      before !== undefined
        ? order.indexOf(before) + 1
        : after !== undefined
          ? order.indexOf(after)
          : order.length;
    order.splice(at, 0, key);
    present.add(key);
  });
  return order;
}

export interface KeyedConflict {
  key: string;
  base: Record<string, unknown> | undefined;
  ours: Record<string, unknown> | undefined;
  theirs: Record<string, unknown> | undefined;
}

/**
 * Keyed items merged by key and field by field; an item changed on both sides in the same field
 * (or changed on one and deleted on the other) is a conflict, left at its place in `items` as the
 * index into `conflicts`.
 */
export function mergeKeyedLists(
  base: Record<string, unknown>[],
  ours: Record<string, unknown>[],
  theirs: Record<string, unknown>[],
): { items: (Record<string, unknown> | number)[]; conflicts: KeyedConflict[] } {
  const byKey = (list: Record<string, unknown>[]) => {
    const map = new Map<string, Record<string, unknown>>();
    for (const item of list) if (!map.has(item.key as string)) map.set(item.key as string, item);
    return map;
  };
  const baseItems = byKey(base);
  const ourItems = byKey(ours);
  const theirItems = byKey(theirs);
  const order = mergedKeyOrder(
    ours.map((item) => item.key as string),
    theirs.map((item) => item.key as string),
  );
  const items: (Record<string, unknown> | number)[] = [];
  const conflicts: KeyedConflict[] = [];
  const emitted = new Set<string>();
  for (const key of order) {
    if (emitted.has(key)) continue;
    emitted.add(key);
    const sides = { key, base: baseItems.get(key), ours: ourItems.get(key), theirs: theirItems.get(key) };
    const merged = mergeValues(sides.base, sides.ours, sides.theirs);
    if (!merged.ok) {
      items.push(conflicts.length);
      conflicts.push(sides);
    } else if (merged.value !== undefined) items.push(merged.value as Record<string, unknown>);
  }
  // Items whose key a list holds twice are kept as they are, never dropped (once, if both sides hold them).
  const extras = new Set<string>();
  for (const list of [ours, theirs]) {
    const seen = new Set<string>();
    for (const item of list) {
      const key = item.key as string;
      const id = canonical(item);
      if (seen.has(key) && !extras.has(id)) {
        extras.add(id);
        items.push(item);
      }
      seen.add(key);
    }
  }
  return { items, conflicts };
}
