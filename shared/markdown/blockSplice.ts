/**
 * Writes an edited block by changing only what the edit changed in its source: the old and new
 * content of each textblock are compared unit by unit, and only the differing run is replaced, at
 * a place in the source where the same delimiters are open, with text escaped for that place.
 * Every splice is checked by parsing the result; undefined means the caller renders the block.
 */
import { type JSONContent } from '@tiptap/core';
import { fingerprintOf } from './blockAlignment.js';
import { type Delimited, type TextblockMap, type Unit, unitsOfContent } from './inlineSourceMap.js';

type Mark = NonNullable<JSONContent['marks']>[number];
type NewUnit = Omit<Unit, 'from' | 'to' | 'around'>;

export interface SpliceHelpers {
  /** The normalized JSON of `markdown` if it is exactly one block. */
  parseBlock(markdown: string): JSONContent | undefined;
  /** Inline content rendered as Markdown (LF), in the file's style. */
  renderInline(content: JSONContent[]): string;
  /** Plain text escaped where it would otherwise read as syntax between `before` and `after`. */
  escape(text: string, before: string, after: string, table: boolean): string;
}

const textblockTypes = new Set(['paragraph', 'heading', 'codeBlock', 'calloutTitle']);

type Change = { path: number[]; kind: 'text' | 'checked' | 'callout' };

/** One replaced range of the old block source (LF offsets). */
export interface Replacement {
  from: number;
  to: number;
  text: string;
}

/** The textblocks and checkboxes that differ, or undefined when the structure itself changed. */
function changesBetween(old: JSONContent, next: JSONContent, path: number[], changes: Change[]): boolean {
  if (old.type !== next.type) return false;
  if (textblockTypes.has(old.type ?? '')) {
    if (fingerprintOf(old.attrs) !== fingerprintOf(next.attrs)) return false;
    if (fingerprintOf(old.content ?? []) !== fingerprintOf(next.content ?? []))
      changes.push({ path, kind: 'text' });
    return true;
  }
  if (fingerprintOf(old.attrs) !== fingerprintOf(next.attrs) && old.type === 'callout') {
    changes.push({ path, kind: 'callout' });
  } else if (fingerprintOf(old.attrs) !== fingerprintOf(next.attrs)) {
    if (old.type !== 'taskItem') return false;
    const { checked: _was, ...oldRest } = old.attrs ?? {};
    const { checked: _now, ...newRest } = next.attrs ?? {};
    if (fingerprintOf(oldRest) !== fingerprintOf(newRest)) return false;
    changes.push({ path, kind: 'checked' });
  }
  const oldChildren = old.content ?? [];
  const newChildren = next.content ?? [];
  if (oldChildren.length !== newChildren.length) return false;
  return oldChildren.every((child, index) =>
    changesBetween(child, newChildren[index]!, [...path, index], changes),
  );
}

function nodeAt(node: JSONContent, path: number[]): JSONContent {
  return path.reduce((current, index) => current.content![index]!, node);
}

function replacedAt(node: JSONContent, path: number[], replacement: JSONContent): JSONContent {
  if (path.length === 0) return replacement;
  const [index, ...rest] = path;
  const content = (node.content ?? []).slice();
  content[index!] = replacedAt(content[index!]!, rest, replacement);
  return { ...node, content };
}

function samePath(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function startsWith(path: number[], prefix: number[]): boolean {
  return prefix.every((value, index) => path[index] === value);
}

/**
 * The replacements (last first, none overlapping) that turn the old block source into the new
 * block, or undefined when the edit cannot be spliced into the old one.
 */
export function spliceBlock(
  source: string,
  oldNode: JSONContent,
  newNode: JSONContent,
  maps: TextblockMap[],
  helpers: SpliceHelpers,
): Replacement[] | undefined {
  const changes: Change[] = [];
  if (!changesBetween(oldNode, newNode, [], changes) || changes.length === 0) return undefined;
  const placed = changes.map((change) => {
    const map =
      change.kind === 'text'
        ? maps.find((candidate) => samePath(candidate.path, change.path))
        : maps.find((candidate) => startsWith(candidate.path, change.path));
    return { change, map };
  });
  if (placed.some((item) => !item.map || (item.change.kind === 'text' && item.map.implicit)))
    return undefined;
  // From the end of the source backwards, so the spans of those not yet spliced stay valid.
  placed.sort((a, b) => b.map!.from - a.map!.from || (a.change.kind === 'text' ? -1 : 1));
  let text = source;
  let current = oldNode;
  const replacements: Replacement[] = [];
  for (const { change, map } of placed) {
    const target = nodeAt(newNode, change.path);
    const next =
      change.kind === 'text'
        ? replacedAt(current, change.path, { ...nodeAt(current, change.path), content: target.content })
        : replacedAt(current, change.path, { ...nodeAt(current, change.path), attrs: target.attrs });
    const expected = fingerprintOf(next);
    const reads = (candidate: string) => fingerprintOf(helpers.parseBlock(candidate)) === expected;
    let spliced =
      change.kind === 'text'
        ? spliceText(text, map!, unitsOfContent(target.content ?? []), helpers, reads)
        : change.kind === 'callout'
          ? rewriteCalloutMarker(text, map!, target.attrs ?? {}, reads)
          : toggleCheckbox(text, map!, Boolean(target.attrs?.checked), reads);
    if (spliced === undefined) return undefined;
    if (change.kind === 'text' && map!.table) {
      const padded = keepingColumnWidth(text, spliced);
      if (padded && reads(text.slice(0, padded.from) + padded.text + text.slice(padded.to))) spliced = padded;
    }
    text = text.slice(0, spliced.from) + spliced.text + text.slice(spliced.to);
    replacements.push(spliced);
    current = next;
  }
  return replacements;
}

/** Offsets of a table line's cell-separating pipes (not escaped ones). */
function pipesOf(line: string): number[] {
  const pipes: number[] = [];
  for (let index = 0; index < line.length; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === '|') pipes.push(index);
  }
  return pipes;
}

/**
 * In a table whose columns are padded to one width, the edited cell takes its growth out of its
 * own padding, or pads what it lost, so the other rows stay as they are and the table aligned.
 * Undefined when the table is not aligned or the cell has no room.
 */
function keepingColumnWidth(text: string, replacement: Replacement): Replacement | undefined {
  const lines = text.split('\n');
  const pipes = lines.map(pipesOf);
  const layout = JSON.stringify(pipes[0]);
  if (lines.length < 2 || pipes.some((line) => JSON.stringify(line) !== layout)) return undefined;
  const lineEnd = text.indexOf('\n', replacement.to);
  const line = text.slice(replacement.to, lineEnd === -1 ? text.length : lineEnd);
  const pipe = pipesOf(line)[0];
  if (pipe === undefined) return undefined;
  const growth = replacement.text.length - (replacement.to - replacement.from);
  const end = replacement.to + pipe;
  const rest = text.slice(replacement.to, end);
  const padding = rest.length - rest.trimEnd().length;
  if (growth === 0 || (growth > 0 && padding - 1 < growth)) return undefined;
  const kept = growth > 0 ? rest.slice(0, rest.length - growth) : rest + ' '.repeat(-growth);
  return { from: replacement.from, to: end, text: replacement.text + kept };
}

function toggleCheckbox(
  text: string,
  map: TextblockMap,
  checked: boolean,
  reads: (candidate: string) => boolean,
): Replacement | undefined {
  const lineStart = text.lastIndexOf('\n', map.from - 1) + 1;
  const gap = text.slice(lineStart, map.from);
  const box = /\[[ xX]\](?=[ \t]*$)/.exec(gap) ?? /\[[ xX]\][ \t]/.exec(gap);
  if (!box) return undefined;
  const at = lineStart + box.index + 1;
  const replacement = { from: at, to: at + 1, text: checked ? 'x' : ' ' };
  return reads(text.slice(0, at) + replacement.text + text.slice(at + 1)) ? replacement : undefined;
}

/** A callout's type or fold changed: only its `[!type]fold` marker is written again. */
function rewriteCalloutMarker(
  text: string,
  map: TextblockMap,
  attrs: Record<string, unknown>,
  reads: (candidate: string) => boolean,
): Replacement | undefined {
  const lineStart = text.lastIndexOf('\n', map.from - 1) + 1;
  const marker = /\[![A-Za-z0-9_-]+\][-+]?/.exec(text.slice(lineStart, map.from));
  if (!marker) return undefined;
  const from = lineStart + marker.index;
  const replacement = {
    from,
    to: from + marker[0].length,
    text: `[!${String(attrs.type ?? 'note')}]${String(attrs.fold ?? '')}`,
  };
  const candidate = text.slice(0, replacement.from) + replacement.text + text.slice(replacement.to);
  return reads(candidate) ? replacement : undefined;
}

interface Boundary {
  at: number;
  around: Delimited | undefined;
  /** A unit inside every span of `around`, whose marks name them. */
  inside: Unit | undefined;
}

/** Positions after `unit` where the same or fewer delimiters are open: its end, then each span it closes. */
function after(unit: Unit): Boundary[] {
  const boundaries: Boundary[] = [{ at: unit.to, around: unit.around, inside: unit }];
  for (let span = unit.around; span && span.innerTo === boundaries.at(-1)!.at; span = span.parent) {
    boundaries.push({ at: span.to, around: span.parent, inside: unit });
  }
  return boundaries;
}

function before(unit: Unit): Boundary[] {
  const boundaries: Boundary[] = [{ at: unit.from, around: unit.around, inside: unit }];
  for (let span = unit.around; span && span.innerFrom === boundaries.at(-1)!.at; span = span.parent) {
    boundaries.push({ at: span.from, around: span.parent, inside: unit });
  }
  return boundaries;
}

const markTypeOfSpan: Record<string, string> = {
  strong: 'bold',
  em: 'italic',
  del: 'strike',
  link: 'link',
  codespan: 'code',
};

/** The marks the open delimiters at a boundary stand for. */
function openMarks(boundary: Boundary): Mark[] {
  const marks: Mark[] = [];
  for (let span = boundary.around; span; span = span.parent) {
    const mark = boundary.inside?.marks.find((candidate) => candidate.type === markTypeOfSpan[span!.type]);
    if (mark) marks.push(mark);
  }
  return marks;
}

function spliceText(
  text: string,
  map: TextblockMap,
  next: NewUnit[],
  helpers: SpliceHelpers,
  reads: (candidate: string) => boolean,
): Replacement | undefined {
  const old = map.units;
  let prefix = 0;
  while (prefix < old.length && prefix < next.length && old[prefix]!.key === next[prefix]!.key) prefix++;
  let suffix = 0;
  while (
    suffix < old.length - prefix &&
    suffix < next.length - prefix &&
    old[old.length - 1 - suffix]!.key === next[next.length - 1 - suffix]!.key
  ) {
    suffix++;
  }
  const removed = old.slice(prefix, old.length - suffix);
  const added = next.slice(prefix, next.length - suffix);
  const left: Boundary[] = [];
  if (prefix > 0) left.push(...after(old[prefix - 1]!));
  if (prefix < old.length) left.push(...before(old[prefix]!));
  if (old.length === 0) left.push({ at: map.from, around: undefined, inside: undefined });
  let right: Boundary[];
  if (removed.length === 0) right = left;
  else {
    right = [...after(removed[removed.length - 1]!)];
    if (suffix > 0) right.push(...before(old[old.length - suffix]!));
  }
  const first = removed[0];
  const last = removed[removed.length - 1];
  const pairs: [Boundary, Boundary][] = [];
  for (const start of left) {
    for (const end of right) {
      if (start.around !== end.around) continue;
      if (removed.length === 0 ? start.at !== end.at : start.at > first!.from || end.at < last!.to) continue;
      pairs.push([start, end]);
    }
  }
  // Smallest replaced range first; among equals, the one inside the most delimiters.
  pairs.sort((a, b) => a[1].at - a[0].at - (b[1].at - b[0].at) || depth(b[0].around) - depth(a[0].around));
  // Text typed into an empty textblock may need a separator first (a space after a callout's type).
  const opened = (written: string) =>
    old.length === 0 && written !== '' ? (map.insertPrefix ?? '') + written : written;
  let tried = 0;
  for (const [start, end] of pairs) {
    for (const rendered of renderings(
      text,
      map,
      added,
      openMarks(start.inside ? start : end),
      start.at,
      end.at,
      helpers,
    )) {
      if (++tried > 12) return undefined;
      const written = opened(rendered);
      if (reads(text.slice(0, start.at) + written + text.slice(end.at))) {
        return { from: start.at, to: end.at, text: written };
      }
    }
  }
  // The smallest enclosing unit: all of this textblock's content, written afresh.
  for (const written of renderings(text, map, next, [], map.from, map.to, helpers)) {
    if (reads(text.slice(0, map.from) + written + text.slice(map.to))) {
      return { from: map.from, to: map.to, text: written };
    }
  }
  return undefined;
}

function depth(span: Delimited | undefined): number {
  let count = 0;
  for (let current = span; current; current = current.parent) count++;
  return count;
}

function markKey(mark: Mark): string {
  return JSON.stringify(mark);
}

/** The ways to write `units` between `from` and `to`, simplest first; none when a unit lacks an open mark. */
function renderings(
  text: string,
  map: TextblockMap,
  units: NewUnit[],
  open: Mark[],
  from: number,
  to: number,
  helpers: SpliceHelpers,
): string[] {
  const openKeys = new Set(open.map(markKey));
  const content: JSONContent[] = [];
  for (const unit of units) {
    const keys = new Set(unit.marks.map(markKey));
    if ([...openKeys].some((key) => !keys.has(key))) return [];
    const extra = unit.marks.filter((mark) => !openKeys.has(markKey(mark)));
    const previous = content[content.length - 1];
    if (
      unit.character !== undefined &&
      previous?.type === 'text' &&
      fingerprintOf(previous.marks ?? []) === fingerprintOf(extra)
    ) {
      previous.text += unit.character;
    } else if (unit.character !== undefined) {
      content.push(
        extra.length > 0
          ? { type: 'text', text: unit.character, marks: extra }
          : { type: 'text', text: unit.character },
      );
    } else {
      content.push(extra.length > 0 ? { ...unit.node, marks: extra } : withoutMarks(unit.node));
    }
  }
  const continued = (written: string) =>
    map.linePrefix === undefined ? written : written.replace(/\n/g, `\n${map.linePrefix}`);
  if (map.code) return [continued(units.map((unit) => unit.character ?? '').join(''))];
  if (content.length === 0) return [''];
  const plain = content.every((node) => node.type === 'text' && !node.marks);
  const inCode = open.some((mark) => mark.type === 'code');
  if (plain || inCode) {
    const raw = content.map((node) => node.text).join('');
    if (inCode) return [continued(raw)];
    const escaped = helpers.escape(
      raw,
      text.slice(Math.max(0, from - 1), from),
      text.slice(to, to + 1),
      map.table,
    );
    // Last, every punctuation character escaped: a `#` or `-` typed at a line start needs it.
    const everything = raw.replace(/[!-/:-@[-`{-~]/g, (character) => `\\${character}`);
    return [...new Set([continued(raw), continued(escaped), continued(everything)])];
  }
  return [continued(helpers.renderInline(content))];
}

function withoutMarks(node: JSONContent): JSONContent {
  const { marks: _marks, ...rest } = node;
  return rest;
}
