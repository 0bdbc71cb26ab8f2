/**
 * A conflicted file edited after git merged it (in vim, inside the markers): the resolver reads the
 * sides from git's index, so without this check "Yours" would show git's text and saving would drop
 * the edit. The file is compared with what git wrote (the driver's block merge, or git's own line
 * merge), marker labels aside; where the driver wrote it, "yours" is read back from its markers.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { markerName } from '../../shared/merge/conflictName.js';
import { renderParts, type MergePart } from '../../shared/merge/mergeParts.js';
import { runGit } from './gitCommand.js';
import { mergeWithFallback } from './mergeDriver.js';
import type { RepositoryPlace } from './repositoryStatus.js';

export interface OutsideEdit {
  /** Per conflict, in order: the text between the file's own markers on your side, where it differs from git's. */
  mine?: (string | undefined)[];
}

interface Region {
  ours: string;
  theirs: string;
}

const marker = (character: string) => new RegExp(`^${character}{7,}(?: .*)?\\r?$`);
const [opening, separator, baseStart, closing] = ['<', '=', '\\|', '>'].map(marker) as [
  RegExp,
  RegExp,
  RegExp,
  RegExp,
];

/** The text with each marker line's label dropped: git names sides by branch or commit, the driver by block. */
function withoutLabels(text: string): string {
  return text.replace(/^([<>|])\1{6,}[^\r\n]*/gm, (line) => line.replace(/ .*$/, ''));
}

/** The file's conflict regions (your side, their side), or undefined if its markers do not pair up. */
export function markerRegions(text: string): Region[] | undefined {
  const regions: Region[] = [];
  let current: { ours: string[]; theirs: string[]; in: 'ours' | 'base' | 'theirs' } | undefined;
  for (const line of text.split(/(?<=\n)/)) {
    const bare = line.replace(/\n$/, '');
    if (!current) {
      if (opening.test(bare)) current = { ours: [], theirs: [], in: 'ours' };
      else if (separator.test(bare) || closing.test(bare)) return undefined;
      continue;
    }
    if (opening.test(bare)) return undefined;
    if (current.in === 'ours' && baseStart.test(bare)) current.in = 'base';
    else if (current.in !== 'theirs' && separator.test(bare)) current.in = 'theirs';
    else if (current.in === 'theirs' && closing.test(bare)) {
      regions.push({ ours: current.ours.join(''), theirs: current.theirs.join('') });
      current = undefined;
    } else if (current.in === 'ours') current.ours.push(line);
    else if (current.in === 'theirs') current.theirs.push(line);
  }
  return current ? undefined : regions;
}

/** git's own line merge of the three texts, as it writes it into the working file (labels aside). */
async function gitLineMerge(place: RepositoryPlace, texts: [string, string, string]): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-merge-'));
  try {
    const files = ['ours', 'base', 'theirs'].map((name) => path.join(folder, name));
    await Promise.all(files.map((file, index) => fs.writeFile(file, texts[[1, 0, 2][index]!]!)));
    // In the repository, so its merge.conflictStyle applies, as it did to the merge.
    const merged = await runGit(['merge-file', '-p', ...files], { cwd: place.root });
    return merged.stdout;
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The working file's text; undefined when it is gone or not UTF-8 (the resolver offers whole sides then). */
async function workingText(file: string): Promise<string | undefined> {
  const bytes = await fs.readFile(file).catch(() => undefined);
  try {
    return bytes && decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

const withBreak = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

/**
 * Whether the working file differs from what git wrote there; undefined when it is git's text.
 * `stages` are base and git's two sides (stage 2 first, as the driver got them); `parts` the
 * resolver's block merge (its `ours` the user's side, stage 3 in a rebase), whose conflicts `mine` follows.
 */
export async function outsideEdit(
  place: RepositoryPlace,
  file: { path: string; rebasing: boolean },
  stages: [string, string, string],
  parts: readonly MergePart[],
): Promise<OutsideEdit | undefined> {
  const working = await workingText(path.join(place.root, file.path));
  if (working === undefined) return undefined;
  const [base, ours, theirs] = stages;
  const eol = ours.includes('\r\n') ? '\r\n' : '\n';
  const seen = withoutLabels(working);
  const driverParts = mergeWithFallback({
    path: file.path,
    base,
    ours,
    theirs,
    ...(file.rebasing ? { rebasing: true } : {}),
  }).parts;
  if (seen === withoutLabels(renderParts(driverParts, { eol, name: markerName }))) return undefined;
  if (seen === withoutLabels(await gitLineMerge(place, stages))) return undefined;
  // Edited inside the driver's markers: one region per conflict, their side as git wrote it.
  const regions = markerRegions(working);
  // In a rebase the file's first side is the upstream (git's "ours"); the user's own is the second.
  const sides = (region: Region) =>
    file.rebasing ? { mine: region.theirs, other: region.ours } : { mine: region.ours, other: region.theirs };
  const conflicts = parts.filter((part) => part.kind === 'conflict');
  const written = driverParts.filter((part) => part.kind === 'conflict');
  const mapped =
    regions !== undefined &&
    regions.length === conflicts.length &&
    written.length === conflicts.length &&
    conflicts.every((part, index) => part.what === written[index]!.what) &&
    regions.every((region, index) => sides(region).other === withBreak(conflicts[index]!.theirs));
  if (!mapped) return {};
  return {
    mine: regions.map((region, index) => {
      const git = conflicts[index]!.ours;
      const { mine } = sides(region);
      if (mine === withBreak(git)) return undefined;
      // The block's text ends before its line break, as the driver's did.
      return git.endsWith('\n') ? mine : mine.replace(/\r?\n$/, '');
    }),
  };
}
