/**
 * Fault injection for the save paths: wraps a real FileSystem (node:fs/promises) and makes the Nth
 * call of one named operation fail with a real errno error, the way the kernel reports it. Every
 * other call goes through to the disk unchanged.
 */
import { constants } from 'node:os';
import { nodeFileSystem, type FileSystem, type OpenFile } from '../fileSystem.js';

/** `write` and `fsync` are calls on an open file; `fsync` of a folder counts too (it is how renames are made durable). */
export type FaultOperation = 'open' | 'write' | 'fsync' | 'rename' | 'link';
export type FaultCode = 'ENOSPC' | 'EIO' | 'EACCES' | 'EROFS';

export interface Fault {
  operation: FaultOperation;
  code: FaultCode;
  /** Which call of that operation fails, counting from 1. */
  nth: number;
}

const descriptions: Record<FaultCode, string> = {
  ENOSPC: 'no space left on device',
  EIO: 'i/o error',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
};

/** The error Node itself throws for a failed system call: message, code, errno, syscall and path. */
export function systemError(code: FaultCode, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${descriptions[code]}, ${syscall} '${file}'`), {
    code,
    errno: -constants.errno[code],
    syscall,
    path: file,
  });
}

export interface FaultyFileSystem {
  fileSystem: FileSystem;
  /** How many calls failed (0 or 1): a case whose fault never fired proves nothing. */
  injected(): number;
}

export function injectFault(fault: Fault, base: FileSystem = nodeFileSystem): FaultyFileSystem {
  const calls = new Map<FaultOperation, number>();
  let injected = 0;
  /** Throws when this call is the one to fail. */
  const check = (operation: FaultOperation, syscall: string, file: string): void => {
    const count = (calls.get(operation) ?? 0) + 1;
    calls.set(operation, count);
    if (operation === fault.operation && count === fault.nth) {
      injected++;
      throw systemError(fault.code, syscall, file);
    }
  };
  const wrap = (handle: OpenFile, file: string): OpenFile => ({
    writeFile: async (data) => {
      check('write', 'write', file);
      await handle.writeFile(data);
    },
    sync: async () => {
      check('fsync', 'fsync', file);
      await handle.sync();
    },
    close: () => handle.close(),
  });
  const fileSystem: FileSystem = {
    ...base,
    open: async (file, flags, mode) => {
      check('open', 'open', file);
      return wrap(await base.open(file, flags, mode), file);
    },
    rename: async (from, to) => {
      check('rename', 'rename', from);
      await base.rename(from, to);
    },
    link: async (existing, created) => {
      check('link', 'link', existing);
      await base.link(existing, created);
    },
  };
  return { fileSystem, injected: () => injected };
}
