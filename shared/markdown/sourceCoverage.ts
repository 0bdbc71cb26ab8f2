/**
 * How much of a parsed document the editor shows as Markdown source rather than as what it means:
 * blocks (top level and inside requirement cards and `<details>`) kept as raw source boxes, and inline constructs
 * (links, references, images, emphasis, code, line breaks) kept as raw source atoms. Kept source the
 * editor renders (footnotes, math, comments, entities, safe HTML blocks, paired inline tags such as
 * `<kbd>…</kbd>`, `<br>`) is not counted as source.
 */
import type { JSONContent } from '@tiptap/core';
import { renderedInlineHtml } from './inlineHtml.js';
import { rawBlockRenders, rawInlineRenders } from './rawInlineKind.js';

export interface SourceCoverage {
  blocks: number;
  rawBlocks: number;
  /** Inline constructs: every inline node that is not plain text, and every marked run of text. */
  inline: number;
  rawInline: number;
}

export function emptyCoverage(): SourceCoverage {
  return { blocks: 0, rawBlocks: 0, inline: 0, rawInline: 0 };
}

/** A block shown as source: its text, and why the codec kept it so (when it said). */
export interface ShownAsSource {
  source: string;
  reason?: string;
}

/** `shownAsSource`, when given, collects each block counted as shown as source, in order. */
export function sourceCoverage(doc: JSONContent, shownAsSource?: ShownAsSource[]): SourceCoverage {
  const coverage = emptyCoverage();
  const visitBlock = (node: JSONContent): void => {
    if (node.type === 'requirement' || node.type === 'details') {
      coverage.blocks++;
      (node.content ?? []).filter((child) => child.type !== 'detailsSummary').forEach(visitBlock);
      return;
    }
    coverage.blocks++;
    if (node.type === 'rawBlock') {
      const source = String(node.attrs?.source ?? '');
      if (!rawBlockRenders(source)) {
        coverage.rawBlocks++;
        const reason = node.attrs?.reason;
        shownAsSource?.push(typeof reason === 'string' ? { source, reason } : { source });
      }
    } else visitInline(node);
  };
  const visitInline = (node: JSONContent): void => {
    const children = node.content ?? [];
    const shownHtml = renderedInlineHtml(
      children.map((child) => (child.type === 'rawInline' ? String(child.attrs?.source ?? '') : undefined)),
    );
    for (const [index, child] of children.entries()) {
      if (child.type === 'text') {
        if ((child.marks ?? []).length > 0) coverage.inline++;
      } else if (child.type === 'rawInline') {
        coverage.inline++;
        if (!rawInlineRenders(String(child.attrs?.source ?? '')) && !shownHtml.has(index))
          coverage.rawInline++;
      } else if (child.content === undefined || isInlineLeaf(child)) {
        coverage.inline++;
      } else {
        visitInline(child);
      }
    }
  };
  // The empty document the codec makes of an empty body is no block of the file's.
  const content = doc.content ?? [];
  if (!(content.length === 1 && content[0]!.type === 'paragraph' && content[0]!.content === undefined)) {
    content.forEach(visitBlock);
  }
  return coverage;
}

function isInlineLeaf(node: JSONContent): boolean {
  return node.type === 'reference' || node.type === 'image' || node.type === 'hardBreak';
}

export function addCoverage(total: SourceCoverage, part: SourceCoverage): void {
  total.blocks += part.blocks;
  total.rawBlocks += part.rawBlocks;
  total.inline += part.inline;
  total.rawInline += part.rawInline;
}

/** `12 of 140 blocks (8.6 %)`. */
export function formatShare(part: number, whole: number, noun: string): string {
  const percent = whole === 0 ? 0 : (part / whole) * 100;
  const shown =
    percent === 0 || percent >= 10 ? percent.toFixed(0) : percent < 0.1 ? '<0.1' : percent.toFixed(1);
  return `${part.toLocaleString('en-US')} of ${whole.toLocaleString('en-US')} ${noun} (${shown} %)`;
}
