/**
 * The browser-mode token, one per workspace, kept across restarts so a link shared with a colleague
 * keeps working: stored outside the workspace in the user's config folder (file mode 0600, folder
 * 0700), named by a hash of the workspace's real path, replaced by `serve --new-token`.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { joinFor, userFolder, workspaceFolderName } from '../engine/userFolders.js';
import { newSecret } from './serverSecurity.js';

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * `SPECBENCH_CONFIG_DIR`, else the platform's config folder (XDG config on Linux, Application
 * Support on macOS, APPDATA on Windows), then `serve-tokens/<hash of the real path>`.
 */
export function serveTokenFile(
  realRoot: string,
  environment: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const base = environment.SPECBENCH_CONFIG_DIR || userFolder('config', environment, platform, home);
  return joinFor(platform)(base, 'serve-tokens', workspaceFolderName(realRoot));
}

export interface ServeToken {
  token: string;
  /** Where it is kept; undefined when it could not be stored (then it lasts this launch only). */
  file?: string;
  /** Why it could not be stored, in words. */
  problem?: string;
  /** Made now: none was kept for this workspace there (first start, or another config folder). */
  created?: boolean;
}

/** The workspace's token: the stored one, or a new one stored now (always new with `rotate`). */
export async function serveToken(
  root: string,
  options: { rotate?: boolean; environment?: NodeJS.ProcessEnv } = {},
): Promise<ServeToken> {
  const realRoot = await fs.realpath(root).catch(() => path.resolve(root));
  const file = serveTokenFile(realRoot, options.environment ?? process.env);
  if (options.rotate !== true) {
    const stored = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (stored !== undefined && tokenPattern.test(stored.trim())) return { token: stored.trim(), file };
  }
  const token = newSecret();
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await fs.writeFile(temporary, `${token}\n`, { mode: 0o600 });
    await fs.chmod(temporary, 0o600);
    await fs.rename(temporary, file);
    return { token, file, created: true };
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    return { token, problem: `cannot keep the token in ${file} (${code ?? (error as Error).message})` };
  }
}
