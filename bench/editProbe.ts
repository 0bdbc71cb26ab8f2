/**
 * The edits a user makes, made the way the editor makes them (ProseMirror transactions on the
 * parsed document, then editor JSON → codec.serialize), and a check that the file changed by
 * exactly that edit: used by the corpus test and by the bench's clean-edit share.
 */
import type { JSONContent } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { MarkdownCodec, ParsedDocument } from '../shared/markdown/markdownCodec.js';
import { typingMarks } from '../shared/markdown/extensions/codeInLink.js';
import { seededRandom, type SeededRandom } from './seededRandom.js';

/** The kinds of top-level block the clean-edit share is reported for. */
export const blockKinds = [
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'taskList',
  'table',
  'codeBlock',
  'blockquote',
];

export type EditKind = 'append' | 'insert' | 'delete' | 'toggle' | 'cell';

export interface EditOutcome {
  /** The top-level block's kind: its node type. */
  block: string;
  edit: EditKind;
  clean: boolean;
  /** Why it is not clean: the changed bytes, or a reparse that differs. */
  problem?: string;
  /**
   * Not clean because Markdown cannot write it as typed: the text of an autolink changed (see
   * touchesAutolink), or no Markdown at all reads back as the edited block (a paragraph or code
   * span left starting or ending with a space).
   */
  impossible?: 'autolink' | 'unwritable';
}

/** Characters typed: letters most of the time, sometimes Markdown punctuation that may need escaping. */
const typed = ['x', 'x', 'q', 'é', 'x', '.', ',', '*', '_', '#', '[', '!', '`', '~', '-', '|', '<', '&'];

interface TextSpan {
  from: number;
  to: number;
  inCode: boolean;
}

function textSpans(node: ProseMirrorNode, offset: number): TextSpan[] {
  const spans: TextSpan[] = [];
  node.descendants((child, position, parent) => {
    if (child.isText && child.text) {
      const from = offset + 1 + position;
      const inCode =
        parent?.type.name === 'codeBlock' || child.marks.some((mark) => mark.type.name === 'code');
      spans.push({ from, to: from + child.text.length, inCode });
    }
    return true;
  });
  return spans;
}

interface Planned {
  edit: EditKind;
  /** Where the text changes, for edits of text. */
  at?: number;
  /** What the file's change must be: text inserted, removed, or a cell or checkbox change. */
  expect: Expectation;
  apply(tr: Transaction): void;
}

type Expectation =
  | { type: 'insert'; character: string }
  | { type: 'delete'; character: string }
  | { type: 'toggle'; checked: boolean }
  | { type: 'cell'; from: string; to: string };

/** Types `text` at `at` as the editor does: with the marks typing takes there (codeInLink's rule). */
function typeAt(tr: Transaction, text: string, at: number): void {
  tr.setStoredMarks(typingMarks(tr.doc, at)).insertText(text, at);
}

function plans(block: ProseMirrorNode, offset: number, random: SeededRandom): Planned[] {
  const planned: Planned[] = [];
  const spans = textSpans(block, offset).filter((span) => span.to > span.from);
  if (spans.length > 0) {
    const last = spans[spans.length - 1]!;
    planned.push({
      edit: 'append',
      at: last.to,
      expect: { type: 'insert', character: 'x' },
      apply: (tr) => typeAt(tr, 'x', last.to),
    });
    const span = random.pick(spans);
    const at = random.integer(span.from, span.to);
    // A character typed where it becomes code is a letter: a backtick there needs a longer fence, not an escape.
    const inCode =
      span.inCode ||
      block
        .resolve(at - offset - 1)
        .marks()
        .some((mark) => mark.type.name === 'code');
    const character = inCode ? 'x' : random.pick(typed);
    planned.push({
      edit: 'insert',
      at,
      expect: { type: 'insert', character },
      apply: (tr) => typeAt(tr, character, at),
    });
    const deleted = random.pick(spans);
    const position = random.integer(deleted.from, deleted.to - 1);
    planned.push({
      edit: 'delete',
      at: position + 1,
      expect: { type: 'delete', character: block.textBetween(position - offset - 1, position - offset) },
      apply: (tr) => tr.delete(position, position + 1),
    });
  }
  let task: { position: number; checked: boolean } | undefined;
  block.descendants((child, position) => {
    if (!task && child.type.name === 'taskItem') {
      task = { position: offset + 1 + position, checked: Boolean(child.attrs.checked) };
    }
    return !task;
  });
  if (task) {
    const { position, checked } = task;
    planned.push({
      edit: 'toggle',
      expect: { type: 'toggle', checked: !checked },
      apply: (tr) => tr.setNodeAttribute(position, 'checked', !checked),
    });
  }
  if (block.type.name === 'table') {
    const cells: TextSpan[] = [];
    block.descendants((child, position) => {
      if (child.type.name !== 'tableCell' && child.type.name !== 'tableHeader') return true;
      const first = textSpans(child, offset + 1 + position)[0];
      if (first && !first.inCode) cells.push(first);
      return false;
    });
    const words = cells.flatMap((cell) => {
      const word = /[\p{L}\p{N}]+/u.exec(block.textBetween(cell.from - offset - 1, cell.to - offset - 1));
      return word ? [{ from: cell.from + word.index, word: word[0] }] : [];
    });
    if (words.length > 0) {
      const { from, word } = random.pick(words);
      planned.push({
        edit: 'cell',
        at: from,
        expect: { type: 'cell', from: word, to: 'changed' },
        apply: (tr) => tr.insertText('changed', from, from + word.length),
      });
    }
  }
  return planned;
}

/** The bytes that differ: what was removed from `before` and added in `after`, between their common ends. */
export function changedBytes(before: string, after: string): { at: number; removed: string; added: string } {
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  return {
    at: prefix,
    removed: before.slice(prefix, before.length - suffix),
    added: after.slice(prefix, after.length - suffix),
  };
}

const formattingMarks = new Set(['bold', 'italic', 'strike']);

const spanDelimiters = /^(`+|\*{1,3}|_{1,3}|~{1,2}|==)(.*)\1$/s;

/**
 * A deleted character is exact when it goes (with its escape); or, when it was all of a code span's
 * or emphasis's text, with the delimiters that no longer hold anything; or when what is left next
 * to it needs a backslash not to become syntax (`->` → `\-` at a line start).
 */
function deletionIsExact(change: { removed: string; added: string }, character: string): boolean {
  if (change.added === '') {
    if (spellings(character).includes(change.removed)) return true;
    // A line break joins the next line, whose quote marker or indentation goes with it.
    if (character === '\n' && /^\r?\n[ \t>]*$/.test(change.removed)) return true;
    const span = spanDelimiters.exec(change.removed);
    return (
      span !== null && [span[2]!, span[2]!.trim()].some((inside) => spellings(character).includes(inside))
    );
  }
  const index = change.removed.indexOf(character);
  if (index === -1) return false;
  const rest = change.removed.slice(0, index) + change.removed.slice(index + 1);
  return change.added.replace(/\\(?=[!-/:-@[-`{-~])/, '') === rest && change.added.length === rest.length + 1;
}

/** The character as typed, or backslash-escaped where Markdown would otherwise read it as syntax. */
function spellings(character: string): string[] {
  if (character === '\n') return ['\n', '\r\n'];
  return /[!-/:-@[-`{-~]/.test(character) ? [character, `\\${character}`] : [character];
}

function cellsOf(line: string): string[] {
  return line.split(/(?<!\\)\|/);
}

/** `after` is `before` with one occurrence of `from` (as written, maybe escaped) replaced by `to`. */
function isOneReplacement(before: string, after: string, from: string, to: string): boolean {
  for (const removed of [from, ...spellingsOfText(from)]) {
    for (let index = before.indexOf(removed); index !== -1; index = before.indexOf(removed, index + 1)) {
      for (const added of [to, ...spellingsOfText(to)]) {
        if (before.slice(0, index) + added + before.slice(index + removed.length) === after) return true;
      }
    }
  }
  return false;
}

function spellingsOfText(text: string): string[] {
  const escaped = text.replace(/[!-/:-@[-`{-~]/g, (character) => `\\${character}`);
  return escaped === text ? [] : [escaped];
}

/**
 * A bold, italic or struck character typed next to a run its delimiters cannot be extended over
 * (after `[**link**](url)`, where the bold ends inside the brackets) is exact with delimiters of
 * its own around it: `**x**`. That it reads back with the marks it was typed with is checked apart.
 */
function isDelimited(added: string, character: string): boolean {
  const delimited = /^([*_~]+)(.+?)([*_~]+)$/s.exec(added);
  return (
    delimited !== null &&
    delimited[3] === [...delimited[1]!].reverse().join('') &&
    spellings(character).includes(delimited[2]!)
  );
}

function isExact(
  before: string,
  after: string,
  expect: Expectation,
  table: boolean,
  formatted: boolean,
): string | undefined {
  const change = changedBytes(before, after);
  const shown = `${JSON.stringify(change.removed)} → ${JSON.stringify(change.added)}`;
  switch (expect.type) {
    case 'insert': {
      if (table && tableInsertIsExact(before, after, expect.character)) return undefined;
      if (change.removed !== '') return shown;
      if (spellings(expect.character).includes(change.added)) return undefined;
      return formatted && isDelimited(change.added, expect.character) ? undefined : shown;
    }
    case 'delete': {
      if (table && tableDeleteIsExact(before, after, expect.character)) return undefined;
      return deletionIsExact(change, expect.character) ? undefined : shown;
    }
    case 'toggle': {
      const ok = expect.checked
        ? change.removed === ' ' && /^[xX]$/.test(change.added)
        : /^[xX]$/.test(change.removed) && change.added === ' ';
      return ok ? undefined : shown;
    }
    case 'cell':
      return tableCellsDifferBy(before, after, (was, now) =>
        isOneReplacement(was.trim(), now.trim(), expect.from, expect.to),
      )
        ? undefined
        : shown;
  }
}

/**
 * In a table, an inserted character may take a padding space of its cell (or give one back when
 * deleted), and a cell that outgrows its padding makes its own row wider: the edit is exact when
 * one cell's content changed by it and every other cell, row and the delimiter row are as written.
 */
function tableInsertIsExact(before: string, after: string, character: string): boolean {
  return tableCellsDifferBy(before, after, (was, now) =>
    spellings(character).some((spelling) => {
      const change = changedBytes(was.trim(), now.trim());
      return change.removed === '' && change.added === spelling;
    }),
  );
}

function tableDeleteIsExact(before: string, after: string, character: string): boolean {
  return tableCellsDifferBy(before, after, (was, now) =>
    spellings(character).some((spelling) => {
      const change = changedBytes(was.trim(), now.trim());
      return change.added === '' && change.removed === spelling;
    }),
  );
}

function tableCellsDifferBy(
  before: string,
  after: string,
  edited: (was: string, now: string) => boolean,
): boolean {
  const oldLines = before.split('\n');
  const newLines = after.split('\n');
  if (oldLines.length !== newLines.length) return false;
  let editedCells = 0;
  for (let index = 0; index < oldLines.length; index++) {
    if (oldLines[index] === newLines[index]) continue;
    const oldCells = cellsOf(oldLines[index]!);
    const newCells = cellsOf(newLines[index]!);
    if (oldCells.length !== newCells.length) return false;
    for (let column = 0; column < oldCells.length; column++) {
      const was = oldCells[column]!;
      const now = newCells[column]!;
      if (was === now) continue;
      if (!edited(was, now)) return false;
      editedCells++;
    }
  }
  return editedCells === 1;
}

export interface ProbeOptions {
  seed: number;
}

/**
 * A link whose text is its own address, written as a bare URL or `<…>` in the source: an edit of
 * its text, or a character typed right after a bare one, cannot be written as typed (Markdown
 * would read the address changed too), so the codec writes the link out in full.
 */
function touchesAutolink(doc: ProseMirrorNode, position: number, source: string): boolean {
  const $position = doc.resolve(position);
  // GFM reads a bare URL on up to the next space: a character typed after `url).` extends it too.
  const before = $position.parent.textBetween(0, $position.parentOffset, '\n', '\ufffc');
  const wordStart = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\n')) + 1;
  const around: ProseMirrorNode[] = [];
  $position.parent.nodesBetween(
    wordStart,
    Math.min($position.parent.content.size, $position.parentOffset + 1),
    (node) => {
      around.push(node);
    },
  );
  return around.some((node) => {
    const link = node?.marks.find((mark) => mark.type.name === 'link');
    if (!node?.text || !link) return false;
    const href = String(link.attrs.href);
    // GFM links `www.…` bare too, to http://.
    if (href !== node.text && href !== `mailto:${node.text}` && href !== `http://${node.text}`) return false;
    return (
      source.includes(`<${node.text}>`) ||
      new RegExp(`(?<!\\[|\\]\\(|\\]\\(<)${escapeRegExp(node.text)}`).test(source)
    );
  });
}

/** Whether any Markdown reads back as `block`: its canonical form, written alone, parsed again. */
function writable(codec: MarkdownCodec, block: JSONContent): boolean {
  const markdown = codec.serialize(codec.parse(''), { type: 'doc', content: [block] });
  return JSON.stringify(codec.parse(markdown).doc.content?.[0]) === JSON.stringify(block);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every planned edit of every top-level block of `text`, each made alone on the document as loaded. */
export function probeEdits(codec: MarkdownCodec, text: string, options: ProbeOptions): EditOutcome[] {
  const parsed = codec.parse(text);
  const doc = ProseMirrorNode.fromJSON(codec.schema, parsed.doc);
  const state = EditorState.create({ schema: codec.schema, doc });
  const random = seededRandom(options.seed);
  const outcomes: EditOutcome[] = [];
  doc.forEach((block, offset, index) => {
    const source = parsed.source.blocks.blocks[index];
    if (!source) return;
    const blockText = parsed.source.normalized.slice(source.start, source.end);
    for (const plan of plans(block, offset, random)) {
      const tr = state.tr;
      plan.apply(tr);
      if (!tr.docChanged) continue;
      const edited = tr.doc.toJSON() as JSONContent;
      // The typed character's own formatting (marks it took from the text before it).
      const formatted =
        plan.expect.type === 'insert' &&
        plan.at !== undefined &&
        (tr.doc.nodeAt(plan.at)?.marks ?? []).some((mark) => formattingMarks.has(mark.type.name));
      const result = outcome(codec, parsed, text, block.type.name, plan, edited, index, formatted);
      if (!result.clean) {
        if (!writable(codec, edited.content![index]!)) result.impossible = 'unwritable';
        else if (plan.at !== undefined && touchesAutolink(doc, plan.at, blockText))
          result.impossible = 'autolink';
        // Deleting the space after a bare URL joins the next word to it: Markdown would read it as part of the address.
        else if (
          plan.edit === 'delete' &&
          plan.at !== undefined &&
          touchesAutolink(doc, plan.at - 1, blockText)
        )
          result.impossible = 'autolink';
      }
      outcomes.push(result);
    }
  });
  return outcomes;
}

/** The file's offset of a boundary in the LF-normalized body. */
function fileOffset(parsed: ParsedDocument, text: string, position: number): number {
  const offsets = parsed.source.offsets;
  const body = !offsets || position === 0 ? position : offsets[position - 1]! + 1;
  return text.length - parsed.source.body.length + body;
}

/** The saved file holds the edited block where it was: the block alone parsed again, or else the whole file. */
function readsBack(
  codec: MarkdownCodec,
  parsed: ParsedDocument,
  text: string,
  output: string,
  edited: JSONContent,
  index: number,
): boolean {
  const expected = JSON.stringify(edited.content?.[index]);
  const block = parsed.source.blocks.blocks[index]!;
  const start = fileOffset(parsed, text, block.start);
  const end = fileOffset(parsed, text, block.end) + output.length - text.length;
  const alone = codec.parse(output.slice(start, end)).doc.content;
  if (alone?.length === 1 && JSON.stringify(alone[0]) === expected) return true;
  return JSON.stringify(codec.parse(output).doc.content?.[index]) === expected;
}

function outcome(
  codec: MarkdownCodec,
  parsed: ParsedDocument,
  text: string,
  kind: string,
  plan: Planned,
  edited: JSONContent,
  index: number,
  formatted: boolean,
): EditOutcome {
  const result = { block: kind, edit: plan.edit };
  let output: string;
  try {
    output = codec.serialize(parsed, edited);
  } catch (error) {
    return { ...result, clean: false, problem: `serialize threw: ${String(error)}` };
  }
  if (!readsBack(codec, parsed, text, output, edited, index)) {
    return { ...result, clean: false, problem: 'reads back differently' };
  }
  const problem = isExact(text, output, plan.expect, kind === 'table', formatted);
  return problem ? { ...result, clean: false, problem } : { ...result, clean: true };
}

export interface CleanShare {
  block: string;
  edits: number;
  clean: number;
  /** Of the rest, those Markdown cannot write as typed (see EditOutcome.impossible). */
  impossible: number;
}

/** Clean edits by block kind, most edits first, with a total row. */
export function cleanShares(outcomes: EditOutcome[]): CleanShare[] {
  const byKind = new Map<string, CleanShare>();
  for (const { block, clean, impossible } of outcomes) {
    const share = byKind.get(block) ?? { block, edits: 0, clean: 0, impossible: 0 };
    share.edits++;
    if (clean) share.clean++;
    else if (impossible) share.impossible++;
    byKind.set(block, share);
  }
  const rows = [...byKind.values()].sort((a, b) => b.edits - a.edits);
  const total = rows.reduce(
    (sum, row) => ({
      ...sum,
      edits: sum.edits + row.edits,
      clean: sum.clean + row.clean,
      impossible: sum.impossible + row.impossible,
    }),
    { block: 'all', edits: 0, clean: 0, impossible: 0 },
  );
  return [...rows, total];
}
