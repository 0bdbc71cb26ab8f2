/**
 * Merges three versions of one workspace file by what it is: Markdown block by block, `roadmap.json`
 * item by item, anything else (or anything too large or odd for that) line by line as git would.
 */
import { mergeMarkdown, type BlockSplitter } from './markdownMerge.js';
import { clean, pushPart, type MergeOutcome, type MergePart } from './mergeParts.js';
import { mergeRekeys, isRekeysPath } from './rekeysMerge.js';
import { mergeRoadmap } from './roadmapMerge.js';
import { mergeSequences, splitLines } from './threeWay.js';

/** Larger Markdown is merged line by line: parsing it block by block three times would take too long. */
export const largestBlockMerge = 2 * 1024 * 1024;

export interface FileVersions {
  /** Workspace- or repository-relative path, forward slashes. */
  path: string;
  /** The common ancestor ('' when the file is new on both sides). */
  base: string;
  ours: string;
  theirs: string;
  /** Replaying a commit in a rebase: "theirs" is then the side not shared yet. */
  rebasing?: boolean;
  /**
   * A requirement key both sides added with different text: kept twice (the driver, which names the
   * keys in `duplicateKeys`), or one conflict to choose from (the in-app resolver).
   */
  keyClashes?: 'keep-both' | 'conflict';
}

export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}

export function isRoadmapPath(path: string): boolean {
  return path === 'roadmap.json' || path.endsWith('/roadmap.json');
}

export function mergeFileVersions(versions: FileVersions, splitBlocks: BlockSplitter): MergeOutcome {
  const { path, base, ours, theirs } = versions;
  if (ours === theirs || theirs === base) return { parts: [clean(ours)] };
  if (ours === base) return { parts: [clean(theirs)] };
  const largest = Math.max(base.length, ours.length, theirs.length);
  if (isMarkdownPath(path)) {
    if (largest > largestBlockMerge) {
      return { parts: mergeLines(base, ours, theirs), fallback: 'larger than 2 MB: merged line by line' };
    }
    const duplicateKeys: string[] = [];
    const parts = mergeMarkdown({ base, ours, theirs }, splitBlocks, {
      asConflict: versions.keyClashes === 'conflict',
      onDuplicate: (key) => duplicateKeys.push(key),
    });
    return duplicateKeys.length > 0 ? { parts, duplicateKeys } : { parts };
  }
  if (isRoadmapPath(path)) {
    const notes: string[] = [];
    const renumbered: NonNullable<MergeOutcome['renumbered']> = [];
    // Named from the user's seat: the item already on the other side keeps the key, theirs; the user's
    // own takes the next one. In a rebase git's "ours" is the upstream, so its words would be swapped.
    const parts = mergeRoadmap(
      base,
      ours,
      theirs,
      (renumbering) => {
        renumbered.push(renumbering);
        notes.push(
          `${renumbering.from} was added on both sides: theirs keeps ${renumbering.from}, yours is now ${renumbering.to}`,
        );
      },
      versions.rebasing ? 'theirs' : 'ours',
    );
    if (parts) return notes.length > 0 ? { parts, notes, renumbered } : { parts };
    return { parts: mergeLines(base, ours, theirs), fallback: 'not valid JSON: merged line by line' };
  }
  if (isRekeysPath(path)) {
    const parts = mergeRekeys(base, ours, theirs);
    if (parts) return { parts };
  }
  return { parts: mergeLines(base, ours, theirs) };
}

/** Line-by-line three-way merge, each overlapping change one conflict (the whole file past the edit budget). */
export function mergeLines(base: string, ours: string, theirs: string): MergePart[] {
  const chunks = mergeSequences(splitLines(base), splitLines(ours), splitLines(theirs), (line) => line);
  if (!chunks) return [{ kind: 'conflict', what: 'the whole file', base, ours, theirs }];
  const parts: MergePart[] = [];
  for (const chunk of chunks) {
    if (chunk.kind === 'conflict') {
      parts.push({
        kind: 'conflict',
        what: `lines ${chunk.at.ours + 1}–${chunk.at.ours + Math.max(chunk.ours.length, 1)}`,
        base: chunk.base.join(''),
        ours: chunk.ours.join(''),
        theirs: chunk.theirs.join(''),
      });
    } else pushPart(parts, clean((chunk.kind === 'same' ? chunk.ours : chunk.items).join('')));
  }
  return parts;
}
