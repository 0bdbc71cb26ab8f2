/**
 * Whether a folder opens as a workspace, and how: the folder readable, then its roadmap opened for
 * writing, read-only (another Specbench holds it, the folder is unwritable) or one file at a time.
 */
import { promises as fs } from 'node:fs';
import type { Settings } from '../../shared/model/settingsModel.js';
import { RoadmapStore } from './roadmapStore.js';

export interface WorkspaceOpenOptions {
  /** Take the roadmap's write lock; a workspace another process is editing opens read-only. */
  write?: boolean;
  /** Watch the folder and re-index what changes outside. */
  watch?: boolean;
  /** Use and refresh `.specbench/index-cache.bin` (default true). */
  cache?: boolean;
  /** Decode every cached entry while opening, not each on first use: for a one-shot run that reads them all. */
  wholeEntries?: boolean;
  /** This workspace's backup folder; by default under the user's state folder (`backupFolderFor`). */
  backupFolder?: string;
  /**
   * With `write`, while another Specbench holds the workspace: still save existing documents one at a
   * time (`review`'s one line). Such a save is atomic, checked against the version read and refused
   * while the holder has unsaved edits of that file; the holder reloads it like any outside edit.
   */
  oneFileWrites?: boolean;
}

export type WorkspaceOpenError =
  'not-found' | 'not-a-folder' | 'unreadable' | 'invalid-settings' | 'corrupt-roadmap' | 'locked';

export interface WorkspaceRoadmap {
  ok: true;
  roadmapStore: RoadmapStore;
  /** Why a workspace opened for writing is read-only (another Specbench has it open, an unwritable folder). */
  readOnlyReason: string | undefined;
  /** Another Specbench holds the workspace and this one was opened with `oneFileWrites`. */
  oneFileWrites: boolean;
}

/** The roadmap, with its write lock when asked for and free; read-only when another process holds it. */
export async function openWorkspaceRoadmap(
  root: string,
  settings: Settings,
  options: WorkspaceOpenOptions,
): Promise<WorkspaceRoadmap | { ok: false; error: WorkspaceOpenError; message: string }> {
  const prefixes = { keyPrefix: settings.prefixes.roadmap, releasePrefix: settings.prefixes.release };
  let roadmap = await RoadmapStore.open(root, { write: options.write === true, ...prefixes });
  let readOnlyReason: string | undefined;
  const oneFileWrites = options.oneFileWrites === true && !roadmap.ok && roadmap.error === 'locked';
  // Another process holds the roadmap's lock, or the folder is read-only: open read-only rather than not at all.
  if (!roadmap.ok && (roadmap.error === 'locked' || roadmap.error === 'unwritable')) {
    readOnlyReason = roadmap.message;
    roadmap = await RoadmapStore.open(root, prefixes);
  }
  if (!roadmap.ok) {
    const error =
      roadmap.error === 'corrupt' ? 'corrupt-roadmap' : roadmap.error === 'locked' ? 'locked' : 'unreadable';
    return { ok: false, error, message: roadmap.message };
  }
  return { ok: true, roadmapStore: roadmap.store, readOnlyReason, oneFileWrites };
}

/** `shown` is the folder as the caller named it: a message keeps the path, not only its last name. */
export async function checkFolder(
  root: string,
  shown: string,
): Promise<
  { ok: true } | { ok: false; error: 'not-found' | 'not-a-folder' | 'unreadable'; message: string }
> {
  try {
    const stats = await fs.stat(root);
    if (!stats.isDirectory())
      return { ok: false, error: 'not-a-folder', message: `${shown} is a file, not a folder.` };
    await fs.readdir(root);
    return { ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { ok: false, error: 'not-found', message: `There is no folder ${shown}.` };
    }
    return {
      ok: false,
      error: 'unreadable',
      message: `The folder ${shown} cannot be read (${code ?? 'unknown error'}).`,
    };
  }
}
