/**
 * How the codec cuts a body into top-level blocks: the lexer's tokens laid over the source text,
 * and which blocks stay raw whatever they parse to.
 */
import { type JSONContent } from '@tiptap/core';
import { type Token } from 'marked';
import { isAllowedLink } from './markdownExtensions.js';
import type { TilePiece } from './blockSource.js';

const calloutPattern = /^ {0,3}>[ \t]*\[![^\]\n]+\][-+]?/;
const rawParagraphPattern = /^ {0,3}(%%|\$\$|\[\^[^\]\s]+\]:)/;
const rawParagraphReasons: Record<string, string> = {
  '%%': 'Obsidian %% comment',
  $$: 'math block',
  '[^': 'footnote definition',
};

/**
 * Above this, a block with inline content stays raw: marked's inline lexer is quadratic in a
 * paragraph's escapes, code spans and links, so checking the canonical form could take minutes.
 */
export const largestModelledBlock = 32 * 1024;

/** Why a block stays raw whatever it parses to, in a user's words (shown beside the source); undefined to model it. */
export function rawReason(source: string, token: Token): string | undefined {
  if (token.type === 'html') return 'HTML';
  if (token.type === 'def') return 'link definitions';
  if (token.type !== 'code' && source.length > largestModelledBlock) return 'a block over 32 KB';
  if (token.type === 'blockquote' && calloutPattern.test(source)) return 'callout';
  const paragraph = rawParagraphPattern.exec(source);
  if (paragraph) return rawParagraphReasons[paragraph[1]!.slice(0, 2)];
  return containsToken(
    token,
    (child) => child.type === 'def' || (child.type === 'html' && child.block === true),
  )
    ? 'holds an HTML block or link definition'
    : undefined;
}

/** Links and images outside the allowlist stay raw text: neither clickable nor silently rewritten. */
export function hasUnsafeLink(node: JSONContent): boolean {
  if (node.type === 'image' && !isAllowedLink(String(node.attrs?.src ?? ''))) return true;
  if (
    (node.marks ?? []).some((mark) => mark.type === 'link' && !isAllowedLink(String(mark.attrs?.href ?? '')))
  ) {
    return true;
  }
  return (node.content ?? []).some(hasUnsafeLink);
}

function containsToken(token: Token, predicate: (token: Token) => boolean): boolean {
  const children: Token[] = [];
  if ('tokens' in token && Array.isArray(token.tokens)) children.push(...(token.tokens as Token[]));
  if ('items' in token && Array.isArray(token.items)) children.push(...(token.items as Token[]));
  return children.some((child) => predicate(child) || containsToken(child, predicate));
}

/** `---` + `key: value` + `---` in the body reads as a rule and a setext heading: keep it as one raw block. */
export function mergeFrontMatterLike(text: string, pieces: TilePiece[]): TilePiece[] {
  const merged: TilePiece[] = [];
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!;
    const next = pieces[index + 1];
    if (
      piece.token?.type === 'hr' &&
      /^---[ \t]*$/.test(text.slice(piece.start, piece.end)) &&
      next?.token?.type === 'heading' &&
      next.start === piece.end + 1 &&
      /\n---[ \t]*$/.test(text.slice(next.start, next.end))
    ) {
      merged.push({ start: piece.start, end: next.end });
      index++;
      continue;
    }
    merged.push(piece);
  }
  return merged;
}

/** Lays the tokens' `raw` over the text; a region they do not tile exactly becomes one raw piece. */
export function tileTokens(text: string, start: number, end: number, tokens: Token[]): TilePiece[] {
  const pieces: TilePiece[] = [];
  let cursor = start;
  const pushPiece = (from: number, to: number, token?: Token) => {
    const trimmed = trimBlock(text, from, to);
    if (trimmed) pieces.push(token ? { ...trimmed, token } : trimmed);
  };
  for (const token of tokens) {
    if (token.raw === '') continue;
    const at = text.startsWith(token.raw, cursor) ? cursor : text.indexOf(token.raw, cursor);
    // A token whose raw is not in the text (a marked quirk) is skipped; its text ends up in a raw gap.
    if (at === -1 || at + token.raw.length > end) continue;
    if (at > cursor) pushPiece(cursor, at);
    if (token.type !== 'space') pushPiece(at, at + token.raw.length, token);
    cursor = at + token.raw.length;
  }
  if (cursor < end) pushPiece(cursor, end);
  return pieces;
}

/** Strips blank lines around a block (they belong to the separators), keeping its own indentation. */
function trimBlock(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let from = start;
  for (;;) {
    const newline = text.indexOf('\n', from);
    if (newline === -1 || newline >= end || text.slice(from, newline).trim() !== '') break;
    from = newline + 1;
  }
  let to = end;
  while (to > from && text[to - 1] === '\n') to--;
  for (;;) {
    const newline = text.lastIndexOf('\n', to - 1);
    if (newline < from || text.slice(newline + 1, to).trim() !== '') break;
    to = newline;
  }
  if (text.slice(from, to).trim() === '') return undefined;
  return { start: from, end: to };
}
