/**
 * Spaces at the edge of a code span (`` `aliases: ` ``): TipTap's Markdown manager moves a marked
 * run's leading and trailing whitespace outside its delimiters, which is right for emphasis but
 * changes a code span's text. These two helpers keep them inside: each edge space or tab of code
 * text is swapped for a placeholder before serializing and put back after.
 */
import { type JSONContent } from '@tiptap/core';

const placeholders: Record<string, string> = { ' ': '\uF8F2', '\t': '\uF8F3' };
const restorePattern = /[\uF8F2\uF8F3]/g;

const holdEdges = (run: string) => run.replace(/[ \t]/g, (space) => placeholders[space]!);

/** A copy of `node` whose code text holds placeholders for its edge spaces; `held` says if any. */
export function placeholdCodeEdgeSpaces(node: JSONContent): { node: JSONContent; held: boolean } {
  let held = false;
  const visit = (current: JSONContent): JSONContent => {
    if (current.type === 'text' && (current.marks ?? []).some((mark) => mark.type === 'code')) {
      const text = current.text ?? '';
      const edged = text.replace(/^[ \t]+|[ \t]+$/g, holdEdges);
      if (edged === text) return current;
      held = true;
      return { ...current, text: edged };
    }
    return current.content ? { ...current, content: current.content.map(visit) } : current;
  };
  return { node: visit(node), held };
}

export function restoreCodeEdgeSpaces(markdown: string): string {
  return markdown.replace(restorePattern, (held) => (held === '\uF8F2' ? ' ' : '\t'));
}
