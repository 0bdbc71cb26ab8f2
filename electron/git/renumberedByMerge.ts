/**
 * After a pull: the roadmap items (and releases) of ours the merge driver moved to a new key because
 * the remote had already added one under the same key. The driver can only say so on git's stderr, which
 * nobody in the app reads; this finds it from the roadmap before and after, and who pushed the other.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RenumberedItemView } from '../../shared/contract/gitViews.js';
import { roadmapFileName as roadmapFile } from '../engine/roadmapAdapter.js';
import { runGit } from './gitCommand.js';
import type { RepositoryPlace } from './repositoryPlace.js';

type Keyed = Record<string, unknown> & { key?: unknown };

function lists(text: string | undefined): Record<string, Keyed[]> {
  if (text === undefined) return {};
  try {
    const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (typeof data !== 'object' || data === null) return {};
    const found: Record<string, Keyed[]> = {};
    for (const list of ['items', 'releases']) {
      const value = (data as Record<string, unknown>)[list];
      if (Array.isArray(value))
        found[list] = value.filter((item): item is Keyed => typeof item === 'object' && item !== null);
    }
    return found;
  } catch {
    return {};
  }
}

/** An entry without its key and its place on the board, which a merge may change. */
function content(item: Keyed): string {
  const { key: _key, rank: _rank, ...rest } = item;
  return JSON.stringify(rest);
}

/**
 * Our entries (in `before`) whose key now holds something else while the same entry stands under a key
 * that is new: what the merge driver's renumbering looks like from outside.
 */
export function renumberedEntries(before: string | undefined, after: string | undefined) {
  const [ours, merged] = [lists(before), lists(after)];
  const moved: RenumberedItemView[] = [];
  for (const list of ['items', 'releases'] as const) {
    const entries = ours[list] ?? [];
    const now = merged[list] ?? [];
    const byKey = new Map(now.map((item) => [String(item.key), item]));
    const hadKeys = new Set(entries.map((item) => String(item.key)));
    for (const item of entries) {
      const from = String(item.key);
      const holder = byKey.get(from);
      if (!holder || content(holder) === content(item)) continue;
      const moving = now.find((other) => !hadKeys.has(String(other.key)) && content(other) === content(item));
      if (moving)
        moved.push({ list, from, to: String(moving.key), title: String(item.title ?? item.name ?? '') });
    }
  }
  return moved;
}

export async function roadmapAt(place: RepositoryPlace, revision: string): Promise<string | undefined> {
  // `./` reads the path from the workspace folder, which may sit below the repository's top.
  const shown = await runGit(['show', `${revision}:./${roadmapFile}`], { cwd: place.root });
  return shown.ok ? shown.stdout : undefined;
}

/** Who added the key the remote kept: the oldest commit since `before` that brought it. */
async function addedBy(place: RepositoryPlace, before: string, key: string): Promise<string | undefined> {
  const log = await runGit(
    [
      'log',
      '--format=%an',
      '-S',
      `"${key}"`,
      `${before}..HEAD`,
      '--',
      `:(top,literal)${place.prefix}${roadmapFile}`,
    ],
    { cwd: place.root },
  );
  return log.ok ? log.stdout.trimEnd().split('\n').at(-1) || undefined : undefined;
}

/** The renumberings a pull from `before` to HEAD brought. */
export async function renumberedByPull(
  place: RepositoryPlace,
  before: string,
): Promise<RenumberedItemView[]> {
  const [was, now] = await Promise.all([roadmapAt(place, before), roadmapAt(place, 'HEAD')]);
  const moved = renumberedEntries(was, now);
  return Promise.all(
    moved.map(async (entry) => {
      const by = await addedBy(place, before, entry.from);
      return by ? { ...entry, by } : entry;
    }),
  );
}

/** While a merge is stopped: what the driver renumbered, from our roadmap at HEAD and the merged one on disk. */
export async function renumberedInStoppedMerge(place: RepositoryPlace): Promise<RenumberedItemView[]> {
  const [was, now] = await Promise.all([
    roadmapAt(place, 'HEAD'),
    fs.readFile(path.join(place.root, roadmapFile), 'utf8').catch(() => undefined),
  ]);
  return renumberedEntries(was, now);
}
