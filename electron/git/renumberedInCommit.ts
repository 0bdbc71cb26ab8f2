/**
 * A merge made in a terminal (`git pull`, `git merge`) leaves the driver's record of a roadmap item it
 * renumbered in the local `.specbench/rekeys.json`; the next change through the rename log moves it into
 * the shared `rekeys.json`, which the user then commits with something unrelated. That commit says so:
 * "Renumbered in merge 1a2b3c4: RM-13 (Store pickup) is now RM-14", so the record never lands silently.
 * (Amending the merge itself is not safe here: it may be pushed already.)
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseRekeys, rekeysFile } from '../engine/rekeyLog.js';
import { roadmapFileName as roadmapFile } from '../engine/roadmapAdapter.js';
import { runGit } from './gitCommand.js';
import { renumberedEntries, roadmapAt } from './renumberedByMerge.js';
import type { RepositoryPlace } from './repositoryStatus.js';

/** The lines naming the merge renumberings whose records a commit of `rekeys.json` adds to HEAD's. */
export async function renumberedLinesForCommit(place: RepositoryPlace): Promise<string[]> {
  const [shown, onDisk] = await Promise.all([
    runGit(['show', `HEAD:./${rekeysFile}`], { cwd: place.root }),
    fs.readFile(path.join(place.root, rekeysFile), 'utf8').catch(() => ''),
  ]);
  const committed = (shown.ok ? parseRekeys(shown.stdout) : undefined) ?? [];
  // The driver's records name the roadmap itself; a requirement's copy renamed by hand names its spec.
  const added = (parseRekeys(onDisk) ?? []).filter(
    (record) =>
      record.path === roadmapFile &&
      !committed.some((old) => old.key === record.key && old.newKey === record.newKey),
  );
  if (added.length === 0) return [];
  const merges = await runGit(
    ['log', '--merges', '-n', '30', '--format=%H', '--', `:(top,literal)${place.prefix}${roadmapFile}`],
    { cwd: place.root },
  );
  const lines: string[] = [];
  const left = new Set(added.map((record) => `${record.key} ${record.newKey}`));
  for (const merge of merges.ok ? merges.stdout.split('\n').filter(Boolean) : []) {
    if (left.size === 0) break;
    const [before, after] = await Promise.all([roadmapAt(place, `${merge}^1`), roadmapAt(place, merge)]);
    const moved = renumberedEntries(before, after).filter(({ from, to }) => left.delete(`${from} ${to}`));
    if (moved.length === 0) continue;
    const each = moved.map(({ from, to, title }) => `${from}${title ? ` (${title})` : ''} is now ${to}`);
    lines.push(`Renumbered in merge ${merge.slice(0, 7)}: ${each.join('; ')}`);
  }
  // A merge no longer in reach (or a rebase): the record still says what it is.
  const rest = added.filter((record) => left.has(`${record.key} ${record.newKey}`));
  if (rest.length > 0)
    lines.push(
      `Renumbered in a pull: ${rest.map((record) => `${record.key} is now ${record.newKey}`).join('; ')}`,
    );
  return lines;
}
