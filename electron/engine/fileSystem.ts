/**
 * The file-system calls that saves make, behind one small interface: node:fs/promises by default,
 * and in the fault tests a wrapper that makes one chosen call fail with a real errno
 * (testing/faultInjection.ts). Reads stay on node:fs directly: only writes need the seam.
 */
import { promises as fs, type Stats } from 'node:fs';

/** What a save does with an open file (or folder, for `sync`). */
export interface OpenFile {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FileSystem {
  open(file: string, flags: string, mode?: number): Promise<OpenFile>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, created: string): Promise<void>;
  /** Creates the folder and its parents; an existing folder is fine. */
  makeFolder(folder: string): Promise<void>;
  /** Removes a file or a folder tree; a missing one is fine. */
  remove(target: string): Promise<void>;
  readFile(file: string): Promise<Buffer>;
  stat(file: string): Promise<Stats>;
}

export const nodeFileSystem: FileSystem = {
  open: (file, flags, mode) => fs.open(file, flags, mode),
  rename: (from, to) => fs.rename(from, to),
  link: (existing, created) => fs.link(existing, created),
  makeFolder: async (folder) => {
    await fs.mkdir(folder, { recursive: true });
  },
  remove: (target) => fs.rm(target, { recursive: true, force: true }),
  readFile: (file) => fs.readFile(file),
  stat: (file) => fs.stat(file),
};
