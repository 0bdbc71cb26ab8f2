/**
 * A fence-aware line scanner that finds headings, requirement blocks and references without
 * building a Markdown tree: the engine indexes 10,000 documents with it. It shares its grammar with
 * the editor's codec (`linkGrammar.ts`), and a conformance test checks that both find the same things.
 */
import {
  isRequirementClose,
  parseRequirementOpen,
  referenceFromMatch,
  referencePatternGlobal,
  type Reference,
  type RequirementAttributes,
} from './linkGrammar.js';
import {
  blockIdIn,
  htmlAnchorsIn,
  htmlImagesIn,
  markdownLinksIn,
  nameLinkFromMatch,
  tagsIn,
  wikiLinkPatternGlobal,
  type NameLink,
} from './nameLinkGrammar.js';

export interface ScannedHeading {
  level: number;
  text: string;
  /** 1-based line of the heading text. */
  line: number;
}

export interface ScannedRequirement {
  attributes: RequirementAttributes;
  /** 1-based line of `:::requirement{…}`. */
  line: number;
  /** 1-based line of the closing `:::`. */
  endLine: number;
  /** The Markdown between the fences. */
  body: string;
}

export interface ScannedReference extends Reference {
  /** 1-based line and column of `[[`. */
  line: number;
  column: number;
}

export interface ScannedNameLink extends NameLink {
  /** 1-based line and column of the link's first character. */
  line: number;
  column: number;
}

export interface ScanResult {
  headings: ScannedHeading[];
  requirements: ScannedRequirement[];
  references: ScannedReference[];
  /** Wikilinks by name, embeds, and relative Markdown links and images, in order. */
  nameLinks: ScannedNameLink[];
  /** Obsidian block ids (`^id` ending a line outside code). */
  blockIds: string[];
  /** The line of each of `blockIds`, in the same order. */
  blockIdLines: number[];
  /** Inline `#tags`, each once, in order of appearance. */
  tags: string[];
  /** HTML anchors (`<span id="7">`, `<a name="x">`) that a link's `#7` may point to. */
  htmlAnchors: string[];
}

const fenceOpenPattern = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// Greedy, with the closing #s stripped after: a lazy group here backtracked on every heading line.
const atxHeadingPattern = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const atxClosingPattern = /(?:^|[ \t]+)#+[ \t]*$/;
const referencePattern = referencePatternGlobal();
const wikiLinkPattern = wikiLinkPatternGlobal();
const setextUnderlinePattern = /^ {0,3}(=+|-+)[ \t]*$/;
const blockStartPattern = /^ {0,3}(?:[-+*][ \t]|[0-9]{1,9}[.)][ \t]|>|#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|<|:::)/;

/**
 * Scans a Markdown body (front matter already removed). Lines are 1-based, relative to `text`.
 * `lines` is `text.split('\n')`, for a caller that has it already.
 */
export function scanMarkdown(text: string, lines = text.split('\n')): ScanResult {
  const result: ScanResult = {
    headings: [],
    requirements: [],
    references: [],
    nameLinks: [],
    blockIds: [],
    blockIdLines: [],
    tags: [],
    htmlAnchors: [],
  };
  const tags = new Set<string>();
  let fence: { marker: string; length: number; indent: number; quotes: number } | undefined;
  let inComment = false;
  // A requirement's body is cut from `text` by offsets, not collected line by line: 50,000 bodies a workspace.
  let requirement: { attributes: RequirementAttributes; line: number; bodyStart: number } | undefined;
  let lineStart = 0;
  let paragraphOpen = false;
  let inList = false;
  let afterBlank = true;

  // Each pattern below runs only where a cheap character check says it can match: 500,000 lines a workspace.
  for (let index = 0; index < lines.length; index++) {
    const rawLine = lines[index]!;
    const start = lineStart;
    lineStart += rawLine.length + 1;
    const line = codeAt(rawLine, rawLine.length - 1) === carriageReturn ? rawLine.slice(0, -1) : rawLine;
    const lineNumber = index + 1;
    const first = codeAt(line, 0);

    if (fence && fence.quotes > 0) {
      // A fence in a blockquote or callout ends with its close, or with the quote (a line with fewer `>`).
      const quote = quotedPart(line);
      if (quote.depth >= fence.quotes) {
        if (isFenceClose(quote.rest, fence)) fence = undefined;
        continue;
      }
      fence = undefined;
    } else if (fence) {
      if (
        (line.includes('```') || line.includes('~~~')) &&
        isFenceClose(line.slice(Math.min(fence.indent, leadingSpaces(line))), fence)
      )
        fence = undefined;
      continue;
    }
    const blank = isBlank(line);
    if (!blank) {
      if (mayStartListItem(first) && isListItem(line)) inList = true;
      else if (afterBlank && first !== space && first !== tab) inList = false;
    }
    afterBlank = blank;
    const itemContent = inList ? listItemContentStart(line) : 0;
    const fenceOpen = mayOpenFence(line, itemContent) ? fenceOpenPattern.exec(line.slice(itemContent)) : null;
    if (fenceOpen && !(fenceOpen[1]![0] === '`' && fenceOpen[2]!.includes('`'))) {
      fence = { marker: fenceOpen[1]![0]!, length: fenceOpen[1]!.length, indent: itemContent, quotes: 0 };
      paragraphOpen = false;
      continue;
    }
    // Code in a blockquote or callout (`> ```css`) is code too: no tags, links or keys in it.
    if (mayStartQuote(line, first)) {
      const quote = quotedPart(line);
      const quotedFence = mayOpenFence(quote.rest, 0) ? fenceOpenPattern.exec(quote.rest) : null;
      if (quotedFence && !(quotedFence[1]![0] === '`' && quotedFence[2]!.includes('`'))) {
        fence = {
          marker: quotedFence[1]![0]!,
          length: quotedFence[1]!.length,
          indent: 0,
          quotes: quote.depth,
        };
        paragraphOpen = false;
        continue;
      }
    }

    if (!requirement && first === colon && line.startsWith(':::requirement{')) {
      const attributes = parseRequirementOpen(line);
      if (attributes && hasRequirementClose(lines, index + 1)) {
        requirement = { attributes, line: lineNumber, bodyStart: lineStart };
        paragraphOpen = false;
        continue;
      }
    } else if (requirement && first === colon && isRequirementClose(line)) {
      result.requirements.push({
        attributes: requirement.attributes,
        line: requirement.line,
        endLine: lineNumber,
        body: bodyBetween(text, requirement.bodyStart, start - 1),
      });
      requirement = undefined;
      paragraphOpen = false;
      continue;
    }

    // Masking matters for comments always, and otherwise only to a line that may hold a heading or a reference.
    const masked: boolean =
      inComment ||
      line.includes('<!--') ||
      ((line.includes('#') || line.includes('[[')) &&
        (line.includes('<') || line.includes('`') || line.includes('](')));
    const commentBefore = inComment;
    const visible: { text: string; inComment: boolean } | undefined = masked
      ? maskLine(line, inComment)
      : undefined;
    if (visible) inComment = visible.inComment;
    const scanned = visible ? visible.text : line;

    if (blank) {
      paragraphOpen = false;
      continue;
    }
    // Indented code: four columns of indentation outside a paragraph and a list.
    if (!paragraphOpen && !inList && (first === space || first === tab) && /^(?: {4}| {0,3}\t)/.test(line))
      continue;
    const atx = startsWithHash(scanned) ? atxHeadingPattern.exec(scanned) : null;
    if (atx) {
      // The text as written, code spans and tags included (`The \`--json\` flag`): only what no reader sees is left out.
      const written = masked ? headingSource(line, commentBefore) : line;
      const heading = written === scanned ? atx : (atxHeadingPattern.exec(written) ?? atx);
      result.headings.push({
        level: atx[1]!.length,
        text: withoutObsidianComments((heading[2] ?? '').replace(atxClosingPattern, '')).trim(),
        line: lineNumber,
      });
      paragraphOpen = false;
    } else if (
      paragraphOpen &&
      (first === space || first === equals || first === dash) &&
      setextUnderlinePattern.test(line) &&
      !/^ {0,3}-+[ \t]*$/.test(lines[index - 1] ?? '')
    ) {
      const previous = lines[index - 1]!.replace(/\r$/, '');
      result.headings.push({
        level: line.trim()[0] === '=' ? 1 : 2,
        text: withoutObsidianComments(previous).trim(),
        line: lineNumber - 1,
      });
      paragraphOpen = false;
      continue;
    } else {
      paragraphOpen = !mayStartBlock(first) || (!startsBlock(line) && !/^ {4}/.test(line));
    }

    if (scanned.includes('[[')) {
      referencePattern.lastIndex = 0;
      for (let match = referencePattern.exec(scanned); match; match = referencePattern.exec(scanned)) {
        if (isEscaped(scanned, match.index)) continue;
        result.references.push({ ...referenceFromMatch(match), line: lineNumber, column: match.index + 1 });
      }
    }
    scanNameLinks(line, scanned, commentBefore, lineNumber, result, tags);
  }
  result.tags = [...tags];
  return result;
}

/** Name links, embeds, Markdown links and images, block ids and tags of one line outside code. */
function scanNameLinks(
  line: string,
  scanned: string,
  inComment: boolean,
  lineNumber: number,
  result: ScanResult,
  tags: Set<string>,
): void {
  const found: ScannedNameLink[] = [];
  if (scanned.includes('[[')) {
    wikiLinkPattern.lastIndex = 0;
    for (let match = wikiLinkPattern.exec(scanned); match; match = wikiLinkPattern.exec(scanned)) {
      if (isEscaped(scanned, match.index)) continue;
      const link = nameLinkFromMatch(match, scanned.slice(match.index + match[0].length));
      if (!link) continue;
      // A label written as code (`[[Note|`f()`]]`) was blanked to find the link: it is read back from the line.
      if (link.label !== undefined && scanned !== line) {
        const end = match.index + match[0].length - 2;
        link.label = line.slice(end - link.label.length, end);
      }
      found.push({ ...link, line: lineNumber, column: match.index + 1 });
    }
  }
  if (line.includes('](')) {
    // Destinations are what is wanted here, so only code spans and comments are blanked.
    const text =
      inComment || line.includes('`') || line.includes('<!--')
        ? maskLine(line, inComment, { keepDestinations: true }).text
        : line;
    for (const { link, column } of markdownLinksIn(text, line))
      found.push({ ...link, line: lineNumber, column });
  }
  if (line.includes('<') && (line.includes('id') || line.includes('name'))) {
    const text =
      inComment || line.includes('`') || line.includes('<!--')
        ? maskLine(line, inComment, { keepDestinations: true }).text
        : line;
    for (const anchor of htmlAnchorsIn(text)) result.htmlAnchors.push(anchor);
  }
  if (!inComment && line.includes('<img') && !line.includes('<!--')) {
    for (const { link, column } of htmlImagesIn(line)) found.push({ ...link, line: lineNumber, column });
  }
  if (found.length > 1) found.sort((a, b) => a.column - b.column);
  for (const link of found) result.nameLinks.push(link);
  if (line.includes('^')) {
    const blockId = blockIdIn(scanned);
    if (blockId !== undefined) {
      result.blockIds.push(blockId);
      result.blockIdLines.push(lineNumber);
    }
  }
  if (scanned.includes('#')) for (const tag of tagsIn(scanned)) tags.add(tag);
}

/** The lines from `start` to `end` without the `\r` ending any of them, as the scan sees them. */
function bodyBetween(text: string, start: number, end: number): string {
  if (end <= start) return '';
  const body = text.slice(start, end);
  return body.includes('\r') ? body.replace(/\r(?=\n|$)/g, '') : body;
}

const space = 32;
const tab = 9;
const colon = 58;
const equals = 61;
const dash = 45;
const carriageReturn = 13;
const backtick = 96;
const greaterThan = 62;
const tilde = 126;

/** `text.charCodeAt(index)`, or -1 outside the text: optimized code that reads past the end is thrown away. */
function codeAt(text: string, index: number): number {
  return index >= 0 && index < text.length ? text.charCodeAt(index) : -1;
}

/** Same as `line.trim() === ''`, without building the trimmed string for the usual line. */
function isBlank(line: string): boolean {
  if (line.length === 0) return true;
  const first = codeAt(line, 0);
  return first > space && first < 127 ? false : line.trim() === '';
}

/** Whether a line starting with this character may be a list item: a space, a bullet or a digit first. */
function mayStartListItem(first: number): boolean {
  return first === space || first === dash || first === 43 || first === 42 || (first >= 48 && first <= 57);
}

/** Whether `blockStartPattern` can match a line starting with this character. */
function mayStartBlock(first: number): boolean {
  // space - + * > # ` ~ < : and digits
  return (
    first === space ||
    first === dash ||
    first === 43 ||
    first === 42 ||
    first === 62 ||
    first === 35 ||
    first === backtick ||
    first === tilde ||
    first === 60 ||
    first === colon ||
    (first >= 48 && first <= 57)
  );
}

/** Whether a fence marker can follow up to three spaces from `from` (what `fenceOpenPattern` needs first). */
function mayOpenFence(line: string, from: number): boolean {
  let position = from;
  while (position < from + 3 && codeAt(line, position) === space) position++;
  const code = codeAt(line, position);
  return code === backtick || code === tilde;
}

/** Same as `line.trimStart().startsWith('#')` (the text is non-empty), without building the string. */
function startsWithHash(line: string): boolean {
  const first = codeAt(line, 0);
  if (first === 35) return true;
  if (first > space && first < 127) return false;
  return line.length > 0 && line.trimStart().startsWith('#');
}

function isFenceClose(line: string, fence: { marker: string; length: number }): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1]![0] === fence.marker && match[1]!.length >= fence.length;
}

/** Whether a `:::` closing line follows before the end, skipping fenced code. */
function hasRequirementClose(lines: string[], from: number): boolean {
  let fence: { marker: string; length: number } | undefined;
  for (let index = from; index < lines.length; index++) {
    const rawLine = lines[index]!;
    const first = codeAt(rawLine, 0);
    // Only lines starting with a space, a fence marker or a colon can change anything here.
    if (first !== space && first !== backtick && first !== tilde && first !== colon) continue;
    const line = codeAt(rawLine, rawLine.length - 1) === carriageReturn ? rawLine.slice(0, -1) : rawLine;
    if (fence) {
      if (isFenceClose(line, fence)) fence = undefined;
      continue;
    }
    const open = mayOpenFence(line, 0) ? fenceOpenPattern.exec(line) : null;
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { marker: open[1]![0]!, length: open[1]!.length };
      continue;
    }
    if (isRequirementClose(line)) return true;
    if (line.startsWith(':::requirement{')) return false;
  }
  return false;
}

const tagAttribute = String.raw`(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?)`;
const inlineMaskPatterns = [
  /^<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\s]*>/,
  new RegExp(String.raw`^<[A-Za-z][A-Za-z0-9-]*${tagAttribute}*\s*\/?>`),
  /^<\/[A-Za-z][A-Za-z0-9-]*\s*>/,
];

function mayStartQuote(line: string, first: number): boolean {
  return first === greaterThan || (first === space && /^ {1,3}>/.test(line));
}

/** How many blockquote markers open `line`, and the text after them. */
function quotedPart(line: string): { depth: number; rest: string } {
  const prefix = /^(?: {0,3}>[ \t]?)*/.exec(line)![0];
  let depth = 0;
  for (let index = 0; index < prefix.length; index++) if (codeAt(prefix, index) === greaterThan) depth++;
  return { depth, rest: line.slice(prefix.length) };
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

/** Where a list item's content starts on `line` (after its marker), or its indentation on a continuation line. */
function listItemContentStart(line: string): number {
  const first = codeAt(line, 0);
  if (first > space && first < 127 && !mayStartListItem(first)) return 0;
  let end = listMarkerEnd(line);
  if (end !== -1 && isSpaceOrTab(codeAt(line, end))) {
    while (isSpaceOrTab(codeAt(line, end))) end++;
    return end;
  }
  return leadingSpaces(line);
}

/** `^ {0,3}(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)`, matched by hand: it runs on most lines of a spec. */
function isListItem(line: string): boolean {
  const end = listMarkerEnd(line);
  return end !== -1 && (end === line.length || isSpaceOrTab(codeAt(line, end)));
}

/** Where ` {0,3}(?:[-+*]|[0-9]{1,9}[.)])` ends at the start of `line`, or -1. */
function listMarkerEnd(line: string): number {
  let position = 0;
  while (position < 3 && codeAt(line, position) === space) position++;
  const code = codeAt(line, position);
  if (code === dash || code === 43 || code === 42) return position + 1;
  let digits = 0;
  while (digits < 9 && isDigit(codeAt(line, position + digits))) digits++;
  if (digits === 0) return -1;
  const after = codeAt(line, position + digits);
  return after === 46 || after === 41 ? position + digits + 1 : -1;
}

/** `blockStartPattern`, with its commonest case (a bullet and a space) answered without it. */
function startsBlock(line: string): boolean {
  const first = codeAt(line, 0);
  if ((first === dash || first === 43 || first === 42) && isSpaceOrTab(codeAt(line, 1))) return true;
  return blockStartPattern.test(line);
}

function isSpaceOrTab(code: number): boolean {
  return code === space || code === tab;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** How many characters at `position` are an autolink, an HTML tag or a link destination `](…)`. */
function maskedInlineAt(line: string, position: number): number {
  const character = line[position];
  if (character === '<' && !isEscaped(line, position)) {
    const rest = line.slice(position);
    for (const pattern of inlineMaskPatterns) {
      const match = pattern.exec(rest);
      if (match) return match[0].length;
    }
  }
  if (
    character === ']' &&
    line[position + 1] === '(' &&
    !isEscaped(line, position) &&
    opensLink(line, position)
  ) {
    let depth = 0;
    for (let index = position + 1; index < line.length; index++) {
      if (line[index] === '\\') index++;
      else if (line[index] === '(') depth++;
      else if (line[index] === ')' && --depth === 0) return index + 1 - position;
    }
  }
  return 0;
}

/** Whether the `[` that this `]` closes is unescaped (so `](…)` is a link destination). */
function opensLink(line: string, close: number): boolean {
  const open = line.lastIndexOf('[', close);
  return open !== -1 && !isEscaped(line, open);
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let position = index - 1; position >= 0 && text[position] === '\\'; position--) backslashes++;
  return backslashes % 2 === 1;
}

/** A heading line with its HTML comments blanked and nothing else: code spans, tags and links stay as written. */
function headingSource(line: string, inComment: boolean): string {
  return maskLine(line, inComment, { keepDestinations: true, headingText: true }).text;
}

/** Text without its `%%comments%%` (Obsidian's), which no reader sees and no heading id includes. */
function withoutObsidianComments(text: string): string {
  return text.includes('%%') ? text.replace(/%%[^]*?%%/g, ' ') : text;
}

/**
 * Blanks out code spans and HTML comments, keeping columns, so references inside them are not found;
 * `headingText` keeps code spans as written (a comment marker inside one is still not a comment) and
 * drops comments, as GitHub shows a heading.
 */
function maskLine(
  line: string,
  inComment: boolean,
  { keepDestinations = false, headingText = false } = {},
): { text: string; inComment: boolean } {
  const blank = (length: number) => (headingText ? '' : ' '.repeat(length));
  let output = '';
  let position = 0;
  while (position < line.length) {
    if (inComment) {
      const end = line.indexOf('-->', position);
      if (end === -1) return { text: output + blank(line.length - position), inComment: true };
      output += blank(end + 3 - position);
      position = end + 3;
      inComment = false;
      continue;
    }
    if (line.startsWith('<!--', position)) {
      inComment = true;
      continue;
    }
    const masked = keepDestinations ? 0 : maskedInlineAt(line, position);
    if (masked > 0) {
      output += ' '.repeat(masked);
      position += masked;
      continue;
    }
    if (line[position] === '`' && !isEscaped(line, position)) {
      let run = 1;
      while (line[position + run] === '`') run++;
      const marker = '`'.repeat(run);
      let end = line.indexOf(marker, position + run);
      while (end !== -1 && line[end + run] === '`') {
        let skip = end;
        while (line[skip] === '`') skip++;
        end = line.indexOf(marker, skip);
      }
      if (end !== -1) {
        output += headingText ? line.slice(position, end + run) : ' '.repeat(end + run - position);
        position = end + run;
        continue;
      }
      output += marker;
      position += run;
      continue;
    }
    output += line[position];
    position++;
  }
  return { text: output, inComment: false };
}
