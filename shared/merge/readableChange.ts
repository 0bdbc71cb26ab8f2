/**
 * A change as a PM reads it rather than as source lines: a requirement's fields ("priority should →
 * must"), its text by words, its acceptance criteria added and removed; a roadmap item or release
 * field by field; a front-matter field by its value. The source diff stays beside it, one click away.
 */
import { diffArrays, diffWords } from 'diff';
import { parseDocument } from 'yaml';
import { matchRequirementBlock, type RequirementAttributes } from '../grammar/linkGrammar.js';
import { approvalsOf, type Approval } from '../model/signOff.js';

/** A run of words: unchanged, or only on one side. */
export interface WordRun {
  text: string;
  change?: 'added' | 'removed';
}

export interface ReadableChange {
  /** Short values, before and after: `(none)` where a side has none. */
  fields: { field: string; from: string; to: string }[];
  /** Longer text (a requirement's statement, a criterion reworded, a description), by words. */
  texts: { what: string; words: WordRun[] }[];
  /** Whole parts one side has and the other not: criteria, roadmap items, releases. */
  added: { what: string; text: string }[];
  removed: { what: string; text: string }[];
  /** Changes said in a sentence where values would mean nothing to a PM (a story's review stamps). */
  notes?: string[];
}

const none = '(none)';

function emptyChange(): ReadableChange {
  return { fields: [], texts: [], added: [], removed: [] };
}

export function isEmptyChange(change: ReadableChange): boolean {
  const parts = change.fields.length + change.texts.length + change.added.length + change.removed.length;
  return parts + (change.notes?.length ?? 0) === 0;
}

/** A value in a few words: lists joined, objects as `name value` pairs. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return none;
  if (Array.isArray(value)) return value.length === 0 ? none : value.map(showValue).join(', ');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([name, inner]) => `${name} ${showValue(inner)}`)
      .join(', ');
  return String(value);
}

/**
 * The runs that are not added spell `before` exactly, so their lengths place marks in it: jsdiff gives
 * unchanged runs the whitespace of `after` ("account " for "account,"), which slid marks into half-words.
 */
export function wordRuns(before: string, after: string): WordRun[] {
  let at = 0;
  return diffWords(before, after).map((part, index, parts) => {
    if (part.added) return { text: part.value, change: 'added' as const };
    const start = at;
    at = index === parts.length - 1 ? before.length : endOfWords(before, at, part.value);
    const text = before.slice(start, at);
    return part.removed ? { text, change: 'removed' as const } : { text };
  });
}

/** Where in `text`, from `start`, the run's words end: the space before them, and after them if the run ends in one. */
function endOfWords(text: string, start: number, run: string): number {
  const space = (at: number) => at < text.length && /\s/.test(text[at]!);
  let left = run.replace(/\s+/g, '').length;
  let at = start;
  while (space(at)) at++;
  for (; at < text.length && left > 0; at++) if (!space(at)) left--;
  if (/\s$/.test(run)) while (space(at)) at++;
  return at;
}

/** Prose (several words) is compared by words; a short value reads better as `from → to`. */
const isProse = (value: unknown) => typeof value === 'string' && value.trim().split(/\s+/).length > 5;

/** Compares named values: prose by words, objects field by field (`rice.reach`), the rest as values. */
function compareValues(
  change: ReadableChange,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix = '',
): void {
  for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
    const [from, to] = [before[name], after[name]];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    const field = `${prefix}${name}`;
    const plain = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
    if (plain(from) && plain(to))
      compareValues(change, from as Record<string, unknown>, to as Record<string, unknown>, `${field}.`);
    else if (
      (isProse(from) || isProse(to)) &&
      typeof (from ?? '') === 'string' &&
      typeof (to ?? '') === 'string'
    )
      change.texts.push({ what: field, words: wordRuns((from as string) ?? '', (to as string) ?? '') });
    else change.fields.push({ field, from: showValue(from), to: showValue(to) });
  }
}

const listItem = /^(?:[-*+]|\d+[.)])[ \t]+/;

/** A requirement's inside: its statement (everything but top-level list items) and its criteria. */
function requirementParts(block: string): {
  attributes?: RequirementAttributes;
  text: string;
  criteria: string[];
} {
  const match = block === '' ? undefined : matchRequirementBlock(block.replace(/\r\n/g, '\n'));
  const inner = match ? match.inner : block;
  const text: string[] = [];
  const criteria: string[] = [];
  let inItem = false;
  for (const line of inner.split('\n')) {
    if (listItem.test(line)) {
      criteria.push(line.replace(listItem, '').trim());
      inItem = true;
    } else if (inItem && /^[ \t]+\S/.test(line)) criteria[criteria.length - 1] += ` ${line.trim()}`;
    else {
      inItem = false;
      text.push(line);
    }
  }
  return {
    ...(match ? { attributes: match.attributes } : {}),
    text: text
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    criteria,
  };
}

function attributeValues(attributes: RequirementAttributes | undefined): Record<string, unknown> {
  if (!attributes) return {};
  return {
    key: attributes.key,
    priority: attributes.priority,
    status: attributes.status,
    roadmap: attributes.roadmap,
    ...Object.fromEntries(attributes.extra),
  };
}

/** Two criteria are one reworded when at least half their words are shared. */
function similar(a: string, b: string): boolean {
  const words = (text: string) => new Set(text.toLowerCase().split(/\W+/).filter(Boolean));
  const [left, right] = [words(a), words(b)];
  const shared = [...left].filter((word) => right.has(word)).length;
  return shared * 2 >= Math.max(left.size, right.size);
}

/** A requirement block before and after (`''` for a side without it). */
export function readableRequirement(before: string, after: string): ReadableChange {
  const change = emptyChange();
  const [old, now] = [requirementParts(before), requirementParts(after)];
  const [oldFields, newFields] = [attributeValues(old.attributes), attributeValues(now.attributes)];
  for (const name of [...new Set([...Object.keys(oldFields), ...Object.keys(newFields)])]) {
    if (after === '') break;
    // An added requirement lists the fields it starts with ("priority must"), not as a move.
    if (before === '') {
      const to = showValue(newFields[name]);
      if (name !== 'key' && to !== showValue(undefined)) change.fields.push({ field: name, from: '', to });
      continue;
    }
    const [from, to] = [showValue(oldFields[name]), showValue(newFields[name])];
    if (from !== to) change.fields.push({ field: name, from, to });
  }
  if (old.text !== now.text) change.texts.push({ what: 'text', words: wordRuns(old.text, now.text) });
  let removed: string[] = [];
  let added: string[] = [];
  const settle = () => {
    for (const text of removed) {
      const partner = added.find((candidate) => similar(text, candidate));
      if (partner === undefined) change.removed.push({ what: 'criterion', text });
      else {
        added = added.filter((candidate) => candidate !== partner);
        change.texts.push({ what: 'criterion', words: wordRuns(text, partner) });
      }
    }
    for (const text of added) change.added.push({ what: 'criterion', text });
    removed = [];
    added = [];
  };
  for (const run of diffArrays(old.criteria, now.criteria)) {
    if (run.removed) removed.push(...run.value);
    else if (run.added) added.push(...run.value);
    else settle();
  }
  settle();
  return change;
}

/** A roadmap item or release by its fields (undefined for a side without it). */
export function readableFields(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
  titleField = 'title',
): ReadableChange {
  const change = emptyChange();
  if (!before || !after) {
    const side = (before ?? after)!;
    const list = before ? change.removed : change.added;
    list.push({ what: String(side.key ?? ''), text: showValue(side[titleField]) });
    return change;
  }
  const { key: oldKey, ...oldRest } = before;
  const { key: newKey, ...newRest } = after;
  compareValues(change, { key: oldKey, ...oldRest }, { key: newKey, ...newRest });
  return change;
}

/** One front-matter field's source (`status: draft\n`) before and after; `''` for a side without it. */
export function readableFrontMatterField(field: string, before: string, after: string): ReadableChange {
  const change = emptyChange();
  const valueOf = (source: string): unknown => {
    if (source === '') return undefined;
    const parsed = parseDocument(source, { logLevel: 'silent' });
    if (parsed.errors.length > 0) return source.trim();
    return (parsed.toJS() as Record<string, unknown> | null)?.[field];
  };
  const [from, to] = [valueOf(before), valueOf(after)];
  if (field === 'reviewed') {
    const notes = reviewNotes(from, to);
    if (notes) return { ...change, notes };
  }
  if (field === 'approvals') {
    const notes = approvalNotes(from, to);
    if (notes.length > 0) return { ...change, notes };
  }
  if (Array.isArray(from) && Array.isArray(to)) {
    const [oldItems, newItems] = [from.map(showValue), to.map(showValue)];
    for (const item of newItems) if (!oldItems.includes(item)) change.added.push({ what: field, text: item });
    for (const item of oldItems)
      if (!newItems.includes(item)) change.removed.push({ what: field, text: item });
    if (change.added.length + change.removed.length > 0) return change;
  }
  compareValues(change, { [field]: from }, { [field]: to });
  return change;
}

/**
 * A story's `reviewed:` stamps (requirement → fingerprint of its text) in a PM's words: "Marked reviewed
 * against REQ-3's current text", not two fingerprints. Undefined when either side is not a stamp map.
 */
function reviewNotes(from: unknown, to: unknown): string[] | undefined {
  const stamps = (value: unknown) =>
    value === undefined || value === null
      ? {}
      : typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
  const [before, after] = [stamps(from), stamps(to)];
  if (!before || !after) return undefined;
  const notes: string[] = [];
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    notes.push(
      after[key] === undefined
        ? `No longer marked reviewed against ${key}`
        : `Marked reviewed against ${key}'s current text`,
    );
  }
  return notes;
}

/**
 * A spec's `approvals:` in a PM's words: "Approved by Dana PM on 2026-12-07", not the entry's email, time
 * and fingerprint run together as values.
 */
function approvalNotes(from: unknown, to: unknown): string[] {
  const list = (value: unknown) => approvalsOf({ approvals: value });
  const said = (approval: Approval) =>
    `${approval.by}${approval.at === '' ? '' : ` on ${approval.at.slice(0, 10)}`}`;
  const same = (a: Approval, b: Approval) =>
    a.by === b.by && a.at === b.at && a.fingerprint === b.fingerprint;
  const [before, after] = [list(from), list(to)];
  return [
    ...after
      .filter((approval) => !before.some((old) => same(old, approval)))
      .map((approval) => `Approved by ${said(approval)}`),
    ...before
      .filter((approval) => !after.some((now) => same(now, approval)))
      .map((approval) => `Approval by ${said(approval)} taken out`),
  ];
}

/** Any other text (a paragraph, a heading, a list), by words. */
export function readableText(before: string, after: string): ReadableChange {
  const change = emptyChange();
  if (before !== after) change.texts.push({ what: 'text', words: wordRuns(before.trim(), after.trim()) });
  return change;
}

/** For a terminal: fields on one line, words as git's `--word-diff` writes them (`[-old-]{+new+}`). */
export function readableLines(change: ReadableChange): string[] {
  const lines: string[] = [];
  if (change.fields.length > 0)
    lines.push(
      change.fields
        .map((field) =>
          field.from === '' ? `${field.field} ${field.to}` : `${field.field} ${field.from} → ${field.to}`,
        )
        .join(' · '),
    );
  for (const text of change.texts) {
    const words = text.words
      .map((run) =>
        run.change === 'added' ? `{+${run.text}+}` : run.change === 'removed' ? `[-${run.text}-]` : run.text,
      )
      .join('');
    const [first = '', ...rest] = words.split('\n');
    lines.push(`${text.what}: ${first}`, ...rest.map((line) => (line === '' ? '' : `  ${line}`)));
  }
  lines.push(...(change.notes ?? []));
  for (const part of change.added) lines.push(`+ ${part.what} ${part.text}`);
  for (const part of change.removed) lines.push(`- ${part.what} ${part.text}`);
  return lines;
}
