/**
 * lowdb adapter for `roadmap.json`: validated reads, and writes that are atomic and durable, keep the
 * previous good file as `roadmap.json.bak`, and refuse to overwrite a file changed on disk since it was read.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { z } from 'zod';
import { formatRoadmapJson } from '../../shared/model/roadmapJson.js';
import {
  releaseSchema,
  roadmapFileSchema,
  roadmapItemSchema,
  type RoadmapFile,
} from '../../shared/model/roadmapModel.js';
import { UnconfirmedWriteError, temporaryName, writeFileAtomic } from './atomicFile.js';
import { writeFailure } from './fileTransaction.js';
import { nodeFileSystem, type FileSystem } from './fileSystem.js';
import { fieldPath, jsonSyntaxMessage, schemaIssueMessage } from './jsonProblem.js';

export const roadmapFileName = 'roadmap.json';

/** Fields the schema does not know are kept, so a newer version's (or a user's) data survives a write. */
const storedFileSchema = roadmapFileSchema
  .extend({
    items: z.array(roadmapItemSchema.loose()).default([]),
    releases: z.array(releaseSchema.loose()).default([]),
  })
  .loose();

export type RoadmapProblemKind = 'corrupt' | 'unreadable' | 'conflict' | 'locked' | 'unwritable';

/** A problem with the file, thrown through lowdb and turned back into a value by the store. */
export class RoadmapFileProblem extends Error {
  constructor(
    readonly kind: RoadmapProblemKind,
    message: string,
  ) {
    super(message);
  }
}

export type ParsedRoadmap = { ok: true; data: RoadmapFile } | { ok: false; message: string };

export function parseRoadmapText(text: string, fileName = roadmapFileName): ParsedRoadmap {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: jsonSyntaxMessage(fileName, text, error) };
  }
  const parsed = storedFileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const describeField = (issuePath: readonly PropertyKey[]): string => {
    const [first, index, ...rest] = issuePath;
    if ((first !== 'items' && first !== 'releases') || typeof index !== 'number') return fieldPath(issuePath);
    const key = (raw as Record<string, { key?: unknown }[]>)[first]![index]?.key;
    const noun = first === 'items' ? 'item' : 'release';
    const item = typeof key === 'string' ? `${noun} ${key} (${first}[${index}])` : `${first}[${index}]`;
    return rest.length === 0 ? item : `${item} ${fieldPath(rest)}`;
  };
  return { ok: false, message: schemaIssueMessage(fileName, parsed.error.issues[0]!, describeField) };
}

export { formatRoadmapJson };

/** What a save writes: a roadmap without releases as before releases existed, so old files change only where edited. */
export function roadmapText(data: RoadmapFile): string {
  const { releases, ...rest } = data;
  return formatRoadmapJson(releases.length === 0 ? rest : data);
}

export class RoadmapFileAdapter implements Adapter<RoadmapFile> {
  readonly file: string;
  readonly backupFile: string;
  /** The text last read or written: what the file on disk should still hold. */
  private knownText: string | undefined;
  /** `itemLines()` for `knownText`, kept until the text changes (a scan of 4 MB takes ~10 ms). */
  private linesOf: { text: string; lines: Map<string, number[]> } | undefined;

  constructor(
    root: string,
    /** Checked before every write; false means another process took the lock over. */
    private readonly holdsLock: () => Promise<boolean>,
    private readonly fileSystem: FileSystem = nodeFileSystem,
  ) {
    this.file = path.join(root, roadmapFileName);
    this.backupFile = `${this.file}.bak`;
  }

  /** The file's text, or undefined when it does not exist. */
  async readText(): Promise<string | undefined> {
    try {
      return await fs.readFile(this.file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      throw new RoadmapFileProblem(
        'unreadable',
        `${roadmapFileName} cannot be read (${code ?? String(error)}).`,
      );
    }
  }

  /** A missing file is an empty roadmap (null makes lowdb keep its default). */
  async read(): Promise<RoadmapFile | null> {
    const text = await this.readText();
    if (text === undefined) {
      this.knownText = undefined;
      return null;
    }
    const parsed = parseRoadmapText(text);
    if (!parsed.ok) throw new RoadmapFileProblem('corrupt', parsed.message);
    this.knownText = text;
    return parsed.data;
  }

  /** The roadmap as last read or written, parsed again: what a failed write rolls back to. */
  lastWritten(): RoadmapFile | undefined {
    if (this.knownText === undefined) return undefined;
    const parsed = parseRoadmapText(this.knownText);
    return parsed.ok ? parsed.data : undefined;
  }

  /**
   * The file about to be replaced becomes the backup through a hard link: no copy, and its bytes were
   * made durable when they were written. Where links are not supported, it is copied.
   */
  private async backUp(current: string): Promise<void> {
    const temp = temporaryName(this.backupFile);
    try {
      await this.fileSystem.link(this.file, temp);
      await this.fileSystem.rename(temp, this.backupFile);
      // Renaming onto another link of the same file does nothing (POSIX): the backup already is it.
      await this.fileSystem.remove(temp);
    } catch {
      await this.fileSystem.remove(temp).catch(() => undefined);
      await writeFileAtomic(this.backupFile, current, { fileSystem: this.fileSystem });
    }
  }

  /** The line of each item's `"key"` field in the file as last read or written, for findings. */
  itemLines(): ReadonlyMap<string, readonly number[]> {
    const lines = new Map<string, number[]>();
    if (this.knownText === undefined) return lines;
    if (this.linesOf?.text === this.knownText) return this.linesOf.lines;
    this.linesOf = { text: this.knownText, lines };
    const keyField = /"key"\s*:\s*"([^"\\]*)"/g;
    let line = 1;
    let counted = 0;
    for (let match = keyField.exec(this.knownText); match; match = keyField.exec(this.knownText)) {
      for (
        let index = this.knownText.indexOf('\n', counted);
        index !== -1 && index < match.index;
        index = this.knownText.indexOf('\n', index + 1)
      )
        line++;
      counted = match.index;
      const found = lines.get(match[1]!);
      if (found) found.push(line);
      else lines.set(match[1]!, [line]);
    }
    return lines;
  }

  isKnown(text: string | undefined): boolean {
    return text === this.knownText;
  }

  /** Not async up to the first await: the text is taken from `data` as it is at the call. */
  write(data: RoadmapFile): Promise<void> {
    return this.writeText(roadmapText(data));
  }

  private async writeText(text: string): Promise<void> {
    if (!(await this.holdsLock())) {
      throw new RoadmapFileProblem(
        'locked',
        `Another Specbench took over ${roadmapFileName}; reopen it to edit.`,
      );
    }
    const current = await this.readText();
    if (current !== this.knownText) {
      if (current !== undefined && !parseRoadmapText(current).ok) {
        throw new RoadmapFileProblem(
          'corrupt',
          `${roadmapFileName} was changed on disk and is no longer valid, so it was not overwritten; fix it or restore the backup.`,
        );
      }
      throw new RoadmapFileProblem(
        'conflict',
        `${roadmapFileName} changed on disk since it was loaded; reload it first.`,
      );
    }
    if (text === current) return;
    try {
      if (current !== undefined) await this.backUp(current);
      await writeFileAtomic(this.file, text, { fileSystem: this.fileSystem });
    } catch (error) {
      // Unconfirmed means the new text is on disk: it is what the next write must find there.
      if (error instanceof UnconfirmedWriteError) this.knownText = text;
      throw new RoadmapFileProblem('unwritable', writeFailure(error, roadmapFileName).message);
    }
    this.knownText = text;
  }

  /** Puts the backup in place; the current file, good or not, is kept beside it under a dated name. */
  async restoreBackup(): Promise<
    | { ok: true; data: RoadmapFile; keptAs?: string }
    | { ok: false; error: 'no-backup' | 'corrupt'; message: string }
  > {
    let backup: string;
    try {
      backup = await fs.readFile(this.backupFile, 'utf8');
    } catch {
      return { ok: false, error: 'no-backup', message: `There is no ${roadmapFileName}.bak to restore.` };
    }
    const parsed = parseRoadmapText(backup, `${roadmapFileName}.bak`);
    if (!parsed.ok) return { ok: false, error: 'corrupt', message: parsed.message };
    const current = await this.readText();
    let keptAs: string | undefined;
    if (current !== undefined) {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const kind = parseRoadmapText(current).ok ? 'replaced' : 'corrupt';
      keptAs = `roadmap.${kind}-${stamp}.json`;
      // A copy, not a rename: a crash before the restore lands must not leave no roadmap at all.
      await fs.copyFile(this.file, path.join(path.dirname(this.file), keptAs), constants.COPYFILE_EXCL);
    }
    await writeFileAtomic(this.file, backup);
    this.knownText = backup;
    return keptAs === undefined ? { ok: true, data: parsed.data } : { ok: true, data: parsed.data, keptAs };
  }

  /** Temp files of writers killed mid-write; only called while holding the lock, so none is live. */
  async removeStaleTempFiles(): Promise<void> {
    const folder = path.dirname(this.file);
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    const stale = names.filter((name) => /^\.roadmap\.json(\.bak)?\.[0-9]+\.[0-9a-f]+\.tmp$/.test(name));
    await Promise.all(stale.map((name) => fs.rm(path.join(folder, name), { force: true })));
  }
}
