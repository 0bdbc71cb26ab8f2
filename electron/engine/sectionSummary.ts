/** Words and list items under each heading, so rules can spot empty template sections without a Markdown tree. */
import type { ScannedHeading } from '../../shared/grammar/markdownScanner.js';
import { fenceOpenedBy, isFenceClose } from '../../shared/grammar/linkGrammar.js';
import type { SectionSummary } from '../../shared/model/documentModel.js';

const listItemPattern = /^[ \t]*(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)/;
const requirementFencePattern = /^:::(?:requirement\{.*)?[ \t]*$/;

/**
 * Summarizes each heading's section of `body`: its content runs to the next heading of the same or
 * a higher level, so a parent counts its subsections' content but never a heading's own text.
 * `headings` come from `scanMarkdown(body)` (body lines); `bodyLine` turns them into file lines.
 */
export function summarizeSections(
  body: string,
  headings: ScannedHeading[],
  bodyLine: number,
): SectionSummary[] {
  if (headings.length === 0) return [];
  const lines = body.split('\n');
  const headingLines = new Set<number>();
  for (const heading of headings) headingLines.add(heading.line);
  // Running totals: words[i] and items[i] count lines 1..i (1-based), so a range is one subtraction.
  const words = new Int32Array(lines.length + 1);
  const items = new Int32Array(lines.length + 1);
  let fence: { marker: string; length: number } | undefined;
  let inComment = false;
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    let lineWords = 0;
    let lineItems = 0;
    const isHeading = headingLines.has(index + 1) || isSetextUnderline(headingLines, index + 1, line);
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
        if (mayBeListItem(line) && listItemPattern.test(line)) lineItems = 1;
      }
    }
    words[index + 1] = words[index]! + lineWords;
    items[index + 1] = items[index]! + lineItems;
  }
  return headings.map((heading, position) => {
    let end = lines.length;
    for (let next = position + 1; next < headings.length; next++) {
      if (headings[next]!.level <= heading.level) {
        end = headings[next]!.line - 1;
        break;
      }
    }
    return {
      title: heading.text,
      level: heading.level,
      line: heading.line + bodyLine - 1,
      words: words[end]! - words[heading.line]!,
      items: items[end]! - items[heading.line]!,
    };
  });
}

function mayBeFence(line: string): boolean {
  return line.includes('```') || line.includes('~~~');
}

function mayBeListItem(line: string): boolean {
  const code = line.charCodeAt(0);
  // - + * digits, space, tab
  return code === 45 || code === 43 || code === 42 || (code >= 48 && code <= 57) || code === 32 || code === 9;
}

/** The `===` or `---` line under a setext heading belongs to the heading. */
function isSetextUnderline(headingLines: Set<number>, lineNumber: number, line: string): boolean {
  return headingLines.has(lineNumber - 1) && /^ {0,3}(?:=+|-+)[ \t]*$/.test(line);
}

/** Runs of letters and digits (any script), counted without allocating. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const wordCharacter =
      (code >= 97 && code <= 122) ||
      (code >= 65 && code <= 90) ||
      (code >= 48 && code <= 57) ||
      (code > 127 && isLetterOrDigit(text[index]!));
    if (wordCharacter && !inWord) count++;
    inWord = wordCharacter;
  }
  return count;
}

const letterOrDigit = /[\p{L}\p{N}\p{M}]/u;
function isLetterOrDigit(character: string): boolean {
  return letterOrDigit.test(character);
}

function withoutComments(line: string, inComment: boolean): { text: string; inComment: boolean } {
  let output = '';
  let position = 0;
  while (position < line.length) {
    if (inComment) {
      const end = line.indexOf('-->', position);
      if (end === -1) return { text: output, inComment: true };
      position = end + 3;
      inComment = false;
      continue;
    }
    const start = line.indexOf('<!--', position);
    if (start === -1) return { text: output + line.slice(position), inComment: false };
    output += line.slice(position, start) + ' ';
    position = start + 4;
    inComment = true;
  }
  return { text: output, inComment };
}
