/**
 * `rekeys.json` merged record by record (a record is one rename, REQ-2 → REQ-15): records either side
 * added are kept, one either side removed (its links kept on the old key) goes, and a record both
 * sides have keeps ours, with only the links both still list. It never conflicts.
 */
import { clean, type MergePart } from './mergeParts.js';

export function isRekeysPath(path: string): boolean {
  return path === 'rekeys.json' || path.endsWith('/rekeys.json');
}

type Entry = Record<string, unknown> & { key: string; newKey: string; references?: unknown[] };

function records(text: string): { data: Record<string, unknown>; rekeys: Entry[] } | undefined {
  if (text.trim() === '') return { data: {}, rekeys: [] };
  try {
    const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
    const rekeys = (data as { rekeys?: unknown }).rekeys;
    if (!Array.isArray(rekeys)) return undefined;
    const valid = rekeys.every(
      (entry): entry is Entry =>
        entry !== null &&
        typeof entry === 'object' &&
        typeof (entry as Entry).key === 'string' &&
        typeof (entry as Entry).newKey === 'string',
    );
    return valid ? { data: data as Record<string, unknown>, rekeys: rekeys as Entry[] } : undefined;
  } catch {
    return undefined;
  }
}

const id = (entry: Entry) => `${entry.key} ${entry.newKey}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The merged file, or undefined when a side is not a rekeys file (then it is merged line by line). */
export function mergeRekeys(base: string, ours: string, theirs: string): MergePart[] | undefined {
  const [old, mine, other] = [base, ours, theirs].map(records);
  if (!old || !mine || !other) return undefined;
  const inBase = new Map(old.rekeys.map((entry) => [id(entry), entry]));
  const theirsById = new Map(other.rekeys.map((entry) => [id(entry), entry]));
  const merged: Entry[] = [];
  for (const entry of mine.rekeys) {
    const their = theirsById.get(id(entry));
    if (!their) {
      if (!inBase.has(id(entry))) merged.push(entry);
      continue;
    }
    const references = (entry.references ?? []).filter((reference) =>
      (their.references ?? []).some((candidate) => same(candidate, reference)),
    );
    merged.push({ ...entry, references });
  }
  for (const entry of other.rekeys) {
    if (!inBase.has(id(entry)) && !mine.rekeys.some((kept) => id(kept) === id(entry))) merged.push(entry);
  }
  const eol = ours.includes('\r\n') ? '\r\n' : '\n';
  const text = `${JSON.stringify({ ...other.data, ...mine.data, rekeys: merged }, null, 2)}\n`;
  return [clean(eol === '\n' ? text : text.replace(/\n/g, eol))];
}
