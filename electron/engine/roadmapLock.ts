/**
 * One writer per roadmap: `.specbench/roadmap.lock`, created with O_EXCL and holding the owner's pid,
 * host, a random token and the real path of the folder it was taken for. A lock left by a dead process
 * on this host, or one that came along with a copy of the folder (`cp -a`), is taken over.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface LockContent {
  pid: number;
  host: string;
  token: string;
  since: string;
  /** The real path of the lock's folder when it was taken; absent in locks written before it was recorded. */
  folder?: string;
}

export type LockResult =
  { ok: true; lock: RoadmapLock } | { ok: false; error: 'locked' | 'unwritable'; message: string };

export class RoadmapLock {
  private constructor(
    readonly file: string,
    private readonly token: string,
  ) {}

  /** `makeFolder` makes the lock's folder (by default, plainly); its failure counts as an unwritable folder. */
  static async acquire(
    file: string,
    makeFolder: () => Promise<unknown> = () => fs.mkdir(path.dirname(file), { recursive: true }),
  ): Promise<LockResult> {
    try {
      await makeFolder();
      const folder = await fs.realpath(path.dirname(file));
      const content: LockContent = {
        pid: process.pid,
        host: os.hostname(),
        token: randomBytes(12).toString('hex'),
        since: new Date().toISOString(),
        folder,
      };
      // Two attempts: the second after removing a lock whose owner is gone.
      for (let attempt = 0; attempt < 2; attempt++) {
        if (await createExclusive(file, JSON.stringify(content)))
          return { ok: true, lock: new RoadmapLock(file, content.token) };
        const holder = await readLock(file);
        if (holder !== 'missing' && holder !== undefined && isHere(holder, folder) && isAlive(holder)) {
          return {
            ok: false,
            error: 'locked',
            message: `Specbench has this workspace open for editing (process ${holder.pid} on ${holder.host}): make the change there, or close it and try again.`,
          };
        }
        if (holder !== 'missing') await fs.rm(file, { force: true });
      }
    } catch (error) {
      return {
        ok: false,
        error: 'unwritable',
        message: `Cannot create ${path.basename(file)}: ${(error as Error).message}`,
      };
    }
    return {
      ok: false,
      error: 'locked',
      message: 'roadmap.json is being opened by another Specbench at this moment; try again.',
    };
  }

  /** Whether the lock file is still ours (a process that wrongly took it over would have replaced it). */
  async isHeld(): Promise<boolean> {
    const holder = await readLock(this.file);
    return holder !== 'missing' && holder !== undefined && holder.token === this.token;
  }

  async release(): Promise<void> {
    if (await this.isHeld()) await fs.rm(this.file, { force: true });
  }
}

async function createExclusive(file: string, text: string): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** `undefined` for a lock file that is empty or unreadable: its writer died before finishing it. */
async function readLock(file: string): Promise<LockContent | 'missing' | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const content = JSON.parse(text) as Partial<LockContent>;
    if (typeof content.pid !== 'number' || typeof content.token !== 'string') return undefined;
    return {
      pid: content.pid,
      host: String(content.host ?? ''),
      token: content.token,
      since: String(content.since ?? ''),
      ...(typeof content.folder === 'string' ? { folder: content.folder } : {}),
    };
  } catch {
    return undefined;
  }
}

/** A lock copied along with its folder names the original's path: its holder is not editing this copy. */
function isHere(holder: LockContent, folder: string): boolean {
  return holder.folder === undefined || holder.folder === folder;
}

/** A process on another host cannot be checked, so its lock is respected. */
function isAlive(holder: LockContent): boolean {
  if (holder.host !== os.hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
