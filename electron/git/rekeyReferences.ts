/**
 * After the newer copy of a duplicate key was given a new key: the links to the old key that were
 * written on the newer copy's side of the merge, so meant for it. git blame names the commit that
 * wrote each link; a link counts when that commit comes after the newer copy arrived and does not
 * know the older copy (it was written on the other branch, before the merge). After a rebase the
 * replayed commits know everything upstream, so each is asked as the commit it was before it.
 */
import type { RepointCandidateView } from '../../shared/contract/gitViews.js';
import type { LinkView } from '../../shared/contract/apiContract.js';
import type { Workspace } from '../engine/workspace.js';
import { runGit } from './gitCommand.js';
import { rebaseOriginals } from './rebasedCommits.js';
import type { RepositoryPlace } from './repositoryStatus.js';

/** The commits that changed how often `#KEY` occurs in a file, oldest first. */
async function definitionCommits(place: RepositoryPlace, key: string, file: string): Promise<string[]> {
  const log = await runGit(['log', '--format=%H', '-S', `#${key}`, '--', file], { cwd: place.root });
  return log.ok ? log.stdout.split('\n').filter(Boolean).reverse() : [];
}

async function isAncestor(place: RepositoryPlace, ancestor: string, commit: string): Promise<boolean> {
  return (await runGit(['merge-base', '--is-ancestor', ancestor, commit], { cwd: place.root })).ok;
}

async function blame(
  place: RepositoryPlace,
  file: string,
  line: number,
): Promise<{ commit: string; author: string } | undefined> {
  const run = await runGit(['blame', '--porcelain', '-L', `${line},${line}`, '--', file], {
    cwd: place.root,
  });
  if (!run.ok) return undefined;
  const commit = run.stdout.slice(0, 40);
  // A line not committed yet has no side of the merge.
  if (!/^[0-9a-f]{40}$/.test(commit) || /^0+$/.test(commit)) return undefined;
  const author = /^author (.*)$/m.exec(run.stdout)?.[1] ?? '';
  return { commit, author };
}

/**
 * @param newerPath the file whose copy was given the new key
 * @param olderPath the file that still defines the old key
 * @param links the links to the old key now
 */
export async function rekeyReferences(
  place: RepositoryPlace,
  key: string,
  newerPath: string,
  olderPath: string | undefined,
  links: readonly LinkView[],
): Promise<RepointCandidateView[]> {
  if (olderPath === undefined) return [];
  const newerCommits = await definitionCommits(place, key, newerPath);
  const olderCommits =
    olderPath === newerPath ? newerCommits : await definitionCommits(place, key, olderPath);
  // Twice in one file: the first commit brought the older copy, the next the newer.
  const [older, newer] =
    olderPath === newerPath ? [newerCommits[0], newerCommits[1]] : [olderCommits[0], newerCommits[0]];
  if (older === undefined || newer === undefined || older === newer) return [];
  const originals = await rebaseOriginals(place);
  const was = (commit: string) => originals.get(commit) ?? commit;
  const candidates: RepointCandidateView[] = [];
  for (const link of links) {
    if (link.kind === 'delivers') continue;
    const wrote = await blame(place, link.path, link.line);
    if (!wrote) continue;
    const written = was(wrote.commit);
    if (!(await isAncestor(place, was(newer), written)) || (await isAncestor(place, was(older), written)))
      continue;
    candidates.push({
      path: link.path,
      line: link.line,
      kind: link.kind,
      from: link.from,
      commit: wrote.commit.slice(0, 7),
      author: wrote.author,
    });
  }
  return candidates;
}

/** After `path`'s copy of `key` became `newKey`: the links to `key` its side of the merge wrote. */
export async function linksMeantForNewKey(
  place: RepositoryPlace,
  workspace: Workspace,
  key: string,
  newKey: string,
  path: string,
): Promise<RepointCandidateView[]> {
  const older = workspace.requirement(key)?.document.path ?? workspace.document(key)?.path;
  const links = workspace.links(key).incoming.filter((link) => link.to === key && link.from !== newKey);
  return rekeyReferences(place, key, path, older, links);
}
