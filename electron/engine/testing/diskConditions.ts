/**
 * Real disk faults for the tests that can have them here: a tiny tmpfs filled to the last byte, and
 * immutable files and folders (`chattr +i`, which stops even root). Each says why when it cannot.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FaultCondition } from './faultCases.js';

export type Availability = { ok: true } | { ok: false; reason: string };

export interface TinyDisk {
  folder: string;
  unmount(): Promise<void>;
}

function commandError(error: unknown): string {
  const stderr = (error as { stderr?: Buffer | string }).stderr?.toString().trim();
  return stderr || (error as Error).message;
}

/** Mounts a tmpfs of `bytes` on a new temp folder; needs root and a kernel that allows it. */
export async function mountTinyDisk(
  bytes: number,
): Promise<{ ok: true; disk: TinyDisk } | { ok: false; reason: string }> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-tiny-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0755`, 'tmpfs', folder], {
      stdio: 'pipe',
    });
  } catch (error) {
    await fs.rm(folder, { recursive: true, force: true });
    return { ok: false, reason: `mount -t tmpfs failed (${commandError(error)})` };
  }
  const unmount = async () => {
    execFileSync('umount', [folder], { stdio: 'pipe' });
    await fs.rm(folder, { recursive: true, force: true });
  };
  return { ok: true, disk: { folder, unmount } };
}

/** Writes a filler file until the disk refuses with ENOSPC; returns the filler's path. */
export async function fillDisk(folder: string): Promise<string> {
  const filler = path.join(folder, 'filler.bin');
  const handle = await fs.open(filler, 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
  return filler;
}

export function setImmutable(target: string, immutable: boolean): void {
  execFileSync('chattr', [immutable ? '+i' : '-i', target], { stdio: 'pipe' });
}

/** Whether `chattr +i` works on the file system holding `folder` (ext4 does; tmpfs and overlay may not). */
export async function immutableAvailability(folder = os.tmpdir()): Promise<Availability> {
  const probe = path.join(await fs.mkdtemp(path.join(folder, 'specbench-chattr-')), 'probe');
  await fs.writeFile(probe, '');
  try {
    setImmutable(probe, true);
    setImmutable(probe, false);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `chattr +i is not available here (${commandError(error)})` };
  } finally {
    await fs.rm(path.dirname(probe), { recursive: true, force: true });
  }
}

export interface NamedCondition {
  name: string;
  /** What this machine must allow for the condition to be real. */
  needs: 'tiny disk' | 'chattr' | 'nothing';
  /** Only called when what it needs is there; a full disk needs the mounted tiny disk. */
  condition(disk: TinyDisk | undefined): FaultCondition;
}

const foldersOf = (root: string, files: string[]) => [
  ...new Set(files.map((file) => path.dirname(path.join(root, file)))),
];
const toggle = (paths: string[], on: boolean) => paths.forEach((target) => setImmutable(target, on));

/** The real conditions every save target is tried under, in the tests and in the benchmark. */
export const realDiskConditions: NamedCondition[] = [
  {
    name: 'a full disk (a 256 KB tmpfs filled to the last block)',
    needs: 'tiny disk',
    condition: (disk) => {
      let filler: string | undefined;
      return {
        parent: disk!.folder,
        begin: async () => {
          filler = await fillDisk(disk!.folder);
        },
        end: async () => {
          if (filler) await fs.rm(filler, { force: true });
        },
      };
    },
  },
  {
    name: 'a read-only file (chmod 0444)',
    needs: 'nothing',
    condition: () => ({
      begin: async (root, files) => {
        for (const file of files) await fs.chmod(path.join(root, file), 0o444);
      },
      end: async (root, files) => {
        for (const file of files) await fs.chmod(path.join(root, file), 0o644);
      },
    }),
  },
  {
    name: 'an immutable file (chattr +i)',
    needs: 'chattr',
    condition: () => ({
      begin: async (root, files) =>
        toggle(
          files.map((file) => path.join(root, file)),
          true,
        ),
      end: async (root, files) =>
        toggle(
          files.map((file) => path.join(root, file)),
          false,
        ),
    }),
  },
  {
    name: 'an immutable folder (chattr +i, which stops root too)',
    needs: 'chattr',
    condition: () => ({
      begin: async (root, files) => toggle(foldersOf(root, files), true),
      end: async (root, files) => toggle(foldersOf(root, files), false),
    }),
  },
];

/** Why a condition cannot be real on this machine, or '' when it can. */
export async function conditionSkips(): Promise<{
  disk: TinyDisk | undefined;
  skipReason: (needs: NamedCondition['needs']) => string;
}> {
  const mounted = await mountTinyDisk(256 * 1024);
  const immutable = await immutableAvailability();
  return {
    disk: mounted.ok ? mounted.disk : undefined,
    skipReason: (needs) =>
      needs === 'tiny disk' && !mounted.ok
        ? mounted.reason
        : needs === 'chattr' && !immutable.ok
          ? immutable.reason
          : '',
  };
}
