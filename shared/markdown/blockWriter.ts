/**
 * Writes a list of top-level nodes back to Markdown: every node whose JSON is unchanged is emitted
 * from its original source text with its original separators; only edited or new nodes are rendered.
 */
import { type JSONContent } from '@tiptap/core';
import { formatRequirementOpen } from '../grammar/linkGrammar.js';
import { alignBlocks, fingerprintOf } from './blockAlignment.js';
import { requirementAttributesOf } from './extensions/requirement.js';

export interface SourceText {
  /** The body as in the file. */
  body: string;
  /** The body with LF line endings; all offsets below are into this text. */
  normalized: string;
  /** For each normalized offset, the body offset of the same character (absent when they are equal). */
  offsets: Uint32Array | undefined;
  lineEnding: '\n' | '\r\n';
}

export interface BlockSource {
  start: number;
  end: number;
  node: JSONContent;
  fingerprint: string;
  /** For a requirement block: where its opening line ends, its inner blocks, where its closing line starts. */
  requirement?: { openEnd: number; inner: BlockList; closeStart: number };
}

export interface BlockList {
  start: number;
  end: number;
  blocks: BlockSource[];
}

export interface BlockRenderer {
  /** Canonical Markdown (LF) for one node. */
  render(node: JSONContent): string;
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

function isEmptyParagraph(node: JSONContent): boolean {
  return node.type === 'paragraph' && (node.content ?? []).length === 0;
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
  if (old.length === 0) {
    const region = original(source, list.start, list.end);
    if (visible.length === 0) return region;
    const rendered = visible.map((node) => withLineEnding(source, renderer.render(node)));
    const separator = source.lineEnding + source.lineEnding;
    return rendered.join(separator) + (region === '' ? source.lineEnding : region);
  }
  const match = alignBlocks(
    old.map((block) => block.fingerprint),
    visible.map((node) => fingerprintOf(node)),
  );
  const counterpart = pairReplacements(old, visible, match);

  let output = original(source, list.start, old[0]!.start);
  let previousSlot: number | undefined;
  let emitted = 0;
  visible.forEach((node, index) => {
    const slot = counterpart[index]!;
    const text =
      match[index]! >= 0
        ? original(source, old[slot]!.start, old[slot]!.end)
        : renderChanged(source, node, slot >= 0 ? old[slot] : undefined, renderer);
    if (text === '') return;
    if (emitted > 0) {
      output +=
        previousSlot !== undefined && slot === previousSlot + 1
          ? original(source, old[previousSlot]!.end, old[slot]!.start)
          : source.lineEnding + source.lineEnding;
    }
    output += text;
    previousSlot = slot >= 0 ? slot : undefined;
    emitted++;
  });
  return output + original(source, old[old.length - 1]!.end, list.end);
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
  return withLineEnding(source, renderer.render(node));
}
