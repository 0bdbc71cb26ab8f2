/**
 * The item `after` was (in `path`, under its old key) before a change that gave it a new key, when the
 * change itself says so: it added a record to `rekeys.json` for the item's file ("Give the newer one a
 * new key", or Keep both while a rebase stops). Such a rename may change more than the key (a roadmap
 * link renumbered with it, or the copy's own edit replayed onto the other side's), so the text alone
 * cannot tell.
 */
import type { BlockChangeView } from '../../shared/contract/gitViews.js';
import type { RekeyRecord } from '../../shared/model/rekeyRecord.js';
import { parseRekeys, rekeysFile } from '../engine/rekeyLog.js';
import { itemsOfFile, type WorkspaceItem } from './workspaceItems.js';

type Files = [string, string | undefined][];

export function recordedRekey(
  after: WorkspaceItem,
  path: string,
  beforeFiles: Files,
  afterFiles: Files,
): WorkspaceItem | undefined {
  const key = addedRecords(beforeFiles, afterFiles).find(
    (record) => record.newKey === after.key && record.path === after.path,
  )?.key;
  const text = beforeFiles.find(([file]) => file === path)?.[1];
  if (key === undefined || text === undefined) return undefined;
  return itemsOfFile(path, text).find((item) => item.kind === after.kind && item.key === key);
}

/** The records of `rekeys.json` a change added (none when it did not touch the file). */
function addedRecords(beforeFiles: Files, afterFiles: Files): RekeyRecord[] {
  const records = (files: Files) => parseRekeys(files.find(([file]) => file === rekeysFile)?.[1] ?? '') ?? [];
  const earlier = records(beforeFiles);
  return records(afterFiles).filter(
    (record) => !earlier.some((old) => old.key === record.key && old.newKey === record.newKey),
  );
}

/**
 * A document's changed blocks with the old key of each requirement the change added as a copy under a
 * new key, as its record says: "REQ-18 added (was REQ-13)" in the document's History, as in REQ-18's own.
 */
export function withRecordedKeys(
  blocks: BlockChangeView[],
  path: string,
  beforeFiles: Files,
  afterFiles: Files,
): BlockChangeView[] {
  const added = addedRecords(beforeFiles, afterFiles).filter((record) => record.path === path);
  if (added.length === 0) return blocks;
  return blocks.map((block) => {
    const record = block.change === 'added' && added.find((each) => each.newKey === block.what);
    return record ? { ...block, previousKey: record.key } : block;
  });
}
