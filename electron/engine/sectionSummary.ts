/** Words and list items under each heading, so rules can spot empty template sections without a Markdown tree. */
import type { ScannedHeading } from '../../shared/grammar/markdownScanner.js';
import { fenceOpenedBy, isFenceClose } from '../../shared/grammar/linkGrammar.js';
import type { SectionSummary } from '../../shared/model/documentModel.js';
import { contentFingerprint, exampleWordLimit } from '../../shared/templates/templateExamples.js';
import { withoutComments } from '../../shared/grammar/htmlComments.js';
import { headingPlainText } from '../../shared/model/headingAnchor.js';

const requirementFencePattern = /^:::(?:requirement\{.*)?[ \t]*$/;

/**
 * Summarizes each heading's section of `body`: its content runs to the next heading of the same or
 * a higher level, so a parent counts its subsections' content but never a heading's own text.
 * `headings` come from `scanMarkdown(body)` (body lines); `bodyLine` turns them into file lines.
 * `lines` is `body.split('\n')`, for a caller that has it already.
 */
export function summarizeSections(
  body: string,
  headings: ScannedHeading[],
  bodyLine: number,
  lines = body.split('\n'),
): SectionSummary[] {
  if (headings.length === 0) return [];
  // One flag per line instead of a Set lookup: this loop visits the 500,000 lines of a workspace.
  const isHeadingLine = new Uint8Array(lines.length + 2);
  for (const heading of headings) if (heading.line <= lines.length) isHeadingLine[heading.line] = 1;
  // Running totals: words[i] and items[i] count lines 1..i (1-based), so a range is one subtraction.
  const words = new Int32Array(lines.length + 1);
  const items = new Int32Array(lines.length + 1);
  let fence: { marker: string; length: number } | undefined;
  let inComment = false;
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]!;
    if (codeAt(line, line.length - 1) === 13) line = line.slice(0, -1);
    let lineWords = 0;
    let lineItems = 0;
    const isHeading =
      isHeadingLine[index + 1] === 1 || (isHeadingLine[index] === 1 && isSetextUnderline(line));
    if (fence) {
      if (mayBeFence(line) && isFenceClose(line, fence)) fence = undefined;
      else lineWords = countWords(line);
    } else if (!isHeading) {
      if (inComment || line.includes('<!--')) {
        const visible = withoutComments(line, inComment);
        line = visible.text;
        inComment = visible.inComment;
      }
      // Cheap character checks first: the patterns run on a few lines of the 300,000 in a workspace.
      const opened = mayBeFence(line) ? fenceOpenedBy(line) : undefined;
      if (opened) fence = opened;
      else if (!(line.startsWith(':::') && requirementFencePattern.test(line))) {
        lineWords = countWords(line);
        if (isListItem(line)) lineItems = 1;
      }
    }
    words[index + 1] = words[index]! + lineWords;
    items[index + 1] = items[index]! + lineItems;
  }
  const sections: SectionSummary[] = [];
  // The text before the first heading (a story's "As a … I want …") is a section when it has words.
  const openingEnd = headings[0]!.line - 1;
  if (words[openingEnd]! > 0) {
    const opening = {
      title: '',
      level: 0,
      line: bodyLine,
      words: words[openingEnd]!,
      items: items[openingEnd]!,
    };
    sections.push(withFingerprint(opening, lines, 0, openingEnd));
  }
  headings.forEach((heading, position) => {
    let end = lines.length;
    for (let next = position + 1; next < headings.length; next++) {
      if (headings[next]!.level <= heading.level) {
        end = headings[next]!.line - 1;
        break;
      }
    }
    const section: SectionSummary = {
      title: headingPlainText(heading.text),
      level: heading.level,
      line: heading.line + bodyLine - 1,
      words: words[end]! - words[heading.line]!,
      items: items[end]! - items[heading.line]!,
    };
    sections.push(withFingerprint(section, lines, heading.line, end));
  });
  return sections;
}

/**
 * Adds the fingerprint of lines [from, to) (0-based) when the section is short enough to be a
 * template's example; a longer one is never compared, and costs nothing more.
 */
function withFingerprint(
  section: SectionSummary,
  lines: readonly string[],
  from: number,
  to: number,
): SectionSummary {
  if (section.words > exampleWordLimit) return section;
  const fingerprint = contentFingerprint(lines, from, to);
  if (fingerprint !== undefined) section.fingerprint = fingerprint;
  return section;
}

/** `text.charCodeAt(index)`, or -1 outside the text: optimized code that reads past the end is thrown away. */
function codeAt(text: string, index: number): number {
  return index >= 0 && index < text.length ? text.charCodeAt(index) : -1;
}

/** Whether a fence marker follows up to three spaces, as both fence patterns require. */
function mayBeFence(line: string): boolean {
  let position = 0;
  while (position < 3 && codeAt(line, position) === 32) position++;
  const code = codeAt(line, position);
  return code === 96 || code === 126;
}

/** `^[ \t]*(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)`, matched by hand. */
function isListItem(line: string): boolean {
  let position = 0;
  while (isSpaceOrTab(codeAt(line, position))) position++;
  const code = codeAt(line, position);
  if (code === 45 || code === 43 || code === 42) {
    position++;
  } else {
    let digits = 0;
    while (digits < 9 && isDigit(codeAt(line, position + digits))) digits++;
    if (digits === 0) return false;
    const after = codeAt(line, position + digits);
    if (after !== 46 && after !== 41) return false;
    position += digits + 1;
  }
  return position === line.length || isSpaceOrTab(codeAt(line, position));
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The `===` or `---` line under a setext heading belongs to the heading. */
function isSetextUnderline(line: string): boolean {
  return /^ {0,3}(?:=+|-+)[ \t]*$/.test(line);
}

/**
 * Per UTF-16 unit: 1 for a letter or digit (any script, as `[\p{L}\p{N}\p{M}]` judges each unit alone),
 * 0 for anything else, 2 until a non-ASCII unit is first met (classifying all 65,536 up front costs ~20 ms).
 */
const wordCharacters = new Uint8Array(65_536).fill(2, 128);
for (let code = 0; code < 128; code++) {
  wordCharacters[code] =
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
}
const letterOrDigit = /[\p{L}\p{N}\p{M}]/u;

function classify(code: number): number {
  return (wordCharacters[code] = letterOrDigit.test(String.fromCharCode(code)) ? 1 : 0);
}

/** Runs of letters and digits (any script), counted without allocating. */
export function countWords(text: string): number {
  let count = 0;
  let previous = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    let current = wordCharacters[code]!;
    if (current === 2) current = classify(code);
    count += current & ~previous;
    previous = current;
  }
  return count;
}
