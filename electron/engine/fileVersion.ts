/**
 * What the store, its multi-file commits and its reader say about a file: its version, its text and
 * the results of reading and writing it. Below all three, so their imports run one way.
 */
import { createHash } from 'node:crypto';

export interface FileVersion {
  size: number;
  mtimeMs: number;
  /** sha256 hex of the bytes. */
  hash: string;
}

export interface LoadedFile extends FileVersion {
  /** Workspace-relative, forward slashes. */
  path: string;
  text: string;
}

export type ReadError =
  'not-found' | 'outside-workspace' | 'invalid-path' | 'not-text' | 'too-large' | 'unreadable';
export type SaveError =
  'conflict' | 'exists' | 'deleted' | 'read-only' | 'disk-full' | 'outside-workspace' | 'invalid-path' | 'io';

export type ReadResult = { ok: true; file: LoadedFile } | { ok: false; error: ReadError; message: string };
export type SaveResult =
  { ok: true; version: FileVersion } | { ok: false; error: SaveError; message: string; current?: LoadedFile };
export type SaveAllResult =
  | { ok: true; versions: Map<string, FileVersion> }
  | { ok: false; error: SaveError; message: string; path?: string };

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
