/**
 * Atomic, durable file writes: a unique temp file in the same folder, write, fsync, rename over the
 * target, fsync the folder. A crash at any moment leaves the old bytes or the new, never a torn file.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { nodeFileSystem, type FileSystem } from './fileSystem.js';

const renameRetries = 10;

export interface AtomicWriteOptions {
  /** File mode for a new file; an existing file keeps its own mode. */
  mode?: number;
  fileSystem?: FileSystem;
}

/**
 * The new bytes replaced the file, but syncing the folder failed: readers see them, a power cut may
 * not keep them. Carries the errno of the failed sync; a later write syncs the folder again.
 */
export class UnconfirmedWriteError extends Error {
  readonly code: string | undefined;

  constructor(cause: unknown) {
    super(`The new file is in place but the folder could not be synced: ${(cause as Error).message}`, {
      cause,
    });
    this.code = (cause as NodeJS.ErrnoException).code;
  }
}

export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const folder = path.dirname(target);
  const temp = temporaryName(target);
  const existing = await existingMode(target, fileSystem);
  // A rename would replace a read-only file (even for root): its read-only bit is honoured instead.
  if (existing !== undefined && (existing & 0o222) === 0) {
    throw Object.assign(new Error(`EACCES: permission denied, the file is read-only '${target}'`), {
      code: 'EACCES',
      syscall: 'open',
      path: target,
    });
  }
  const mode = options.mode ?? existing ?? 0o644;
  await writeAndSync(temp, data, mode, fileSystem);
  try {
    await renameWithRetry(temp, target, fileSystem);
  } catch (error) {
    await fileSystem.remove(temp).catch(() => undefined);
    throw error;
  }
  try {
    await syncFolder(folder, fileSystem);
  } catch (error) {
    throw new UnconfirmedWriteError(error);
  }
}

/** `.name.<pid>.<12 hex>.tmp` beside the target: unique, hidden, and recognisable as ours after a crash. */
export function temporaryName(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
}

/** Creates `file` (which must not exist), writes and flushes it; on any failure removes it again. */
export async function writeAndSync(
  file: string,
  data: string | Uint8Array,
  mode: number,
  fileSystem: FileSystem = nodeFileSystem,
): Promise<void> {
  const handle = await fileSystem.open(file, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fileSystem.remove(file).catch(() => undefined);
    throw error;
  }
  try {
    await handle.close();
  } catch (error) {
    await fileSystem.remove(file).catch(() => undefined);
    throw error;
  }
}

async function existingMode(target: string, fileSystem: FileSystem): Promise<number | undefined> {
  try {
    return (await fileSystem.stat(target)).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** Windows refuses a rename while another process (an indexer, an antivirus) holds the file. */
export async function renameWithRetry(
  from: string,
  to: string,
  fileSystem: FileSystem = nodeFileSystem,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fileSystem.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (
        process.platform !== 'win32' ||
        (code !== 'EPERM' && code !== 'EBUSY') ||
        attempt >= renameRetries
      ) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}

/** Makes the rename itself durable; folders cannot be opened for sync on Windows. */
export async function syncFolder(folder: string, fileSystem: FileSystem = nodeFileSystem): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fileSystem.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
