/** A line diff (longest common subsequence) for the conflict banner's Compare view. */

export interface DiffLine {
  kind: 'same' | 'mine' | 'theirs';
  text: string;
}

/** Lines only in `mine`, only in `theirs`, or in both; common prefix and suffix are trimmed first. */
export function lineDiff(mine: string, theirs: string): DiffLine[] {
  const left = mine.split('\n');
  const right = theirs.split('\n');
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start++;
  let endLeft = left.length;
  let endRight = right.length;
  while (endLeft > start && endRight > start && left[endLeft - 1] === right[endRight - 1]) {
    endLeft--;
    endRight--;
  }
  const a = left.slice(start, endLeft);
  const b = right.slice(start, endRight);
  // Past this size the table would be too large; show both sides whole instead.
  const middle: DiffLine[] =
    a.length * b.length > 4_000_000
      ? [
          ...a.map((text) => ({ kind: 'mine' as const, text })),
          ...b.map((text) => ({ kind: 'theirs' as const, text })),
        ]
      : diffMiddle(a, b);
  return [
    ...left.slice(0, start).map((text) => ({ kind: 'same' as const, text })),
    ...middle,
    ...left.slice(endLeft).map((text) => ({ kind: 'same' as const, text })),
  ];
}

function diffMiddle(a: string[], b: string[]): DiffLine[] {
  const table: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] =
        a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const result: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      result.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) {
      result.push({ kind: 'mine', text: a[i++]! });
    } else {
      result.push({ kind: 'theirs', text: b[j++]! });
    }
  }
  while (i < a.length) result.push({ kind: 'mine', text: a[i++]! });
  while (j < b.length) result.push({ kind: 'theirs', text: b[j++]! });
  return result;
}

export type DiffRow = DiffLine | { kind: 'skipped'; count: number };

/** Keeps `context` unchanged lines around each change and folds longer unchanged runs into one row. */
export function foldUnchanged(lines: readonly DiffLine[], context = 2): DiffRow[] {
  const rows: DiffRow[] = [];
  let index = 0;
  while (index < lines.length) {
    if (lines[index]!.kind !== 'same') {
      rows.push(lines[index++]!);
      continue;
    }
    let end = index;
    while (end < lines.length && lines[end]!.kind === 'same') end++;
    const keepBefore = index === 0 ? 0 : context;
    const keepAfter = end === lines.length ? 0 : context;
    if (end - index <= keepBefore + keepAfter + 1) {
      rows.push(...lines.slice(index, end));
    } else {
      rows.push(...lines.slice(index, index + keepBefore));
      rows.push({ kind: 'skipped', count: end - index - keepBefore - keepAfter });
      rows.push(...lines.slice(end - keepAfter, end));
    }
    index = end;
  }
  return rows;
}
