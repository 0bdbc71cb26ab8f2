/**
 * Specbench's own folders for this user, outside every workspace: backups live in the state folder,
 * browser-mode tokens in the config folder. Each workspace gets a subfolder named by a hash of its
 * real path, so two checkouts of one repository never share one.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/** `state`: what the app keeps for itself (backups); `config`: what the user set up (tokens). */
export type UserFolderKind = 'state' | 'config';

/** XDG on Linux, Application Support on macOS, LOCALAPPDATA (state) or APPDATA (config) on Windows. */
export function userFolder(
  kind: UserFolderKind,
  environment: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  if (platform === 'win32') {
    const base =
      kind === 'state'
        ? environment.LOCALAPPDATA || join(home, 'AppData', 'Local')
        : environment.APPDATA || join(home, 'AppData', 'Roaming');
    return join(base, 'Specbench');
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Specbench');
  return kind === 'state'
    ? join(environment.XDG_STATE_HOME || join(home, '.local', 'state'), 'specbench')
    : join(environment.XDG_CONFIG_HOME || join(home, '.config'), 'specbench');
}

/** The name of a workspace's subfolder: 16 hex digits of the SHA-256 of its real path. */
export function workspaceFolderName(realRoot: string): string {
  return createHash('sha256').update(realRoot).digest('hex').slice(0, 16);
}

/** `path.join` as the platform joins. */
export function joinFor(platform: NodeJS.Platform): (...parts: string[]) => string {
  return platform === 'win32' ? path.win32.join : path.posix.join;
}
