/**
 * The edits that make every `[[Old name]]`, `[[folder/Old name#Heading|label]]` and
 * `[text](Old%20name.md)` pointing at a renamed document point at its new name: only the name inside
 * each link changes, never its anchor, label or anything around it. Aliases are names of their own
 * and stay.
 */
import type { ScannedNameLink } from '../../shared/grammar/markdownScanner.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import type { NameResolver } from '../../shared/model/nameResolver.js';

export interface LinkRewrite {
  path: string;
  /** Offsets into the file's text and the new text for each, in order. */
  edits: { start: number; end: number; text: string }[];
}

/** For each document linking to `from` by its file name, where the name stands and what replaces it. */
export function renameRewrites(
  documents: Iterable<DocumentEntry>,
  texts: (path: string) => string | undefined,
  names: NameResolver,
  from: string,
  to: string,
): LinkRewrite[] {
  const oldName = baseName(from);
  const newName = baseName(to);
  const rewrites: LinkRewrite[] = [];
  for (const document of documents) {
    const linking = document.nameLinks.filter((link) => {
      if (link.target === '' || baseName(link.target).toLowerCase() !== oldName.toLowerCase()) return false;
      const resolved = names.resolve(link, document.path);
      return (resolved.kind === 'found' || resolved.kind === 'ambiguous') && resolved.path === from;
    });
    if (linking.length === 0) continue;
    const text = texts(document.path);
    if (text === undefined) continue;
    const starts = lineStarts(text);
    const edits = linking.flatMap((link) => {
      const edit = nameEdit(text, (starts[link.line - 1] ?? 0) + link.column - 1, link, newName);
      return edit ? [edit] : [];
    });
    if (edits.length > 0) rewrites.push({ path: document.path, edits });
  }
  return rewrites;
}

/**
 * The text with `edits` made. In a padded table row (`| [[Callouts]]      |`) a longer name takes its
 * room from the cell's padding, never below one space, and a shorter one gives it back, so the source
 * row still lines up.
 */
export function applyEdits(text: string, edits: LinkRewrite['edits']): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    const added = edit.text.length - (edit.end - edit.start);
    let rest = result.slice(edit.end);
    const padded = added !== 0 && inTableRow(result, edit.start) ? cellPadding.exec(rest) : null;
    if (
      padded &&
      (added > 0 || padded[2]!.length > 1 || alignedBelow(result, edit.end + padded[0].length - 1))
    ) {
      const kept = Math.max(1, padded[2]!.length - added);
      rest = `${padded[1]}${' '.repeat(kept)}${rest.slice(padded[0].length - 1)}`;
    }
    result = result.slice(0, edit.start) + edit.text + rest;
  }
  return result;
}

/** The rest of a cell (an escaped `\|` is part of it) and the spaces before the pipe that ends it. */
const cellPadding = /^((?:\\\||[^|\n])*?)( +)\|/;

/** Whether the row below has a pipe in the same column as the one at `pipe`: the table is aligned. */
function alignedBelow(text: string, pipe: number): boolean {
  const lineStart = text.lastIndexOf('\n', pipe - 1) + 1;
  const nextLine = text.indexOf('\n', pipe);
  if (nextLine === -1) return false;
  return text[nextLine + 1 + pipe - lineStart] === '|';
}

function inTableRow(text: string, at: number): boolean {
  return /^[ \t]*\|/.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at + 1));
}

/** Where the file name sits inside the link starting at `offset`, and its replacement. */
function nameEdit(
  text: string,
  offset: number,
  link: ScannedNameLink,
  newName: string,
): { start: number; end: number; text: string } | undefined {
  const span = targetSpan(text, offset, link);
  if (!span) return undefined;
  return replaceBase(text.slice(span.start, span.end), span.start, newName, (name) =>
    span.angled || link.form === 'wiki' ? name : encodeURIComponent(name).replace(/%2F/g, '/'),
  );
}

/**
 * Where the target of the link starting at `offset` is written (`Note` in `[[Note#h|x]]`,
 * `../a%20b.md` in `[x](../a%20b.md#h)`), and whether it sits in angle brackets.
 */
export function targetSpan(
  text: string,
  offset: number,
  link: Pick<ScannedNameLink, 'form'>,
): { start: number; end: number; angled: boolean } | undefined {
  if (link.form === 'wiki') {
    const open = text.indexOf('[[', offset);
    if (open === -1 || open > offset + 1) return undefined;
    const start = open + 2;
    return { start, end: start + rawTargetLength(text, start), angled: false };
  }
  const destination = text.indexOf('](', offset);
  if (destination === -1) return undefined;
  let start = destination + 2;
  while (text[start] === ' ' || text[start] === '\t') start++;
  const angled = text[start] === '<';
  if (angled) start++;
  let end = start;
  while (end < text.length && !(angled ? '>\n' : ' \t\n)#?').includes(text[end]!)) end++;
  return { start, end, angled };
}

/** The target part of `[[target#anchor|label]]` as written, up to `#`, `|`, `\|` or `]]`. */
export function rawTargetLength(text: string, start: number): number {
  let end = start;
  while (end < text.length && !'#|]\\\n'.includes(text[end]!)) end++;
  return end - start;
}

/** Replaces the last path segment's name (keeping `.md` when written) inside a target. */
function replaceBase(
  written: string,
  start: number,
  newName: string,
  encode: (name: string) => string,
): { start: number; end: number; text: string } {
  const trimmed = written.trimEnd();
  const slash = trimmed.lastIndexOf('/');
  const nameStart = slash + 1;
  const extension = /\.md$/i.exec(trimmed)?.[0] ?? '';
  return {
    start: start + nameStart,
    end: start + trimmed.length - extension.length,
    text: encode(newName),
  };
}

function baseName(path: string): string {
  const decoded = path.slice(path.lastIndexOf('/') + 1);
  return decoded.replace(/\.md$/i, '');
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
    starts.push(index + 1);
  return starts;
}
