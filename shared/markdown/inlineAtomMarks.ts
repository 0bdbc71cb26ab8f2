/**
 * Marks around inline atoms (`**[[SPEC-3]]**`, a link around an image): TipTap's Markdown manager
 * drops them when parsing and misplaces their delimiters when serializing; these two helpers fix both.
 */
import { type JSONContent } from '@tiptap/core';

type Mark = NonNullable<JSONContent['marks']>[number];

/** Applies a mark to parsed inline content, atoms included (the stock version skips them). */
export function applyMarkToContent(
  markType: string,
  content: JSONContent[],
  attrs?: Record<string, unknown>,
): JSONContent[] {
  const mark: Mark = attrs ? { type: markType, attrs } : { type: markType };
  return content.map((node) => {
    if (node.type !== 'text' && node.content) {
      return { ...node, content: applyMarkToContent(markType, node.content, attrs) };
    }
    return { ...node, marks: [...(node.marks ?? []), mark] };
  });
}

const placeholderPattern = /\uF8F0(\d+)\uF8F1/g;

/**
 * Replaces every inline atom that carries marks with a text placeholder carrying the same marks,
 * so mark delimiters are written by the text path; `restore` puts the atoms' Markdown back.
 */
export function placeholdMarkedAtoms(node: JSONContent): { node: JSONContent; atoms: JSONContent[] } {
  const atoms: JSONContent[] = [];
  const visit = (current: JSONContent): JSONContent => {
    if (current.type !== 'text' && !current.content && current.marks && current.marks.length > 0) {
      atoms.push({ ...current, marks: undefined });
      return { type: 'text', text: `\uF8F0${atoms.length - 1}\uF8F1`, marks: current.marks };
    }
    return current.content ? { ...current, content: current.content.map(visit) } : current;
  };
  return { node: visit(node), atoms };
}

export function restoreMarkedAtoms(
  markdown: string,
  atoms: JSONContent[],
  render: (atom: JSONContent) => string,
): string {
  return atoms.length === 0
    ? markdown
    : markdown.replace(placeholderPattern, (_, index: string) => render(atoms[Number(index)]!));
}
