/** Resolves the folder a command names, or explains in one line why it cannot be used. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fail, systemMessage, type CliContext } from './cliOutput.js';

/** The folder a command names, or one line on stderr when it is missing or not a folder. */
export async function checkFolder(
  context: CliContext,
  command: string,
  dir: string,
): Promise<{ ok: true; root: string } | { ok: false; code: number }> {
  const root = path.resolve(context.cwd, dir);
  try {
    const stats = await fs.stat(root);
    if (!stats.isDirectory())
      return { ok: false, code: fail(context, `${command}: ${dir} is a file, not a workspace folder`) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such folder' : systemMessage(error);
    return { ok: false, code: fail(context, `${command}: ${dir}: ${reason}`) };
  }
  return { ok: true, root };
}
