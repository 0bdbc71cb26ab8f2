/**
 * Escapes plain text for Markdown only where a character would otherwise start syntax, so an edited
 * block keeps `snake_case`, `2 * 3` and `a > b` readable (TipTap escapes every `*`, `_`, `[`, `~`
 * and turns `<`, `&` into entities, which Specbench would read back as raw inline atoms).
 */

const alphanumeric = /[\p{L}\p{N}]/u;
const whitespace = /\s/;

function isSpaceOrEdge(character: string | undefined): boolean {
  return character !== undefined && whitespace.test(character);
}

export interface EscapeContext {
  /** The source character before and after the text where it is written (for flanking rules). */
  before?: string;
  after?: string;
  /** In a table cell, where `|` ends the cell. */
  table?: boolean;
  /** The document defines link references (`[foo]: /url`): any bracketed text may become a link. */
  definitions?: boolean;
}

export function escapeMarkdownText(written: string, context: EscapeContext = {}): string {
  const before = context.before ?? '';
  const text = before + written + (context.after ?? '');
  const hasTwoDollars = text.indexOf('$') !== text.lastIndexOf('$');
  let output = '';
  for (let index = before.length; index < before.length + written.length; index++) {
    const character = text[index]!;
    const previous = text[index - 1];
    const next = text[index + 1];
    let escape = false;
    switch (character) {
      case '\\':
      case '`':
        escape = true;
        break;
      case '[':
        escape = context.definitions === true || opensSyntax(text, index);
        break;
      case '*':
      case '~':
        escape = !(isSpaceOrEdge(previous) && isSpaceOrEdge(next));
        break;
      case '_':
        escape = !(
          previous !== undefined &&
          next !== undefined &&
          alphanumeric.test(previous) &&
          alphanumeric.test(next)
        );
        break;
      case '<':
        escape = next === undefined || /[A-Za-z/!?]/.test(next);
        break;
      case '&':
        escape = /^&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/.test(text.slice(index));
        break;
      case '$':
        escape = hasTwoDollars;
        break;
      case '%':
        escape = next === '%';
        break;
      case '^':
        escape =
          (previous === undefined || whitespace.test(previous)) &&
          /^\^[A-Za-z0-9-]+(?:\n|$)/.test(text.slice(index));
        break;
      case ']':
        escape = next === '(' || next === '[' || next === ':';
        break;
      case '|':
        escape = context.table === true;
        break;
    }
    output += escape ? `\\${character}` : character;
  }
  return output;
}

/**
 * Whether a `[` could start syntax where it stands. A `]` that a `(`, `[` or `:` follows is escaped
 * itself, so an inline link, reference or definition cannot form; left are a wiki link or embed
 * (`[[…]]`), a footnote (`[^…]`) and a task box (`[ ]`, `[x]`, `[?]`). `[draft]`, `[1/2]` and an
 * unclosed `[[Name` stay as typed, as Obsidian and GitHub read them.
 */
function opensSyntax(text: string, index: number): boolean {
  const close = text.indexOf(']', index + 1);
  if (close < 0) return false;
  const next = text[index + 1];
  if (next === '[') return text.includes(']]', index + 2);
  return next === '^' || close === index + 2;
}

const blockStartPattern =
  /^([ \t]*)(#{1,6}(?=[ \t]|$)|[-+*=](?=[ \t]|$)|[-=:|][-=:| \t]*$|>|:::|(\d{1,9})([.)])(?=[ \t]|$))/;

/** Escapes the start of each paragraph line that would otherwise begin a heading, list, quote or rule. */
export function escapeBlockStarts(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const match = blockStartPattern.exec(line);
      if (!match) return line;
      const indent = match[1]!;
      if (match[3] !== undefined) return `${indent}${match[3]}\\${match[4]!}${line.slice(match[0].length)}`;
      return `${indent}\\${line.slice(indent.length)}`;
    })
    .join('\n');
}
