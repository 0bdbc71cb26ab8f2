/**
 * The history of one item by its key: the commits that changed a requirement (following it across
 * files, renames and moves, and back through a change of its key), a document or a roadmap item,
 * newest first, each with the diff of that item alone; uncommitted changes first, when there are any.
 * A merge is listed where it settled the item (a conflict resolved, both sides' edits combined, a key
 * given to one copy of a duplicate), with the diff against its first parent; a merge that only brought
 * the other side's change in is not, as that change has its own commit, nor one where the merge driver
 * combined both sides' changes to other blocks of a document.
 */
import { runGit } from './gitCommand.js';
import type { BlockChangeView, KeyGiven } from '../../shared/contract/gitViews.js';
import { itemDiff } from '../../shared/merge/itemDiff.js';
import type { FileVersions } from '../../shared/merge/mergeFile.js';
import { describeKeysGiven } from './keysGiven.js';
import { itemBlocks } from './readableBlocks.js';
import { mergeWithFallback } from './mergeDriver.js';
import { rebasedSide } from './rebasedSide.js';
import { recordedRekey, withRecordedKeys } from './recordedRekey.js';
import { itemsOfFile, type WorkspaceItem } from './workspaceItems.js';
import type { WorkspaceRepository } from './workspaceRepository.js';

export type ItemChangeKind = 'added' | 'changed' | 'moved' | 'removed';

export interface ItemChange {
  /** Undefined for changes not committed yet. */
  commit?: string;
  author: string;
  email: string;
  date: string;
  message: string;
  change: ItemChangeKind;
  path: string;
  previousPath?: string;
  /** The key the item had before this change, when the change gave it its key (REQ-15 became REQ-16). */
  previousKey?: string;
  /** Made in a merge commit: a conflict resolved there, or a key given there; the diff is against its first parent. */
  merge?: true;
  /** How this change gave the item its key (Keep both, a renumbering), when it recorded how. */
  keyGiven?: KeyGiven;
  before: string;
  after: string;
  /** Unified diff hunks of the item's text, `-`/`+`/` ` lines. */
  diff: string[];
  /** The change as a PM reads it: the item as one block, or a document's changed blocks. */
  blocks: BlockChangeView[];
}

export interface ItemHistory {
  key: string;
  kind: WorkspaceItem['kind'] | undefined;
  changes: ItemChange[];
}

type Files = [string, string | undefined][];

/** The block followed: its text and which copy of its key it is in its file (both sides of a merge may add one key to one file). */
interface Expected {
  path: string;
  text: string;
  ordinal: number;
  /** The other copies' texts in that file: a copy with one of them is another block, not this one. */
  others: string[];
}

/** `other` is `one` under another key, word for word. */
const sameButKey = (one: WorkspaceItem, other: WorkspaceItem) =>
  one.text.split(one.key).join(other.key) === other.text;

function find(key: string, files: Files, expected?: Expected): WorkspaceItem | undefined {
  for (const [path, text] of files) {
    if (text === undefined) continue;
    let found = itemsOfFile(path, text).filter((item) => item.key === key);
    if (expected && path === expected.path && expected.others.length > 0)
      found = found.filter((item) => item.text === expected.text || !expected.others.includes(item.text));
    if (found.length <= 1 || !expected) {
      if (found[0]) return found[0];
      continue;
    }
    // Twice in one file: the copy with the text followed so far, else the one at the same place.
    return found.find((item) => item.text === expected.text) ?? found[expected.ordinal] ?? found[0];
  }
  return undefined;
}

function expectation(item: WorkspaceItem, files: Files): Expected {
  const text = files.find(([path]) => path === item.path)?.[1] ?? '';
  const copies = itemsOfFile(item.path, text).filter((other) => other.key === item.key);
  const ordinal = Math.max(
    0,
    copies.findIndex((other) => other.text === item.text),
  );
  return {
    path: item.path,
    text: item.text,
    ordinal,
    others: copies.filter((_copy, index) => index !== ordinal).map((copy) => copy.text),
  };
}

/**
 * The item `after` was before a change that gave it its key: in the same file before, an item whose
 * key is used less after and whose text is the same but for the key.
 */
function rekeyed(
  after: WorkspaceItem,
  beforeText: string | undefined,
  afterText: string,
): WorkspaceItem | undefined {
  if (beforeText === undefined) return undefined;
  const count = (items: WorkspaceItem[], key: string) => items.filter((item) => item.key === key).length;
  const itemsBefore = itemsOfFile(after.path, beforeText);
  const itemsAfter = itemsOfFile(after.path, afterText);
  // The old key is used fewer times after (gone, or one copy of two left), or its item under it is
  // another one now (the merge driver renumbered our roadmap item and theirs took its key).
  return itemsBefore.find(
    (item) =>
      item.kind === after.kind &&
      (count(itemsBefore, item.key) > count(itemsAfter, item.key) ||
        !itemsAfter.some((other) => other.key === item.key && other.text === item.text)) &&
      sameButKey(item, after),
  );
}

/** `before` lives on under another key in `afterFiles` (renumbered or given a new key): not the item that has its key now. */
function renamedAway(before: WorkspaceItem, afterFiles: Files): boolean {
  const text = afterFiles.find(([file]) => file === before.path)?.[1];
  return (
    text !== undefined &&
    itemsOfFile(before.path, text).some(
      (item) => item.kind === before.kind && item.key !== before.key && sameButKey(before, item),
    )
  );
}

/** In a merge, the other side's item that this one is but for its key (Keep both gave it a new key). */
function rekeyedFromTheirs(after: WorkspaceItem, theirs: Files): WorkspaceItem | undefined {
  const text = theirs.find(([file]) => file === after.path)?.[1];
  if (text === undefined) return undefined;
  return itemsOfFile(after.path, text).find(
    (item) => item.kind === after.kind && item.key !== after.key && sameButKey(item, after),
  );
}

/** What the merge driver writes by itself for these three versions is `result`: nothing was resolved by hand. */
function mergedByDriver(result: string, versions: FileVersions): boolean {
  const { parts } = mergeWithFallback(versions);
  return parts.every((part) => part.kind === 'clean') && parts.map((part) => part.text).join('') === result;
}

const same = (one: WorkspaceItem | undefined, other: WorkspaceItem | undefined) =>
  one?.text === other?.text && one?.path === other?.path;

/** What a merge step needs beyond its first parent: the other side's files and, when asked, the merge base's. */
interface MergeSides {
  theirs: Files;
  base: () => Promise<Files>;
  /** The commits of one side (0: ours, 1: theirs), to follow the item there alone once it is known to be that side's. */
  ancestryOf: (parent: number) => Promise<Set<string>>;
}

function describeChange(before: WorkspaceItem | undefined, after: WorkspaceItem | undefined): ItemChangeKind {
  if (!before) return 'added';
  if (!after) return 'removed';
  return before.path !== after.path && before.text === after.text ? 'moved' : 'changed';
}

export async function itemHistory(repository: WorkspaceRepository, key: string): Promise<ItemHistory> {
  const changes: ItemChange[] = [];
  let kind: WorkspaceItem['kind'] | undefined;
  // Once followed back through a change of key, the item is the old key at its own path: another
  // item that had the old key (the other copy of a duplicate) is not this one.
  let tracked = key;
  let trackedPath: string | undefined;
  // What the followed block looked like before the last change, to tell it from another copy of its key.
  let expected: Expected | undefined;
  // Added beside another copy of its key: older commits hold only that other copy.
  let finished = false;
  // Followed into a merge's other side (a key given there): only that side's commits are this item's.
  let ancestry: Set<string> | undefined;
  // The files of the change being read: a document's blocks name the copies its rekeys.json records.
  let files: [Files, Files] = [[], []];
  // Each change that gave the item a new key, with that key: how it did so is read once the walk is done.
  const newKeys = new Map<ItemChange, string>();
  /** One change (a commit, or the working copy): the files it touched, before (old paths) and after. */
  const step = async (
    meta: Omit<ItemChange, 'change' | 'path' | 'before' | 'after' | 'diff' | 'blocks' | 'previousPath'>,
    beforeFiles: Files,
    afterFiles: Files,
    previousPathOf: (path: string) => string,
    merge?: MergeSides,
  ) => {
    if (finished) return;
    files = [beforeFiles, afterFiles];
    const after = find(
      tracked,
      trackedPath === undefined ? afterFiles : afterFiles.filter(([file]) => file === trackedPath),
      expected,
    );
    const afterExpected = after ? expectation(after, afterFiles) : undefined;
    // Its own file first: a move to another file is found too, but never before the item itself.
    const samePath = after ? previousPathOf(after.path) : undefined;
    let before = find(
      tracked,
      trackedPath !== undefined && !after
        ? beforeFiles.filter(([file]) => file === trackedPath)
        : [
            ...beforeFiles.filter(([file]) => file === samePath),
            ...beforeFiles.filter(([file]) => file !== samePath),
          ],
      afterExpected ?? expected,
    );
    if (after && before && before.text !== after.text && renamedAway(before, afterFiles)) before = undefined;
    let previousKey: string | undefined;
    // A merge that only passes the item along as the other side has it (a teammate's pull bringing in a
    // Keep both, its rekeys.json record with it): its key changed on that side, followed below.
    const passedAlong = merge && after && !before && same(find(tracked, merge.theirs, afterExpected), after);
    if (after && !before && !passedAlong) {
      const path = previousPathOf(after.path);
      const afterText = afterFiles.find(([file]) => file === after.path)?.[1] ?? '';
      before = rekeyed(after, beforeFiles.find(([file]) => file === path)?.[1], afterText);
      // Keep both in a merge records the rename too, but the renamed copy is the other side's (below):
      // the old key's item on this side is the copy that kept it.
      if (!merge || !rekeyedFromTheirs(after, merge.theirs))
        before ??= recordedRekey(after, path, beforeFiles, afterFiles);
      if (before) previousKey = before.key;
      // Keep both in a replayed commit: the old key, kept as it was, is the upstream's copy; this is the user's.
      const oldKey = before?.key;
      const keptCopy = itemsOfFile(after.path, afterText).find((item) => item.key === oldKey);
      if (!merge && meta.commit && before && keptCopy?.text === before.text && !sameButKey(before, after)) {
        const side = await rebasedSide(repository, meta.commit, before);
        if (side) ({ before, ancestry } = side);
      }
      // Given a new key in a merge while the other side's item keeps the old one (the driver renumbered
      // our roadmap item both added, or Keep both renamed our copy of a requirement both reworded):
      // that side's commits under the old key are its item's, not this one's.
      const theirsCopy = merge && before ? find(before.key, merge.theirs) : undefined;
      if (
        merge &&
        before &&
        theirsCopy &&
        (theirsCopy.text !== before.text || !find(before.key, await merge.base()))
      )
        ancestry = await merge.ancestryOf(0);
    }
    if (merge && after && !before) {
      const theirs = rekeyedFromTheirs(after, merge.theirs);
      if (theirs) {
        // Keep both: the other side's copy, given a new key in the merge; its older commits are that side's.
        record({ ...meta, previousKey: theirs.key, merge: true }, undefined, after);
        tracked = theirs.key;
        trackedPath = theirs.path;
        expected = expectation(theirs, merge.theirs);
        ancestry = await merge.ancestryOf(1);
        return;
      }
    }
    if (merge && after && !before) {
      const carried = find(tracked, merge.theirs, afterExpected);
      if (carried) {
        // On the other side only (this side has another copy of its key, or none): its past is that side's.
        if (!same(carried, after)) record({ ...meta, merge: true }, carried, after);
        if (trackedPath !== undefined) trackedPath = carried.path;
        expected = expectation(carried, merge.theirs);
        ancestry = await merge.ancestryOf(1);
        return;
      }
    }
    if (merge && after && before) {
      // The other side's copy of this key is another item (Keep both gave it a new key, or both sides
      // added the key where the merge base had none): that side's commits under this key are that copy's.
      const theirs = find(tracked, merge.theirs);
      const afterText = afterFiles.find(([file]) => file === theirs?.path)?.[1];
      if (theirs && theirs.text !== before.text && afterText !== undefined) {
        const renamed = itemsOfFile(theirs.path, afterText).some(
          (item) => item.key !== theirs.key && sameButKey(theirs, item),
        );
        if (renamed || !find(tracked, await merge.base())) ancestry = await merge.ancestryOf(0);
      }
    }
    let listed = true;
    if (merge && !same(before, after)) {
      // Only the other side's change, come in cleanly: its own commit tells it.
      // (The merge base is asked for only when the merge took their side's item as it was.)
      const theirs = find(tracked, merge.theirs, afterExpected ?? expected);
      listed =
        !same(after, theirs) || !same(before, find(tracked, await merge.base(), afterExpected ?? expected));
      // A document both sides changed in different blocks: the merge driver combined them, and each
      // side's change has its own commit; only a result the driver would not give is a resolution.
      if (
        listed &&
        after?.kind === 'document' &&
        before?.path === after.path &&
        theirs?.path === after.path
      ) {
        const base = find(tracked, await merge.base(), afterExpected ?? expected);
        listed = !mergedByDriver(after.text, {
          path: after.path,
          base: base?.text ?? '',
          ours: before.text,
          theirs: theirs.text,
        });
      }
    }
    if (listed)
      record(
        { ...meta, ...(previousKey ? { previousKey } : {}), ...(merge ? { merge: true as const } : {}) },
        before,
        after,
      );
    if (previousKey) tracked = previousKey;
    if (before && (previousKey || trackedPath !== undefined)) trackedPath = before.path;
    if (before) expected = expectation(before, beforeFiles);
    else if (after) {
      expected = undefined;
      finished = afterExpected!.others.length > 0;
    }
  };
  const record = (
    meta: Omit<ItemChange, 'change' | 'path' | 'before' | 'after' | 'diff' | 'blocks' | 'previousPath'>,
    before: WorkspaceItem | undefined,
    after: WorkspaceItem | undefined,
  ) => {
    if (!before && !after) return;
    if (before && after && before.text === after.text && before.path === after.path) return;
    kind ??= (after ?? before)!.kind;
    const what = describeChange(before, after);
    const diff = itemDiff(before?.text ?? '', after?.text ?? '');
    const change: ItemChange = {
      ...meta,
      change: what,
      path: (after ?? before)!.path,
      before: before?.text ?? '',
      after: after?.text ?? '',
      diff,
      blocks: withRecordedKeys(itemBlocks(before, after, what, diff), (after ?? before)!.path, ...files),
    };
    if (before && after && before.path !== after.path) change.previousPath = before.path;
    if (meta.previousKey && after) newKeys.set(change, after.key);
    changes.push(change);
  };
  // The one copy of the key on disk now, when there is one: older commits of other files are not its.
  const now = [...(await repository.workingFilesContaining(key))];
  const copies = now.flatMap(([path, text]) => itemsOfFile(path, text).filter((item) => item.key === key));
  if (copies.length === 1) {
    trackedPath = copies[0]!.path;
    expected = expectation(copies[0]!, now);
  }
  const reader = repository.blobs();
  try {
    const at = (revision: string, path: string) => reader.readText(revision, repository.prefix + path);
    const uncommitted = await repository.uncommittedPaths();
    if (uncommitted.length > 0) {
      const files = await repository.workingFiles();
      await step(
        { author: '', email: '', date: '', message: 'Not committed yet' },
        await Promise.all(
          uncommitted.map(async (path) => [path, await at('HEAD', path)] as [string, string | undefined]),
        ),
        uncommitted.map((path) => [path, files.get(path)]),
        (path) => path,
      );
    }
    for (const commit of await repository.commits()) {
      if (finished) break;
      if (ancestry && !ancestry.has(commit.hash)) continue;
      const afterFiles = await Promise.all(
        commit.changes
          .filter((entry) => entry.status !== 'D')
          .map(
            async (entry) => [entry.path, await at(commit.hash, entry.path)] as [string, string | undefined],
          ),
      );
      const beforeFiles = await Promise.all(
        commit.changes
          .filter((entry) => entry.status !== 'A')
          .map(async (entry) => {
            const previous = entry.previousPath ?? entry.path;
            return [previous, await at(`${commit.hash}^`, previous)] as [string, string | undefined];
          }),
      );
      const { hash, author, email, date, message } = commit;
      const previousPaths = new Map(
        commit.changes.map((entry) => [entry.path, entry.previousPath ?? entry.path]),
      );
      const [ours, other] = commit.parents;
      const sideFiles = (revision: string) =>
        Promise.all(
          [...new Set([...beforeFiles, ...afterFiles].map(([path]) => path))].map(
            async (path) => [path, await at(revision, path)] as [string, string | undefined],
          ),
        );
      const merge: MergeSides | undefined =
        other === undefined
          ? undefined
          : {
              theirs: await sideFiles(other),
              base: async () => {
                const found = await runGit(['merge-base', ours!, other], { cwd: repository.root });
                return found.ok ? sideFiles(found.stdout.trim()) : [];
              },
              ancestryOf: async (parent) => {
                const listed = await runGit(['rev-list', parent === 0 ? ours! : other], {
                  cwd: repository.root,
                  timeout: 120_000,
                });
                return new Set(listed.ok ? listed.stdout.split('\n').filter(Boolean) : []);
              },
            };
      await step(
        { commit: hash, author, email, date, message },
        beforeFiles,
        afterFiles,
        (path) => previousPaths.get(path) ?? path,
        merge,
      );
    }
    await describeKeysGiven(repository, reader, newKeys, kind);
  } finally {
    reader.close();
  }
  return { key, kind, changes };
}
