/**
 * Where each character and inline atom of a block's text came from in its source: the block is
 * parsed again with the inline tokens of each textblock recorded, each textblock's inline source is
 * found in the block's text, and marked's inline tokens give every unit its source span and the
 * delimiters (emphasis, links, code spans) around it.
 */
import { type JSONContent } from '@tiptap/core';
import { type Token } from 'marked';
import { taskBoxPattern } from './taskBox.js';

type Mark = NonNullable<JSONContent['marks']>[number];

/** Emphasis, strike, link or code-span syntax around units, as a span of the block source. */
export interface Delimited {
  type: string;
  from: number;
  to: number;
  innerFrom: number;
  innerTo: number;
  /** The enclosing delimited span, or undefined at the top of the textblock. */
  parent: Delimited | undefined;
}

export interface Unit {
  /** A character of text, or undefined for an inline atom. */
  character: string | undefined;
  /** The unit's node (text: its marks only) as JSON, to compare units. */
  key: string;
  marks: Mark[];
  node: JSONContent;
  from: number;
  to: number;
  /** The innermost delimited span around it. */
  around: Delimited | undefined;
}

export interface TextblockMap {
  /** Path of child indexes from the block node to the textblock. */
  path: number[];
  units: Unit[];
  /** Where its content starts and ends in the block source (for an empty textblock, both the same). */
  from: number;
  to: number;
  /** What starts each continuation line of the textblock in the source (container prefixes), if it has one. */
  linePrefix: string | undefined;
  code: boolean;
  /** A table cell's content: one line, where `|` must be escaped. */
  table: boolean;
  /** What text written into this empty textblock must start with (a space after a callout's type). */
  insertPrefix?: string;
  /** A paragraph made of blank lines, not parsed from text: it cannot be written into. */
  implicit?: boolean;
}

const markTypeOfToken: Record<string, string> = {
  strong: 'bold',
  em: 'italic',
  del: 'strike',
  link: 'link',
  codespan: 'code',
};

/** The nodes whose inline content is mapped (a callout's title is one). */
const textblockTypes = new Set(['paragraph', 'heading', 'codeBlock', 'calloutTitle']);

export function unitKey(node: JSONContent, character?: string): string {
  if (character !== undefined) return JSON.stringify([character, node.marks ?? []]);
  return JSON.stringify(node);
}

/** The units of inline content as the editor holds it: one per character, one per atom. */
export function unitsOfContent(content: readonly JSONContent[]): Omit<Unit, 'from' | 'to' | 'around'>[] {
  const units: Omit<Unit, 'from' | 'to' | 'around'>[] = [];
  for (const node of content) {
    if (node.type === 'text') {
      const marks = node.marks ?? [];
      const text = node.text ?? '';
      // UTF-16 code units, as marked's offsets count them.
      for (let index = 0; index < text.length; index++) {
        const character = text[index]!;
        units.push({ character, key: unitKey(node, character), marks, node });
      }
    } else {
      units.push({ character: undefined, key: unitKey(node), marks: node.marks ?? [], node });
    }
  }
  return units;
}

interface Located {
  /** For each offset of the inline source, the offset in the block source (one more entry: the end). */
  offsets: number[];
  end: number;
}

const lineGap = /^[ \t>]*$/;

/**
 * Finds `inline` (the inline source of one textblock as the lexer saw it, container prefixes
 * removed) in `block` at or after `cursor`, separated from it only by block syntax.
 */
function locate(block: string, inline: string, cursor: number, table: boolean): Located | undefined {
  const lines = inline.split('\n');
  const offsets: number[] = [];
  let position = cursor;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const start =
      index === 0 ? findFirstLine(block, line, position, table) : findNextLine(block, line, position);
    if (start === undefined) return undefined;
    let at = start;
    for (let offset = 0; offset < line.length; offset++) {
      const character = line[offset]!;
      if (table && character === '|' && block[at] === '\\' && block[at + 1] === '|') at++;
      if (block[at] !== character) return undefined;
      offsets.push(at);
      at++;
    }
    if (index < lines.length - 1) {
      if (block[at] !== '\n') return undefined;
      offsets.push(at);
      position = at + 1;
    } else {
      position = at;
    }
  }
  offsets.push(position);
  return { offsets, end: position };
}

const firstLineGap = new RegExp(String.raw`^(?:[ \t>|:-]|\n|[*+]|\d{1,9}[.)]|${taskBoxPattern}|#{1,6}|=+)*$`);
/** What opens a block before its text on the same line: a callout's `[!type]-`, a footnote's `[^label]:`. */
const openingMarker = /^(?:\[![A-Za-z0-9_-]+\][-+]?|\[\^[^\]\s]+\]:)/;
const openingMarkers = new RegExp(openingMarker.source.slice(1), 'g');

function matchesAt(block: string, line: string, at: number, table: boolean): boolean {
  let position = at;
  for (let offset = 0; offset < line.length; offset++) {
    const character = line[offset]!;
    if (table && character === '|' && block[position] === '\\' && block[position + 1] === '|') position++;
    if (block[position] !== character) return false;
    position++;
  }
  return true;
}

const syntaxCharacter = /[ \t>|:\-\n*+0-9.)[\]xX#=]/;

/**
 * The first place after `cursor` where `line` is and only block syntax (markers, checkboxes,
 * prefixes, pipes) lies between: a checkbox `[x]` before the text `x` is passed over.
 */
function findFirstLine(block: string, line: string, cursor: number, table: boolean): number | undefined {
  for (let at = cursor; at <= block.length; at++) {
    if (
      matchesAt(block, line, at, table) &&
      firstLineGap.test(block.slice(cursor, at).replace(openingMarkers, ''))
    )
      return at;
    const marker = openingMarker.exec(block.slice(at, at + 256));
    if (marker) at += marker[0].length - 1;
    else if (at < block.length && !syntaxCharacter.test(block[at]!)) return undefined;
  }
  return undefined;
}

function findNextLine(block: string, line: string, position: number): number | undefined {
  for (let at = position; at <= block.length; at++) {
    if (block.startsWith(line, at) && lineGap.test(block.slice(position, at))) return at;
    if (at < block.length && !/[ \t>]/.test(block[at]!)) return undefined;
  }
  return undefined;
}

interface Walk {
  units: Unit[];
  offsets: number[];
}

/** Appends the units of `tokens` (inline source offsets from `start`), or returns false if a token is not understood. */
function walkTokens(tokens: Token[], start: number, around: Delimited | undefined, walk: Walk): boolean {
  let position = start;
  for (const token of tokens) {
    if (!walkToken(token, position, around, walk)) return false;
    position += token.raw.length;
  }
  return true;
}

function span(walk: Walk, from: number, to: number): { from: number; to: number } {
  return { from: walk.offsets[from]!, to: walk.offsets[to - 1]! + 1 };
}

function pushText(walk: Walk, text: string, start: number, around: Delimited | undefined): void {
  for (let index = 0; index < text.length; index++) {
    walk.units.push({
      character: text[index],
      key: '',
      marks: [],
      node: { type: 'text' },
      ...span(walk, start + index, start + index + 1),
      around,
    });
  }
}

function walkToken(token: Token, start: number, around: Delimited | undefined, walk: Walk): boolean {
  const raw = token.raw;
  switch (token.type) {
    case 'text':
      if ('tokens' in token && token.tokens && token.tokens.length > 0)
        return walkTokens(token.tokens, start, around, walk);
      if (token.text !== raw) return false;
      pushText(walk, raw, start, around);
      return true;
    case 'escape':
      walk.units.push({
        character: token.text as string,
        key: '',
        marks: [],
        node: { type: 'text' },
        ...span(walk, start, start + raw.length),
        around,
      });
      return true;
    case 'codespan': {
      const fence = /^`+/.exec(raw)![0].length;
      const text = String(token.text);
      const inner = raw.length - 2 * fence;
      const padding = inner - text.length;
      if (padding !== 0 && padding !== 2) return false;
      const innerFrom = start + fence + padding / 2;
      const delimited = delimitedSpan(
        walk,
        'codespan',
        start,
        raw.length,
        innerFrom,
        innerFrom + text.length,
        around,
      );
      for (let index = 0; index < text.length; index++) {
        const source = raw[fence + padding / 2 + index];
        if (source !== text[index] && !(source === '\n' && text[index] === ' ')) return false;
      }
      pushText(walk, text, innerFrom, delimited);
      return true;
    }
    case 'strong':
    case 'em':
    case 'del':
    case 'link': {
      const children = (token.tokens ?? []) as Token[];
      const inner = children.map((child) => child.raw).join('');
      const offset = token.type === 'link' ? raw.indexOf(inner) : (raw.length - inner.length) / 2;
      if (offset < 0 || raw.slice(offset, offset + inner.length) !== inner) return false;
      if (inner === '') return false;
      const delimited = delimitedSpan(
        walk,
        token.type,
        start,
        raw.length,
        start + offset,
        start + offset + inner.length,
        around,
      );
      return walkTokens(children, start + offset, delimited, walk);
    }
    case 'image':
    case 'br':
    case 'reference':
    case 'rawInline':
      return pushAtom(walk, token, start, around);
    default:
      // Tokens of the nodes that keep their own source (wikilinks, embeds, math…) are atoms too.
      return (token as { sourceAtom?: boolean }).sourceAtom === true && pushAtom(walk, token, start, around);
  }
}

function pushAtom(walk: Walk, token: Token, start: number, around: Delimited | undefined): boolean {
  walk.units.push({
    character: undefined,
    key: '',
    marks: [],
    node: { type: token.type },
    ...span(walk, start, start + token.raw.length),
    around,
  });
  return true;
}

function delimitedSpan(
  walk: Walk,
  type: string,
  start: number,
  length: number,
  innerFrom: number,
  innerTo: number,
  parent: Delimited | undefined,
): Delimited {
  return {
    type,
    from: walk.offsets[start]!,
    to: walk.offsets[start + length - 1]! + 1,
    innerFrom: walk.offsets[innerFrom]!,
    innerTo: innerTo > innerFrom ? walk.offsets[innerTo - 1]! + 1 : walk.offsets[innerFrom]!,
    parent,
  };
}

/** Inline content with leading spaces of each line dropped, as the paragraph parser drops them. */
function dropsLineIndentation(units: Unit[], expected: number): Unit[] {
  if (units.length === expected) return units;
  const kept: Unit[] = [];
  let lineStart = true;
  for (const unit of units) {
    if (lineStart && (unit.character === ' ' || unit.character === '\t')) continue;
    lineStart = unit.character === '\n' || unit.node.type === 'br';
    kept.push(unit);
  }
  return kept;
}

export interface RecordedTextblock {
  tokens: Token[];
}

/**
 * Maps every textblock of `node` (parsed from `block`, its inline tokens recorded in document order)
 * onto `block`, or returns undefined when any part cannot be mapped exactly.
 */
export function mapTextblocks(
  block: string,
  node: JSONContent,
  recorded: RecordedTextblock[],
): TextblockMap[] | undefined {
  const textblocks: { path: number[]; node: JSONContent; table: boolean }[] = [];
  const visit = (current: JSONContent, path: number[], table: boolean) => {
    if (textblockTypes.has(current.type ?? '')) {
      textblocks.push({ path, node: current, table });
      return;
    }
    (current.content ?? []).forEach((child, index) =>
      visit(child, [...path, index], table || current.type === 'table'),
    );
  };
  visit(node, [], false);
  const inline = textblocks.filter((textblock) => textblock.node.type !== 'codeBlock');
  // An empty list item's paragraph is made by the schema, not parsed: it has no recorded tokens.
  let unrecorded = inline.length - recorded.length;
  if (unrecorded < 0) return undefined;
  const maps: TextblockMap[] = [];
  let cursor = 0;
  let next = 0;
  for (const textblock of textblocks) {
    const empty = (textblock.node.content ?? []).length === 0;
    let tokens: Token[] = [];
    if (textblock.node.type !== 'codeBlock') {
      if (empty && unrecorded > 0 && (recorded[next]?.tokens.length ?? 1) > 0) unrecorded--;
      else if (next < recorded.length) tokens = recorded[next++]!.tokens;
      else return undefined;
    }
    const map =
      textblock.node.type === 'codeBlock'
        ? mapCode(block, textblock.node, textblock.path, cursor)
        : mapInline(block, textblock.node, textblock.path, tokens, cursor, textblock.table);
    if (!map) return undefined;
    maps.push(map);
    cursor = map.code ? afterClosingFence(block, map.to) : map.to;
  }
  return maps;
}

function mapInline(
  block: string,
  node: JSONContent,
  path: number[],
  tokens: Token[],
  cursor: number,
  table: boolean,
): TextblockMap | undefined {
  const inline = tokens.map((token) => token.raw).join('');
  const expected = unitsOfContent(node.content ?? []);
  if (inline === '') {
    if (expected.length > 0) return undefined;
    const empty = emptyTextblockPosition(
      block,
      table ? rowStartOf(block, cursor, path) : cursor,
      table,
      node.type === 'calloutTitle',
    );
    // An empty paragraph TipTap makes of extra blank lines in a quote: nothing to map, nowhere to write.
    if (empty === undefined && node.type === 'paragraph' && !table) {
      return {
        path,
        units: [],
        from: cursor,
        to: cursor,
        linePrefix: undefined,
        code: false,
        table,
        implicit: true,
      };
    }
    if (empty === undefined) return undefined;
    const { at, prefix } = empty;
    const map: TextblockMap = {
      path,
      units: [],
      from: at,
      to: at,
      linePrefix: undefined,
      code: false,
      table,
    };
    if (prefix !== undefined) map.insertPrefix = prefix;
    return map;
  }
  const located = locate(block, inline, cursor, table);
  if (!located) return undefined;
  const walk: Walk = { units: [], offsets: located.offsets };
  if (!walkTokens(tokens, 0, undefined, walk)) return undefined;
  const units = dropsLineIndentation(walk.units, expected.length);
  if (units.length !== expected.length) return undefined;
  for (let index = 0; index < units.length; index++) {
    const unit = units[index]!;
    const wanted = expected[index]!;
    if (unit.character !== wanted.character) return undefined;
    if (unit.character === undefined && !atomMatches(unit.node.type!, wanted.node.type!)) return undefined;
    if (!marksMatch(unit.around, wanted.marks)) return undefined;
    units[index] = { ...unit, key: wanted.key, marks: wanted.marks, node: wanted.node };
  }
  return {
    path,
    units,
    from: located.offsets[0]!,
    to: located.end,
    linePrefix: continuationPrefix(block, located.offsets[0]!, located.end),
    code: false,
    table,
  };
}

function atomMatches(tokenType: string, nodeType: string): boolean {
  const expected: Record<string, string> = {
    br: 'hardBreak',
    image: 'image',
    reference: 'reference',
    rawInline: 'rawInline',
  };
  return (expected[tokenType] ?? tokenType) === nodeType;
}

/** The delimiters around a unit give exactly its marks (the editor may hold marks the source does not spell). */
function marksMatch(around: Delimited | undefined, marks: Mark[]): boolean {
  const types: string[] = [];
  for (let span = around; span; span = span.parent) types.push(markTypeOfToken[span.type]!);
  const markTypes = marks.map((mark) => mark.type);
  return types.length === markTypes.length && types.every((type) => markTypes.includes(type));
}

const emptyItemLine = new RegExp(
  String.raw`^[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+${taskBoxPattern})?[ \t]?(?=[ \t]*(?:\n|$))`,
);

const emptyCalloutTitle = /^[ \t>]*\[![A-Za-z0-9_-]+\][-+]?[ \t]?/;

/**
 * Where text goes in an empty table cell (after its pipe and a space), list item (after its marker)
 * or callout title (after its type), and what must come before it there.
 */
/**
 * Where to look for an empty cell's opening pipe: after the cell before it, or, for the first cell
 * of a body row, on the next line (past the delimiter row under the header). `path` ends with the
 * cell's row, its column and its paragraph (0).
 */
function rowStartOf(block: string, cursor: number, path: number[]): number {
  const row = path[path.length - 3];
  const column = path[path.length - 2];
  if (column !== 0 || row === undefined || row === 0) return cursor;
  let at = block.indexOf('\n', cursor) + 1;
  if (at === 0) return block.length;
  if (row === 1) {
    at = block.indexOf('\n', at) + 1;
    if (at === 0) return block.length;
  }
  return at;
}

function emptyTextblockPosition(
  block: string,
  cursor: number,
  table: boolean,
  calloutTitle: boolean,
): { at: number; prefix?: string } | undefined {
  if (calloutTitle) {
    const title = emptyCalloutTitle.exec(block.slice(cursor));
    if (!title || cursor !== 0) return undefined;
    return /[ \t]$/.test(title[0]) ? { at: title[0].length } : { at: title[0].length, prefix: ' ' };
  }
  if (!table) {
    const lineStart = cursor === 0 ? 0 : block.indexOf('\n', cursor) + 1;
    if (lineStart === 0 && cursor !== 0) return undefined;
    const marker = emptyItemLine.exec(block.slice(lineStart));
    if (!marker) return undefined;
    // A marker with nothing after it (its spaces were trailing whitespace) needs one before the text.
    return /[ \t]$/.test(marker[0])
      ? { at: lineStart + marker[0].length }
      : { at: lineStart + marker[0].length, prefix: ' ' };
  }
  const pipe = block.indexOf('|', cursor);
  if (pipe === -1) return undefined;
  return { at: block[pipe + 1] === ' ' ? pipe + 2 : pipe + 1 };
}

const fenceLine = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*(?:`{3,}|~{3,})/;

function mapCode(block: string, node: JSONContent, path: number[], cursor: number): TextblockMap | undefined {
  const text = (node.content ?? []).map((child) => child.text ?? '').join('');
  // The opening fence (or, for indented code, nothing) comes first; content starts on the next line.
  const lines = text === '' ? [] : text.split('\n');
  const offsets: number[] = [];
  let position = cursor === 0 ? 0 : block.indexOf('\n', cursor) + 1;
  if (position === 0 && cursor !== 0) return undefined;
  while (/^[ \t>]*\n/.test(block.slice(position))) position = block.indexOf('\n', position) + 1;
  if (fenceLine.test(block.slice(position))) {
    const lineEnd = block.indexOf('\n', position);
    if (lineEnd === -1) return undefined;
    position = lineEnd + 1;
  }
  let first = -1;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const lineEnd = block.indexOf('\n', position);
    const end = lineEnd === -1 ? block.length : lineEnd;
    if (!block.slice(position, end).endsWith(line)) return undefined;
    const at = end - line.length;
    if (!/^[ \t>]*$/.test(block.slice(position, at))) return undefined;
    if (first === -1) first = at;
    for (let offset = 0; offset < line.length; offset++) offsets.push(at + offset);
    if (index < lines.length - 1) {
      if (lineEnd === -1) return undefined;
      offsets.push(end);
      position = end + 1;
    } else {
      position = end;
    }
  }
  if (lines.length === 0) return undefined;
  const units: Unit[] = [...text].map((character, index) => ({
    character,
    key: unitKey({ type: 'text' }, character),
    marks: [],
    node: { type: 'text', text: character },
    from: offsets[index]!,
    to: offsets[index]! + 1,
    around: undefined,
  }));
  if (units.length !== offsets.length) return undefined;
  return {
    path,
    units,
    from: first,
    to: position,
    linePrefix: continuationPrefix(block, first, position),
    code: true,
    table: false,
  };
}

const closingFenceLine = /^\n[ \t>]*(?:`{3,}|~{3,})[ \t]*(?=\n|$)/;

/** Past a code block's closing fence (inside a quote or list the next textblock's search starts there). */
function afterClosingFence(block: string, end: number): number {
  const fence = closingFenceLine.exec(block.slice(end));
  return fence ? end + fence[0].length : end;
}

/** The container prefix of the textblock's second line (blockquote markers, list indentation), if any. */
function continuationPrefix(block: string, from: number, to: number): string | undefined {
  const newline = block.indexOf('\n', from);
  if (newline === -1 || newline >= to) return undefined;
  const prefix = /^[ \t>]*/.exec(block.slice(newline + 1))![0];
  return prefix;
}
