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

export interface ScanResult {
  headings: ScannedHeading[];
  requirements: ScannedRequirement[];
  references: ScannedReference[];
}

const fenceOpenPattern = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// Greedy, with the closing #s stripped after: a lazy group here backtracked on every heading line.
const atxHeadingPattern = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const atxClosingPattern = /(?:^|[ \t]+)#+[ \t]*$/;
const referencePattern = referencePatternGlobal();
const setextUnderlinePattern = /^ {0,3}(=+|-+)[ \t]*$/;
const blockStartPattern = /^ {0,3}(?:[-+*][ \t]|[0-9]{1,9}[.)][ \t]|>|#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|<|:::)/;

/** Scans a Markdown body (front matter already removed). Lines are 1-based, relative to `text`. */
export function scanMarkdown(text: string): ScanResult {
  const lines = text.split('\n');
  const result: ScanResult = { headings: [], requirements: [], references: [] };
  let fence: { marker: string; length: number; indent: number } | undefined;
  let inComment = false;
  let requirement: { attributes: RequirementAttributes; line: number; bodyLines: string[] } | undefined;
  let paragraphOpen = false;
  let inList = false;
  let afterBlank = true;

  for (let index = 0; index < lines.length; index++) {
    const rawLine = lines[index]!;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const lineNumber = index + 1;

    if (fence) {
      if (isFenceClose(line.slice(Math.min(fence.indent, leadingSpaces(line))), fence)) fence = undefined;
      if (requirement) requirement.bodyLines.push(line);
      continue;
    }
    const blank = line.trim() === '';
    if (!blank) {
      if (listItemPattern.test(line)) inList = true;
      else if (afterBlank && !/^[ \t]/.test(line)) inList = false;
    }
    afterBlank = blank;
    const itemContent = inList ? listItemContentStart(line) : 0;
    const fenceOpen = fenceOpenPattern.exec(line.slice(itemContent));
    if (fenceOpen && !(fenceOpen[1]![0] === '`' && fenceOpen[2]!.includes('`'))) {
      fence = { marker: fenceOpen[1]![0]!, length: fenceOpen[1]!.length, indent: itemContent };
      paragraphOpen = false;
      if (requirement) requirement.bodyLines.push(line);
      continue;
    }

    if (!requirement && line.startsWith(':::requirement{')) {
      const attributes = parseRequirementOpen(line);
      if (attributes && hasRequirementClose(lines, index + 1)) {
        requirement = { attributes, line: lineNumber, bodyLines: [] };
        paragraphOpen = false;
        continue;
      }
    } else if (requirement && isRequirementClose(line)) {
      result.requirements.push({
        attributes: requirement.attributes,
        line: requirement.line,
        endLine: lineNumber,
        body: requirement.bodyLines.join('\n'),
      });
      requirement = undefined;
      paragraphOpen = false;
      continue;
    }
    if (requirement) requirement.bodyLines.push(line);

    const visible: { text: string; inComment: boolean } | undefined =
      inComment || line.includes('<') || line.includes('`') || line.includes('](')
        ? maskLine(line, inComment)
        : undefined;
    if (visible) inComment = visible.inComment;
    const scanned = visible ? visible.text : line;

    if (blank) {
      paragraphOpen = false;
      continue;
    }
    // Indented code: four columns of indentation outside a paragraph and a list.
    if (!paragraphOpen && !inList && /^(?: {4}| {0,3}\t)/.test(line)) continue;
    const atx =
      scanned.length > 0 && scanned.trimStart().startsWith('#') ? atxHeadingPattern.exec(scanned) : null;
    if (atx) {
      result.headings.push({
        level: atx[1]!.length,
        text: (atx[2] ?? '').replace(atxClosingPattern, '').trim(),
        line: lineNumber,
      });
      paragraphOpen = false;
    } else if (
      paragraphOpen &&
      setextUnderlinePattern.test(line) &&
      !/^ {0,3}-+[ \t]*$/.test(lines[index - 1] ?? '')
    ) {
      const previous = lines[index - 1]!.replace(/\r$/, '');
      result.headings.push({
        level: line.trim()[0] === '=' ? 1 : 2,
        text: previous.trim(),
        line: lineNumber - 1,
      });
      paragraphOpen = false;
      continue;
    } else {
      paragraphOpen = !blockStartPattern.test(line) && !/^ {4}/.test(line);
    }

    if (scanned.includes('[[')) {
      referencePattern.lastIndex = 0;
      for (let match = referencePattern.exec(scanned); match; match = referencePattern.exec(scanned)) {
        if (isEscaped(scanned, match.index)) continue;
        result.references.push({ ...referenceFromMatch(match), line: lineNumber, column: match.index + 1 });
      }
    }
  }
  return result;
}

function isFenceClose(line: string, fence: { marker: string; length: number }): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1]![0] === fence.marker && match[1]!.length >= fence.length;
}

/** Whether a `:::` closing line follows before the end, skipping fenced code. */
function hasRequirementClose(lines: string[], from: number): boolean {
  let fence: { marker: string; length: number } | undefined;
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    if (fence) {
      if (isFenceClose(line, fence)) fence = undefined;
      continue;
    }
    const open = fenceOpenPattern.exec(line);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { marker: open[1]![0]!, length: open[1]!.length };
      continue;
    }
    if (isRequirementClose(line)) return true;
    if (line.startsWith(':::requirement{')) return false;
  }
  return false;
}

const listItemPattern = /^ {0,3}(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)/;
const tagAttribute = String.raw`(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?)`;
const inlineMaskPatterns = [
  /^<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\s]*>/,
  new RegExp(String.raw`^<[A-Za-z][A-Za-z0-9-]*${tagAttribute}*\s*\/?>`),
  /^<\/[A-Za-z][A-Za-z0-9-]*\s*>/,
];

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

/** Where a list item's content starts on `line` (after its marker), or its indentation on a continuation line. */
function listItemContentStart(line: string): number {
  const item = /^( {0,3}(?:[-+*]|[0-9]{1,9}[.)])[ \t]+)/.exec(line);
  return item ? item[1]!.length : leadingSpaces(line);
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

/** Blanks out code spans and HTML comments, keeping columns, so references inside them are not found. */
function maskLine(line: string, inComment: boolean): { text: string; inComment: boolean } {
  let output = '';
  let position = 0;
  while (position < line.length) {
    if (inComment) {
      const end = line.indexOf('-->', position);
      if (end === -1) return { text: output + ' '.repeat(line.length - position), inComment: true };
      output += ' '.repeat(end + 3 - position);
      position = end + 3;
      inComment = false;
      continue;
    }
    if (line.startsWith('<!--', position)) {
      inComment = true;
      continue;
    }
    const masked = maskedInlineAt(line, position);
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
        output += ' '.repeat(end + run - position);
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
