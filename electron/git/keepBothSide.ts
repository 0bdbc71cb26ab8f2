/**
 * Keep both on a requirement both sides wrote under one key: which side's copy keeps the key. The
 * rule is the one for duplicate keys after a clean merge (keyArrivals): the copy already on the remote
 * keeps it, the one not pushed yet gets the new key; between two published or two unpublished copies
 * the one committed later is renamed, and a tie goes to the copy arriving (git's stage 3).
 */
import type { GitOperation } from '../../shared/contract/gitViews.js';
import { publishedOn, toRename } from './keyArrivals.js';
import { runGit } from './gitCommand.js';
import type { RepositoryPlace } from './repositoryStatus.js';

type Side = 'mine' | 'theirs';

export interface KeepBothSides {
  renamed: Side;
  /** The remote branch that already holds each copy, if one does. */
  renamedPublished?: string;
  keptPublished?: string;
  /** The revisions holding each side's copy: the renamed copy's links were written on its own. */
  renamedRevision: string;
  keptRevision: string;
}

/** The commit bringing the arriving side. */
export const incomingRevision: Record<GitOperation, string> = {
  merge: 'MERGE_HEAD',
  rebase: 'REBASE_HEAD',
  'cherry-pick': 'CHERRY_PICK_HEAD',
  revert: 'REVERT_HEAD',
};

/** Each side's revision: in a rebase HEAD is the upstream and REBASE_HEAD the user's own commit. */
function sideRevisions(operation: GitOperation): Record<Side, string> {
  return operation === 'rebase'
    ? { mine: incomingRevision.rebase, theirs: 'HEAD' }
    : { mine: 'HEAD', theirs: incomingRevision[operation] };
}

/** The last commit on `revision` that changed `file`, when it was made and the remote branch that has it. */
async function copyOn(
  place: RepositoryPlace,
  revision: string,
  file: string,
): Promise<{ committedAt?: string; published?: string }> {
  const log = await runGit(['log', '-1', '--format=%H%x09%aI', revision, '--', `${place.prefix}${file}`], {
    cwd: place.root,
  });
  const [commit, at] = log.ok ? log.stdout.trim().split('\t') : [];
  if (!commit || !at) return {};
  const published = await publishedOn(place, commit);
  return { committedAt: at, ...(published ? { published } : {}) };
}

export async function keepBothSides(
  place: RepositoryPlace,
  operation: GitOperation,
  file: string,
): Promise<KeepBothSides> {
  const revisions = sideRevisions(operation);
  // The copy on HEAD's branch first, so that a tie renames the arriving one.
  const [staying, arriving]: [Side, Side] = operation === 'rebase' ? ['theirs', 'mine'] : ['mine', 'theirs'];
  const [stayingCopy, arrivingCopy] = await Promise.all(
    [staying, arriving].map(async (side) => ({
      path: side,
      ...(await copyOn(place, revisions[side], file)),
    })),
  );
  const renamed = (toRename([stayingCopy!, arrivingCopy!])?.path ?? arriving) as Side;
  const kept: Side = renamed === 'mine' ? 'theirs' : 'mine';
  const [renamedCopy, keptCopy] =
    renamed === staying ? [stayingCopy!, arrivingCopy!] : [arrivingCopy!, stayingCopy!];
  return {
    renamed,
    ...(renamedCopy.published ? { renamedPublished: renamedCopy.published } : {}),
    ...(keptCopy.published ? { keptPublished: keptCopy.published } : {}),
    renamedRevision: revisions[renamed],
    keptRevision: revisions[kept],
  };
}
