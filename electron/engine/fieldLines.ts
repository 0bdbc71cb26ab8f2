/**
 * Where the front-matter fields that hold links sit, so a link (and a broken one) points at the line
 * that makes it: the field's own line, or for a key on a line of its own (a block list's `- REQ-4`,
 * a flow list wrapped over lines) that line.
 */
import { keySource } from '../../shared/grammar/linkGrammar.js';

/** The front-matter fields that hold keys of other documents or requirements. */
export const linkFields = ['implements', 'answers', 'about', 'depends'] as const;
export type LinkField = (typeof linkFields)[number];

export type FieldLines = Partial<Record<LinkField, number>> & {
  /** The line of each key a link field lists below its own line, by field. */
  items?: Partial<Record<LinkField, Record<string, number>>>;
};

const fieldLinePattern = /^(implements|answers|about|depends)[ \t]*:/;
const keyGlobal = new RegExp(`(?<![A-Za-z0-9-])${keySource}(?![0-9])`, 'g');

/** Where `implements:`, `answers:` and `about:` and the keys listed under them sit in the file's front matter. */
export function frontMatterFieldLines(text: string, bodyLine: number): FieldLines {
  const lines: FieldLines = {};
  if (bodyLine <= 1) return lines;
  let start = 0;
  /** The link field whose value may go on over the next lines. */
  let open: LinkField | undefined;
  // Line 1 and line bodyLine - 1 are the fences.
  for (let line = 1; line < bodyLine - 1 && start < text.length; line++) {
    const end = text.indexOf('\n', start);
    const first = text.charCodeAt(start);
    // Indented, `- `, `]` or `,`: the value of the field above goes on.
    if (open !== undefined && (first === 32 || first === 9 || first === 45 || first === 93 || first === 44)) {
      for (const match of text.slice(start, end === -1 ? text.length : end).matchAll(keyGlobal))
        ((lines.items ??= {})[open] ??= {})[match[0]] ??= line;
    } else {
      // Only lines starting with `i`, `a` or `d` can match: the others are not cut out of the text.
      const match =
        first === 105 || first === 97 || first === 100
          ? fieldLinePattern.exec(text.slice(start, end === -1 ? text.length : end))
          : null;
      open = match ? (match[1] as LinkField) : undefined;
      if (open) lines[open] ??= line;
    }
    if (end === -1) break;
    start = end + 1;
  }
  return lines;
}

/** The line that lists `key` under `field`: its own line, else the field's, else 1. */
export function linkLine(lines: FieldLines, field: LinkField, key: string): number {
  return lines.items?.[field]?.[key] ?? lines[field] ?? 1;
}
