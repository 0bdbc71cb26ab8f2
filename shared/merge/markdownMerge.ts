/**
 * A Markdown document merged the way a PM reads it: front matter field by field, requirement
 * blocks by key (wherever either side moved them), other blocks by position with the usual
 * three-way rules. Conflicts stay inside the one block both sides changed.
 */
import { matchRequirementBlock } from '../grammar/linkGrammar.js';
import { splitDocument } from '../frontMatter/frontMatter.js';
import { mergeFrontMatter } from './frontMatterMerge.js';
import { clean, pushPart, type MergePart } from './mergeParts.js';
import { mergeRequirement } from './requirementMerge.js';
import { mergeLinesCleanly, mergeSequences } from './threeWay.js';

/** The top-level blocks of a body (LF line endings) as [start, end) offsets, in order. */
export type BlockSplitter = (body: string) => { start: number; end: number }[];

interface Segment {
  /** `r:REQ-2` for a requirement (`r:REQ-2#2` for a second one with that key), else `t:` and its text. */
  id: string;
  requirement?: string;
  /** The block's text, without the blank lines after it. */
  content: string;
  /** The blank lines before the next block; undefined for the last block. */
  separator?: string;
}

interface Body {
  lead: string;
  segments: Segment[];
  tail: string;
}

function segmentBody(body: string, splitBlocks: BlockSplitter): Body {
  const blocks = splitBlocks(body);
  if (blocks.length === 0) return { lead: body, segments: [], tail: '' };
  const segments: Segment[] = [];
  const seen = new Map<string, number>();
  blocks.forEach((block, index) => {
    const content = body.slice(block.start, block.end);
    const next = blocks[index + 1];
    const key = matchRequirementBlock(content)?.attributes.key;
    let id = `t:${content}`;
    if (key !== undefined) {
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      id = count === 1 ? `r:${key}` : `r:${key}#${count}`;
    }
    const segment: Segment = { id, content };
    if (key !== undefined) segment.requirement = key;
    if (next) segment.separator = body.slice(block.end, next.start);
    segments.push(segment);
  });
  return {
    lead: body.slice(0, blocks[0]!.start),
    segments,
    tail: body.slice(blocks[blocks.length - 1]!.end),
  };
}

function mergeText(what: string, base: string, ours: string, theirs: string): MergePart {
  const merged = mergeLinesCleanly(base, ours, theirs);
  return merged === undefined ? { kind: 'conflict', what, base, ours, theirs } : clean(merged);
}

function describe(segments: readonly Segment[]): string {
  const keys = segments.flatMap((segment) => (segment.requirement ? [segment.requirement] : []));
  if (keys.length > 0) return keys.join(', ');
  return segments.length === 1 ? describeBlock(segments[0]!.content) : `${segments.length} blocks`;
}

/** A block named the way a PM reads it: a heading by its text, else what kind of block it is. */
export function describeBlock(content: string): string {
  if (/^#{1,6}\s/.test(content)) return `heading "${content.replace(/^#+\s*/, '').split('\n')[0]}"`;
  if (/^\s*([-*+]|\d+[.)])\s/.test(content)) return 'a list';
  if (/^\s*\|/.test(content)) return 'a table';
  if (/^\s*(```|~~~)/.test(content)) return 'a code block';
  return 'a paragraph';
}

function joinSegments(segments: readonly Segment[]): string {
  return segments
    .map(
      (segment, index) =>
        segment.content + (index < segments.length - 1 ? (segment.separator ?? '\n\n') : ''),
    )
    .join('');
}

/** What to do with a requirement key both sides added with different text. */
export interface KeyClashOptions {
  /** The resolver: offer the two copies as one conflict (Keep mine, Take theirs, Keep both). */
  asConflict?: boolean;
  /** The driver: both copies are kept (a duplicate key `check` reports); told once per key. */
  onDuplicate?: (key: string) => void;
}

/** Merges the bodies of three versions of a document (LF line endings). */
export function mergeBody(
  base: string,
  ours: string,
  theirs: string,
  splitBlocks: BlockSplitter,
  clashes: KeyClashOptions = {},
): MergePart[] {
  if (ours === theirs || theirs === base) return [clean(ours)];
  if (ours === base) return [clean(theirs)];
  const sides = [base, ours, theirs].map((body) => segmentBody(body, splitBlocks));
  const [b, o, t] = sides as [Body, Body, Body];
  const chunks = mergeSequences(b.segments, o.segments, t.segments, (segment) => segment.id);
  if (!chunks) return [mergeText('the document', base, ours, theirs)];
  const byId = (body: Body) => new Map(body.segments.map((segment) => [segment.id, segment]));
  const [baseById, oursById, theirsById] = [byId(b), byId(o), byId(t)];
  const emitted = new Set<string>();
  /** Each output block, with the separator that follows it where it came from. */
  const out: { part: MergePart; separator: string | undefined }[] = [];

  const emit = (segment: Segment, from: 'ours' | 'theirs', separator = segment.separator) => {
    if (!segment.requirement) {
      out.push({ part: clean(segment.content), separator });
      return;
    }
    const id = segment.id;
    const [inBase, inOurs, inTheirs] = [baseById.get(id), oursById.get(id), theirsById.get(id)];
    if (!inBase) {
      // Added on both sides: one block when they agree, else both (a duplicate key `check` reports).
      const other = from === 'ours' ? inTheirs : inOurs;
      const clash = other !== undefined && other.content !== segment.content;
      if (emitted.has(id) && (!clash || clashes.asConflict)) return;
      if (clash && !emitted.has(id)) {
        if (clashes.asConflict) {
          emitted.add(id);
          const what = segment.requirement;
          const [mine, their] = [inOurs!.content, inTheirs!.content];
          out.push({ part: { kind: 'conflict', what, base: '', ours: mine, theirs: their }, separator });
          return;
        }
        clashes.onDuplicate?.(segment.requirement);
      }
      emitted.add(id);
      out.push({ part: clean(segment.content), separator });
      return;
    }
    if (emitted.has(id)) return;
    emitted.add(id);
    if (!inOurs || !inTheirs) {
      // Moved by one side and deleted by the other: deleted, unless the moving side also changed it.
      const kept = (inOurs ?? inTheirs)!;
      if (kept.content !== inBase.content) {
        out.push({
          part: deletedConflict(segment.requirement, inBase, inOurs, inTheirs),
          separator: kept.separator,
        });
      }
      return;
    }
    out.push({
      part: mergeRequirement(segment.requirement, inBase.content, inOurs.content, inTheirs.content),
      separator,
    });
  };
  /** Both sides' blocks at one place: one when they agree, both when each added its own requirement with one key. */
  const emitBoth = (ours: Segment, theirs: Segment, separator: string | undefined) => {
    emit(ours, 'ours', separator);
    if (ours.requirement && !baseById.has(ours.id)) emit(theirs, 'theirs', theirs.separator);
  };

  for (const chunk of chunks) {
    if (chunk.kind === 'same' || (chunk.kind === 'changed' && chunk.side === 'both')) {
      chunk.ours.forEach((segment, index) => {
        const [baseSegment, theirSegment] = [chunk.base[index], chunk.theirs[index]!];
        const separator =
          baseSegment && segment.separator === baseSegment.separator && theirSegment.separator !== undefined
            ? theirSegment.separator
            : segment.separator;
        emitBoth(segment, theirSegment, separator);
      });
      if (chunk.kind === 'same') continue;
    }
    if (chunk.kind === 'changed') {
      const from = chunk.side === 'theirs' ? 'theirs' : 'ours';
      if (chunk.side !== 'both') chunk.items.forEach((segment) => emit(segment, from));
      // A requirement one side deleted here that the other side changed is a conflict, not a loss.
      const otherById = from === 'ours' ? theirsById : oursById;
      const resultById = from === 'ours' ? oursById : theirsById;
      for (const gone of chunk.base) {
        if (!gone.requirement || resultById.has(gone.id) || emitted.has(gone.id)) continue;
        const other = otherById.get(gone.id);
        if (other && other.content !== gone.content) {
          emitted.add(gone.id);
          const [inOurs, inTheirs] = from === 'ours' ? [undefined, other] : [other, undefined];
          out.push({
            part: deletedConflict(gone.requirement, gone, inOurs, inTheirs),
            separator: gone.separator,
          });
        }
      }
      continue;
    }
    const { base: baseRun, ours: ourRun, theirs: theirRun } = chunk;
    const onlyNewRequirements = (run: Segment[]) =>
      run.every((segment) => segment.requirement && !baseById.has(segment.id));
    if (baseRun.length === 0 && onlyNewRequirements(ourRun) && onlyNewRequirements(theirRun)) {
      // Both sides added requirements at the same place: keep both, ours first.
      ourRun.forEach((segment) => emit(segment, 'ours'));
      theirRun.forEach((segment) => emit(segment, 'theirs'));
      continue;
    }
    const aligned = alignRuns(baseRun, ourRun, theirRun);
    if (aligned) {
      // Blocks changed in place on both sides (besides blocks one side added before or after them).
      aligned.before.forEach((segment) => emit(segment, aligned.extraFrom));
      baseRun.forEach((baseSegment, index) => {
        const [ourSegment, theirSegment] = [aligned.ours[index]!, aligned.theirs[index]!];
        if (ourSegment.id === theirSegment.id) emitBoth(ourSegment, theirSegment, ourSegment.separator);
        else if (ourSegment.id === baseSegment.id) emit(theirSegment, 'theirs');
        else if (theirSegment.id === baseSegment.id) emit(ourSegment, 'ours');
        else {
          out.push({
            part: mergeText(
              describe([ourSegment]),
              baseSegment.content,
              ourSegment.content,
              theirSegment.content,
            ),
            separator: ourSegment.separator,
          });
        }
      });
      aligned.after.forEach((segment) => emit(segment, aligned.extraFrom));
      continue;
    }
    out.push({
      part: mergeText(
        describe(ourRun.length > 0 ? ourRun : theirRun),
        joinSegments(baseRun),
        joinSegments(ourRun),
        joinSegments(theirRun),
      ),
      separator: (ourRun[ourRun.length - 1] ?? theirRun[theirRun.length - 1])?.separator,
    });
  }

  const parts: MergePart[] = [];
  pushPart(parts, pickText(b.lead, o.lead, t.lead, out.length === 0));
  out.forEach((entry, index) => {
    pushPart(parts, entry.part);
    if (index < out.length - 1) pushPart(parts, clean(entry.separator ?? '\n\n'));
  });
  if (out.length > 0) pushPart(parts, pickText(b.tail, o.tail, t.tail, false));
  return parts;
}

interface AlignedRuns {
  ours: Segment[];
  theirs: Segment[];
  before: Segment[];
  after: Segment[];
  extraFrom: 'ours' | 'theirs';
}

/**
 * Pairs the blocks of a conflicting run position by position: when both sides have as many blocks
 * as the base, or one side also added blocks before or after the ones it kept unchanged.
 */
function alignRuns(base: Segment[], ours: Segment[], theirs: Segment[]): AlignedRuns | undefined {
  const length = base.length;
  if (length === 0) return undefined;
  if (ours.length === length && theirs.length === length) {
    return { ours, theirs, before: [], after: [], extraFrom: 'ours' };
  }
  const sameIds = (a: Segment[], b: Segment[]) => a.every((segment, index) => segment.id === b[index]!.id);
  for (const [longer, other, from] of [
    [ours, theirs, 'ours'],
    [theirs, ours, 'theirs'],
  ] as const) {
    if (other.length !== length || longer.length <= length) continue;
    const pair = (kept: Segment[]) =>
      from === 'ours' ? { ours: kept, theirs: other } : { ours: other, theirs: kept };
    if (sameIds(longer.slice(0, length), base)) {
      return { ...pair(longer.slice(0, length)), before: [], after: longer.slice(length), extraFrom: from };
    }
    if (sameIds(longer.slice(longer.length - length), base)) {
      const cut = longer.length - length;
      return { ...pair(longer.slice(cut)), before: longer.slice(0, cut), after: [], extraFrom: from };
    }
  }
  return undefined;
}

function deletedConflict(key: string, base: Segment, ours?: Segment, theirs?: Segment): MergePart {
  const gone = ours ? 'theirs' : 'ours';
  return {
    kind: 'conflict',
    what: `${key} (deleted in ${gone}, changed in the other)`,
    base: base.content,
    ours: ours?.content ?? '',
    theirs: theirs?.content ?? '',
  };
}

/** Whitespace around the blocks: what changed wins, ours when both did. */
function pickText(base: string, ours: string, theirs: string, keepConflict: boolean): MergePart {
  if (ours === base) return clean(theirs);
  if (theirs === base || ours === theirs || !keepConflict) return clean(ours);
  return mergeText('the document', base, ours, theirs);
}

export interface MarkdownSides {
  base: string;
  ours: string;
  theirs: string;
}

/** Merges three versions of a Markdown file (any line endings, BOM, front matter). */
export function mergeMarkdown(
  sides: MarkdownSides,
  splitBlocks: BlockSplitter,
  clashes: KeyClashOptions = {},
): MergePart[] {
  const { base, ours, theirs } = sides;
  if (ours === theirs || theirs === base) return [clean(ours)];
  if (ours === base) return [clean(theirs)];
  const endings = [base, ours, theirs].map(lineEndings);
  // A file mixing line endings is merged line by line, so no line's ending changes.
  if (endings.includes('mixed')) return [mergeText('the document', base, ours, theirs)];
  const crlf = endings[1] === 'crlf' || (endings[1] === 'none' && endings[2] === 'crlf');
  const normalize = (text: string) => (text.includes('\r') ? text.replace(/\r\n/g, '\n') : text);
  const [b, o, t] = [base, ours, theirs].map((text) => splitDocument(normalize(text)));
  const parts: MergePart[] = [];
  if (o!.bom || (t!.bom && !b!.bom)) pushPart(parts, clean('\uFEFF'));
  for (const part of mergeFrontMatter(b!.frontMatter?.raw, o!.frontMatter?.raw, t!.frontMatter?.raw)) {
    pushPart(parts, part);
  }
  for (const part of mergeBody(b!.body, o!.body, t!.body, splitBlocks, clashes)) pushPart(parts, part);
  return crlf ? parts.map(toCrlf) : parts;
}

function lineEndings(text: string): 'none' | 'lf' | 'crlf' | 'mixed' {
  const lines = text.split('\n').length - 1;
  const crlf = text.split('\r\n').length - 1;
  const carriageReturns = text.split('\r').length - 1;
  if (carriageReturns !== crlf) return 'mixed';
  if (lines === 0) return 'none';
  return crlf === 0 ? 'lf' : crlf === lines ? 'crlf' : 'mixed';
}

function toCrlf(part: MergePart): MergePart {
  const convert = (text: string) => text.replace(/\r?\n/g, '\r\n');
  return part.kind === 'clean'
    ? clean(convert(part.text))
    : { ...part, base: convert(part.base), ours: convert(part.ours), theirs: convert(part.theirs) };
}
