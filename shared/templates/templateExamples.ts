/**
 * A template's example content (the story's "As a type of user…", a table's header row, a sample
 * question) is guidance, not content: a section still holding exactly its template's example counts
 * as unfilled. Sections are compared by their words, so formatting, list markers, checkboxes and
 * guidance comments never matter, and changing one word makes the section the author's own.
 */

import { withoutComments } from '../grammar/htmlComments.js';

/** Sections longer than this are never an example: only short sections are fingerprinted. */
export const exampleWordLimit = 64;

const wordPattern = /[\p{L}\p{N}]+/gu;
const linePrefix = /^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|(?:[-+*]|[0-9]{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?/;
const requirementFence = /^:::(?:requirement\{.*\})?[ \t]*$/;
const tableDelimiter = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * The words of some Markdown lines as an example is compared: lower case, without HTML comments,
 * requirement fences, table delimiter rows or block markers; undefined past `limit` words.
 */
export function contentWords(lines: readonly string[], limit = exampleWordLimit): string[] | undefined {
  const words: string[] = [];
  let inComment = false;
  for (const raw of lines) {
    const visible = contentLine(raw, inComment);
    inComment = visible.inComment;
    if (visible.text === undefined) continue;
    for (const match of visible.text.matchAll(wordPattern)) {
      words.push(match[0].toLowerCase());
      if (words.length > limit) return undefined;
    }
  }
  return words;
}

/**
 * A line as its words are compared: without its line ending, HTML comments and block markers; no
 * text for a requirement fence or a table's delimiter row. `inComment` carries a comment across lines.
 */
function contentLine(raw: string, inComment: boolean): { text: string | undefined; inComment: boolean } {
  let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (inComment || line.includes('<!--')) {
    const visible = withoutComments(line, inComment);
    line = visible.text;
    inComment = visible.inComment;
  }
  if (requirementFence.test(line) || tableDelimiter.test(line)) return { text: undefined, inComment };
  return { text: line.slice(linePrefix.exec(line)![0].length), inComment };
}

/** A short, stable name for a sequence of words (FNV-1a, 32 bits, hex). */
export function fingerprintOf(words: readonly string[]): string {
  let hash = 0x811c9dc5;
  const text = words.join(' ');
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The fingerprint of lines [from, to) that hold some words, within the limit; undefined otherwise.
 * `fingerprintOf(contentWords(…))` hashed as the words are met, without building them: the index
 * fingerprints every short section of a workspace on open, where the word arrays cost a quarter of it.
 */
export function contentFingerprint(
  lines: readonly string[],
  from = 0,
  to = lines.length,
): string | undefined {
  let hash = 0x811c9dc5;
  let count = 0;
  let inComment = false;
  for (let index = from; index < to; index++) {
    const visible = contentLine(lines[index]!, inComment);
    inComment = visible.inComment;
    const line = visible.text;
    if (line === undefined) continue;
    const lineHash = hash;
    const lineCount = count;
    let ascii = true;
    let inWord = false;
    for (let position = 0; position < line.length; position++) {
      let code = line.charCodeAt(position);
      if (code >= 128) {
        ascii = false;
        break;
      }
      const isUpper = code >= 65 && code <= 90;
      if (!(isUpper || (code >= 97 && code <= 122) || (code >= 48 && code <= 57))) {
        inWord = false;
        continue;
      }
      if (!inWord) {
        inWord = true;
        if (++count > exampleWordLimit) return undefined;
        if (count > 1) hash = Math.imul(hash ^ 32, 0x01000193);
      }
      if (isUpper) code += 32;
      hash = Math.imul(hash ^ code, 0x01000193);
    }
    if (ascii) continue;
    // Other scripts: their words and lower case as the pattern and toLowerCase see them.
    hash = lineHash;
    count = lineCount;
    for (const match of line.matchAll(wordPattern)) {
      if (++count > exampleWordLimit) return undefined;
      if (count > 1) hash = Math.imul(hash ^ 32, 0x01000193);
      const word = match[0].toLowerCase();
      for (let position = 0; position < word.length; position++)
        hash = Math.imul(hash ^ word.charCodeAt(position), 0x01000193);
    }
  }
  return count > 0 ? (hash >>> 0).toString(16).padStart(8, '0') : undefined;
}

/**
 * Examples earlier built-in templates held, by section key: a document made from one still holds
 * only guidance there (a spec's Metric | Target | Actual table, from before Baseline was added).
 */
const formerExamples: ReadonlyMap<string, readonly string[]> = new Map([
  ['success metrics', [fingerprintOf(['metric', 'target', 'actual'])]],
]);

/**
 * Whether a section with this title and fingerprint holds exactly its template's example (`examples`),
 * or what an earlier built-in template held in a section the template still has an example for.
 */
export function isExampleSection(
  examples: ReadonlyMap<string, string> | undefined,
  title: string,
  fingerprint: string | undefined,
): boolean {
  const example = examples?.get(sectionKey(title));
  if (example === undefined || fingerprint === undefined) return false;
  return example === fingerprint || (formerExamples.get(sectionKey(title))?.includes(fingerprint) ?? false);
}

const headingPattern = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const fencePattern = /^ {0,3}(```|~~~)/;

/** The key a section is matched by: its title, trimmed and in lower case; `''` for the text before the first heading. */
export function sectionKey(title: string): string {
  return title.trim().toLowerCase();
}

/**
 * Each section of a template body (front matter skipped) that holds example content: section key →
 * fingerprint of that content, subheadings included, as `summarizeSections` fingerprints a document's.
 */
export function templateExamples(text: string): Map<string, string> {
  const lines = withoutFrontMatter(text.split('\n'));
  const headings: { index: number; level: number; title: string }[] = [];
  let fence = false;
  lines.forEach((line, index) => {
    if (fencePattern.test(line)) fence = !fence;
    const heading = fence ? null : headingPattern.exec(line.replace(/\r$/, ''));
    if (heading) headings.push({ index, level: heading[1]!.length, title: heading[2]! });
  });
  const examples = new Map<string, string>();
  const add = (key: string, section: readonly string[]): void => {
    const fingerprint = contentFingerprint(section);
    if (fingerprint !== undefined && !examples.has(key)) examples.set(key, fingerprint);
  };
  add('', lines.slice(0, headings[0]?.index ?? lines.length));
  headings.forEach((heading, position) => {
    const next = headings.slice(position + 1).find((other) => other.level <= heading.level);
    add(sectionKey(heading.title), lines.slice(heading.index + 1, next?.index ?? lines.length));
  });
  return examples;
}

function withoutFrontMatter(lines: string[]): string[] {
  if (!/^(?:\uFEFF)?---[ \t]*\r?$/.test(lines[0] ?? '')) return lines;
  const close = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)[ \t]*\r?$/.test(line));
  return close === -1 ? lines : lines.slice(close + 1);
}
