/**
 * `rekeys.json` beside `roadmap.json`: the copies of duplicated keys renamed after a merge, with the
 * links git blame said were written for them. It is committed with the rename, so every clone that
 * pulls learns of it: Changes lists the links still on the old key until each is pointed or the user
 * keeps the old key, `check` reports them, and Push warns. The merge driver merges it record by record.
 * Records kept in `.specbench/rekeys.json` (local only, before it was shared) are read and moved here.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import { standingReferences, type RekeyRecord } from '../../shared/model/rekeyRecord.js';
import { writeFileAtomic } from './atomicFile.js';
import { ensureStateFolder, stateFolderName } from './stateFolder.js';

export const rekeysFile = 'rekeys.json';
const about =
  'Keys Specbench renamed after a merge (a duplicate), with the links written for the renamed copy; check reports those still on the old key.';

const recordSchema = z.object({
  key: z.string(),
  newKey: z.string(),
  path: z.string(),
  at: z.string(),
  references: z.array(
    z.object({
      path: z.string(),
      line: z.number().int().positive(),
      kind: z.string(),
      from: z.string(),
      commit: z.string(),
      author: z.string(),
    }),
  ),
});
const fileSchema = z.object({ rekeys: z.array(recordSchema) });

/** The records of one file's text; a missing or unreadable file has none (it is only a reminder). */
export function parseRekeys(text: string): RekeyRecord[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  const read = fileSchema.safeParse(parsed);
  return read.success ? read.data.rekeys : undefined;
}

/** Each record's fields in one order, however it was built or read: a new record is the file's only change. */
export function formatRekeys(records: readonly RekeyRecord[]): string {
  const rekeys = records.map(({ key, newKey, path, at, references }) => ({
    key,
    newKey,
    path,
    at,
    references: references.map(({ path, line, kind, from, commit, author }) => ({
      path,
      line,
      kind,
      from,
      commit,
      author,
    })),
  }));
  return `${JSON.stringify({ about, rekeys }, null, 2)}\n`;
}

/**
 * Adds records to `<root>/.specbench/rekeys.json`, the local file `load` reads beside the shared one:
 * for the merge driver, which runs while git is still writing the merge and must not touch a file git
 * may write. The next change through the log moves them to the shared file.
 */
export async function recordLocally(
  root: string,
  entries: readonly Omit<RekeyRecord, 'at'>[],
): Promise<void> {
  if (entries.length === 0) return;
  const file = path.join(await ensureStateFolder(root), rekeysFile);
  const existing = parseRekeys(await fs.readFile(file, 'utf8').catch(() => '')) ?? [];
  const at = new Date().toISOString();
  const kept = existing.filter((record) => !entries.some((entry) => same(record, entry)));
  await writeFileAtomic(file, formatRekeys([...kept, ...entries.map((entry) => ({ ...entry, at }))]));
}

/** Recorded commit ids a rebase has since replayed, each to the id it has now (see rebasedRecordIds). */
export type RebasedIds = (commits: readonly string[]) => Promise<Map<string, string>>;

export class RekeyLog {
  private records: RekeyRecord[] = [];
  /** Records only in the old local file: written to the shared one at the next change. */
  private local = false;

  constructor(
    private readonly root: string,
    private readonly rebasedIds?: RebasedIds,
  ) {}

  /** Reads the shared file (and the old local one); after a pull the watcher calls it again. */
  async load(): Promise<void> {
    const read = (file: string) => fs.readFile(file, 'utf8').then(parseRekeys, () => undefined);
    const [shared, local] = await Promise.all([
      read(path.join(this.root, rekeysFile)),
      read(path.join(this.root, stateFolderName, rekeysFile)),
    ]);
    const records = shared ?? [];
    const missing = (local ?? []).filter((record) => !records.some((kept) => same(kept, record)));
    this.local = local !== undefined;
    this.records = await this.afterRebase([...records, ...missing]);
  }

  /** The records with the commits a rebase replayed named as they are now; the next change saves them so. */
  private async afterRebase(records: RekeyRecord[]): Promise<RekeyRecord[]> {
    const commits = records.flatMap((record) => record.references.map((reference) => reference.commit));
    const moved = await this.rebasedIds?.(commits).catch(() => undefined);
    if (moved === undefined || moved.size === 0) return records;
    return records.map((record) => ({
      ...record,
      references: record.references.map((reference) => {
        const commit = moved.get(reference.commit);
        return commit === undefined ? reference : { ...reference, commit };
      }),
    }));
  }

  all(): readonly RekeyRecord[] {
    return this.records;
  }

  /**
   * Records a rename with the links meant for the renamed copy. One without such links is kept too: it
   * is the rename's only trace in the workspace, and Changes and `check` simply have nothing to list.
   */
  async record(entry: Omit<RekeyRecord, 'at'>): Promise<void> {
    const others = this.records.filter((record) => !same(record, entry));
    this.records = [...others, { ...entry, at: new Date().toISOString() }];
    await this.save();
  }

  /** The user keeps the old key for these links: the record goes. */
  async dismiss(key: string, newKey: string): Promise<boolean> {
    const kept = this.records.filter((record) => !same(record, { key, newKey }));
    if (kept.length === this.records.length) return false;
    this.records = kept;
    await this.save();
    return true;
  }

  /**
   * Each record with the links still on the old key, at their lines now. Reading writes nothing: a
   * record whose links are all pointed stays in the shared file (a clone that has not pulled the
   * pointing yet still needs it) and simply has nothing pending.
   */
  pending(
    documents: readonly DocumentEntry[],
    fieldLine?: Parameters<typeof standingReferences>[2],
  ): RekeyRecord[] {
    return this.records
      .map((record) => ({ ...record, references: standingReferences(record, documents, fieldLine) }))
      .filter((record) => record.references.length > 0);
  }

  private async save(): Promise<void> {
    await writeFileAtomic(path.join(this.root, rekeysFile), formatRekeys(this.records));
    if (this.local) {
      await fs.rm(path.join(this.root, stateFolderName, rekeysFile), { force: true });
      this.local = false;
    }
  }
}

function same(a: Pick<RekeyRecord, 'key' | 'newKey'>, b: Pick<RekeyRecord, 'key' | 'newKey'>): boolean {
  return a.key === b.key && a.newKey === b.newKey;
}
