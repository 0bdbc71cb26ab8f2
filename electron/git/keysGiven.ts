/**
 * How each change of an item's history that gave it a new key did so (Keep both, a renumbering after
 * a duplicate key, or by hand), read from what the change recorded: its commit's message and the
 * `rekeys.json` record it added. History then says what the person did, not only that a merge did it.
 */
import type { KeyGiven } from '../../shared/contract/gitViews.js';
import { keyGivenHow } from '../../shared/merge/changeOrigin.js';
import { parseRekeys, rekeysFile } from '../engine/rekeyLog.js';
import type { BlobReader } from './blobReader.js';
import { runGit } from './gitCommand.js';
import { itemsOfFile } from './workspaceItems.js';
import type { WorkspaceRepository } from './workspaceRepository.js';

interface KeyedChange {
  commit?: string;
  path: string;
  previousKey?: string;
  merge?: true;
  keyGiven?: KeyGiven;
}

/** Sets `keyGiven` on each committed change in `newKeys` (the change, and the key it gave) that records how. */
export async function describeKeysGiven(
  repository: WorkspaceRepository,
  reader: BlobReader,
  newKeys: ReadonlyMap<KeyedChange, string>,
  kind: 'requirement' | 'roadmap' | 'document' | undefined,
): Promise<void> {
  const records = async (revision: string) =>
    parseRekeys((await reader.readText(revision, repository.prefix + rekeysFile)) ?? '') ?? [];
  for (const [change, to] of newKeys) {
    const { commit, previousKey: from } = change;
    if (!commit || !from) continue;
    const [body, before, after, file] = await Promise.all([
      runGit(['log', '-1', '--format=%B', commit], { cwd: repository.root }),
      records(`${commit}^`),
      records(commit),
      reader.readText(commit, repository.prefix + change.path),
    ]);
    const fileBefore = await reader.readText(`${commit}^`, repository.prefix + change.path);
    const copies = (text: string | undefined) =>
      itemsOfFile(change.path, text ?? '').filter((item) => item.key === from).length;
    const named = (list: typeof after) => list.some((record) => record.key === from && record.newKey === to);
    const how = keyGivenHow({
      from,
      to,
      kind,
      merge: change.merge === true,
      body: body.ok ? body.stdout : '',
      recorded: named(after) && !named(before),
      oldKeyStays: copies(file) > 0,
      definedTwice: copies(fileBefore) > 1,
    });
    if (how) change.keyGiven = { how, to };
  }
}
