/**
 * The in-app resolver's engine. A file git stopped on is merged again from git's index stages
 * (:1 base, :2 and :3 the two sides) block by block, so the user chooses per block and never sees
 * markers. During a rebase stage 2 is the upstream and stage 3 the user's own commit: "mine" is 3.
 */
import type {
  ConflictChoice,
  ConflictView,
  GitOperation,
  KeptBoth,
  ResolverPart,
} from '../../shared/contract/gitViews.js';
import { splitKey } from '../../shared/grammar/linkGrammar.js';
import { isMarkdownPath, isRoadmapPath } from '../../shared/merge/mergeFile.js';
import { nextKey } from '../../shared/model/keys.js';
import { resolveParts, type MergePart } from '../../shared/merge/mergeParts.js';
import { requirementKeyOf } from '../../shared/merge/requirementKeyOf.js';
import { finishResolvedRoadmap } from '../../shared/merge/roadmapMerge.js';
import { writeFileAtomic } from '../engine/atomicFile.js';
import type { Workspace } from '../engine/workspace.js';
import { arrivingLinks } from './arrivingLinks.js';
import { keepBothSides } from './keepBothSide.js';
import { runGit, runGitBytes } from './gitCommand.js';
import { mergeWithFallback } from './mergeDriver.js';
import { outsideEdit } from './outsideEdits.js';
import { keptBothLine } from '../../shared/merge/choiceLines.js';
import { cleanMessage, mergeMessage, recordChoices } from './mergeMessage.js';
import { repositoryStatus, stoppedOperation, type RepositoryPlace } from './repositoryStatus.js';
import { sideLabels } from './sideLabels.js';
import { syncFailure, type SyncFailure } from './syncErrors.js';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

type Stages = Partial<Record<1 | 2 | 3, Buffer>>;

const topPath = (place: RepositoryPlace, file: string) => `:(top,literal)${place.prefix}${file}`;

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

const decoder = new TextDecoder('utf-8', { fatal: true });
function asText(bytes: Buffer | undefined): string | undefined {
  if (!bytes) return '';
  if (bytes.subarray(0, 8000).includes(0)) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

interface Merged {
  view: ConflictView;
  /** The merge parts with git's sides, to resolve from. */
  parts: MergePart[];
  /** Whole-file sides, for deleted and binary files. */
  mine?: Buffer;
  theirs?: Buffer;
}

async function mergeConflict(place: RepositoryPlace, file: string): Promise<Merged | SyncFailure> {
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
  const [base, ours, other] = [asText(stages[1]), asText(mine), asText(theirs)];
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

/** Whether "Keep both" makes sense: two body blocks can stand side by side, two values of one field cannot. */
export function canKeepBoth(file: string, what: string): boolean {
  return isMarkdownPath(file) && !what.startsWith('front matter');
}

function bothSides(mine: string, theirs: string): string {
  if (mine === '' || theirs === '') return mine + theirs;
  // A block ends before its line break; two blocks need a blank line between them.
  return mine.endsWith('\n') ? mine + theirs : `${mine}\n\n${theirs}`;
}

export type ResolveResult = { ok: true; remaining: number; renamed?: KeptBoth[] } | SyncFailure;

const operationOf = (view: ConflictView): GitOperation => view.operation ?? 'merge';

/** A requirement's title: the first line of its body. */
function requirementTitleOf(block: string): string {
  return block.split(/\r?\n/)[1]?.trim() ?? '';
}

/** Every key the workspace uses now (documents, requirements, roadmap items), for a fresh one. */
function keysInUse(workspace: Workspace): Set<string> {
  const keys = new Set<string>();
  for (const document of workspace.documents()) {
    if (document.key) keys.add(document.key);
    for (const requirement of document.requirements) keys.add(requirement.key);
  }
  for (const item of workspace.roadmap()) keys.add(item.key);
  return keys;
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
    renamed.push({
      from: key,
      to: fresh,
      keptTitle: requirementTitleOf(kept),
      renamedTitle: requirementTitleOf(arriving),
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
  if (operation === 'merge' || operation === 'rebase')
    await recordChoices(place.gitDir, renamed.map(keptBothLine), operation);
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

export type FinishResult =
  { ok: true; done: boolean; conflicts: string[]; message: string; leftOver?: string[] } | SyncFailure;

const noEditor = { GIT_EDITOR: 'true', GIT_MERGE_AUTOEDIT: 'no', GIT_SEQUENCE_EDITOR: 'true' };

/**
 * Commits the merge (or continues the rebase, cherry-pick or revert) once no file is conflicted.
 * Workspace files changed but not staged (links pointed to a renamed copy, an edit made meanwhile)
 * would stay out of the commit unseen: without `include` they are listed and nothing is committed;
 * `include` names those to commit with it (none: leave them all as uncommitted changes).
 */
export async function finishOperation(
  place: RepositoryPlace,
  include?: readonly string[],
  message?: string,
): Promise<FinishResult> {
  const operation = await stoppedOperation(place.gitDir);
  if (!operation)
    return { ok: false, error: 'failed', message: 'No merge or rebase is waiting to be finished.' };
  const unmerged = await unmergedPaths(place);
  if (unmerged.length > 0) {
    const outside = unmerged.filter((file) => !file.startsWith(place.prefix));
    const count = unmerged.length;
    return {
      ok: false,
      error: 'in-progress',
      message:
        outside.length > 0
          ? `Files outside the workspace still have conflicts (${outside.slice(0, 3).join(', ')}): resolve them in a terminal first.`
          : `${count} ${count === 1 ? 'file still has' : 'files still have'} conflicts: resolve ${count === 1 ? 'it' : 'them'} first.`,
    };
  }
  const leftOver = await unstagedWorkspaceFiles(place);
  if (leftOver.length > 0 && include === undefined) {
    const count = leftOver.length;
    return {
      ok: true,
      done: false,
      conflicts: [],
      leftOver,
      message: `${count} ${count === 1 ? 'file' : 'files'} changed in the workspace ${count === 1 ? 'is' : 'are'} not part of the ${operation} yet: commit ${count === 1 ? 'it' : 'them'} with it, or leave ${count === 1 ? 'it' : 'them'} as changes to commit later.`,
    };
  }
  const chosen = (include ?? []).filter((file) => leftOver.includes(file));
  if (chosen.length > 0) {
    const added = await runGit(['add', '-A', '--', ...chosen.map((file) => topPath(place, file))], {
      cwd: place.root,
    });
    if (!added.ok) return syncFailure(added);
  }
  let args = [operation, '--continue'];
  if (operation === 'merge') {
    // The message as the user left it, else git's without its "# Conflicts:" lines (kept without an editor).
    const text = message?.trim() ?? cleanMessage((await mergeMessage(place.gitDir)) ?? '');
    if (text === '')
      return { ok: false, error: 'failed', message: 'Write a message for the merge commit first.' };
    args = ['commit', '--quiet', '--cleanup=whitespace', '-m', text];
  }
  let output = await runGit(args, { cwd: place.root, env: noEditor, timeout: 120_000 });
  if (
    !output.ok &&
    operation === 'rebase' &&
    /No changes|nothing to commit/i.test(output.stdout + output.stderr)
  ) {
    // The replayed commit holds nothing the upstream does not already have: it is skipped, as git suggests.
    output = await runGit(['rebase', '--skip'], { cwd: place.root, env: noEditor, timeout: 120_000 });
  }
  if (await stoppedOperation(place.gitDir)) {
    // A rebase replays the next commit and may stop on it again.
    const conflicts = (await unmergedPaths(place)).map((file) => file.slice(place.prefix.length));
    if (conflicts.length > 0) {
      return {
        ok: true,
        done: false,
        conflicts,
        message: 'The next commit being replayed conflicts too: resolve it the same way.',
      };
    }
    return output.ok
      ? { ok: false, error: 'failed', message: 'git stopped again without conflicts.' }
      : syncFailure(output);
  }
  if (!output.ok) return syncFailure(output);
  const finished: Record<GitOperation, string> = {
    merge: 'Merge committed.',
    rebase: 'Rebase finished: your commits are on top of theirs.',
    'cherry-pick': 'Cherry-pick finished.',
    revert: 'Revert finished.',
  };
  return { ok: true, done: true, conflicts: [], message: finished[operation] };
}

/** Workspace files (relative to it) changed or new in the working tree and not staged. */
async function unstagedWorkspaceFiles(place: RepositoryPlace): Promise<string[]> {
  const quiet = ['-c', 'core.quotePath=false'];
  const [changed, added] = await Promise.all([
    // diff names files from the repository's top; ls-files from the workspace folder (cwd).
    runGit([...quiet, 'diff', '--name-only', '-z', '--', '.'], { cwd: place.root }),
    runGit([...quiet, 'ls-files', '--others', '--exclude-standard', '-z', '--', '.'], { cwd: place.root }),
  ]);
  const files = [
    ...changed.stdout
      .split('\0')
      .filter(Boolean)
      .map((file) => file.slice(place.prefix.length)),
    ...added.stdout.split('\0').filter(Boolean),
  ];
  return [...new Set(files)].sort();
}

/** Every path git still holds as unmerged, relative to the repository's top. */
async function unmergedPaths(place: RepositoryPlace): Promise<string[]> {
  const output = await runGit(
    ['-c', 'core.quotePath=false', 'diff', '--name-only', '-z', '--diff-filter=U'],
    {
      cwd: place.root,
    },
  );
  return [...new Set(output.stdout.split('\0').filter(Boolean))];
}

/** Puts the branch back as it was before the merge or rebase (the UI asks first: resolutions are lost). */
export async function abortOperation(
  place: RepositoryPlace,
): Promise<{ ok: true; message: string } | SyncFailure> {
  const operation = await stoppedOperation(place.gitDir);
  if (!operation) return { ok: false, error: 'failed', message: 'No merge or rebase is waiting.' };
  const output = await runGit([operation, '--abort'], { cwd: place.root, env: noEditor, timeout: 120_000 });
  if (!output.ok) return syncFailure(output);
  return { ok: true, message: `The ${operation} was undone; your branch is as it was before.` };
}

/** The file's bytes as a short fingerprint, or undefined when it is not there. */
async function fingerprintOnDisk(file: string): Promise<string | undefined> {
  const bytes = await fs.readFile(file).catch(() => undefined);
  return bytes && createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}
