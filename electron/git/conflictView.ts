/**
 * A file git stopped on, read for the in-app resolver: merged again from git's index stages (:1 base,
 * :2 and :3 the two sides) block by block, so the user chooses per block and never sees markers.
 * During a rebase stage 2 is the upstream and stage 3 the user's own commit: "mine" is 3.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ConflictView, GitOperation, ResolverPart } from '../../shared/contract/gitViews.js';
import { splitKey } from '../../shared/grammar/linkGrammar.js';
import type { MergePart } from '../../shared/merge/mergeParts.js';
import { requirementKeyOf } from '../../shared/merge/requirementKeyOf.js';
import { nextKey } from '../../shared/model/keys.js';
import type { Workspace } from '../engine/workspace.js';
import { textOf } from './fileChanges.js';
import { runGit, runGitBytes } from './gitCommand.js';
import { keepBothSides } from './keepBothSide.js';
import { mergeWithFallback } from './mergeDriver.js';
import { outsideEdit } from './outsideEdits.js';
import { repositoryStatus, stoppedOperation, topPath, type RepositoryPlace } from './repositoryStatus.js';
import { sideLabels } from './sideLabels.js';
import type { SyncFailure } from './syncErrors.js';

type Stages = Partial<Record<1 | 2 | 3, Buffer>>;

async function readStages(place: RepositoryPlace, file: string): Promise<Stages> {
  const listing = await runGit(['ls-files', '-u', '-z', '--', topPath(place, file)], { cwd: place.root });
  const stages: Stages = {};
  for (const entry of listing.stdout.split('\0')) {
    const match = /^\d+ ([0-9a-f]+) ([123])\t/.exec(entry);
    if (!match) continue;
    const bytes = await runGitBytes(['cat-file', 'blob', match[1]!], { cwd: place.root });
    if (bytes) stages[Number(match[2]) as 1 | 2 | 3] = bytes;
  }
  return stages;
}

export interface Merged {
  view: ConflictView;
  /** The merge parts with git's sides, to resolve from. */
  parts: MergePart[];
  /** Whole-file sides, for deleted and binary files. */
  mine?: Buffer;
  theirs?: Buffer;
}

export async function mergeConflict(place: RepositoryPlace, file: string): Promise<Merged | SyncFailure> {
  const status = await repositoryStatus(place);
  if (!status.files.some((entry) => entry.path === file && entry.change === 'conflicted')) {
    return { ok: false, error: 'failed', message: `${file} has no conflicts to resolve.` };
  }
  const operation = await stoppedOperation(place.gitDir);
  const stages = await readStages(place, file);
  const [mineStage, theirsStage] = operation === 'rebase' ? ([3, 2] as const) : ([2, 3] as const);
  const labels = await sideLabels(place, operation);
  const view: ConflictView = {
    path: file,
    mineLabel: labels.mine,
    theirsLabel: labels.theirs,
    parts: [],
  };
  if (operation) view.operation = operation;
  const mine = stages[mineStage];
  const theirs = stages[theirsStage];
  const onDisk = await fingerprintOnDisk(path.join(place.root, file));
  if (onDisk !== undefined) view.onDisk = onDisk;
  const whole: Merged = { view, parts: [] };
  if (mine) whole.mine = mine;
  if (theirs) whole.theirs = theirs;
  if (!mine || !theirs) {
    view.deletedBy = mine ? 'theirs' : 'mine';
    return whole;
  }
  const [base, ours, other] = [textOf(stages[1]), textOf(mine), textOf(theirs)];
  if (base === undefined || ours === undefined || other === undefined) {
    view.binary = true;
    return whole;
  }
  // Block by block from git's own stages, whatever git left in the file (its line markers when the
  // driver is not installed, which may cut across blocks): a key both sides added is one choice here.
  const outcome = mergeWithFallback({ path: file, base, ours, theirs: other, keyClashes: 'conflict' });
  if (outcome.fallback) view.fallback = outcome.fallback;
  const rebasing = operation === 'rebase';
  // git's stage 2 first, as the driver got it: in a rebase that is theirs.
  const gitSides: [string, string, string] = rebasing ? [base, other, ours] : [base, ours, other];
  const edited = await outsideEdit(place, { path: file, rebasing }, gitSides, outcome.parts);
  if (edited) view.editedOutside = edited.mine ? 'shown' : 'replaced';
  // Yours as it is in the file where it was edited there: Keep mine saves that edit, not git's text.
  let index = 0;
  const parts = outcome.parts.map((part) => {
    const text = part.kind === 'conflict' ? edited?.mine?.[index++] : undefined;
    return text === undefined ? part : { ...part, ours: text, edited: true };
  });
  view.parts = parts.map((part): ResolverPart => {
    if (part.kind === 'clean') return part;
    const { what, ours, theirs, base } = part;
    const shown = 'edited' in part ? { mineEdited: true as const } : {};
    return { kind: 'conflict', what, mine: ours, theirs, base, ...shown };
  });
  return { ...whole, parts };
}

export async function conflictView(
  place: RepositoryPlace,
  file: string,
  workspace?: Workspace,
): Promise<{ ok: true; conflict: ConflictView } | SyncFailure> {
  const merged = await mergeConflict(place, file);
  if (!('view' in merged)) return merged;
  const { view } = merged;
  // Said before the click: which copy Keep both renames, and whether teammates may already link to it.
  const prefixes = new Map<string, number>();
  for (const part of view.parts) {
    if (part.kind !== 'conflict') continue;
    const key = requirementKeyOf(part.mine);
    if (key === undefined || key !== requirementKeyOf(part.theirs)) continue;
    const prefix = splitKey(key)!.prefix;
    prefixes.set(prefix, (prefixes.get(prefix) ?? 0) + 1);
  }
  if (prefixes.size > 0 && workspace && view.fallback === undefined) {
    const inUse = keysInUse(workspace);
    const freeKeys: Record<string, string[]> = {};
    for (const [prefix, count] of prefixes) {
      freeKeys[prefix] = Array.from({ length: count }, () => {
        const fresh = nextKey(prefix, inUse);
        inUse.add(fresh);
        return fresh;
      });
    }
    const sides = await keepBothSides(place, operationOf(view), file);
    view.keepBoth = {
      renamed: sides.renamed,
      ...(sides.renamedPublished ? { published: sides.renamedPublished } : {}),
      ...(sides.keptPublished ? { keptPublished: sides.keptPublished } : {}),
      freeKeys,
    };
  }
  return { ok: true, conflict: view };
}

export const operationOf = (view: ConflictView): GitOperation => view.operation ?? 'merge';

/** Every key the workspace uses now (documents, requirements, roadmap items), for a fresh one. */
export function keysInUse(workspace: Workspace): Set<string> {
  const keys = new Set<string>();
  for (const document of workspace.documents()) {
    if (document.key) keys.add(document.key);
    for (const requirement of document.requirements) keys.add(requirement.key);
  }
  for (const item of workspace.roadmap()) keys.add(item.key);
  return keys;
}

/** The file's bytes as a short fingerprint, or undefined when it is not there. */
async function fingerprintOnDisk(file: string): Promise<string | undefined> {
  const bytes = await fs.readFile(file).catch(() => undefined);
  return bytes && createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}
