/**
 * A merged file as a list of parts: text both sides agree on (or that only one side changed), and
 * conflicts, each one block (a requirement, a front-matter field, a paragraph, a roadmap item)
 * with what each side wants. Git gets them as standard conflict markers; the app shows them side by side.
 */

export interface CleanPart {
  kind: 'clean';
  text: string;
}

export interface ConflictPart {
  kind: 'conflict';
  /** What the block is, in words a PM reads: `REQ-2`, `front matter: status`, `RM-7`, `a paragraph`. */
  what: string;
  base: string;
  ours: string;
  theirs: string;
}

export type MergePart = CleanPart | ConflictPart;

export interface MergeOutcome {
  parts: MergePart[];
  /** Why a file was merged line by line rather than block by block, if it was. */
  fallback?: string;
  /** What the merge did that neither side wrote (an item both added under one key, renumbered). */
  notes?: string[];
  /** The roadmap entries of the side not shared yet that took a new key (roadmap.json only). */
  renumbered?: { list: string; from: string; to: string }[];
  /** Requirement keys both sides added with different text, now defined twice in the merged file. */
  duplicateKeys?: string[];
}

export function conflictCount(parts: readonly MergePart[]): number {
  return parts.filter((part) => part.kind === 'conflict').length;
}

/** Joins the parts, writing each conflict as git's `<<<<<<<` / `=======` / `>>>>>>>` lines. */
export function renderParts(
  parts: readonly MergePart[],
  options: {
    markerSize?: number;
    eol?: string;
    name?: (part: ConflictPart, side: 'ours' | 'theirs') => string;
  } = {},
): string {
  const size = options.markerSize ?? 7;
  const eol = options.eol ?? '\n';
  let text = '';
  let addedBreak = false;
  for (const part of parts) {
    if (part.kind === 'clean') {
      // A block's text ends before its line break: the break after the markers stands in for it.
      text += addedBreak && part.text.startsWith(eol) ? part.text.slice(eol.length) : part.text;
      addedBreak = false;
      continue;
    }
    // Markers start a line, so text before a conflict that lacks its line break gets one.
    if (text !== '' && !text.endsWith('\n')) text += eol;
    // git's markers may carry a label after them: the block's name says which one this is.
    const label = (side: 'ours' | 'theirs') => (options.name ? `${side}: ${options.name(part, side)}` : side);
    text += `${'<'.repeat(size)} ${label('ours')}${eol}${withFinalBreak(part.ours, eol)}`;
    text += `${'='.repeat(size)}${eol}${withFinalBreak(part.theirs, eol)}`;
    text += `${'>'.repeat(size)} ${label('theirs')}${eol}`;
    addedBreak = [part.ours, part.theirs].some((side) => side !== '' && !side.endsWith('\n'));
  }
  return text;
}

function withFinalBreak(text: string, eol: string): string {
  return text === '' || text.endsWith('\n') ? text : text + eol;
}

/** Appends to a part list, joining neighbouring clean text. */
export function pushPart(parts: MergePart[], part: MergePart): void {
  const last = parts[parts.length - 1];
  if (part.kind === 'clean') {
    if (part.text === '') return;
    if (last?.kind === 'clean') {
      last.text += part.text;
      return;
    }
  }
  parts.push(part.kind === 'clean' ? { ...part } : part);
}

export function clean(text: string): CleanPart {
  return { kind: 'clean', text };
}

/** The text with each conflict resolved by `choose` (the resolver's Keep mine / Take theirs / Keep both). */
export function resolveParts(
  parts: readonly MergePart[],
  choose: (part: ConflictPart, index: number) => string,
): string {
  let conflictIndex = 0;
  return parts.map((part) => (part.kind === 'clean' ? part.text : choose(part, conflictIndex++))).join('');
}
