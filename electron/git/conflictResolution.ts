/**
 * The in-app resolver's writes: a conflicted file saved as chosen block by block (Keep both giving the
 * arriving copy of a requirement the next free key) and marked resolved in git's index. Reading the
 * conflict is conflictView.ts; finishing the merge or rebase, finishOperation.ts.
 */
import path from 'node:path';
import type { ConflictChoice, KeptBoth } from '../../shared/contract/gitViews.js';
import { splitKey } from '../../shared/grammar/linkGrammar.js';
import { canKeepBoth } from '../../shared/merge/canKeepBoth.js';
import { keptBothLine } from '../../shared/merge/choiceLines.js';
import { isMarkdownPath, isRoadmapPath } from '../../shared/merge/mergeFile.js';
import { resolveParts } from '../../shared/merge/mergeParts.js';
import { requirementKeyOf } from '../../shared/merge/requirementKeyOf.js';
import { finishResolvedRoadmap } from '../../shared/merge/roadmapMerge.js';
import { nextKey } from '../../shared/model/keys.js';
import { writeFileAtomic } from '../engine/atomicFile.js';
import type { Workspace } from '../engine/workspace.js';
import { arrivingLinks } from './arrivingLinks.js';
import { keysInUse, mergeConflict, operationOf } from './conflictView.js';
import { runGit } from './gitCommand.js';
import { gitUser } from './gitUser.js';
import { keepBothSides } from './keepBothSide.js';
import { recordChoices } from './mergeMessage.js';
import { repositoryStatus, topPath, type RepositoryPlace } from './repositoryStatus.js';
import { syncFailure, type SyncFailure } from './syncErrors.js';

function bothSides(mine: string, theirs: string): string {
  if (mine === '' || theirs === '') return mine + theirs;
  // A block ends before its line break; two blocks need a blank line between them.
  return mine.endsWith('\n') ? mine + theirs : `${mine}\n\n${theirs}`;
}

export type ResolveResult = { ok: true; remaining: number; renamed?: KeptBoth[] } | SyncFailure;

/**
 * The lines that tell two copies of a requirement apart: their first body lines, or where those are the
 * same (the copies differ in a criterion), the first lines that differ, without a list marker.
 */
export function distinguishingTitles(kept: string, arriving: string): [string, string] {
  const lines = (block: string) =>
    block
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.trim())
      .filter((line) => line !== ':::');
  const [first, second] = [lines(kept), lines(arriving)];
  const differs = (index: number) => (first[index] ?? '') !== (second[index] ?? '');
  const at = differs(0) ? 0 : first.findIndex((_line, index) => index > 0 && differs(index));
  // A line only one copy has would quote nothing for the other: the statements then, alike or not.
  const index = at < 0 || first[at] === undefined || second[at] === undefined ? 0 : at;
  const bare = (line: string | undefined) => (line ?? '').replace(/^(?:[-*+]|\d+[.)])\s+(?:\[.\]\s+)?/, '');
  return [bare(first[index]), bare(second[index])];
}

/** Writes the file as chosen block by block and marks it resolved in git's index. */
export async function resolveConflict(
  workspace: Workspace,
  place: RepositoryPlace,
  file: string,
  choices: readonly ConflictChoice[],
  onDisk?: string,
): Promise<ResolveResult> {
  const merged = await mergeConflict(place, file);
  if (!('view' in merged)) return merged;
  const { view } = merged;
  // Resolved (or edited) by hand meanwhile: that work is not overwritten by choices made on an older view.
  if (onDisk !== undefined && view.onDisk !== onDisk) {
    return {
      ok: false,
      error: 'changed',
      message: `${file} changed on disk since it was shown (edited outside the app?), so nothing was written. If you resolved it there, mark it resolved there (git add); choosing here and saving again replaces that edit.`,
    };
  }
  const target = path.join(place.root, file);
  const stale: SyncFailure = {
    ok: false,
    error: 'failed',
    message: `${file} changed since it was shown: open it again to resolve it.`,
  };
  if (view.deletedBy || view.binary) {
    const choice = choices[0];
    if (choices.length !== 1 || (choice !== 'mine' && choice !== 'theirs')) return stale;
    const kept = choice === 'mine' ? merged.mine : merged.theirs;
    if (!kept) {
      // Taking the side that deleted it: into the trash, then out of git.
      if (workspace.document(file)) {
        const trashed = await workspace.trashDocument(file);
        if (!trashed.ok) return { ok: false, error: 'failed', message: trashed.message };
      }
      const removed = await runGit(
        ['rm', '--cached', '--quiet', '--ignore-unmatch', '--', topPath(place, file)],
        {
          cwd: place.root,
        },
      );
      if (!removed.ok) return syncFailure(removed);
      return { ok: true, remaining: await remainingConflicts(place) };
    }
    await writeFileAtomic(target, kept);
    return markResolved(place, file);
  }
  const conflicts = view.parts.filter((part) => part.kind === 'conflict');
  if (conflicts.length !== choices.length) return stale;
  for (const [index, part] of conflicts.entries()) {
    const blockwise = canKeepBoth(file, part.what) && view.fallback === undefined;
    if (choices[index] === 'both' && part.kind === 'conflict' && !blockwise) {
      return { ok: false, error: 'failed', message: `${part.what} cannot keep both sides: choose one.` };
    }
  }
  // Keep both on one requirement both sides wrote would leave its key twice: the copy already on the
  // remote keeps it, so links teammates wrote mean it; the other gets the next free key.
  const sides = choices.includes('both') ? await keepBothSides(place, operationOf(view), file) : undefined;
  const arrivingSide = sides?.renamed ?? 'theirs';
  const inUse = keysInUse(workspace);
  const renamed: KeptBoth[] = [];
  let text = resolveParts(merged.parts, (part, index) => {
    const choice = choices[index]!;
    if (typeof choice === 'object') return choice.text;
    if (choice === 'mine') return part.ours;
    if (choice === 'theirs') return part.theirs;
    const key = requirementKeyOf(part.ours);
    if (key === undefined || key !== requirementKeyOf(part.theirs)) return bothSides(part.ours, part.theirs);
    const fresh = nextKey(splitKey(key)!.prefix, inUse);
    inUse.add(fresh);
    const [kept, arriving] = arrivingSide === 'theirs' ? [part.ours, part.theirs] : [part.theirs, part.ours];
    const [keptTitle, renamedTitle] = distinguishingTitles(kept, arriving);
    renamed.push({
      from: key,
      to: fresh,
      keptTitle,
      renamedTitle,
      keptLabel: arrivingSide === 'theirs' ? view.mineLabel : view.theirsLabel,
      renamedLabel: arrivingSide === 'theirs' ? view.theirsLabel : view.mineLabel,
      ...(sides?.keptPublished ? { keptPublished: sides.keptPublished } : {}),
      ...(sides?.renamedPublished ? { renamedPublished: sides.renamedPublished } : {}),
      references: [],
    });
    const renamedCopy = arriving.replace(`{#${key}`, `{#${fresh}`);
    return arrivingSide === 'theirs'
      ? bothSides(part.ours, renamedCopy)
      : bothSides(renamedCopy, part.theirs);
  });
  if (isRoadmapPath(file)) {
    const finished = finishResolvedRoadmap(text);
    if (finished === undefined) {
      return {
        ok: false,
        error: 'failed',
        message: 'The roadmap would not be valid JSON with these choices.',
      };
    }
    text = finished;
  }
  const saved = await saveResolved(workspace, file, target, text);
  if (!saved.ok) return saved;
  const marked = await markResolved(place, file);
  if (!marked.ok || renamed.length === 0 || !sides) return marked;
  for (const entry of renamed) {
    entry.references = await arrivingLinks(place, workspace, entry.from, entry.to, sides);
  }
  // The merge commit (or the replayed one) names each key Keep both changed, for whoever reads the history later.
  const operation = operationOf(view);
  if (operation === 'merge' || operation === 'rebase') {
    const user = await gitUser(place.root);
    const lines = renamed.map((kept) => keptBothLine(kept, user.ok ? user.name : undefined));
    await recordChoices(place.gitDir, lines, operation);
  }
  return { ...marked, renamed };
}

async function saveResolved(
  workspace: Workspace,
  file: string,
  target: string,
  text: string,
): Promise<{ ok: true } | SyncFailure> {
  if (workspace.document(file) || isMarkdownPath(file)) {
    const read = await workspace.readDocument(file);
    if (read.ok) {
      // Through the document store: atomic, indexed at once, and a save against the version on disk.
      const saved = await workspace.saveDocument(file, text, read.file);
      return saved.ok ? { ok: true } : { ok: false, error: 'failed', message: saved.message };
    }
  }
  await writeFileAtomic(target, text);
  return { ok: true };
}

async function markResolved(place: RepositoryPlace, file: string): Promise<ResolveResult> {
  const added = await runGit(['add', '--', topPath(place, file)], { cwd: place.root });
  if (!added.ok) return syncFailure(added);
  return { ok: true, remaining: await remainingConflicts(place) };
}

async function remainingConflicts(place: RepositoryPlace): Promise<number> {
  const status = await repositoryStatus(place);
  return status.files.filter((file) => file.change === 'conflicted').length;
}
