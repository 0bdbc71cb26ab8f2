/**
 * The part of a note an embed or a link shows: `![[Note]]` the whole body, `![[Note#Heading]]` the
 * heading and what it holds (up to the next heading as high), `![[Note#^id]]` the block ending in
 * `^id`, as Obsidian transcludes them.
 */
import { splitDocument } from '../frontMatter/frontMatter.js';
import { scanMarkdown } from '../grammar/markdownScanner.js';
import { blockIdIn } from '../grammar/nameLinkGrammar.js';
import { findHeading } from '../model/headingAnchor.js';

export interface NoteSection {
  /** Markdown of the section (LF line endings). */
  markdown: string;
  /** The heading's text, or the block id, it was found by; undefined for the whole note. */
  found?: string;
}

/** The section of a document's text, or undefined when the anchor names nothing in it. */
export function noteSection(text: string, anchor?: string): NoteSection | undefined {
  const body = splitDocument(text).body.replace(/\r\n?/g, '\n');
  if (anchor === undefined || anchor === '') return { markdown: body.replace(/^\n+/, '') };
  const lines = body.split('\n');
  // Headings and block ids inside code fences (a Markdown example) are no anchors: the scan skips them.
  const scan = scanMarkdown(body, lines);
  if (anchor.startsWith('^'))
    return blockSection(lines, scan.blockIdLines[scan.blockIds.indexOf(anchor.slice(1))]);
  const headings = scan.headings;
  const index = findHeading(
    headings.map((heading) => heading.text),
    anchor,
  );
  if (index === -1) return undefined;
  const heading = headings[index]!;
  const next = headings.slice(index + 1).find((candidate) => candidate.level <= heading.level);
  const end = next ? next.line - 1 : lines.length;
  return { markdown: trimBlankLines(lines.slice(heading.line - 1, end)).join('\n'), found: heading.text };
}

const headingLine = /^ {0,3}#{1,6}(?:[ \t]|$)/;

function blockSection(lines: string[], line: number | undefined): NoteSection | undefined {
  if (line === undefined) return undefined;
  const at = line - 1;
  const id = blockIdIn(lines[at]!)!;
  // The block is the run of lines around the id, or, for an id alone on its line, the run before it.
  const alone = lines[at]!.trim() === `^${id}`;
  let end = at;
  if (alone) {
    end = at - 1;
    while (end > 0 && lines[end]!.trim() === '') end--;
  }
  let start = end;
  while (start > 0 && lines[start - 1]!.trim() !== '' && !headingLine.test(lines[start - 1]!)) start--;
  const block = lines.slice(start, end + 1).map((line) => line.replace(/[ \t]+\^[A-Za-z0-9-]+[ \t]*$/, ''));
  return { markdown: block.join('\n'), found: `^${id}` };
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}
