/**
 * A file git left mid-merge holds both sides of each conflict between its marker lines
 * (`<<<<<<< ours`, `=======`, `>>>>>>> theirs`, at the start of a line, in that order). Read as
 * Markdown, a requirement both sides changed is there twice: the index reads such a file as conflicted
 * instead, so nothing calls the two sides a key defined twice.
 */
import type { DocumentEntry } from '../model/documentModel.js';

const opening = /^<{7}(?: |$)/;
const separator = /^={7}\r?$/;
const closing = /^>{7}(?: |$)/;

/** The 1-based line of the first conflict's `<<<<<<<` in `text`, or undefined when it has none. */
export function conflictMarkerLine(text: string): number | undefined {
  // Most files hold no marker at all: they are not split into lines.
  if (!text.startsWith('<<<<<<<') && !text.includes('\n<<<<<<<')) return undefined;
  const lines = text.split('\n');
  const start = lines.findIndex((line) => opening.test(line));
  if (start === -1) return undefined;
  const middle = lines.findIndex((line, index) => index > start && separator.test(line));
  if (middle === -1) return undefined;
  const end = lines.findIndex((line, index) => index > middle && closing.test(line));
  return end === -1 ? undefined : start + 1;
}

/** What `check` and Problems say about such a file, once. */
const conflictMessage =
  'This file has merge conflicts: both sides stand between git’s <<<<<<< and >>>>>>> lines. Resolve them in Changes (or in an editor); until then its requirements count once and the other rules skip it.';

/** The index's problem for a file whose first conflict starts on `line`. */
export function conflictProblem(line: number): { line: number; message: string } {
  return { line, message: conflictMessage };
}

/** A document the index read as conflicted: its other findings wait until the conflict is resolved. */
export function isConflicted(document: Pick<DocumentEntry, 'conflicted'>): boolean {
  return document.conflicted === true;
}
