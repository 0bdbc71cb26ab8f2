/**
 * The app's reads of history: an item's or a file's changes, the baselines to compare with, the
 * change report between two of them, and the text a story's requirement had when it was reviewed.
 */
import type {
  BlockChangeView,
  ItemChangeView,
  ReviewedVersionView,
  RevisionView,
} from '../../shared/contract/gitViews.js';
import { itemDiff } from '../../shared/merge/itemDiff.js';
import { readableRequirement } from '../../shared/merge/readableChange.js';
import { requirementFingerprint } from '../../shared/model/fingerprint.js';
import { reviewStamps } from '../../shared/model/signOff.js';
import { splitDocument } from '../../shared/frontMatter/frontMatter.js';
import { rekeysFile } from '../engine/rekeyLog.js';
import type { Workspace } from '../engine/workspace.js';
import { runGit } from './gitCommand.js';
import { itemHistory } from './itemHistory.js';
import { blockViews } from './readableBlocks.js';
import { withRecordedKeys } from './recordedRekey.js';
import { itemsOfFile } from './workspaceItems.js';
import type { WorkspaceRepository } from './workspaceRepository.js';

const toView = (change: Awaited<ReturnType<typeof itemHistory>>['changes'][number]): ItemChangeView => {
  const view: ItemChangeView = {
    author: change.author,
    email: change.email,
    date: change.date,
    message: change.message,
    change: change.change,
    path: change.path,
    diff: change.diff,
    blocks: change.blocks,
  };
  if (change.commit) view.commit = change.commit;
  if (change.previousPath) view.previousPath = change.previousPath;
  if (change.previousKey) view.previousKey = change.previousKey;
  if (change.merge) view.merge = true;
  if (change.keyGiven) view.keyGiven = change.keyGiven;
  return view;
};

export async function keyHistory(repository: WorkspaceRepository, key: string): Promise<ItemChangeView[]> {
  return (await itemHistory(repository, key)).changes.map(toView);
}

/**
 * A file without a key: its commits, following renames, each with the diff of the whole file. A merge
 * is listed where it settled the file (its diff against the first parent), not where it only brought
 * the other side's change in.
 */
export async function fileHistory(repository: WorkspaceRepository, file: string): Promise<ItemChangeView[]> {
  const log = await runGit(
    [
      '-c',
      'core.quotePath=false',
      'log',
      '--follow',
      '-m',
      '--name-status',
      '--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%P%x1f%s',
      '--',
      `:(top,literal)${repository.prefix}${file}`,
    ],
    { cwd: repository.root, timeout: 120_000 },
  );
  const changes: ItemChangeView[] = [];
  const reader = repository.blobs();
  // A requirement the commit added as a copy under a new key names its old key, as its rekeys.json record says.
  const withRecords = async (blocks: BlockChangeView[], hash: string, path: string) => {
    if (!blocks.some((block) => block.change === 'added')) return blocks;
    const records = (revision: string) =>
      reader
        .readText(revision, repository.prefix + rekeysFile)
        .then((text): [string, string | undefined][] => [[rekeysFile, text]]);
    return withRecordedKeys(blocks, path, await records(`${hash}^`), await records(hash));
  };
  try {
    const seen = new Set<string>();
    for (const record of log.ok ? log.stdout.split('\x1e').slice(1) : []) {
      const [header, ...lines] = record.split('\n');
      const [hash = '', author = '', email = '', date = '', parents = '', ...subject] = header!.split('\x1f');
      const message = subject.join('\x1f');
      // `-m` lists a merge once per parent, the first parent first: only that one is kept.
      if (seen.has(hash)) continue;
      seen.add(hash);
      const line = lines.find((entry) => entry.trim() !== '');
      if (!line) continue;
      const [status = 'M', first = '', second] = line.split('\t');
      const now = second ?? first;
      const before = status.startsWith('A') ? '' : ((await reader.readText(`${hash}^`, first)) ?? '');
      const after = status.startsWith('D') ? '' : ((await reader.readText(hash, now)) ?? '');
      const [ours, theirs] = parents.split(' ');
      // A merge git lists against its other parent only (the file as the first parent had it): it changed nothing here.
      if (theirs !== undefined && (await reader.readText(`${hash}^`, now)) === after) continue;
      // Only the other side's change, come in cleanly (their file as it was, ours as at the base): its own commit tells it.
      if (
        theirs !== undefined &&
        ours !== undefined &&
        ((await reader.readText(theirs, now)) ?? '') === after
      ) {
        const base = await runGit(['merge-base', ours, theirs], { cwd: repository.root });
        if (base.ok && ((await reader.readText(base.stdout.trim(), first)) ?? '') === before) continue;
      }
      const change: ItemChangeView = {
        commit: hash,
        author,
        email,
        date,
        message,
        ...(theirs !== undefined ? { merge: true as const } : {}),
        change: status.startsWith('A')
          ? 'added'
          : status.startsWith('D')
            ? 'removed'
            : before === after
              ? 'moved'
              : 'changed',
        path: now.slice(repository.prefix.length),
        diff: itemDiff(before, after),
        blocks: await withRecords(blockViews(now, before, after), hash, now.slice(repository.prefix.length)),
      };
      if (second !== undefined) change.previousPath = first.slice(repository.prefix.length);
      changes.push(change);
    }
  } finally {
    reader.close();
  }
  return changes;
}

/** Tags (newest first), branches, and the latest commits that touched the workspace. */
export async function listRevisions(repository: WorkspaceRepository): Promise<RevisionView[]> {
  const [tags, branches, commits] = await Promise.all([
    runGit(
      ['tag', '--sort=-creatordate', '--format=%(refname:short)%1f%(subject)%1f%(creatordate:iso-strict)'],
      {
        cwd: repository.root,
      },
    ),
    runGit(['branch', '--all', '--format=%(refname:short)'], { cwd: repository.root }),
    runGit(['log', '-n', '30', '--format=%H%x1f%s%x1f%aI', '--', '.'], { cwd: repository.root }),
  ]);
  const revisions: RevisionView[] = [];
  for (const line of tags.ok ? tags.stdout.split('\n') : []) {
    const [name, subject, date] = line.split('\x1f');
    if (name)
      revisions.push({ name, kind: 'tag', ...(subject ? { subject } : {}), ...(date ? { date } : {}) });
  }
  for (const name of branches.ok ? branches.stdout.split('\n') : []) {
    if (name && !name.endsWith('/HEAD') && name !== 'HEAD' && !name.startsWith('('))
      revisions.push({ name, kind: 'branch' });
  }
  for (const line of commits.ok ? commits.stdout.split('\n') : []) {
    const [name, subject, date] = line.split('\x1f');
    if (name)
      revisions.push({ name, kind: 'commit', ...(subject ? { subject } : {}), ...(date ? { date } : {}) });
  }
  return revisions;
}

function requirementBody(text: string, key: string): string | undefined {
  const item = itemsOfFile('block.md', text).find(
    (candidate) => candidate.kind === 'requirement' && candidate.key === key,
  );
  return item?.kind === 'requirement' ? item.body : undefined;
}

/**
 * For each requirement a story implements whose text changed since its `reviewed:` stamp: the text
 * it had then, found in git history by its fingerprint, diffed with the text now.
 */
export async function reviewedVersions(
  workspace: Workspace,
  repository: WorkspaceRepository | undefined,
  storyPath: string,
): Promise<ReviewedVersionView[]> {
  const story = workspace.document(storyPath);
  if (!story) return [];
  const read = await workspace.readDocument(story.path);
  const fields = read.ok ? (splitDocument(read.file.text).frontMatter?.data ?? {}) : story.fields;
  const stamps = reviewStamps(fields);
  const views: ReviewedVersionView[] = [];
  for (const key of story.implements) {
    const reviewed = stamps.get(key);
    const found = workspace.requirement(key);
    const current = found?.requirement.fingerprint;
    if (reviewed === undefined || !found || current === undefined || reviewed === current) continue;
    const view: ReviewedVersionView = { key, reviewed, current };
    views.push(view);
    if (!repository) {
      view.note = 'No git history here: only the stamp tells that the text changed.';
      continue;
    }
    const spec = await workspace.readDocument(found.document.path);
    const now = spec.ok ? requirementBody(spec.file.text, key) : undefined;
    const history = await itemHistory(repository, key);
    const changedBy = new Map<string, string>();
    for (const change of history.changes) {
      if (!change.commit) continue;
      const body = requirementBody(change.after, key);
      if (body === undefined || requirementFingerprint(body) !== reviewed) {
        // Newest first: an author's first change met is their latest.
        if (!changedBy.has(change.author)) changedBy.set(change.author, change.date);
        continue;
      }
      view.found = {
        commit: change.commit,
        date: change.date,
        author: change.author,
        diff: itemDiff(body, now ?? ''),
        readable: readableRequirement(body, now ?? ''),
        changedBy: [...changedBy].map(([author, date]) => ({ author, date })),
      };
      break;
    }
    if (!view.found)
      view.note = `No commit holds the text ${key} had when this story was reviewed (stamp ${reviewed}).`;
  }
  return views;
}
