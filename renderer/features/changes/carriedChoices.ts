/**
 * The resolver read its file again (it changed on disk): the choices already made, and the texts
 * typed into Edit, stay with the blocks whose two sides did not change; a block that changed is
 * asked again, as what was chosen for it was chosen for other text.
 */
export interface ConflictBlock {
  what: string;
  mine: string;
  theirs: string;
}

const sameBlock = (one: ConflictBlock, other: ConflictBlock) =>
  one.what === other.what && one.mine === other.mine && one.theirs === other.theirs;

/** For each block of `after`, the value `shown` had for the same block `before`, else `fresh(block)`. */
export function carriedChoices<Value>(
  before: readonly ConflictBlock[],
  shown: readonly Value[],
  after: readonly ConflictBlock[],
  fresh: (block: ConflictBlock) => Value,
): Value[] {
  const taken = new Set<number>();
  return after.map((block) => {
    const at = before.findIndex((old, index) => !taken.has(index) && sameBlock(old, block));
    if (at === -1 || at >= shown.length) return fresh(block);
    taken.add(at);
    return shown[at]!;
  });
}
