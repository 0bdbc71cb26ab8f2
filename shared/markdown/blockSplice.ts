/**
 * Writes an edited block by changing only what the edit changed in its source: the old and new
 * content of each textblock are compared unit by unit, and only the differing run is replaced, at
 * a place in the source where the same delimiters are open, with text escaped for that place.
 * Every splice is checked by parsing the result; undefined means the caller renders the block.
 */
import { type JSONContent } from '@tiptap/core';
import { fingerprintOf } from './blockAlignment.js';
import { changesBetween, type Change } from './blockChanges.js';
import {
  ListLayout,
  listEdits,
  quoteEdits,
  renumberingOf,
  rowEdits,
  type SourceEdit,
} from './childSplice.js';
import { type Delimited, type TextblockMap, type Unit, unitsOfContent } from './inlineSourceMap.js';
import { realignTable } from './tableRealign.js';
import { boxCharacter, taskBoxPattern } from './taskBox.js';

type Mark = NonNullable<JSONContent['marks']>[number];
type NewUnit = Omit<Unit, 'from' | 'to' | 'around'>;

export interface SpliceHelpers {
  /** The normalized JSON of `markdown` if it is exactly one block. */
  parseBlock(markdown: string): JSONContent | undefined;
  /** Inline content rendered as Markdown (LF): in the file's style, then in the standard one. */
  renderInline(content: JSONContent[]): string[];
  /** A whole block (a new item's nested list) in the file's style. */
  renderBlock(node: JSONContent): string;
  /** Plain text escaped where it would otherwise read as syntax between `before` and `after`. */
  escape(text: string, before: string, after: string, table: boolean): string;
}

/** One replaced range of the old block source (LF offsets). */
export interface Replacement {
  from: number;
  to: number;
  text: string;
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

/** The node with the children of the list or table at `path` replaced. */
function withChildren(
  node: JSONContent,
  path: number[],
  edit: (children: JSONContent[]) => void,
): JSONContent {
  const target = nodeAt(node, path);
  const children = (target.content ?? []).slice();
  edit(children);
  return replacedAt(node, path, { ...target, content: children });
}

function samePath(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function startsWith(path: number[], prefix: number[]): boolean {
  return prefix.every((value, index) => path[index] === value);
}

interface Step {
  /** Where in the old source it applies: steps run from the last to the first. */
  at: number;
  /** Among steps at one place, structural ones (later in the text) run first. */
  order: number;
  run(text: string, current: JSONContent): { edit: Replacement; next: JSONContent } | undefined;
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
  const changes = changesBetween(oldNode, newNode);
  if (!changes || changes.length === 0) return undefined;
  const steps: Step[] = [];
  for (const change of changes) {
    const planned =
      change.kind === 'insert' || change.kind === 'remove'
        ? childSteps(source, oldNode, change, changes, maps, helpers)
        : textStep(change, maps, newNode, helpers);
    if (!planned) return undefined;
    steps.push(...planned);
  }
  steps.sort((a, b) => b.at - a.at || a.order - b.order);
  let text = source;
  let current = oldNode;
  const replacements: Replacement[] = [];
  for (const step of steps) {
    const done = step.run(text, current);
    if (!done) return undefined;
    text = text.slice(0, done.edit.from) + done.edit.text + text.slice(done.edit.to);
    replacements.push(done.edit);
    current = done.next;
  }
  const expected = fingerprintOf(newNode);
  if (fingerprintOf(current) !== expected) return undefined;
  if (oldNode.type === 'table') {
    const realigned = realignTable(source, text);
    if (
      realigned !== undefined &&
      realigned !== text &&
      fingerprintOf(helpers.parseBlock(realigned)) === expected
    )
      return [wholeDifference(source, realigned)];
  }
  return replacements;
}

/** One replacement from the first to the last character that differs. */
function wholeDifference(before: string, after: string): Replacement {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix++;
  return { from: prefix, to: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

function textStep(
  change: Extract<Change, { kind: 'text' | 'checked' | 'callout' }>,
  maps: TextblockMap[],
  newNode: JSONContent,
  helpers: SpliceHelpers,
): Step[] | undefined {
  const map =
    change.kind === 'text'
      ? maps.find((candidate) => samePath(candidate.path, change.path))
      : maps.find((candidate) => startsWith(candidate.path, change.path));
  if (!map || (change.kind === 'text' && map.implicit)) return undefined;
  const target = nodeAt(newNode, change.target);
  return [
    {
      at: map.from,
      order: change.kind === 'text' ? 1 : 2,
      run: (text, current) => {
        const next =
          change.kind === 'text'
            ? replacedAt(current, change.path, { ...nodeAt(current, change.path), content: target.content })
            : replacedAt(current, change.path, { ...nodeAt(current, change.path), attrs: target.attrs });
        const expected = fingerprintOf(next);
        const reads = (candidate: string) => fingerprintOf(helpers.parseBlock(candidate)) === expected;
        const edit =
          change.kind === 'text'
            ? spliceText(text, map, unitsOfContent(target.content ?? []), helpers, reads)
            : change.kind === 'callout'
              ? rewriteCalloutMarker(text, map, target.attrs ?? {}, reads)
              : toggleCheckbox(text, map, boxCharacter(target.attrs), reads);
        return edit && { edit, next };
      },
    },
  ];
}

/** An item or row added or removed, and (once per list) the numbers that keep a list numbered. */
function childSteps(
  source: string,
  oldNode: JSONContent,
  change: Extract<Change, { kind: 'insert' | 'remove' }>,
  changes: Change[],
  maps: TextblockMap[],
  helpers: SpliceHelpers,
): Step[] | undefined {
  const container = nodeAt(oldNode, change.path);
  const childHelpers = {
    renderInline: (content: JSONContent[]) => helpers.renderInline(content)[0]!,
    renderBlock: helpers.renderBlock,
  };
  let edits: SourceEdit[] | undefined;
  if (container.type === 'table') {
    edits = change.path.length === 0 ? rowEdits(source, change, childHelpers) : undefined;
  } else if (container.type === 'blockquote') {
    edits = quoteEdits(source, maps, container, change, childHelpers);
  } else {
    edits = listEdits(source, maps, container, change, childHelpers);
  }
  if (!edits) return undefined;
  const steps: Step[] = edits.map((edit) => ({
    at: edit.from,
    order: 0,
    run: (text, current) => {
      const next = withChildren(current, change.path, (children) => {
        if (change.kind === 'remove') children.splice(change.index, 1);
        else children.splice(change.after + 1, 0, change.node);
      });
      const candidate = text.slice(0, edit.from) + edit.text + text.slice(edit.to);
      return fingerprintOf(helpers.parseBlock(candidate)) === fingerprintOf(next)
        ? { edit, next }
        : undefined;
    },
  }));
  // The first structural change of an ordered list also renumbers its items.
  const first = changes.find(
    (other) => other.kind !== 'text' && other.kind !== 'checked' && samePath(other.path, change.path),
  );
  if (container.type === 'orderedList' && first === change) {
    const layout = new ListLayout(source, maps, change.path, (container.content ?? []).length);
    for (const edit of renumberingOf(
      layout,
      (container.content ?? []).length,
      newIndexOf(changes, change.path),
    )) {
      steps.push({ at: edit.from, order: 3, run: (_text, current) => ({ edit, next: current }) });
    }
  }
  return steps;
}

/** For each old child of the list at `path`, its index in the new list (undefined if removed). */
function newIndexOf(changes: Change[], path: number[]): (oldIndex: number) => number | undefined {
  const own = changes.filter(
    (change) => change.kind !== 'text' && change.kind !== 'checked' && samePath(change.path, path),
  );
  return (oldIndex) => {
    let shift = 0;
    for (const change of own) {
      if (change.kind === 'remove' && change.index === oldIndex) return undefined;
      if (change.kind === 'remove' && change.index < oldIndex) shift--;
      if (change.kind === 'insert' && change.after < oldIndex) shift++;
    }
    return oldIndex + shift;
  };
}

const boxAtEnd = new RegExp(String.raw`${taskBoxPattern}(?=[ \t]*$)`);
const boxBeforeText = new RegExp(String.raw`${taskBoxPattern}[ \t]`);

/** A task item's box changed state: only its character is written again. */
function toggleCheckbox(
  text: string,
  map: TextblockMap,
  character: string,
  reads: (candidate: string) => boolean,
): Replacement | undefined {
  const lineStart = text.lastIndexOf('\n', map.from - 1) + 1;
  const gap = text.slice(lineStart, map.from);
  const box = boxAtEnd.exec(gap) ?? boxBeforeText.exec(gap);
  if (!box) return undefined;
  const at = lineStart + box.index + 1;
  const replacement = { from: at, to: at + 1, text: character };
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
  return [...new Set(helpers.renderInline(content).map(continued))];
}

function withoutMarks(node: JSONContent): JSONContent {
  const { marks: _marks, ...rest } = node;
  return rest;
}
