/**
 * The Markdown style a file already uses (list markers, emphasis and strong delimiters, headings,
 * fences, nested-list indent, hard breaks, tables, rules), read from the tokens the codec lexes
 * anyway, so that what the user adds is written the way the rest of the file is.
 */
import { type Token } from 'marked';
import stringWidth from 'string-width';

export interface MarkdownStyle {
  bullet: '-' | '*' | '+';
  orderedDelimiter: '.' | ')';
  emphasis: '*' | '_';
  strong: '**' | '__';
  /** Level 1 and 2 headings underlined (setext) or opened with `#` (ATX). */
  heading: 'atx' | 'setext';
  fence: '```' | '~~~';
  /** What a nested list is indented by, relative to its parent item's line. */
  listIndent: string;
  hardBreak: '\\' | '  ';
  /** Columns padded to one width, or cells written as they are. */
  table: 'padded' | 'compact';
  rule: string;
}

/** What the codec writes where neither the file nor the workspace says otherwise. */
export const standardStyle: MarkdownStyle = {
  bullet: '-',
  orderedDelimiter: '.',
  emphasis: '*',
  strong: '**',
  heading: 'atx',
  fence: '```',
  listIndent: '  ',
  hardBreak: '\\',
  table: 'padded',
  rule: '---',
};

/** For each style property, how many times the file uses each value. */
export type StyleVotes = { [Name in keyof MarkdownStyle]?: Record<string, number> };

/** The most used value of each property (ties go to the standard value, then to the first seen). */
export function prevailingStyle(votes: StyleVotes): Partial<MarkdownStyle> {
  const style: Record<string, string> = {};
  for (const [name, counts] of Object.entries(votes) as [keyof MarkdownStyle, Record<string, number>][]) {
    let best: string | undefined;
    for (const [value, count] of Object.entries(counts)) {
      const bestCount = best === undefined ? -1 : counts[best]!;
      if (count > bestCount || (count === bestCount && value === standardStyle[name])) best = value;
    }
    if (best !== undefined) style[name] = best;
  }
  return style as Partial<MarkdownStyle>;
}

/** The file's style over the workspace's over the standard one, property by property. */
export function resolveStyle(...layers: (Partial<MarkdownStyle> | undefined)[]): MarkdownStyle {
  const style = { ...standardStyle };
  for (const layer of layers) Object.assign(style, layer);
  return style;
}

function vote(votes: StyleVotes, name: keyof MarkdownStyle, value: string): void {
  const counts = (votes[name] ??= {});
  counts[value] = (counts[value] ?? 0) + 1;
}

const itemLine = /^([ \t]*)(?:([-*+])|\d{1,9}([.)]))(?:[ \t]|$)/;
const setextUnderline = /\n {0,3}(?:=+|-+)[ \t]*$/;

/** Adds the votes of `tokens` (block tokens with their inline tokens) to `votes`. */
export function collectStyleVotes(tokens: readonly Token[], votes: StyleVotes): StyleVotes {
  for (const token of tokens) collectToken(token, votes);
  return votes;
}

function collectToken(token: Token, votes: StyleVotes, inList = false): void {
  const list = token.type === 'list' || token.type === 'taskList';
  switch (token.type) {
    case 'list':
    case 'taskList':
      // The outermost list's source holds its nested lists (their tokens' raw is not always source).
      if (!inList) collectList(token.raw, votes);
      break;
    case 'heading':
      if (token.depth <= 2)
        vote(votes, 'heading', setextUnderline.test(token.raw.trimEnd()) ? 'setext' : 'atx');
      break;
    case 'code': {
      const fence = /^ {0,3}(`{3,}|~{3,})/.exec(token.raw);
      if (fence) vote(votes, 'fence', fence[1]!.startsWith('`') ? '```' : '~~~');
      break;
    }
    case 'em':
      vote(votes, 'emphasis', token.raw.startsWith('_') ? '_' : '*');
      break;
    case 'strong':
      vote(votes, 'strong', token.raw.startsWith('__') ? '__' : '**');
      break;
    case 'br':
      vote(votes, 'hardBreak', token.raw.startsWith('\\') ? '\\' : '  ');
      break;
    case 'hr':
      vote(votes, 'rule', token.raw.trim());
      break;
    case 'table':
      vote(votes, 'table', isPaddedTable(token.raw) ? 'padded' : 'compact');
      break;
  }
  const children: Token[] = [];
  if ('tokens' in token && Array.isArray(token.tokens)) children.push(...(token.tokens as Token[]));
  if ('items' in token && Array.isArray(token.items)) children.push(...(token.items as Token[]));
  if (token.type === 'table') {
    for (const cell of [
      ...(token.header as { tokens: Token[] }[]),
      ...(token.rows as { tokens: Token[] }[][]).flat(),
    ])
      children.push(...cell.tokens);
  }
  for (const child of children) collectToken(child, votes, inList || list);
}

/** Markers of every item line, and the indent of each list nested under a bullet item. */
function collectList(raw: string, votes: StyleVotes): void {
  let parent: { indent: string; bullet: boolean } | undefined;
  for (const line of raw.split('\n')) {
    const item = itemLine.exec(line);
    if (!item) continue;
    const indent = item[1]!;
    if (item[2]) vote(votes, 'bullet', item[2]);
    else vote(votes, 'orderedDelimiter', item[3]!);
    if (parent?.bullet && indent.length > parent.indent.length && indent.startsWith(parent.indent))
      vote(votes, 'listIndent', indent.slice(parent.indent.length));
    parent = { indent, bullet: item[2] !== undefined };
  }
}

/** Offsets of a table line's cell-separating pipes (not escaped ones), in display columns. */
export function pipeColumns(line: string): number[] {
  const columns: number[] = [];
  let start = 0;
  let column = 0;
  for (let index = 0; index < line.length; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === '|') {
      column += stringWidth(line.slice(start, index));
      columns.push(column);
      column++;
      start = index + 1;
    }
  }
  return columns;
}

/** Whether every line of a table has its pipes in the same display columns. */
export function isPaddedTable(raw: string): boolean {
  const lines = raw.replace(/\n+$/, '').split('\n');
  const layout = JSON.stringify(pipeColumns(lines[0]!));
  return lines.length >= 2 && lines.every((line) => JSON.stringify(pipeColumns(line)) === layout);
}
