/**
 * Writes a list of top-level nodes back to Markdown: every node whose JSON is unchanged is emitted
 * from its original source text with its original separators; only edited or new nodes are rendered.
 */
import { type JSONContent } from '@tiptap/core';
import { formatRequirementOpen } from '../grammar/linkGrammar.js';
import { alignBlocks, fingerprintOf, nodeFingerprint } from './blockAlignment.js';
import { requirementAttributesOf } from './extensions/requirement.js';
import type { Replacement } from './blockSplice.js';
import type { BlockList, BlockSource } from './blockSource.js';
import { editDetailsOpening } from './detailsBlock.js';
import { listRunTypes, withoutRunLooseness } from './taskRuns.js';

export type { BlockList, BlockSource } from './blockSource.js';

export interface SourceText {
  /** The body as in the file. */
  body: string;
  /** The body with LF line endings; all offsets below are into this text. */
  normalized: string;
  /** For each normalized offset, the body offset of the same character (absent when they are equal). */
  offsets: Uint32Array | undefined;
  lineEnding: '\n' | '\r\n';
}

export interface BlockRenderer {
  /** Markdown (LF) for one node, new or (`old`: its old source) rewritten in full. */
  render(node: JSONContent, old?: string): string;
  /** The replacements (LF offsets into `old`, last first) that make an edited block of `old` say `node`. */
  splice?(old: string, oldNode: JSONContent, node: JSONContent): Replacement[] | undefined;
  /** The top-level nodes a piece of Markdown parses to, to check a rendered block in its context. */
  parseFragment?(markdown: string): JSONContent[];
}

/** The body offset of a boundary in the normalized text (before a CR that was dropped). */
function boundary(source: SourceText, position: number): number {
  if (!source.offsets || position === 0) return position;
  return source.offsets[position - 1]! + 1;
}

function original(source: SourceText, start: number, end: number): string {
  return source.body.slice(boundary(source, start), boundary(source, end));
}

function withLineEnding(source: SourceText, text: string): string {
  return source.lineEnding === '\n' ? text : text.replace(/\n/g, source.lineEnding);
}

/** The same list written with other markers, so it does not merge with an adjacent list. */
function alternativeListMarkers(node: JSONContent, text: string): string[] {
  if (node.type === 'bulletList' || node.type === 'taskList') {
    return ['*', '+'].map((marker) => text.replace(/^-(?=[ \t]|\r?$)/gm, marker));
  }
  if (node.type === 'orderedList') return [text.replace(/^(\d{1,9})\.(?=[ \t]|\r?$)/gm, '$1)')];
  return [];
}

function isEmptyParagraph(node: JSONContent): boolean {
  return node.type === 'paragraph' && (node.content ?? []).length === 0;
}

interface Piece {
  node: JSONContent;
  /** The old block this node keeps or replaces, or -1. */
  slot: number;
  text: string;
  rendered: boolean;
  /** Written by changing only the edited parts of its old source (its separators are kept). */
  spliced?: boolean;
  /** Set when a kept single line break proved unsafe next to this piece. */
  blankLines?: boolean;
}

/** Blocks that end at a line of their own, so a block after them may follow without a blank line. */
const selfClosingTypes = new Set(['heading', 'horizontalRule', 'codeBlock']);

/** New tight bullet and task lists side by side are written as one list, as `- item` then `- [ ] task` was. */
function runsOfOneList({ node: first }: Piece, { node: second }: Piece): boolean {
  return (
    first.type !== second.type &&
    listRunTypes.has(first.type ?? '') &&
    listRunTypes.has(second.type ?? '') &&
    first.attrs?.loose !== true &&
    second.attrs?.loose !== true
  );
}

/**
 * The places in `pieces[from, to)` of list runs whose list goes on past that window: the looseness of
 * their one-item runs comes from lines the window does not hold, so a read-back cannot check it.
 */
function runsGoingOn(pieces: Piece[], from: number, to: number): Set<number> {
  const isRun = (index: number) => listRunTypes.has(pieces[index]?.node.type ?? '');
  const places = new Set<number>();
  if (isRun(from - 1)) for (let index = from; index < to && isRun(index); index++) places.add(index - from);
  if (isRun(to)) for (let index = to - 1; index >= from && isRun(index); index--) places.add(index - from);
  return places;
}

/** Serializes `nodes` in place of `list`, keeping the original text of every unchanged block. */
export function writeBlocks(
  source: SourceText,
  list: BlockList,
  nodes: JSONContent[],
  renderer: BlockRenderer,
): string {
  const old = list.blocks;
  const visible = nodes.filter((node) => !isEmptyParagraph(node));
  const blankLine = source.lineEnding + source.lineEnding;
  if (old.length === 0) {
    const region = original(source, list.start, list.end);
    if (visible.length === 0) return region;
    const rendered = visible.map((node) => withLineEnding(source, renderer.render(node)));
    return rendered.join(blankLine) + (region === '' ? source.lineEnding : region);
  }
  const match = alignBlocks(
    old.map((block) => block.fingerprint),
    visible.map((node) => nodeFingerprint(node)),
  );
  const counterpart = pairReplacements(old, visible, match);
  const render = (node: JSONContent, slot: number) =>
    renderChanged(source, node, slot >= 0 ? old[slot] : undefined, renderer);
  const pieces: Piece[] = visible
    .map((node, index): Piece => {
      const slot = counterpart[index]!;
      if (match[index]! >= 0) {
        return { node, slot, text: original(source, old[slot]!.start, old[slot]!.end), rendered: false };
      }
      const spliced = slot >= 0 ? splicedText(source, old[slot]!, node, renderer) : undefined;
      return spliced === undefined
        ? { node, slot, text: render(node, slot), rendered: true }
        : { node, slot, text: spliced, rendered: true, spliced: true };
    })
    .filter((piece) => piece.text !== '');

  const separator = (before: Piece, after: Piece): string => {
    if (
      before.rendered &&
      after.rendered &&
      !before.blankLines &&
      !after.blankLines &&
      runsOfOneList(before, after)
    )
      return '\n';
    if (before.slot < 0 || after.slot !== before.slot + 1) return blankLine;
    const kept = original(source, old[before.slot]!.end, old[after.slot]!.start);
    const hasBlankLine = /\n[ \t]*\r?\n/.test(kept);
    if (before.blankLines || after.blankLines) return hasBlankLine ? kept : blankLine;
    const keepsSource = (piece: Piece) => !piece.rendered || piece.spliced === true;
    const safe =
      (keepsSource(before) && keepsSource(after)) ||
      hasBlankLine ||
      selfClosingTypes.has(before.node.type ?? '');
    return safe ? kept : blankLine;
  };
  // Kept blocks next to each other in the old order are kept with the source between them: one slice.
  const keptRun = (before: Piece, after: Piece) =>
    !before.rendered &&
    !after.rendered &&
    !before.blankLines &&
    !after.blankLines &&
    after.slot === before.slot + 1;
  const join = (from: number, to: number) => {
    let text = '';
    for (let index = from; index < to;) {
      const piece = pieces[index]!;
      let last = index;
      while (last + 1 < to && keptRun(pieces[last]!, pieces[last + 1]!)) last++;
      if (index > from) text += separator(pieces[index - 1]!, piece);
      text +=
        last === index ? piece.text : original(source, old[piece.slot]!.start, old[pieces[last]!.slot]!.end);
      index = last + 1;
    }
    return text;
  };

  // A rendered block can change how its neighbours read (lazy lines, indentation, adjacent lists):
  // check it in context, then try other list markers, then render the neighbours too.
  const parseFragment = renderer.parseFragment;
  if (parseFragment) {
    pieces.forEach((piece, index) => {
      if (!piece.rendered) return;
      const from = Math.max(0, index - 1);
      const to = Math.min(pieces.length, index + 2);
      const unseen = runsGoingOn(pieces, from, to);
      const readBack = (nodes: JSONContent[]) =>
        fingerprintOf(nodes.map((node, at) => (unseen.has(at) ? withoutRunLooseness(node) : node)));
      const expected = readBack(pieces.slice(from, to).map((item) => item.node));
      const readsBack = () => readBack(parseFragment(join(from, to))) === expected;
      if (readsBack()) return;
      if (piece.spliced) {
        piece.spliced = false;
        piece.text = render(piece.node, piece.slot);
        if (readsBack()) return;
      }
      piece.blankLines = true;
      if (readsBack()) return;
      const text = piece.text;
      for (const alternative of alternativeListMarkers(piece.node, text)) {
        piece.text = alternative;
        if (readsBack()) return;
      }
      piece.text = text;
      for (const neighbour of [pieces[index - 1], pieces[index + 1]]) {
        if (!neighbour || neighbour.rendered) continue;
        neighbour.text = render(neighbour.node, -1);
        neighbour.rendered = true;
      }
    });
  }
  if (pieces.length === 0) return original(source, list.start, list.end);
  return (
    original(source, list.start, old[0]!.start) +
    join(0, pieces.length) +
    original(source, old[old.length - 1]!.end, list.end)
  );
}

/** The old block's own text with only the edited parts replaced, or undefined. */
function splicedText(
  source: SourceText,
  counterpart: BlockSource,
  node: JSONContent,
  renderer: BlockRenderer,
): string | undefined {
  if (!renderer.splice || counterpart.requirement || counterpart.details) return undefined;
  const replacements = renderer.splice(
    source.normalized.slice(counterpart.start, counterpart.end),
    counterpart.node,
    node,
  );
  if (!replacements) return undefined;
  const base = boundary(source, counterpart.start);
  let text = original(source, counterpart.start, counterpart.end);
  // Offsets are into the LF text: map each to the file's own bytes, so untouched line endings stay.
  for (const replacement of replacements) {
    const from = boundary(source, counterpart.start + replacement.from) - base;
    const to = boundary(source, counterpart.start + replacement.to) - base;
    text = text.slice(0, from) + withLineEnding(source, replacement.text) + text.slice(to);
  }
  return text;
}

/**
 * For each new node, the old block it stands in place of: its match, or for an edited node the next
 * unused old block of the same type after the previous one (so its separators can be kept), or -1.
 */
function pairReplacements(old: BlockSource[], nodes: JSONContent[], match: number[]): number[] {
  const used = new Set(match.filter((index) => index >= 0));
  const counterpart = match.slice();
  let previous = -1;
  nodes.forEach((node, index) => {
    if (match[index]! >= 0) {
      previous = match[index]!;
      return;
    }
    const candidate = previous + 1;
    if (candidate < old.length && !used.has(candidate) && old[candidate]!.node.type === node.type) {
      counterpart[index] = candidate;
      used.add(candidate);
      previous = candidate;
    }
  });
  return counterpart;
}

function renderChanged(
  source: SourceText,
  node: JSONContent,
  counterpart: BlockSource | undefined,
  renderer: BlockRenderer,
): string {
  const requirement = counterpart?.requirement;
  if (node.type === 'requirement' && counterpart && requirement) {
    const open =
      fingerprintOf(node.attrs) === fingerprintOf(counterpart.node.attrs)
        ? original(source, counterpart.start, requirement.openEnd)
        : formatRequirementOpen(requirementAttributesOf(node.attrs));
    let inner = writeBlocks(source, requirement.inner, node.content ?? [], renderer);
    if (inner !== '' && !inner.endsWith('\n')) inner += source.lineEnding;
    return (
      open +
      original(source, requirement.openEnd, requirement.inner.start) +
      inner +
      original(source, requirement.closeStart, counterpart.end)
    );
  }
  const details = counterpart?.details;
  if (node.type === 'details' && counterpart && details) {
    const before = source.normalized.slice(counterpart.start, details.openEnd);
    const open = withLineEnding(source, editDetailsOpening(before, node));
    const close = original(source, details.closeStart, counterpart.end);
    const body = (node.content ?? []).slice(1).filter((child) => !isEmptyParagraph(child));
    // With no blocks of its own to keep its blank lines, an emptied or filled body gets fresh ones.
    if (body.length === 0 || details.inner.blocks.length === 0) {
      const blank = source.lineEnding + source.lineEnding;
      const inner = body.map((child) => withLineEnding(source, renderer.render(child))).join(blank);
      return open + blank + (inner === '' ? '' : inner + blank) + close;
    }
    return open + writeBlocks(source, details.inner, body, renderer) + close;
  }
  const old = counterpart ? source.normalized.slice(counterpart.start, counterpart.end) : undefined;
  return withLineEnding(source, renderer.render(node, old));
}
