/**
 * Front matter merged field by field: each top-level field keeps its own lines; a field only one
 * side changed comes from that side as written; lists and maps changed on both sides are merged
 * item by item; a field both sides set differently is a conflict of that field alone.
 */
import { parseDocument } from 'yaml';
import { formatField, splitDocument } from '../frontMatter/frontMatter.js';
import { clean, pushPart, type MergePart } from './mergeParts.js';
import { mergeLinesCleanly } from './threeWay.js';
import { canonical, mergedKeyOrder, mergeValues } from './valueMerge.js';

interface Field {
  key: string;
  /** The field's lines as written, with their line endings (comments above a field belong to the one before). */
  text: string;
  value: unknown;
}

interface ParsedFrontMatter {
  open: string;
  close: string;
  fields: Field[];
}

const topLevelKey =
  /^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^\s#:'"?\-{}[\],&*!|>%@`][^:\n]*?))[ \t]*:(?:[ \t]|\r?$)/;
const preambleKey = '\u0000preamble';

/** Splits a front-matter block into fields, or undefined when it cannot be cut safely (then it merges whole). */
export function parseFields(raw: string): ParsedFrontMatter | undefined {
  const split = splitDocument(raw);
  const frontMatter = split.frontMatter;
  if (!frontMatter || frontMatter.error || split.body !== '') return undefined;
  const open = raw.slice(0, raw.indexOf('\n') + 1);
  const close = raw.slice(open.length + frontMatter.yaml.length);
  const fields: Field[] = [];
  for (const line of frontMatter.yaml.split(/(?<=\n)/)) {
    if (line === '') continue;
    const match = topLevelKey.exec(line);
    if (match) {
      const key = match[1] ?? match[2]?.replace(/''/g, "'") ?? match[3]!;
      fields.push({ key, text: line, value: undefined });
    } else if (fields.length === 0) fields.push({ key: preambleKey, text: line, value: undefined });
    else fields[fields.length - 1]!.text += line;
  }
  const keys = fields.filter((field) => field.key !== preambleKey).map((field) => field.key);
  if (new Set(keys).size !== keys.length) return undefined;
  if (canonical(keys) !== canonical(Object.keys(frontMatter.data))) return undefined;
  for (const field of fields) {
    if (field.key === preambleKey) continue;
    field.value = frontMatter.data[field.key];
    // Each field must read the same on its own, or cutting here would change its meaning.
    const alone = parseDocument(field.text, { logLevel: 'silent' });
    if (alone.errors.length > 0) return undefined;
    const value = (alone.toJS() as Record<string, unknown> | null)?.[field.key];
    // The front-matter reader gives dates as YYYY-MM-DD text.
    const comparable = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    if (canonical(comparable) !== canonical(field.value)) return undefined;
  }
  return { open, close, fields };
}

/** Merges three front-matter blocks (undefined: the side has none). */
export function mergeFrontMatter(
  base: string | undefined,
  ours: string | undefined,
  theirs: string | undefined,
): MergePart[] {
  if (ours === theirs || theirs === base) return [clean(ours ?? '')];
  if (ours === base) return [clean(theirs ?? '')];
  const empty: ParsedFrontMatter = { open: '', close: '', fields: [] };
  const parsed = [base, ours, theirs].map((raw) => (raw === undefined ? empty : parseFields(raw)));
  const [baseFields, ourFields, theirFields] = parsed;
  if (!baseFields || !ourFields || !theirFields) return mergeWhole(base ?? '', ours ?? '', theirs ?? '');
  const eol = (ours ?? theirs ?? '').includes('\r\n') ? '\r\n' : '\n';
  const parts: MergePart[] = [];
  pushPart(parts, clean(ourFields.open || theirFields.open || `---${eol}`));
  const lookup = (fields: Field[]) => new Map(fields.map((field) => [field.key, field]));
  const [baseMap, ourMap, theirMap] = [baseFields, ourFields, theirFields].map((side) => lookup(side.fields));
  const order = mergedKeyOrder(
    ourFields.fields.map((field) => field.key),
    theirFields.fields.map((field) => field.key),
  );
  for (const key of order) {
    const field = {
      base: baseMap!.get(key),
      ours: ourMap!.get(key),
      theirs: theirMap!.get(key),
    };
    pushPart(parts, mergeField(key, field.base, field.ours, field.theirs, eol));
  }
  pushPart(parts, clean(ourFields.close || theirFields.close || `---${eol}`));
  return parts;
}

function mergeField(
  key: string,
  base: Field | undefined,
  ours: Field | undefined,
  theirs: Field | undefined,
  eol: string,
): MergePart {
  const text = (field: Field | undefined) => field?.text ?? '';
  if (text(ours) === text(theirs)) return clean(text(ours));
  if (key === preambleKey) {
    const merged = mergeLinesCleanly(text(base), text(ours), text(theirs));
    return merged === undefined ? conflict('front matter comments', base, ours, theirs) : clean(merged);
  }
  // Compared by value, so re-quoting or re-spacing a field on one side is not a change.
  const value = (field: Field | undefined) => (field ? canonical(field.value) : undefined);
  if (value(ours) === value(base)) return clean(text(theirs));
  if (value(theirs) === value(base) || value(ours) === value(theirs)) return clean(text(ours));
  if (ours && theirs) {
    const merged = mergeValues(base?.value, ours.value, theirs.value);
    if (merged.ok) return clean(formatField(key, merged.value) + eol);
  }
  return conflict(`front matter: ${key}`, base, ours, theirs);
}

function conflict(what: string, base?: Field, ours?: Field, theirs?: Field): MergePart {
  return {
    kind: 'conflict',
    what,
    base: base?.text ?? '',
    ours: ours?.text ?? '',
    theirs: theirs?.text ?? '',
  };
}

/** Front matter that cannot be cut into fields merges line by line, or conflicts as one block. */
function mergeWhole(base: string, ours: string, theirs: string): MergePart[] {
  const merged = mergeLinesCleanly(base, ours, theirs);
  if (merged !== undefined) return [clean(merged)];
  return [{ kind: 'conflict', what: 'front matter', base, ours, theirs }];
}
