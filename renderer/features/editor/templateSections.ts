/**
 * The editor's document cut into sections as the engine cuts a file (`summarizeSections`): each
 * heading's section runs to the next heading of the same or a higher level, subsections included,
 * and the blocks before the first heading are a section of their own. A section whose words are
 * exactly its template's example is guidance, not content.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { withoutComments } from '../../../shared/grammar/htmlComments.js';
import { referenceOf } from '../../../shared/markdown/extensions/reference.js';
import { formatReference } from '../../../shared/grammar/linkGrammar.js';
import {
  exampleWordLimit,
  fingerprintOf,
  isExampleSection,
  sectionKey,
} from '../../../shared/templates/templateExamples.js';

export interface DocumentSection {
  /** `''` for the blocks before the first heading. */
  title: string;
  level: number;
  /** Top-level blocks of the section (its heading excluded, subheadings included), with their positions. */
  blocks: { node: ProseMirrorNode; pos: number }[];
  /** Whether anything but subheadings and guidance holds words, or a requirement, image or reference (read on demand: it reads every block). */
  hasContent: () => boolean;
  /** Whether its words are its template's example. */
  example: boolean;
}

/** A heading node, or a heading the codec kept as raw source (it never loses a block it cannot model). */
export function headingOf(node: ProseMirrorNode): { level: number; title: string } | undefined {
  if (node.type.name === 'heading')
    return { level: Number(node.attrs.level ?? 1), title: node.textContent.trim() };
  if (node.type.name !== 'rawBlock') return undefined;
  const match = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*\s*$/.exec(String(node.attrs.source ?? ''));
  return match ? { level: match[1]!.length, title: match[2]!.trim() } : undefined;
}

/** The text a block reads as, as its Markdown source would: guidance comments out, references as written. */
function readableText(node: ProseMirrorNode): string {
  if (node.type.name === 'rawBlock' || node.type.name === 'rawInline') {
    let inComment = false;
    return String(node.attrs.source ?? '')
      .split('\n')
      .map((line) => {
        const visible = withoutComments(line, inComment);
        inComment = visible.inComment;
        return visible.text;
      })
      .join('\n');
  }
  if (node.type.name === 'reference') return formatReference(referenceOf(node.attrs));
  if (node.isText) return node.text ?? '';
  const parts: string[] = [];
  node.forEach((child) => parts.push(readableText(child)));
  return parts.join(node.isTextblock ? '' : ' ');
}

const wordPattern = /[\p{L}\p{N}]+/gu;
/** Sections bigger than this (in ProseMirror positions) are never an example, and are never read for one. */
const exampleSizeLimit = 4000;

function wordsOf(blocks: readonly { node: ProseMirrorNode }[]): string[] | undefined {
  const words: string[] = [];
  for (const { node } of blocks) {
    for (const match of readableText(node).matchAll(wordPattern)) {
      words.push(match[0].toLowerCase());
      if (words.length > exampleWordLimit) return undefined;
    }
  }
  return words;
}

/** Whether a block reads as any words (a guidance comment alone does not). */
export function hasWords(node: ProseMirrorNode): boolean {
  return /[\p{L}\p{N}]/u.test(readableText(node));
}

function containsContent(node: ProseMirrorNode): boolean {
  if (headingOf(node)) return false;
  let found = false;
  node.descendants((child) => {
    if (found) return false;
    if (['requirement', 'image', 'reference'].includes(child.type.name)) found = true;
    return !found;
  });
  return found || node.type.name === 'requirement' || hasWords(node);
}

export function documentSections(
  doc: ProseMirrorNode,
  examples: ReadonlyMap<string, string> | undefined,
): DocumentSection[] {
  const open: { title: string; level: number; blocks: { node: ProseMirrorNode; pos: number }[] }[] = [
    { title: '', level: 0, blocks: [] },
  ];
  const all = [open[0]!];
  doc.forEach((node, offset) => {
    const heading = headingOf(node);
    if (heading) {
      while (open.length > 0 && open.at(-1)!.level >= heading.level) open.pop();
      // Every section still open holds this heading: a subheading's text is part of a parent's example.
      for (const section of open) if (section.level > 0) section.blocks.push({ node, pos: offset });
      const section = { title: heading.title, level: heading.level, blocks: [] };
      open.push(section);
      all.push(section);
      return;
    }
    for (const section of open)
      if (section.level > 0 || open.length === 1) section.blocks.push({ node, pos: offset });
  });
  return all.map((section) => {
    const size = section.blocks.reduce((total, block) => total + block.node.nodeSize, 0);
    const words =
      examples?.has(sectionKey(section.title)) === true && size <= exampleSizeLimit
        ? wordsOf(section.blocks)
        : undefined;
    return {
      ...section,
      hasContent: () => section.blocks.some((block) => containsContent(block.node)),
      example:
        words !== undefined &&
        words.length > 0 &&
        isExampleSection(examples, section.title, fingerprintOf(words)),
    };
  });
}
