/**
 * When a key reached each file that defines it, from git history: after two branches both created
 * REQ-13, the one that arrived last is "the newer one" and gets a new key, so links written before
 * the merge keep meaning what their authors meant.
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
  const log = await runGit(['log', '--format=%aI%x09%an', '-S', key, '--', path], { cwd: place.root });
  const oldest = log.ok ? log.stdout.trimEnd().split('\n').at(-1) : undefined;
  const [at, author] = oldest ? oldest.split('\t') : [];
  return at ? { path, committedAt: at, ...(author ? { author } : {}) } : { path };
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
      return {
        path,
        line,
        committedAt: new Date(Number(time) * 1000).toISOString(),
        ...(author ? { author } : {}),
      };
    }),
  );
}

/** The place that arrived last, or none when that cannot be told (two not yet committed, or equal times). */
export function newestArrival(arrivals: readonly KeyArrivalView[]): string | undefined {
  return latest(arrivals)?.path;
}

/** The line that was written last, among one file's definitions of a key. */
export function newestLine(arrivals: readonly KeyArrivalView[]): number | undefined {
  return latest(arrivals)?.line;
}

function latest(arrivals: readonly KeyArrivalView[]): KeyArrivalView | undefined {
  const time = (arrival: KeyArrivalView) =>
    arrival.committedAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(arrival.committedAt);
  const sorted = [...arrivals].sort((left, right) => time(right) - time(left));
  if (sorted.length < 2) return undefined;
  return time(sorted[0]!) === time(sorted[1]!) ? undefined : sorted[0];
}
