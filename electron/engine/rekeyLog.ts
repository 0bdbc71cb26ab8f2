/**
 * `.specbench/rekeys.json`: the copies of duplicated keys renamed after a merge, with the links git
 * blame said were written for them (local state, never committed). Changes lists the links still on
 * the old key on every visit until each is pointed or the user keeps the old key; `check` reports them.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import { standingReferences, type RekeyRecord } from '../../shared/model/rekeyRecord.js';
import { writeFileAtomic } from './atomicFile.js';
import { ensureStateFolder, stateFolderName } from './stateFolder.js';

const fileName = 'rekeys.json';

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

export class RekeyLog {
  private records: RekeyRecord[] = [];

  constructor(private readonly root: string) {}

  /** Reads the file; one that is missing or unreadable is an empty log (it is only a reminder). */
  async load(): Promise<void> {
    const text = await fs.readFile(path.join(this.root, stateFolderName, fileName), 'utf8').catch(() => '');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const read = fileSchema.safeParse(parsed);
    this.records = read.success ? read.data.rekeys : [];
  }

  all(): readonly RekeyRecord[] {
    return this.records;
  }

  /** Records a rename with the links meant for the renamed copy; one without such links is not kept. */
  async record(entry: Omit<RekeyRecord, 'at'>): Promise<void> {
    const others = this.records.filter((record) => !same(record, entry));
    if (entry.references.length === 0 && others.length === this.records.length) return;
    this.records = [
      ...others,
      ...(entry.references.length > 0 ? [{ ...entry, at: new Date().toISOString() }] : []),
    ];
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

  /** Each record with the links still on the old key, at their lines now; records with none left are dropped. */
  async pending(
    documents: readonly DocumentEntry[],
    fieldLine?: Parameters<typeof standingReferences>[2],
  ): Promise<RekeyRecord[]> {
    const pending = this.records
      .map((record) => ({ ...record, references: standingReferences(record, documents, fieldLine) }))
      .filter((record) => record.references.length > 0);
    if (pending.length < this.records.length) {
      const left = new Set(pending.map((record) => `${record.key} ${record.newKey}`));
      this.records = this.records.filter((record) => left.has(`${record.key} ${record.newKey}`));
      await this.save();
    }
    return pending;
  }

  private async save(): Promise<void> {
    const folder = await ensureStateFolder(this.root);
    await writeFileAtomic(
      path.join(folder, fileName),
      `${JSON.stringify({ rekeys: this.records }, null, 2)}\n`,
    );
  }
}

function same(a: Pick<RekeyRecord, 'key' | 'newKey'>, b: Pick<RekeyRecord, 'key' | 'newKey'>): boolean {
  return a.key === b.key && a.newKey === b.newKey;
}
