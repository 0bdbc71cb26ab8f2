/**
 * The resolver read its file again (it changed on disk, or a save was refused because it had): the
 * choices already made stay with the blocks whose two sides did not change; a block that changed is
 * asked again, as what was chosen for it was chosen for other text. Text typed into Edit is never
 * thrown away: it stays with its block even when a side changed, marked so the user checks it.
 */
export interface ConflictBlock {
  what: string;
  mine: string;
  theirs: string;
}

export type ConflictSide = 'mine' | 'theirs';

const sameBlock = (one: ConflictBlock, other: ConflictBlock) =>
  one.what === other.what && one.mine === other.mine && one.theirs === other.theirs;

/** For each block of `after`, the block of `before` it continues: the same sides first, else the same name. */
function pairBlocks(
  before: readonly ConflictBlock[],
  after: readonly ConflictBlock[],
): ({ at: number; same: boolean } | undefined)[] {
  const taken = new Set<number>();
  const pairs = after.map((block) => {
    const at = before.findIndex((old, index) => !taken.has(index) && sameBlock(old, block));
    if (at === -1) return undefined;
    taken.add(at);
    return { at, same: true };
  });
  return pairs.map((pair, index) => {
    if (pair) return pair;
    const at = before.findIndex((old, other) => !taken.has(other) && old.what === after[index]!.what);
    if (at === -1) return undefined;
    taken.add(at);
    return { at, same: false };
  });
}

/** For each block of `after`, the value `shown` had for the same block `before`, else `fresh(block)`. */
export function carriedChoices<Value>(
  before: readonly ConflictBlock[],
  shown: readonly Value[],
  after: readonly ConflictBlock[],
  fresh: (block: ConflictBlock) => Value,
): Value[] {
  return pairBlocks(before, after).map((pair, index) =>
    pair?.same && pair.at < shown.length ? shown[pair.at]! : fresh(after[index]!),
  );
}

export interface CarriedEdit {
  text: string;
  /** The block `before` this text was typed for, when a side of it changed since. */
  typedFor?: number;
  /** The sides that changed since the text was typed (empty: nothing to check). */
  changed: ConflictSide[];
}

/**
 * For each block of `after`, the text typed into Edit for it: kept as typed when its sides did not
 * change, and also when they did (with the sides that changed); `fresh(block)` only where nothing was typed.
 */
export function carriedEdits(
  before: readonly ConflictBlock[],
  typed: readonly string[],
  after: readonly ConflictBlock[],
  fresh: (block: ConflictBlock) => string,
): CarriedEdit[] {
  return pairBlocks(before, after).map((pair, index) => {
    const block = after[index]!;
    const text = pair && pair.at < typed.length ? typed[pair.at]! : undefined;
    if (!pair || text === undefined) return { text: fresh(block), changed: [] };
    if (pair.same) return { text, changed: [] };
    const old = before[pair.at]!;
    // Untouched, the box held the old sides' starting text: start again from the new sides.
    if (text === fresh(old)) return { text: fresh(block), changed: [] };
    const changed = (['mine', 'theirs'] as const).filter((side) => old[side] !== block[side]);
    return { text, typedFor: pair.at, changed };
  });
}
