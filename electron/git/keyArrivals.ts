/**
 * When a key reached each file (or line) that defines it, from git history, and whether that commit is
 * already on a remote: after two branches both created REQ-13, the copy teammates may already have
 * linked to keeps the key. A published copy (its commit reachable from a remote-tracking branch) keeps
 * it over one not pushed yet; between two published or two unpublished copies, the one committed
 * later gets the new key, and an uncommitted copy counts as the newest.
 */
import type { KeyArrivalView } from '../../shared/contract/gitViews.js';
import { runGit } from './gitCommand.js';
import type { RepositoryPlace } from './repositoryStatus.js';

export async function keyArrivals(
  place: RepositoryPlace,
  key: string,
  paths: readonly string[],
): Promise<KeyArrivalView[]> {
  return Promise.all(paths.map((path) => arrival(place, key, path)));
}

async function arrival(place: RepositoryPlace, key: string, path: string): Promise<KeyArrivalView> {
  // Not in the last commit's version of the file: the key arrived in the working copy, after every commit.
  const committed = await runGit(['grep', '-q', '-F', '-e', key, 'HEAD', '--', path], { cwd: place.root });
  if (!committed.ok) return { path };
  // The oldest commit that changed how often the key occurs in the file is the one that brought it.
  const log = await runGit(['log', '--format=%H%x09%aI%x09%an', '-S', key, '--', path], { cwd: place.root });
  const oldest = log.ok ? log.stdout.trimEnd().split('\n').at(-1) : undefined;
  const [commit, at, author] = oldest ? oldest.split('\t') : [];
  if (!commit || !at) return { path };
  return withPublished(place, commit, { path, committedAt: at, ...(author ? { author } : {}) });
}

/** The arrival, with the remote-tracking branch that already holds `commit`, if one does. */
async function withPublished(
  place: RepositoryPlace,
  commit: string,
  arrival: KeyArrivalView,
): Promise<KeyArrivalView> {
  const published = await publishedOn(place, commit);
  return published ? { ...arrival, published } : arrival;
}

/** The remote-tracking branch ("origin/main") that holds `commit` (the branch's upstream first), if any. */
export async function publishedOn(place: RepositoryPlace, commit: string): Promise<string | undefined> {
  const branches = await runGit(['branch', '-r', '--contains', commit, '--format=%(refname:short)'], {
    cwd: place.root,
  });
  if (!branches.ok) return undefined;
  // origin/HEAD only points at another remote branch (and may read "origin"): name that one.
  const names = branches.stdout.split('\n').filter((name) => name.includes('/') && !name.endsWith('/HEAD'));
  const upstream = await runGit(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'], {
    cwd: place.root,
  });
  const mine = upstream.ok ? upstream.stdout.trim() : '';
  if (names.includes(mine)) return mine;
  // Off the upstream (a side branch), the remote's own default branch is what teammates pull, not a stale side branch.
  const defaults = await Promise.all(
    [...new Set(names.map((name) => name.slice(0, name.indexOf('/'))))].map(async (remote) => {
      const head = await runGit(['symbolic-ref', '--quiet', '--short', `refs/remotes/${remote}/HEAD`], {
        cwd: place.root,
      });
      // A clone that made the remote (pushed first) has no origin/HEAD: main or master stands for it.
      return head.ok && head.stdout.trim() ? [head.stdout.trim()] : [`${remote}/main`, `${remote}/master`];
    }),
  ).then((lists) => lists.flat());
  return names.find((name) => defaults.includes(name)) ?? names[0];
}

/** One file defining `key` on several lines: when each line was written, from git blame. */
export async function lineArrivals(
  place: RepositoryPlace,
  path: string,
  lines: readonly number[],
): Promise<KeyArrivalView[]> {
  return Promise.all(
    lines.map(async (line): Promise<KeyArrivalView> => {
      const run = await runGit(['blame', '--porcelain', '-L', `${line},${line}`, '--', path], {
        cwd: place.root,
      });
      const commit = run.stdout.slice(0, 40);
      if (!run.ok || !/^[0-9a-f]{40}$/.test(commit) || /^0+$/.test(commit)) return { path, line };
      const time = /^author-time (\d+)$/m.exec(run.stdout)?.[1];
      const author = /^author (.*)$/m.exec(run.stdout)?.[1];
      if (!time) return { path, line };
      return withPublished(place, commit, {
        path,
        line,
        committedAt: new Date(Number(time) * 1000).toISOString(),
        ...(author ? { author } : {}),
      });
    }),
  );
}

/** The file whose copy gets the new key (see the rule above); none only when there are not two copies. */
export function newestArrival(arrivals: readonly KeyArrivalView[]): string | undefined {
  return toRename(arrivals)?.path;
}

/** The line whose copy gets the new key, among one file's definitions of a key. */
export function newestLine(arrivals: readonly KeyArrivalView[]): number | undefined {
  return toRename(arrivals)?.line;
}

/**
 * The one copy to give a new key: never a published one while another is not pushed yet; otherwise the
 * one committed last (uncommitted counts as newest). A tie goes to the later one listed (the later
 * line or path), so exactly one copy is always chosen.
 */
export function toRename(arrivals: readonly KeyArrivalView[]): KeyArrivalView | undefined {
  if (arrivals.length < 2) return undefined;
  const unpublished = arrivals.filter((arrival) => arrival.published === undefined);
  const candidates = unpublished.length > 0 ? unpublished : arrivals;
  const time = (arrival: KeyArrivalView) =>
    arrival.committedAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(arrival.committedAt);
  return candidates.reduce((chosen, arrival) => (time(arrival) >= time(chosen) ? arrival : chosen));
}
