/**
 * When the merge driver moves a roadmap item of ours to a new key (both sides added RM-15; theirs keeps
 * it, ours becomes RM-16), the links our side wrote for it (`roadmap=RM-15`, `about: [RM-15]`,
 * `[[RM-15]]`) would quietly deliver the other item. The driver records them as it renumbers, in the
 * workspace's local `.specbench/rekeys.json` (git is mid-merge: the shared file may be one it writes),
 * which the workspace reads like any rename after a merge: `check` reports them, Changes offers "Point
 * to RM-16", Push warns. A link counts when git blame says it was written in a commit on our side that
 * already had our RM-15 (so not before it, and never on theirs).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RekeyedReference, RekeyRecord } from '../../shared/model/rekeyRecord.js';
import { indexDocument } from '../engine/indexDocument.js';
import { recordLocally } from '../engine/rekeyLog.js';
import { runGit } from './gitCommand.js';

type Renumbering = { list: string; from: string; to: string };

/** The commit whose side moves: ours (HEAD) in a merge, the commit being replayed in a rebase. */
async function movingCommit(top: string, rebasing: boolean): Promise<string | undefined> {
  if (!rebasing) return 'HEAD';
  const done = await runGit(['rev-parse', '--git-path', 'rebase-merge/done'], { cwd: top });
  if (!done.ok) return undefined;
  const text = await fs.readFile(path.resolve(top, done.stdout.trim()), 'utf8').catch(() => '');
  const picks = text.split('\n').flatMap((line) => /^\S+ ([0-9a-f]{7,64})\b/.exec(line)?.[1] ?? []);
  return picks.at(-1);
}

async function git(top: string, args: string[]): Promise<string | undefined> {
  const run = await runGit(args, { cwd: top });
  return run.ok ? run.stdout : undefined;
}

/** The links to `key` in `revision`'s files under `prefix` (Markdown only), each with its kind and line. */
async function linksAt(top: string, revision: string, prefix: string, key: string) {
  const listed = await git(top, ['grep', '-l', '-I', '-F', key, revision, '--', `:(top)${prefix}`]);
  const files = (listed ?? '')
    .split('\n')
    .map((line) => line.slice(revision.length + 1))
    .filter((file) => /\.(md|markdown)$/i.test(file));
  const links: Omit<RekeyedReference, 'commit' | 'author'>[] = [];
  for (const file of files) {
    const text = await git(top, ['show', `${revision}:${file}`]);
    if (text === undefined) continue;
    const relative = file.slice(prefix.length);
    const entry = indexDocument(relative, text, { size: text.length, mtimeMs: 0, hash: '' });
    const from = entry.key ?? entry.title;
    for (const requirement of entry.requirements)
      if (requirement.roadmap.includes(key))
        links.push({ path: file, line: requirement.line, kind: 'delivers', from: requirement.key });
    if (entry.about.includes(key)) {
      const index = text
        .split('\n')
        .slice(0, entry.bodyLine - 1)
        .findIndex((line) => new RegExp(`\\b${key}\\b(?!-)`).test(line));
      links.push({ path: file, line: Math.max(index + 1, 1), kind: 'evidence', from });
    }
    for (const reference of entry.references)
      if (reference.target === key || reference.anchor === key)
        links.push({ path: file, line: reference.line, kind: 'mentions', from });
  }
  return links;
}

/** The links to `key` the moving side wrote once its own `key` existed, with the commit that wrote each. */
export async function linksWrittenFor(
  top: string,
  prefix: string,
  revision: string,
  key: string,
): Promise<RekeyedReference[]> {
  const roadmap = `:(top,literal)${prefix}roadmap.json`;
  const added = (
    await git(top, ['log', '-1', '--format=%H', '-G', `"key" *: *"${key}"`, revision, '--', roadmap])
  )?.trim();
  if (!added) return [];
  const found: RekeyedReference[] = [];
  for (const link of await linksAt(top, revision, prefix, key)) {
    const blamed = await git(top, [
      'blame',
      '--porcelain',
      '-L',
      `${link.line},${link.line}`,
      revision,
      '--',
      link.path,
    ]);
    const commit = blamed?.slice(0, 40) ?? '';
    if (!/^[0-9a-f]{40}$/.test(commit)) continue;
    if (!(await runGit(['merge-base', '--is-ancestor', added, commit], { cwd: top })).ok) continue;
    found.push({
      ...link,
      path: link.path.slice(prefix.length),
      commit: commit.slice(0, 7),
      author: /^author (.*)$/m.exec(blamed!)?.[1] ?? '',
    });
  }
  return found;
}

/**
 * Records each renumbering the driver made in `file` (%P, from the repository's top `top`) with the
 * links written for the moved entry. Answers what it recorded.
 */
export async function recordRenumberings(
  top: string,
  file: string,
  renumbered: readonly Renumbering[],
  rebasing: boolean,
): Promise<Omit<RekeyRecord, 'at'>[]> {
  const revision = await movingCommit(top, rebasing);
  if (revision === undefined) return [];
  const folder = path.posix.dirname(file);
  const prefix = folder === '.' ? '' : `${folder}/`;
  const records: Omit<RekeyRecord, 'at'>[] = [];
  for (const { from, to } of renumbered) {
    const references = await linksWrittenFor(top, prefix, revision, from);
    records.push({ key: from, newKey: to, path: 'roadmap.json', references });
  }
  await recordLocally(path.resolve(top, folder), records);
  return records;
}
