/**
 * After Keep both gave one side's copy a new key (in a merge or a rebase, whichever side it is): the
 * links to the old key written on that side, so most likely meant for it. A link counts when its line
 * is not in the file as the kept copy's side has it, and is named by the commit on the renamed side
 * that wrote it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RepointCandidateView } from '../../shared/contract/gitViews.js';
import type { Workspace } from '../engine/workspace.js';
import { runGit } from './gitCommand.js';
import type { KeepBothSides } from './keepBothSide.js';
import type { RepositoryPlace } from './repositoryStatus.js';

const splitLines = (text: string) => text.split(/\r?\n/);

async function fileAt(place: RepositoryPlace, revision: string, file: string): Promise<string[] | undefined> {
  const shown = await runGit(['show', `${revision}:${place.prefix}${file}`], { cwd: place.root });
  return shown.ok ? splitLines(shown.stdout) : undefined;
}

/** Who wrote `text` in `file` as `revision` has it: its commit (short) and author. */
async function writer(
  place: RepositoryPlace,
  revision: string,
  file: string,
  lines: string[] | undefined,
  text: string,
): Promise<{ commit: string; author: string }> {
  const at = lines ? lines.indexOf(text) + 1 : 0;
  const args =
    at > 0
      ? ['blame', '--porcelain', '-L', `${at},${at}`, revision, '--', file]
      : ['log', '-1', '--format=%H%nauthor %an', revision];
  const run = await runGit(args, { cwd: place.root });
  return {
    commit: run.ok ? run.stdout.slice(0, 7) : '',
    author: (run.ok && /^author (.*)$/m.exec(run.stdout)?.[1]) || '',
  };
}

export async function arrivingLinks(
  place: RepositoryPlace,
  workspace: Workspace,
  key: string,
  newKey: string,
  sides: Pick<KeepBothSides, 'renamedRevision' | 'keptRevision'>,
): Promise<RepointCandidateView[]> {
  const links = workspace
    .links(key)
    .incoming.filter((link) => link.to === key && link.from !== newKey && link.kind !== 'delivers');
  const kept = new Map<string, string[] | undefined>();
  const renamed = new Map<string, string[] | undefined>();
  const candidates: RepointCandidateView[] = [];
  for (const link of links) {
    let working: string[];
    try {
      working = splitLines(await fs.readFile(path.join(place.root, link.path), 'utf8'));
    } catch {
      continue;
    }
    const text = working[link.line - 1];
    if (text === undefined) continue;
    if (!kept.has(link.path)) kept.set(link.path, await fileAt(place, sides.keptRevision, link.path));
    if (kept.get(link.path)?.includes(text)) continue;
    if (!renamed.has(link.path))
      renamed.set(link.path, await fileAt(place, sides.renamedRevision, link.path));
    const wrote = await writer(place, sides.renamedRevision, link.path, renamed.get(link.path), text);
    candidates.push({ path: link.path, line: link.line, kind: link.kind, from: link.from, ...wrote });
  }
  return candidates;
}
