/**
 * The item `after` was (in `path`, under its old key) before a change that gave it a new key, when the
 * change itself says so: it added a record to `rekeys.json` for the item's file ("Give the newer one a
 * new key", or Keep both while a rebase stops). Such a rename may change more than the key (a roadmap
 * link renumbered with it, or the copy's own edit replayed onto the other side's), so the text alone
 * cannot tell.
 */
import { parseRekeys, rekeysFile } from '../engine/rekeyLog.js';
import { itemsOfFile, type WorkspaceItem } from './workspaceItems.js';

type Files = [string, string | undefined][];

export function recordedRekey(
  after: WorkspaceItem,
  path: string,
  beforeFiles: Files,
  afterFiles: Files,
): WorkspaceItem | undefined {
  const records = (files: Files) => parseRekeys(files.find(([file]) => file === rekeysFile)?.[1] ?? '') ?? [];
  const added = records(afterFiles);
  if (added.length === 0) return undefined;
  const earlier = records(beforeFiles);
  const key = added.find(
    (record) =>
      record.newKey === after.key &&
      record.path === after.path &&
      !earlier.some((old) => old.key === record.key && old.newKey === record.newKey),
  )?.key;
  const text = beforeFiles.find(([file]) => file === path)?.[1];
  if (key === undefined || text === undefined) return undefined;
  return itemsOfFile(path, text).find((item) => item.kind === after.kind && item.key === key);
}
